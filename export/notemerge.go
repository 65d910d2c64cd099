package export

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// mergeResult says what merging a note did beyond replacing Dramatis's
// part.
type mergeResult struct {
	// conflicts counts places where the reader and Dramatis changed the
	// same lines (the reader's were kept).
	conflicts int
	// kept counts lines kept without a record of the last export.
	kept int
}

// freshNote is a new note: properties, then the managed part.
func freshNote(n Note) []byte {
	var b strings.Builder
	b.Write(n.front.bytes())
	b.WriteString("\n")
	b.WriteString(beginLine)
	b.WriteString("\n")
	lines := managedLines(n.Body)
	for _, l := range lines {
		b.WriteString(l)
		b.WriteString("\n")
	}
	b.WriteString(endLine(regionHash(lineHashes(lines))))
	b.WriteString("\n")
	return []byte(b.String())
}

// mergeNote updates an existing note: Dramatis's properties are replaced
// and the reader's kept (mergeFrontMatter), and its managed part becomes
// Dramatis's new version with every line the reader added or changed in
// it kept (merge3). st is the record of what Dramatis wrote last.
//
// The managed part is found between its markers. If the reader did not
// touch it (its hash is the end marker's), it is replaced. Else the
// record of the last export, when it matches the marker, lets a
// three-way merge tell the reader's lines from Dramatis's; without it
// (a note from an older Dramatis) every line of the reader's version
// stays and Dramatis's new lines are added (merge2). A note whose markers
// the reader removed or broke is merged as a whole against the record,
// and the markers put back around Dramatis's lines; without a record, a
// note without markers keeps all its text and gets the managed part
// appended, and one with broken markers is refused.
func mergeNote(old string, n Note, st *exportState) ([]byte, mergeResult, error) {
	d := parseNote(old)
	var b strings.Builder
	b.WriteString(d.lead)
	if d.hasFM {
		fm, err := mergeFrontMatter(d.fm, n.front)
		if err != nil {
			return nil, mergeResult{}, err
		}
		b.Write(fm)
	} else {
		b.Write(n.front.bytes())
	}
	next := managedLines(n.Body)
	nextHash := regionHash(lineHashes(next))
	lines, res, err := d.mergeBody(next, nextHash, st.noteLines(n.ID))
	if err != nil {
		return nil, mergeResult{}, err
	}
	if !d.hasFM && len(lines) > 0 && markerKind(lines[0]) == isBegin {
		lines = append([]string{""}, lines...)
	}
	for i, l := range lines {
		b.WriteString(l)
		if i < len(lines)-1 || d.trailingNL || markerKind(l) != noMarker {
			b.WriteString("\n")
		}
	}
	return []byte(b.String()), res, nil
}

// mergeBody returns the note's body lines with the managed part merged.
func (d *noteDoc) mergeBody(next []string, nextHash string, record []uint64) ([]string, mergeResult, error) {
	var res mergeResult
	bi, ei, err := d.managedSpan()
	if err == nil && bi >= 0 {
		cur := d.lines[bi+1 : ei]
		mark := endHash(d.lines[ei])
		var merged []string
		switch {
		case mark != "" && regionHash(lineHashes(cur)) == mark:
			merged = next
		case record != nil && regionHash(record) == mark:
			m := merge3(record, cur, next)
			merged, res.conflicts = m.texts(), m.conflicts
		default:
			var m lineMerge
			m, res.kept = merge2(cur, next)
			merged = m.texts()
		}
		out := make([]string, 0, len(d.lines)+len(next))
		out = append(out, d.lines[:bi]...)
		out = append(out, beginLine)
		out = append(out, merged...)
		out = append(out, endLine(nextHash))
		return append(out, d.lines[ei+1:]...), res, nil
	}
	if record != nil {
		// Markers removed or broken: merge the whole body against what
		// Dramatis wrote last and mark its lines again.
		m := merge3(record, d.withoutMarkers(), next)
		res.conflicts = m.conflicts
		return m.marked(nextHash), res, nil
	}
	if err != nil {
		return nil, res, err
	}
	// No markers and no record: all the text stays, the part follows.
	out := append([]string(nil), d.lines...)
	if len(out) > 0 && strings.TrimSpace(out[len(out)-1]) != "" {
		out = append(out, "")
	}
	out = append(out, beginLine)
	out = append(out, next...)
	return append(out, endLine(nextHash)), res, nil
}

// texts returns the merged lines' text.
func (m lineMerge) texts() []string {
	out := make([]string, len(m.lines))
	for i, l := range m.lines {
		out[i] = l.text
	}
	return out
}

// marked returns the merged lines with the markers around the span from
// Dramatis's first line to its last (at the end when it has none left).
func (m lineMerge) marked(hash string) []string {
	first, last := len(m.lines), len(m.lines)-1
	for i, l := range m.lines {
		if l.ours {
			first = min(first, i)
			last = i
		}
	}
	if first > last {
		first, last = len(m.lines), len(m.lines)-1
	}
	texts := m.texts()
	out := make([]string, 0, len(texts)+2)
	out = append(out, texts[:first]...)
	out = append(out, beginLine)
	out = append(out, texts[first:last+1]...)
	out = append(out, endLine(hash))
	return append(out, texts[last+1:]...)
}

// readNote returns an existing note's content and permissions, or nil
// when there is none. A link is refused, not followed: the export writes
// only notes it can replace whole.
func readNote(path string) ([]byte, os.FileMode, error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, newFileMode, nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("reading %s: %w", filepath.Base(path), err)
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		// Writing through the link could change a file anywhere;
		// replacing it would lose the reader's link; writing the note
		// under a second name would leave the reader's links pointing
		// at a note that is no longer updated.
		target, _ := os.Readlink(path)
		return nil, 0, fmt.Errorf("%s is a link to %s, which Dramatis does not follow, so this note was not written; put the note itself in place of the link (or move the link away) and export again", filepath.Base(path), target)
	}
	if !fi.Mode().IsRegular() {
		return nil, 0, fmt.Errorf("%s is not a regular file", filepath.Base(path))
	}
	if fi.Size() > maxNoteBytes {
		return nil, 0, fmt.Errorf("%s is too large to be a note (%d bytes)", filepath.Base(path), fi.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, fmt.Errorf("reading %s: %w", filepath.Base(path), err)
	}
	if data == nil {
		data = []byte{}
	}
	return data, fi.Mode().Perm(), nil
}

// newFileMode is the permissions of a new note or export: readable by
// all, as files an editor makes.
const newFileMode os.FileMode = 0o644
