package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Markers of the part of a note Dramatis manages. Everything outside them
// belongs to the reader and survives every export.
const (
	beginMarker = "<!-- dramatis:begin"
	endMarker   = "<!-- dramatis:end -->"
	beginLine   = beginMarker + " (Dramatis rewrites this part on each export; write your own notes above or below it) -->"
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
	// Skipped notes were left untouched, each with the reason.
	Skipped []error
}

// WriteFolder writes the library's notes into dir as "<name>.md": per
// article (PerArticle, ByActor), or per actor plus the article notes they
// link to (PerActor). It is safe to repeat: a note that exists (found by
// the dramatis_id in its front matter, so renamed notes are found too)
// keeps every line outside the managed part and every property the reader
// added, and only the managed part is replaced, so highlights deleted in
// Dramatis disappear from it. Each file is replaced atomically. Notes that
// cannot be merged (unreadable front matter, a begin marker without end)
// are skipped and reported, not overwritten.
func WriteFolder(dir string, lib *Library, g Grouping) (FolderReport, error) {
	var rep FolderReport
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return rep, fmt.Errorf("creating the notes folder: %w", err)
	}
	RemoveStaleTemps(dir)
	existing, taken, err := scanFolder(dir)
	if err != nil {
		return rep, err
	}
	names := NewNames(lib, existing, taken)
	notes := Notes(lib, PerArticle, names, false)
	switch g {
	case ByActor:
		notes = Notes(lib, ByActor, names, false)
	case PerActor:
		notes = append(notes, Notes(lib, PerActor, names, false)...)
	}
	for _, n := range notes {
		changed, err := writeNote(dir, n)
		switch {
		case err != nil:
			rep.Skipped = append(rep.Skipped, err)
		case changed:
			rep.Written = append(rep.Written, n.Name+".md")
		default:
			rep.Unchanged = append(rep.Unchanged, n.Name+".md")
		}
	}
	return rep, nil
}

// scanFolder finds the notes Dramatis wrote before (dramatis_id → name)
// and every name already taken in dir (folded).
func scanFolder(dir string) (map[string]string, map[string]bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("reading the notes folder: %w", err)
	}
	existing := map[string]string{}
	taken := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		base, isMD := strings.CutSuffix(name, ".md")
		taken[foldFileName(name)] = true
		if !isMD {
			continue
		}
		taken[foldFileName(base)] = true
		if !e.Type().IsRegular() {
			continue
		}
		if id := readNoteID(filepath.Join(dir, name)); id != "" {
			if _, dup := existing[id]; !dup {
				existing[id] = base
			}
		}
	}
	return existing, taken, nil
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

// writeNote writes or updates one note; changed is false when the file
// already held exactly this.
func writeNote(dir string, n Note) (changed bool, err error) {
	path := filepath.Join(dir, n.Name+".md")
	old, err := readNote(path)
	if err != nil {
		return false, err
	}
	var data []byte
	if old == nil {
		data = freshNote(n)
	} else if data, err = mergeNote(string(old), n); err != nil {
		return false, fmt.Errorf("%s.md was left as it is: %w", n.Name, err)
	}
	if bytes.Equal(old, data) {
		return false, nil
	}
	if err := WriteFile(path, data); err != nil {
		return false, fmt.Errorf("writing %s.md: %w", n.Name, err)
	}
	return true, nil
}

// readNote returns an existing note's content, or nil when there is none.
func readNote(path string) ([]byte, error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", filepath.Base(path), err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", filepath.Base(path))
	}
	if fi.Size() > maxNoteBytes {
		return nil, fmt.Errorf("%s is too large to be a note (%d bytes)", filepath.Base(path), fi.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", filepath.Base(path), err)
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
}

// freshNote is a new note: properties, then the managed part.
func freshNote(n Note) []byte {
	var b bytes.Buffer
	b.Write(n.front.bytes())
	b.WriteByte('\n')
	writeManaged(&b, n)
	return b.Bytes()
}

// writeManaged writes the managed part between its markers.
func writeManaged(b *bytes.Buffer, n Note) {
	b.WriteString(beginLine)
	b.WriteString("\n\n")
	b.Write(n.Body)
	b.WriteString("\n")
	b.WriteString(endMarker)
	b.WriteString("\n")
}

// mergeNote replaces the managed part of an existing note and updates its
// properties, keeping everything the reader wrote. A note without markers
// (the reader removed them) keeps all its text and gets the managed part
// appended.
func mergeNote(old string, n Note) ([]byte, error) {
	var b bytes.Buffer
	fmYAML, body, hasFM := splitFrontMatter(old)
	if hasFM {
		fm, err := mergeFrontMatter(fmYAML, n.front)
		if err != nil {
			return nil, err
		}
		b.Write(fm)
	} else {
		b.Write(n.front.bytes())
	}
	before, after, found, err := cutManaged(body)
	if err != nil {
		return nil, err
	}
	if !found {
		before, after = body, ""
		if before != "" && !strings.HasSuffix(before, "\n") {
			before += "\n"
		}
		if strings.TrimSpace(before) != "" {
			before += "\n"
		}
	}
	if !hasFM && before == "" {
		before = "\n"
	}
	b.WriteString(before)
	writeManaged(&b, n)
	b.WriteString(after)
	return b.Bytes(), nil
}

// cutManaged splits a note body around its managed part: the text before
// the begin marker's line and after the end marker's line.
func cutManaged(body string) (before, after string, found bool, err error) {
	bi := lineIndex(body, beginMarker, 0)
	if bi < 0 {
		if lineIndex(body, endMarker, 0) >= 0 {
			return "", "", false, errors.New("it has a dramatis:end marker but no dramatis:begin")
		}
		return body, "", false, nil
	}
	ei := lineIndex(body, endMarker, bi)
	if ei < 0 {
		return "", "", false, errors.New("its dramatis:begin marker has no dramatis:end after it")
	}
	rest := body[ei:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		after = rest[nl+1:]
	}
	if lineIndex(after, beginMarker, 0) >= 0 {
		return "", "", false, errors.New("it has more than one dramatis:begin marker")
	}
	return body[:bi], after, true, nil
}

// lineIndex returns the offset of the first line at or after from that
// starts with prefix, or -1.
func lineIndex(s, prefix string, from int) int {
	for off := from; off < len(s); {
		if strings.HasPrefix(s[off:], prefix) {
			return off
		}
		nl := strings.IndexByte(s[off:], '\n')
		if nl < 0 {
			return -1
		}
		off += nl + 1
	}
	return -1
}

// WriteFile writes data to a temporary file beside path, fsyncs it and
// renames it over path, so that a note or export is never left
// half-written. A replaced file keeps its permissions; a new one gets 0644.
func WriteFile(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), tempPattern)
	if err != nil {
		return err
	}
	tmp := f.Name()
	// A temporary file is private; a note is as readable as the file it
	// replaces, or as any new file.
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	err = f.Chmod(mode)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
