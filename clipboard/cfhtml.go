package clipboard

import (
	"bytes"
	"fmt"
	"strconv"
)

// Windows keeps a selection's HTML as "HTML Format" (CF_HTML): a header of
// Name:value lines that gives byte offsets into the whole buffer, then the
// HTML, in UTF-8:
//
//	Version:0.9
//	StartHTML:0000000105
//	EndHTML:0000000199
//	StartFragment:0000000141
//	EndFragment:0000000163
//	<html><body><!--StartFragment--><h1>Hallo</h1><!--EndFragment--></body></html>
//
// The parser is built on every platform, so its tests and fuzzing run on
// the Linux machines that run the tests.

// cfHTMLHeaderMax bounds the header: its fields are a few short lines, and
// the longest, SourceURL, is a page's address. Past this many bytes no
// header ends, and an owner's buffer without one is not read further.
const cfHTMLHeaderMax = 16 << 10

// parseCFHTML returns the HTML in a CF_HTML buffer, and the SourceURL its
// header gives (the page's address, which browsers write), or "". The HTML
// is StartHTML..EndHTML,
// the page around the selection, which keeps the <head> with its title and
// canonical link when the browser put it there; else the fragment,
// StartFragment..EndFragment, which is all some programs give (StartHTML
// and EndHTML may be -1). Offsets that do not enclose some bytes after the
// header and inside the buffer are not used: they come from another
// program and may be anything.
func parseCFHTML(data []byte) ([]byte, string, error) {
	h, err := cfHTMLHeader(data)
	if err != nil {
		return nil, "", err
	}
	for _, r := range [][2]string{{"StartHTML", "EndHTML"}, {"StartFragment", "EndFragment"}} {
		start, okStart := h.offsets[r[0]]
		end, okEnd := h.offsets[r[1]]
		if okStart && okEnd && h.length <= start && start < end && end <= len(data) {
			return data[start:end], h.source, nil
		}
	}
	return nil, "", fmt.Errorf("%w: its Windows HTML Format points at no HTML inside it", ErrNoHTML)
}

// cfHTMLFields is what a CF_HTML header says: its byte offsets by name,
// its SourceURL, and its own length in bytes.
type cfHTMLFields struct {
	offsets map[string]int
	source  string
	length  int
}

// cfHTMLHeader reads the header's numeric fields, its SourceURL and its
// length. Lines end in CR LF, CR or LF; the header ends at the first line
// that is not Name:value (the HTML's first tag). A numeric value that is
// no number or out of range is left out.
func cfHTMLHeader(data []byte) (cfHTMLFields, error) {
	h := cfHTMLFields{offsets: map[string]int{}}
	if !bytes.HasPrefix(data, []byte("Version:")) {
		return h, fmt.Errorf("%w: its Windows HTML Format has no header", ErrNoHTML)
	}
	for h.length < len(data) && h.length < cfHTMLHeaderMax {
		line, next := cfHTMLLine(data, h.length)
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok || !isFieldName(name) {
			break
		}
		if string(name) == "SourceURL" {
			h.source = string(bytes.TrimSpace(value))
		} else if n, err := strconv.Atoi(string(bytes.TrimSpace(value))); err == nil {
			h.offsets[string(name)] = n
		}
		h.length = next
	}
	return h, nil
}

// cfHTMLLine returns the line at pos, without its end, and where the next
// one starts.
func cfHTMLLine(data []byte, pos int) ([]byte, int) {
	end := pos
	for end < len(data) && data[end] != '\r' && data[end] != '\n' {
		end++
	}
	next := end
	if next < len(data) && data[next] == '\r' {
		next++
	}
	if next < len(data) && data[next] == '\n' {
		next++
	}
	return data[pos:end], next
}

// isFieldName reports whether name is a header field's name: letters
// only, as every field of the format is named.
func isFieldName(name []byte) bool {
	if len(name) == 0 {
		return false
	}
	for _, c := range name {
		if (c < 'A' || c > 'Z') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}
