package export

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dramatis-app/dramatis/annotation"
)

// maxScanBytes is how much of an existing note is read to find its
// dramatis_id: front matter is short, and a notes folder may hold huge
// files that are none of Dramatis's business.
const maxScanBytes = 64 << 10

// maxNoteBytes bounds an existing note Dramatis rewrites.
const maxNoteBytes = 64 << 20

// FolderReport says what WriteFolder did, by file name.
type FolderReport struct {
	Written   []string
	Unchanged []string
	// Conflicts are notes where the reader and Dramatis changed the same
	// lines since the last export: the note keeps the reader's lines
	// there, and a copy beside it holds Dramatis's version.
	Conflicts []Conflict
	// Kept counts lines of notes from before Dramatis kept a record of
	// its exports (or whose record was lost) that were kept because
	// Dramatis could not tell them from the reader's.
	Kept int
	// Skipped notes were left untouched, each with the reason.
	Skipped []error
	// Warnings are problems that lost nothing (an unreadable record of
	// the last export, a folder that could not be synced).
	Warnings []error
}

// Conflict names a note whose lines both sides changed and the copy that
// holds Dramatis's version ("" when that copy could not be written).
type Conflict struct {
	Note, Copy string
}

// WriteFolder writes the library's notes into dir as "<name>.md": per
// article (PerArticle, ByActor), or per actor plus the article notes they
// link to (PerActor). It is safe to repeat: a note that exists (found by
// the dramatis_id in its front matter, so renamed notes are found too)
// keeps every line outside the managed part, every property the reader
// added, and every line the reader added or changed inside the managed
// part: Dramatis's changes are merged around them, line by line, against
// a record of what it wrote last (in dir/.dramatis). Where both changed
// the same lines, the reader's stay and Dramatis's version goes into a
// conflict copy beside the note. Notes are written aside, made durable
// in batches and renamed into place, so a note is never half-written.
// Notes that cannot be merged (unreadable front matter, broken markers
// and no record) are skipped and reported, not overwritten.
func WriteFolder(dir string, lib *Library, g Grouping) (FolderReport, error) {
	return newFolderWriter(dir).write(lib, g)
}

// WriteFolderFrom is WriteFolder reading the library from src one article
// at a time: the memory an export takes does not grow with the library
// (but for the actors' notes of PerActor, which are as big as the
// passages they hold).
func WriteFolderFrom(dir string, src NoteSource, g Grouping) (FolderReport, error) {
	return newFolderWriter(dir).writeFrom(src, g)
}

// WriteFolderFromUntil is WriteFolderFrom until ctx is done (Ctrl-C):
// then no further note is written, the notes written aside and not yet in
// place are removed (the notes they would have replaced stay as they
// were), the record of the export keeps what was put in place, and the
// error wraps ctx's. The report says what was written before.
func WriteFolderFromUntil(ctx context.Context, dir string, src NoteSource, g Grouping) (FolderReport, error) {
	f := newFolderWriter(dir)
	f.ctx = ctx
	return f.writeFrom(src, g)
}

// folderScan is what a notes folder holds before an export.
type folderScan struct {
	// existing are the notes Dramatis wrote before: dramatis_id → name.
	existing map[string]string
	// taken is every name in use (folded).
	taken map[string]bool
	// links are the names (folded, without ".md") of notes that are
	// symbolic links. Dramatis never follows them, nor writes a note
	// under another name to get round one: the reader's links in other
	// notes would point at the link while a second note took the
	// updates. A note whose name is a link keeps that name, and is
	// refused with the reason (readNote).
	links map[string]bool
}

// scanFolder reads dir before an export (see folderScan).
func scanFolder(dir string) (folderScan, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return folderScan{}, fmt.Errorf("reading the notes folder: %w", err)
	}
	existing := map[string]string{}
	taken := map[string]bool{}
	links := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		base, isMD := strings.CutSuffix(name, ".md")
		taken[foldFileName(name)] = true
		if !isMD {
			continue
		}
		taken[foldFileName(base)] = true
		if e.Type()&os.ModeSymlink != 0 {
			links[foldFileName(base)] = true
		}
		if !e.Type().IsRegular() {
			continue
		}
		if id := readNoteID(filepath.Join(dir, name)); id != "" {
			if _, dup := existing[id]; !dup {
				existing[id] = base
			}
		}
	}
	return folderScan{existing: existing, taken: taken, links: links}, nil
}

// notesNames names the notes of an export into the scanned folder: a
// note found by its dramatis_id keeps its name; a new one gets its own
// name unless another file has it. A link at a name does not count as
// taken (see folderScan.links), so the note of that name is not written
// beside it under a second name; the link stays taken for conflict
// copies.
func (s folderScan) notesNames(heads []ArticleHead, actors []annotation.Actor) *Names {
	for l := range s.links {
		delete(s.taken, l)
	}
	names := namesFor(heads, actors, s.existing, s.taken)
	for l := range s.links {
		s.taken[l] = true
	}
	return names
}

// readNoteID reads the dramatis_id of a note from its first bytes.
func readNoteID(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head, _ := io.ReadAll(io.LimitReader(f, maxScanBytes))
	return frontMatterID(string(head))
}

// Notices says in sentences, one each, what the reader should know about
// an export beyond the counts: conflicts, lines kept without a record,
// and warnings. Skipped notes are in Skipped.
func (r FolderReport) Notices() []string {
	var out []string
	for _, c := range r.Conflicts {
		if c.Copy != "" {
			out = append(out, fmt.Sprintf("%s: you and Dramatis changed the same lines; your lines are kept, and Dramatis's version is in %s.", c.Note, c.Copy))
		} else {
			out = append(out, fmt.Sprintf("%s: you and Dramatis changed the same lines; your lines are kept (Dramatis's version could not be written beside it).", c.Note))
		}
	}
	if r.Kept > 0 {
		out = append(out, fmt.Sprintf("%d lines in notes from an earlier export were kept because Dramatis cannot tell them from yours; delete those you do not want.", r.Kept))
	}
	for _, w := range r.Warnings {
		out = append(out, w.Error())
	}
	return out
}
