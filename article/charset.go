package article

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// charsetScanBytes is how far into a page a <meta charset> is looked for.
// Browsers stop at 1024 bytes, but many real pages put the declaration after
// a long block of inline styles or scripts.
const charsetScanBytes = 64 << 10

// toUTF8 decodes an HTML page to UTF-8 the way a browser would: a byte order
// mark wins, then the charset of the HTTP Content-Type, then <meta charset>
// or <meta http-equiv="Content-Type">; without any of them the page is
// windows-1252 (what browsers assume for Western European pages) unless it
// reads as UTF-8 (mostlyUTF8). Two exceptions to browsers: a declared
// charset is ignored when the bytes are valid UTF-8 with multi-byte
// sequences, because text in Latin-1 or a CJK encoding is practically never
// valid UTF-8, while pages saved or served as UTF-8 under a stale label are
// common; and a page declared UTF-8 whose bytes do not read as UTF-8 is
// windows-1252, as Latin-1 pages under a UTF-8 label (a server default, a
// template's <meta>) are common, and a browser would show replacement
// characters for every umlaut.
func toUTF8(data []byte, contentType string) []byte {
	if enc, name, certain := charset.DetermineEncoding(data[:min(len(data), 3)], ""); certain && hasBOM(data) {
		return decodeWith(enc, name, data)
	}
	label := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		label = params["charset"]
	}
	// Valid UTF-8 is kept as it is: pure ASCII reads the same in every
	// charset a page may declare, and anything beyond ASCII that is valid
	// UTF-8 is UTF-8 (see above). Only UTF-16 announced by the server
	// needs decoding, as its zero bytes are valid UTF-8 too.
	if utf8.Valid(data) && !strings.HasPrefix(strings.ToLower(label), "utf-16") {
		return data
	}
	var enc encoding.Encoding
	name := ""
	if label != "" {
		enc, name = charset.Lookup(label)
	} else if enc, name = charset.Lookup(metaCharset(data[:min(len(data), charsetScanBytes)])); strings.HasPrefix(name, "utf-16") {
		// A <meta> that could be read is in ASCII-compatible bytes, so
		// the page is not UTF-16 whatever it says; browsers take it for
		// UTF-8 (WHATWG prescan).
		name = "utf-8"
	}
	if enc != nil && name != "utf-8" {
		return decodeWith(enc, name, data)
	}
	if mostlyUTF8(data) {
		return validUTF8(data)
	}
	return decodeWith(charmap.Windows1252, "windows-1252", data)
}

// utf8MaxInvalidShare is the share of a text's non-ASCII sequences that may
// be invalid UTF-8 while the text is still read as UTF-8. Reading text as
// UTF-8 turns each invalid sequence into one U+FFFD; reading it as
// windows-1252 turns each valid multi-byte sequence into two to four wrong
// characters. Up to one half, UTF-8 garbles no more characters than
// windows-1252 would, and a tie goes to UTF-8, the declared or the usual
// encoding. The cases it separates lie far from it: damaged UTF-8 (a
// character cut off, a Latin-1 snippet pasted into a UTF-8 template) has a
// few invalid sequences among many valid ones (3 of 106 on the only such
// page of the corpus), while in Latin-1 text nearly every non-ASCII byte is
// invalid UTF-8: a valid sequence needs one of Â–ß, à–ï or ð–ô directly
// followed by punctuation or symbols from 0x80–0xBF (none on the corpus's
// six Latin-1 pages).
const utf8MaxInvalidShare = 0.5

// mostlyUTF8 reports whether data reads better as UTF-8 than as
// windows-1252 (utf8MaxInvalidShare). Pure ASCII is UTF-8.
func mostlyUTF8(data []byte) bool {
	valid, invalid := utf8Sequences(data)
	return float64(invalid) <= utf8MaxInvalidShare*float64(valid+invalid)
}

// utf8Sequences counts the valid multi-byte sequences of data and its
// invalid ones: a run of bytes that are not UTF-8 counts once, as it
// becomes one U+FFFD (a character cut off after its first two bytes is
// one invalid sequence, not two).
func utf8Sequences(data []byte) (valid, invalid int) {
	inRun := false
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i, inRun = i+1, false
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			if !inRun {
				invalid++
			}
			i, inRun = i+1, true
			continue
		}
		valid++
		i, inRun = i+n, false
	}
	return valid, invalid
}

var boms = [][]byte{{0xEF, 0xBB, 0xBF}, {0xFE, 0xFF}, {0xFF, 0xFE}}

func hasBOM(data []byte) bool {
	for _, b := range boms {
		if bytes.HasPrefix(data, b) {
			return true
		}
	}
	return false
}

// decodeWith decodes data; a decoder that fails falls back to replacing
// invalid bytes, so decoding never loses the page.
func decodeWith(enc encoding.Encoding, name string, data []byte) []byte {
	if name == "utf-8" {
		return validUTF8(bytes.TrimPrefix(data, boms[0]))
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return validUTF8(data)
	}
	return bytes.TrimPrefix(out, boms[0])
}

// validUTF8 replaces invalid sequences with U+FFFD.
func validUTF8(data []byte) []byte {
	data = bytes.TrimPrefix(data, boms[0])
	if utf8.Valid(data) {
		return data
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD"))
}

// metaCharset finds the charset declared by a <meta> element in the head of
// the page, or "".
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				var cs, equiv, content string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch strings.ToLower(string(k)) {
					case "charset":
						cs = string(v)
					case "http-equiv":
						equiv = strings.ToLower(string(v))
					case "content":
						content = string(v)
					}
				}
				if cs != "" {
					return strings.TrimSpace(cs)
				}
				if equiv == "content-type" {
					if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
						return params["charset"]
					}
				}
			}
		}
	}
}

// Telling UTF-16 without a byte order mark from other bytes. In UTF-16 text
// with Latin letters, markup or even only spaces and digits, the high byte
// of most code units is zero, the low byte almost never: one side of the
// byte pairs is mostly zero, the other nearly never. utf16Sample bytes are
// looked at.
const (
	utf16Sample      = 4096
	utf16MinZeroHigh = 0.3  // at least this share of high bytes is zero…
	utf16MaxZeroLow  = 0.02 // …and at most this share of low bytes
	utf16MaxControls = 0.01 // decoded, at most this share are control characters
)

// utf16WithoutBOM recognises UTF-16 text that lacks a byte order mark and
// returns it decoded to UTF-8. Data with a BOM, valid UTF-8 without zero
// bytes, and bytes that do not decode to text are left alone (ok false).
func utf16WithoutBOM(data []byte) (out []byte, ok bool) {
	if len(data) < 4 || hasBOM(data) || bytes.IndexByte(data[:min(len(data), utf16Sample)], 0) < 0 {
		return nil, false
	}
	head := data[:min(len(data), utf16Sample)&^1]
	var zeroEven, zeroOdd int
	for i := 0; i+1 < len(head); i += 2 {
		if head[i] == 0 {
			zeroEven++
		}
		if head[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := float64(len(head) / 2)
	var enc encoding.Encoding
	switch {
	case float64(zeroOdd) >= utf16MinZeroHigh*pairs && float64(zeroEven) <= utf16MaxZeroLow*pairs:
		enc = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case float64(zeroEven) >= utf16MinZeroHigh*pairs && float64(zeroOdd) <= utf16MaxZeroLow*pairs:
		enc = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	default:
		return nil, false
	}
	out, err := enc.NewDecoder().Bytes(data[:len(data)&^1])
	if err != nil || !readsAsText(out[:min(len(out), 2*utf16Sample)]) {
		return nil, false
	}
	return out, true
}

// readsAsText reports whether decoded UTF-8 has few control characters and
// replacement characters, as text does and decoded binary data does not.
func readsAsText(s []byte) bool {
	bad, n := 0, 0
	for _, r := range string(s) {
		n++
		if r == utf8.RuneError || r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r >= 0xd800 && r < 0xe000 {
			bad++
		}
	}
	return n > 0 && float64(bad) <= utf16MaxControls*float64(n)
}
