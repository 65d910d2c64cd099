package article

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	unicodeenc "golang.org/x/text/encoding/unicode"
)

// decodePageCopy returns data as a UTF-8 string. Clipboard text is UTF-8
// almost always; UTF-16 with a byte-order mark and Latin-1/windows-1252
// (old Windows editors) are decoded, binary data is refused, and UTF-8
// that the page's reader misread in a legacy charset is read again
// (repairMojibake). Text that is not valid UTF-8 is windows-1252 unless it
// mostly reads as UTF-8 (mostlyUTF8): one stray sequence that happens to be
// valid UTF-8 in Latin-1 text ("ß“" is) must not turn every umlaut into
// U+FFFD, and one cut-off character must not turn UTF-8 into mojibake.
func decodePageCopy(data []byte, name string) (string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", fmt.Errorf("%w in %s: the text is empty", ErrNoText, name)
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		dec := unicodeenc.UTF16(unicodeenc.BigEndian, unicodeenc.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", fmt.Errorf("%s: cannot decode UTF-16 text: %w", name, err)
		}
		data = out
	}
	if looksBinary(data) {
		return "", fmt.Errorf("%s looks like a binary file, not text copied from a page", name)
	}
	if utf8.Valid(data) {
		return repairMojibake(string(data)), nil
	}
	if !mostlyUTF8(data) {
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err == nil {
			return string(out), nil
		}
	}
	return strings.ToValidUTF8(string(data), "\uFFFD"), nil
}

// looksBinary reads binarySniffBytes; text has fewer control characters
// than one in maxControlShare.
const (
	binarySniffBytes = 8192
	maxControlShare  = 20
)

// looksBinary reports NUL bytes or many control characters near the start:
// images, archives and executables, not text.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), binarySniffBytes)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl*maxControlShare > len(head)
}
