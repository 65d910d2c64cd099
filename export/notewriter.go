package export

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Batches: notes are written aside, made durable together and then
// renamed into place, one sync per batch instead of one per note (the
// first export of 50,000 notes took 105 s with one fsync each). A batch
// is small enough to cost a fraction of a second and little memory.
const (
	batchNotes = 1000
	batchBytes = 32 << 20
)

// folderWriter writes one export into a notes folder.
type folderWriter struct {
	dir string
	fs  fileSystem
	now func() time.Time
	// batchNotes and batchBytes bound a batch (tests make them small).
	batchNotes, batchBytes int

	state      *exportState
	stateDirty bool
	// seen holds the ids of notes in the folder or written now; the
	// record keeps only those.
	seen  map[string]bool
	taken map[string]bool
	rep   FolderReport

	pending      []pendingFile
	pendingBytes int
}

// pendingFile is a file written aside, waiting for its batch's sync and
// rename.
type pendingFile struct {
	tmp, path string
	// name is the file name for the report.
	name string
	// A note has its id and the hashes of what Dramatis wrote into its
	// managed part; a conflict copy has isCopy, and its note names it in
	// conflict.
	id       string
	lines    []uint64
	conflict string
	isCopy   bool
}

// write exports lib into the folder (see WriteFolder).
func (f *folderWriter) write(lib *Library, g Grouping) (FolderReport, error) {
	f.rep, f.stateDirty, f.pending, f.pendingBytes = FolderReport{}, false, nil, 0
	if err := os.MkdirAll(f.dir, 0o755); err != nil {
		return f.rep, fmt.Errorf("creating the notes folder: %w", err)
	}
	RemoveStaleTemps(f.dir)
	existing, taken, err := scanFolder(f.dir)
	if err != nil {
		return f.rep, err
	}
	if f.state, err = loadState(f.dir); err != nil {
		f.rep.Warnings = append(f.rep.Warnings, fmt.Errorf("the record of the last export could not be read, so lines Dramatis cannot place are kept: %w", err))
		f.stateDirty = true
	}
	f.taken, f.seen = taken, map[string]bool{}
	for id := range existing {
		f.seen[id] = true
	}
	r := &renderer{actors: lib.ActorMap(), names: NewNames(lib, existing, taken)}
	articles := PerArticle
	if g == ByActor {
		articles = ByActor
	}
	for i := range lib.Articles {
		f.note(r.articleNote(&lib.Articles[i], articles))
	}
	if g == PerActor {
		for _, n := range r.actorNotes(lib) {
			f.note(n)
		}
	}
	f.flush()
	f.saveState()
	return f.rep, nil
}

// note merges one note with what the folder holds and queues it.
func (f *folderWriter) note(n Note) {
	path := filepath.Join(f.dir, n.Name+".md")
	f.seen[n.ID] = true
	old, err := readNote(path)
	if err != nil {
		f.rep.Skipped = append(f.rep.Skipped, err)
		return
	}
	var data []byte
	var res mergeResult
	if old == nil {
		data = freshNote(n)
	} else if data, res, err = mergeNote(string(old), n, f.state); err != nil {
		f.rep.Skipped = append(f.rep.Skipped, fmt.Errorf("%s.md was left as it is: %w", n.Name, err))
		return
	}
	lines := lineHashes(managedLines(n.Body))
	if old != nil && bytes.Equal(old, data) {
		f.rep.Unchanged = append(f.rep.Unchanged, n.Name+".md")
		f.record(n.ID, lines)
		return
	}
	f.rep.Kept += res.kept
	p := pendingFile{path: path, name: n.Name + ".md", id: n.ID, lines: lines}
	if res.conflicts > 0 {
		p.conflict = f.conflictCopy(n)
	}
	f.add(p, data)
}

// conflictCopy queues the copy of a note that holds Dramatis's version
// of its managed part, and returns the copy's file name.
func (f *folderWriter) conflictCopy(n Note) string {
	name := uniqueName(n.Name+" (Dramatis conflict "+f.now().Format("2006-01-02 150405")+")", n.ID, f.taken)
	p := pendingFile{path: filepath.Join(f.dir, name+".md"), name: name + ".md", isCopy: true}
	f.add(p, conflictNote(n))
	return p.name
}

// conflictNote is a conflict copy: a short explanation and Dramatis's
// version of the note's managed part. It has no dramatis_id, so it is
// never taken for the note itself.
func conflictNote(n Note) []byte {
	fm := newFrontMatter()
	fm.str("conflict_of", "[["+n.Name+"]]")
	fm.list("tags", []string{"dramatis/conflict"})
	var b bytes.Buffer
	b.Write(fm.bytes())
	b.WriteString("\nDramatis could not bring its changes into [[" + n.Name + "]]: you and Dramatis changed the same lines since the last export. The note keeps your lines; this is its part as Dramatis would write it now. Take what you need from here, then delete this file.\n\n")
	b.Write(n.Body)
	return b.Bytes()
}

// add writes a file aside (not yet synced) and queues it; a full batch
// is flushed.
func (f *folderWriter) add(p pendingFile, data []byte) {
	t, err := f.fs.CreateTemp(f.dir, tempPattern)
	if err != nil {
		f.fail(p, err)
		return
	}
	p.tmp = t.Name()
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(p.path); err == nil {
		mode = fi.Mode().Perm()
	}
	err = t.Chmod(mode)
	if err == nil {
		_, err = t.Write(data)
	}
	if cerr := t.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		f.fs.Remove(p.tmp)
		f.fail(p, err)
		return
	}
	f.pending = append(f.pending, p)
	f.pendingBytes += len(data)
	if len(f.pending) >= f.batchNotes || f.pendingBytes >= f.batchBytes {
		f.flush()
	}
}

// flush makes the batch durable with one sync and renames its files into
// place. If the sync fails, nothing of the batch is put in place.
func (f *folderWriter) flush() {
	batch := f.pending
	f.pending, f.pendingBytes = nil, 0
	if len(batch) == 0 {
		return
	}
	names := make([]string, len(batch))
	for i, p := range batch {
		names[i] = p.tmp
	}
	if err := f.fs.SyncFiles(f.dir, names); err != nil {
		for _, p := range batch {
			f.fs.Remove(p.tmp)
			f.fail(p, err)
		}
		return
	}
	failedCopies := map[string]bool{}
	renamed := false
	for _, p := range batch {
		if err := f.fs.Rename(p.tmp, p.path); err != nil {
			f.fs.Remove(p.tmp)
			failedCopies[p.name] = p.isCopy
			f.fail(p, err)
			continue
		}
		renamed = true
		if p.isCopy {
			continue
		}
		f.rep.Written = append(f.rep.Written, p.name)
		f.record(p.id, p.lines)
		if p.conflict != "" {
			c := Conflict{Note: p.name, Copy: p.conflict}
			if failedCopies[p.conflict] {
				c.Copy = ""
			}
			f.rep.Conflicts = append(f.rep.Conflicts, c)
		}
	}
	if renamed {
		if err := f.fs.SyncDir(f.dir); err != nil {
			f.rep.Warnings = append(f.rep.Warnings, fmt.Errorf("the notes were written, but the folder could not be synced, so a power cut could still undo the last renames: %w", err))
		}
	}
}

// fail reports a file that was not written: a note stays as it was.
func (f *folderWriter) fail(p pendingFile, err error) {
	if p.isCopy {
		f.rep.Warnings = append(f.rep.Warnings, fmt.Errorf("the conflict copy %s could not be written: %w", p.name, err))
		return
	}
	f.rep.Skipped = append(f.rep.Skipped, fmt.Errorf("%s was left as it is: %w", p.name, err))
}

// record notes what Dramatis's part of note id now holds.
func (f *folderWriter) record(id string, lines []uint64) {
	if old, ok := f.state.notes[id]; ok && regionHash(old) == regionHash(lines) && len(old) == len(lines) {
		return
	}
	f.state.notes[id] = lines
	f.stateDirty = true
}

// saveState writes the record of this export beside the notes, when it
// changed. Losing it loses nothing: the next export then keeps every line
// it cannot place.
func (f *folderWriter) saveState() {
	before := len(f.state.notes)
	f.state.keepOnly(f.seen)
	if !f.stateDirty && len(f.state.notes) == before {
		return
	}
	dir := filepath.Join(f.dir, stateDir)
	err := os.MkdirAll(dir, 0o755)
	if err == nil {
		RemoveStaleTemps(dir)
		err = writeFile(f.fs, statePath(f.dir), f.state.encode())
	}
	if err != nil {
		f.rep.Warnings = append(f.rep.Warnings, fmt.Errorf("the record of this export could not be saved, so the next one keeps every line it cannot place: %w", err))
	}
}
