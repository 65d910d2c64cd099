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

// parseCFHTML returns the HTML in a CF_HTML buffer: StartHTML..EndHTML,
// the page around the selection, which keeps the <head> with its title and
// canonical link when the browser put it there; else the fragment,
// StartFragment..EndFragment, which is all some programs give (StartHTML
// and EndHTML may be -1). Offsets that do not enclose some bytes after the
// header and inside the buffer are not used: they come from another
// program and may be anything.
func parseCFHTML(data []byte) ([]byte, error) {
	fields, headerLen, err := cfHTMLHeader(data)
	if err != nil {
		return nil, err
	}
	for _, r := range [][2]string{{"StartHTML", "EndHTML"}, {"StartFragment", "EndFragment"}} {
		start, okStart := fields[r[0]]
		end, okEnd := fields[r[1]]
		if okStart && okEnd && headerLen <= start && start < end && end <= len(data) {
			return data[start:end], nil
		}
	}
	return nil, fmt.Errorf("%w: its Windows HTML Format points at no HTML inside it", ErrNoHTML)
}

// cfHTMLHeader reads the header's numeric fields and its length in bytes.
// Lines end in CR LF, CR or LF; the header ends at the first line that is
// not Name:value (the HTML's first tag). A value that is no number (the
// SourceURL) or out of range is left out.
func cfHTMLHeader(data []byte) (map[string]int, int, error) {
	if !bytes.HasPrefix(data, []byte("Version:")) {
		return nil, 0, fmt.Errorf("%w: its Windows HTML Format has no header", ErrNoHTML)
	}
	fields := map[string]int{}
	pos := 0
	for pos < len(data) && pos < cfHTMLHeaderMax {
		line, next := cfHTMLLine(data, pos)
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok || !isFieldName(name) {
			break
		}
		if n, err := strconv.Atoi(string(bytes.TrimSpace(value))); err == nil {
			fields[string(name)] = n
		}
		pos = next
	}
	return fields, pos, nil
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
