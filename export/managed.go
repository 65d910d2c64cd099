package export

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
)

// Markers of the part of a note Dramatis manages. The end marker carries
// the hash of what Dramatis wrote between them, so that the next export
// can tell whether the reader changed that part since.
const (
	beginMarker = "<!-- dramatis:begin"
	endMarker   = "<!-- dramatis:end"
	markerClose = "-->"
	beginLine   = beginMarker + " (Dramatis updates this part on each export and keeps what you add or change in it) " + markerClose
)

// endLine is the end marker line for a managed part of the given hash.
func endLine(hash string) string {
	return endMarker + " " + hash + " " + markerClose
}

// regionHash is the hash the end marker carries: of the managed part's
// lines (see lineHash), as 16 hex digits.
func regionHash(lineHashes []uint64) string {
	h := fnv.New64a()
	var b [8]byte
	for _, l := range lineHashes {
		binary.LittleEndian.PutUint64(b[:], l)
		h.Write(b[:])
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

// managedLines are the lines Dramatis writes between its markers for a
// note body: a blank line, the body, a blank line.
func managedLines(body []byte) []string {
	lines := []string{""}
	lines = append(lines, strings.Split(strings.TrimSuffix(string(body), "\n"), "\n")...)
	return append(lines, "")
}

// noteDoc is an existing note as a merge reads it.
type noteDoc struct {
	// lead is what stands above the front matter (a reader's text): kept
	// as it is. A byte order mark is dropped.
	lead string
	// fm is the YAML between the "---" lines, when hasFM.
	fm    string
	hasFM bool
	// lines is the body, each marker on a line of its own (text the
	// reader typed on a marker's line is split off onto its own line).
	lines []string
	// trailingNL: the body ended with a line break.
	trailingNL bool
}

// parseNote reads a note. Its front matter is found at the top, or, when
// the reader wrote above it, as the first "---" block that holds a
// dramatis_id.
func parseNote(doc string) noteDoc {
	doc = strings.TrimPrefix(doc, "\ufeff")
	var d noteDoc
	var body string
	d.lead, d.fm, body, d.hasFM = locateFrontMatter(doc)
	if body != "" {
		d.trailingNL = strings.HasSuffix(body, "\n")
		for _, l := range strings.Split(strings.TrimSuffix(body, "\n"), "\n") {
			d.lines = append(d.lines, splitMarkers(l)...)
		}
	}
	return d
}

// locateFrontMatter splits a note into the text above its front matter,
// the front matter's YAML and the body.
func locateFrontMatter(doc string) (lead, yamlText, body string, ok bool) {
	if y, b, ok := splitFrontMatter(doc); ok {
		return "", y, b, true
	}
	for off := 0; off < len(doc) && off < maxScanBytes; {
		nl := strings.IndexByte(doc[off:], '\n')
		if nl < 0 {
			break
		}
		next := off + nl + 1
		if l := strings.TrimRight(doc[off:next], "\r\n"); l == "---" && off > 0 {
			if y, b, ok := splitFrontMatter(doc[off:]); ok && yamlID(y) != "" {
				return doc[:off], y, b, true
			}
		}
		off = next
	}
	return "", "", doc, false
}

// splitMarkers cuts a line so that every marker in it stands alone: text
// before a marker, the marker, text after it. Blank pieces are dropped.
func splitMarkers(line string) []string {
	var out []string
	for {
		i := strings.Index(line, "<!-- dramatis:")
		if i < 0 {
			break
		}
		j := strings.Index(line[i:], markerClose)
		if j < 0 {
			break
		}
		m := line[i : i+j+len(markerClose)]
		if markerKind(m) == 0 {
			break
		}
		if pre := line[:i]; strings.TrimSpace(pre) != "" {
			out = append(out, pre)
		}
		out = append(out, m)
		line = line[i+j+len(markerClose):]
	}
	if strings.TrimSpace(line) != "" || len(out) == 0 {
		out = append(out, line)
	}
	return out
}

// Marker kinds (markerKind).
const (
	noMarker = iota
	isBegin
	isEnd
)

// markerKind says whether a line is a begin or end marker. A marker
// whose "-->" was deleted still counts: left as text, it would open an
// HTML comment that hides the rest of the note.
func markerKind(line string) int {
	l := strings.TrimSpace(line)
	switch {
	case strings.HasPrefix(l, beginMarker):
		return isBegin
	case strings.HasPrefix(l, endMarker) && (len(l) == len(endMarker) || l[len(endMarker)] == ' ' || l[len(endMarker)] == '-'):
		return isEnd
	}
	return noMarker
}

// endHash returns the hash an end marker line carries, or "".
func endHash(line string) string {
	l := strings.TrimSpace(line)
	l = strings.TrimSuffix(strings.TrimPrefix(l, endMarker), markerClose)
	h := strings.TrimSpace(l)
	if len(h) != 16 || strings.Trim(h, "0123456789abcdef") != "" {
		return ""
	}
	return h
}

// Errors for a managed part that cannot be found when no record of the
// last export says where Dramatis's lines are.
var (
	errEndWithoutBegin = errors.New("it has a dramatis:end marker but no dramatis:begin")
	errBeginWithoutEnd = errors.New("its dramatis:begin marker has no dramatis:end after it")
	errTwoBegins       = errors.New("it has more than one dramatis:begin marker")
)

// managedSpan finds the managed part: the lines of its begin and end
// markers. err says what is wrong when the markers are not one begin
// followed by one end; b and e are -1 when there are none at all.
func (d *noteDoc) managedSpan() (b, e int, err error) {
	b, e = -1, -1
	begins, ends := 0, 0
	for i, l := range d.lines {
		switch markerKind(l) {
		case isBegin:
			begins++
			if b < 0 {
				b = i
			}
		case isEnd:
			ends++
			if e < 0 || b >= 0 && e < b {
				e = i
			}
		}
	}
	switch {
	case begins == 0 && ends == 0:
		return -1, -1, nil
	case begins == 0:
		return -1, -1, errEndWithoutBegin
	case begins > 1:
		return -1, -1, errTwoBegins
	case ends == 0 || e < b:
		return -1, -1, errBeginWithoutEnd
	case ends > 1:
		return -1, -1, fmt.Errorf("it has %d dramatis:end markers", ends)
	}
	return b, e, nil
}

// withoutMarkers returns the body lines that are not markers.
func (d *noteDoc) withoutMarkers() []string {
	out := make([]string, 0, len(d.lines))
	for _, l := range d.lines {
		if markerKind(l) == noMarker {
			out = append(out, l)
		}
	}
	return out
}
