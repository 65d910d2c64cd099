package export

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
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
	// workers prepare notes at the same time (read the old note, merge,
	// write aside) while this goroutine keeps the books and puts batches
	// in place; 0 does everything in order on one goroutine (the fault
	// tests count operations).
	workers int
	// ctx stops the export (Ctrl-C; nil: nothing does): no note is started after it is done,
	// the notes written aside and not yet in place are removed, and the
	// record keeps what was put in place.
	ctx context.Context
	// stop cancels ctx with errStopDiskFull at the first full-disk
	// error; full is that error; total counts the notes the export
	// covers (those after the stop are rendered and counted only, so the
	// reader is told how many were not written).
	stop  context.CancelCauseFunc
	full  error
	total int

	// state is the record as loaded: workers read it, nothing writes it
	// until the notes are done. updates are what this export recorded.
	state      *exportState
	updates    map[string][]uint64
	stateDirty bool
	// seen holds the ids of notes in the folder or written now; the
	// record keeps only those.
	seen map[string]bool
	// taken are the file names in use; workers name conflict copies.
	taken   map[string]bool
	takenMu sync.Mutex
	rep     FolderReport

	pending      []pendingFile
	pendingBytes int
}

// newFolderWriter writes into dir through the operating system, one
// worker per core.
func newFolderWriter(dir string) *folderWriter {
	return &folderWriter{dir: dir, fs: osFS{}, now: time.Now, batchNotes: batchNotes, batchBytes: batchBytes, workers: runtime.GOMAXPROCS(0)}
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
	// mode is the permissions the file gets: those of the file it
	// replaces, or newFileMode; size is its length.
	mode os.FileMode
	size int
}

// prepared is a note a worker made ready: skipped (err), unchanged, or
// written aside (files: its conflict copy first, then the note), with the
// files that could not be written aside.
type prepared struct {
	id        string
	err       error
	unchanged bool
	name      string
	lines     []uint64
	kept      int
	files     []pendingFile
	failed    []failedFile
}

// failedFile is a file that could not be written aside.
type failedFile struct {
	p   pendingFile
	err error
}

// write exports lib into the folder (see WriteFolder).
func (f *folderWriter) write(lib *Library, g Grouping) (FolderReport, error) {
	return f.writeFrom(lib.NoteSource(), g)
}

// writeFrom exports src into the folder (see WriteFolderFrom).
func (f *folderWriter) writeFrom(src NoteSource, g Grouping) (FolderReport, error) {
	f.rep, f.stateDirty, f.pending, f.pendingBytes = FolderReport{}, false, nil, 0
	f.updates = map[string][]uint64{}
	if f.ctx == nil {
		f.ctx = context.Background()
	}
	parent := f.ctx
	f.ctx, f.stop = context.WithCancelCause(parent)
	f.full, f.total = nil, 0
	defer func() {
		f.stop(nil)
		f.ctx = parent
	}()
	if err := os.MkdirAll(f.dir, 0o755); err != nil {
		return f.rep, fmt.Errorf("creating the notes folder: %w", err)
	}
	if err := checkStateDir(f.dir, false); err != nil {
		return f.rep, err
	}
	RemoveStaleTemps(f.dir)
	scan, err := scanFolder(f.dir)
	if err != nil {
		return f.rep, err
	}
	if f.state, err = loadState(f.dir); err != nil {
		f.rep.Warnings = append(f.rep.Warnings, fmt.Errorf("the record of the last export could not be read, so lines Dramatis cannot place are kept: %w", err))
		f.stateDirty = true
	}
	f.taken, f.seen = scan.taken, map[string]bool{}
	for id := range scan.existing {
		f.seen[id] = true
	}
	heads := src.Heads()
	actors := src.Actors()
	r := &renderer{actors: actorMap(actors), topics: topicMap(src.Topics()), names: scan.notesNames(slices.Clone(heads), actors)}
	f.run(parent, func(emit func(Note) bool) { r.produce(src, heads, actors, g, emit) })
	if f.full != nil {
		f.discardPending()
		f.saveState()
		return f.rep, &DiskFullError{Dir: f.dir, Written: len(f.rep.Written), Total: f.total, Err: rootErr(f.full)}
	}
	if err := parent.Err(); err != nil {
		f.discardPending()
		f.saveState()
		return f.rep, fmt.Errorf("the export stopped: %w", err)
	}
	f.flush()
	f.saveState()
	return f.rep, nil
}

// produce reads the articles of heads from src one at a time and emits
// their notes, then, for PerActor, the actors' notes, which keep of each
// article only what they show. It stops when emit says so (false).
func (r *renderer) produce(src NoteSource, heads []ArticleHead, actors []annotation.Actor, g Grouping, emit func(Note) bool) {
	articles := PerArticle
	if g == ByActor {
		articles = ByActor
	}
	var passages actorPassages
	if g == PerActor {
		passages = actorPassages{}
	}
	for _, h := range heads {
		a := src.Article(h.ID)
		if a == nil {
			continue
		}
		if !emit(r.articleNote(a, articles)) {
			return
		}
		if passages != nil {
			r.collectPassages(passages, a, true)
		}
	}
	if passages != nil {
		for _, n := range r.actorNotesOf(passages, actors) {
			if !emit(n) {
				return
			}
		}
	}
}

// run renders the notes (produce) on one goroutine, prepares them on
// f.workers and keeps the books on this one.
// Once f.ctx is done, no note is prepared any more, and what was
// prepared is discarded (collect); no note is rendered any more either,
// but after a full disk the rest are still rendered to be counted (until
// parent, the reader's Ctrl-C, is done).
func (f *folderWriter) run(parent context.Context, produce func(emit func(Note) bool)) {
	// more counts n and says whether to prepare it (true) or, with
	// going on false, to stop rendering.
	more := func() (prepare, goingOn bool) {
		if f.ctx.Err() == nil {
			f.total++
			return true, true
		}
		if parent.Err() == nil && context.Cause(f.ctx) == errStopDiskFull {
			f.total++
			return false, true
		}
		return false, false
	}
	if f.workers <= 0 {
		produce(func(n Note) bool {
			prep, goingOn := more()
			if prep {
				f.collect(f.prepare(n))
			}
			return goingOn
		})
		return
	}
	notes := make(chan Note, 4*f.workers)
	results := make(chan prepared, 4*f.workers)
	go func() {
		defer close(notes)
		produce(func(n Note) bool {
			prep, goingOn := more()
			if prep {
				notes <- n
			}
			return goingOn
		})
	}()
	var wg sync.WaitGroup
	for range f.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range notes {
				if f.ctx.Err() == nil {
					results <- f.prepare(n)
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	for pr := range results {
		f.collect(pr)
	}
}

// prepare merges one note with what the folder holds and writes it aside
// (a worker's part: it reads only the loaded record).
func (f *folderWriter) prepare(n Note) prepared {
	path := filepath.Join(f.dir, n.Name+".md")
	pr := prepared{id: n.ID, name: n.Name + ".md"}
	old, mode, err := readNote(path)
	if err != nil {
		pr.err = err
		return pr
	}
	var data []byte
	var res mergeResult
	if old == nil {
		data = freshNote(n)
	} else if data, res, err = mergeNote(string(old), n, f.state); err != nil {
		pr.err = fmt.Errorf("%s.md was left as it is: %w", n.Name, err)
		return pr
	}
	pr.lines = lineHashes(managedLines(n.Body))
	if old != nil && bytes.Equal(old, data) {
		pr.unchanged = true
		return pr
	}
	pr.kept = res.kept
	p := pendingFile{path: path, name: pr.name, id: n.ID, lines: pr.lines, mode: mode}
	if res.conflicts > 0 {
		cp := pendingFile{isCopy: true, mode: newFileMode}
		cp.name = f.conflictName(n) + ".md"
		cp.path = filepath.Join(f.dir, cp.name)
		pr.writeAside(f.fs, f.dir, cp, conflictNote(n))
		p.conflict = cp.name
	}
	pr.writeAside(f.fs, f.dir, p, data)
	return pr
}

// conflictName is a new, unique name for a note's conflict copy.
func (f *folderWriter) conflictName(n Note) string {
	f.takenMu.Lock()
	defer f.takenMu.Unlock()
	return uniqueName(n.Name+" (Dramatis conflict "+f.now().Format("2006-01-02 150405")+")", n.ID, f.taken)
}

// collect keeps the books of a prepared note and queues its files; a
// full batch is put in place.
func (f *folderWriter) collect(pr prepared) {
	f.seen[pr.id] = true
	if f.ctx.Err() != nil {
		for _, p := range pr.files {
			f.fs.Remove(p.tmp)
		}
		return
	}
	switch {
	case pr.err != nil:
		f.rep.Skipped = append(f.rep.Skipped, pr.err)
		return
	case pr.unchanged:
		f.rep.Unchanged = append(f.rep.Unchanged, pr.name)
		f.record(pr.id, pr.lines)
		return
	}
	for _, x := range pr.failed {
		if isDiskFull(x.err) {
			for _, p := range pr.files {
				f.fs.Remove(p.tmp)
			}
			f.stopFull(x.err)
			return
		}
	}
	for _, x := range pr.failed {
		f.fail(x.p, x.err)
	}
	f.rep.Kept += pr.kept
	for _, p := range pr.files {
		f.pending = append(f.pending, p)
		f.pendingBytes += p.size
	}
	if len(f.pending) >= f.batchNotes || f.pendingBytes >= f.batchBytes {
		f.flush()
	}
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

// writeAside writes a file to a temporary file beside it (not yet
// synced) and adds it to the prepared note's files, or to its failures.
func (pr *prepared) writeAside(fs fileSystem, dir string, p pendingFile, data []byte) {
	t, err := fs.CreateTemp(dir, tempPattern())
	if err != nil {
		pr.failed = append(pr.failed, failedFile{p, err})
		return
	}
	p.tmp, p.size = t.Name(), len(data)
	err = t.Chmod(p.mode)
	if err == nil {
		_, err = t.Write(data)
	}
	if cerr := t.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fs.Remove(p.tmp)
		pr.failed = append(pr.failed, failedFile{p, err})
		return
	}
	pr.files = append(pr.files, p)
}

// discardPending removes the files of the batch not yet put in place (an
// export that stopped): the notes they would have replaced stay as they
// were, and nothing is left in the folder.
func (f *folderWriter) discardPending() {
	for _, p := range f.pending {
		f.fs.Remove(p.tmp)
	}
	f.pending, f.pendingBytes = nil, 0
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
			if !isDiskFull(err) {
				f.fail(p, err)
			}
		}
		if isDiskFull(err) {
			f.stopFull(err)
		}
		return
	}
	failedCopies := map[string]bool{}
	// placedCopies are the conflict copies put in place, by name: when
	// the disk fills before their note is, they are taken away again.
	placedCopies := map[string]string{}
	renamed := false
	for i, p := range batch {
		if err := f.fs.Rename(p.tmp, p.path); isDiskFull(err) {
			// A folder can need room to grow for a new name.
			for _, q := range batch[i:] {
				f.fs.Remove(q.tmp)
				if path, ok := placedCopies[q.conflict]; ok && !q.isCopy {
					f.fs.Remove(path)
				}
			}
			f.stopFull(err)
			break
		} else if err != nil {
			f.fs.Remove(p.tmp)
			failedCopies[p.name] = p.isCopy
			f.fail(p, err)
			continue
		}
		renamed = true
		if p.isCopy {
			placedCopies[p.name] = p.path
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

// stopFull stops the export at the first full-disk error: no further
// note is prepared, what was written aside is removed, and the export
// says so once (DiskFullError) instead of once per note.
func (f *folderWriter) stopFull(err error) {
	if f.full == nil {
		f.full = err
	}
	f.stop(errStopDiskFull)
}

// fail reports a file that was not written: a note stays as it was.
func (f *folderWriter) fail(p pendingFile, err error) {
	if p.isCopy {
		f.rep.Warnings = append(f.rep.Warnings, fmt.Errorf("the conflict copy %s could not be written: %w", p.name, err))
		return
	}
	f.rep.Skipped = append(f.rep.Skipped, fmt.Errorf("%s was left as it is: %w", p.name, err))
}

// record notes what Dramatis's part of note id now holds (in updates:
// workers may still read the record as loaded).
func (f *folderWriter) record(id string, lines []uint64) {
	if old, ok := f.state.notes[id]; ok && len(old) == len(lines) && regionHash(old) == regionHash(lines) {
		return
	}
	f.updates[id] = lines
	f.stateDirty = true
}

// saveState writes the record of this export beside the notes, when it
// changed. Losing it loses nothing: the next export then keeps every line
// it cannot place.
func (f *folderWriter) saveState() {
	for id, lines := range f.updates {
		f.state.notes[id] = lines
	}
	before := len(f.state.notes)
	f.state.keepOnly(f.seen)
	if !f.stateDirty && len(f.state.notes) == before {
		return
	}
	dir := filepath.Join(f.dir, stateDir)
	err := checkStateDir(f.dir, true)
	if err == nil {
		RemoveStaleTemps(dir)
		err = writeFile(f.fs, statePath(f.dir), f.state.encode())
	}
	if isDiskFull(err) {
		// Not the name of the temporary file it was met writing.
		err = rootErr(err)
	}
	if err != nil {
		f.rep.Warnings = append(f.rep.Warnings, fmt.Errorf("the record of this export could not be saved, so the next one keeps every line it cannot place: %w", err))
	}
}
