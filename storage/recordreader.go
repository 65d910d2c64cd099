package storage

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/article"
)

// readHighlightRecord is a fast path for decoding the JSON this package
// writes for highlights: encoding/json spends most of an article's load
// time in reflection (10,000 highlights took 130–400 ms on the shared test
// machine). It understands exactly the shape encodeHighlight produces and
// gives up (ok == false) on anything else (unknown or differently cased
// keys, null, floats, invalid UTF-8, odd escapes), in which case the caller
// uses encoding/json, so results never differ. FuzzHighlightRecord checks
// that whenever this succeeds, encoding/json agrees.
func readHighlightRecord(r *highlightRecord, data []byte) (ok bool) {
	if !utf8.Valid(data) {
		return false
	}
	// One string for the whole record: unescaped values are substrings of
	// it, which saves an allocation per field.
	p := recordReader{data: data, str: string(data)}
	if !p.byte('{') {
		return false
	}
	if p.peek('}') {
		p.i++
		return p.end()
	}
	for {
		key, ok := p.string()
		if !ok || !p.byte(':') {
			return false
		}
		switch key {
		case "id":
			r.ID, ok = p.string()
		case "s":
			r.Start, ok = p.int()
		case "e":
			r.End, ok = p.int()
		case "x":
			r.Exact, ok = p.string()
		case "p":
			r.Prefix, ok = p.string()
		case "f":
			r.Suffix, ok = p.string()
		case "c":
			r.Color, ok = p.string()
		case "n":
			r.Note, ok = p.string()
		case "o":
			r.Orphaned, ok = p.string()
		case "t":
			var v int
			v, ok = p.int()
			r.Created = int64(v)
		case "u":
			var v int
			v, ok = p.int()
			r.Updated = int64(v)
		case "a":
			r.Actors, ok = p.refs()
		default:
			return false
		}
		if !ok {
			return false
		}
		if p.peek(',') {
			p.i++
			continue
		}
		if !p.byte('}') {
			return false
		}
		return p.end()
	}
}

// recordReader walks a JSON value byte by byte.
type recordReader struct {
	data []byte
	str  string // data as a string (valid UTF-8)
	i    int
}

func (p *recordReader) space() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// peek reports whether the next non-space byte is c (not consuming it).
func (p *recordReader) peek(c byte) bool {
	p.space()
	return p.i < len(p.data) && p.data[p.i] == c
}

// byte consumes c after optional space.
func (p *recordReader) byte(c byte) bool {
	if !p.peek(c) {
		return false
	}
	p.i++
	return true
}

// end accepts only trailing space.
func (p *recordReader) end() bool {
	p.space()
	return p.i == len(p.data)
}

// int reads a JSON integer that fits an int.
func (p *recordReader) int() (int, bool) {
	p.space()
	start := p.i
	if p.i < len(p.data) && p.data[p.i] == '-' {
		p.i++
	}
	digits := p.i
	for p.i < len(p.data) && p.data[p.i] >= '0' && p.data[p.i] <= '9' {
		p.i++
	}
	n := p.i - digits
	if n == 0 || (n > 1 && p.data[digits] == '0') {
		return 0, false
	}
	if p.i < len(p.data) {
		switch p.data[p.i] {
		case '.', 'e', 'E':
			return 0, false
		}
	}
	v, err := strconv.Atoi(p.str[start:p.i])
	return v, err == nil
}

// string reads a JSON string, decoding the escapes encoding/json writes.
func (p *recordReader) string() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	start := p.i
	// Fast case: no escapes.
	for p.i < len(p.data) {
		c := p.data[p.i]
		if c == '"' {
			p.i++
			return p.str[start : p.i-1], true
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", false
		}
		p.i++
	}
	return p.escapedString(start)
}

// escapedString reads the rest of a string holding escapes, from start
// (just after the opening quote), with p.i at the first backslash.
func (p *recordReader) escapedString(start int) (string, bool) {
	buf := append([]byte(nil), p.data[start:p.i]...)
	for p.i < len(p.data) {
		c := p.data[p.i]
		switch {
		case c == '"':
			p.i++
			if !utf8.Valid(buf) { // an escaped lone byte could break it
				return "", false
			}
			return string(buf), true
		case c < 0x20:
			return "", false
		case c != '\\':
			buf = append(buf, c)
			p.i++
			continue
		}
		var ok bool
		if buf, ok = p.appendEscape(buf); !ok {
			return "", false
		}
	}
	return "", false
}

// simpleEscape is what a one-letter JSON escape stands for, or 0.
func simpleEscape(e byte) byte {
	switch e {
	case '"', '\\', '/':
		return e
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	}
	return 0
}

// appendEscape reads the escape at p.i (a backslash and what follows) and
// appends what it stands for.
func (p *recordReader) appendEscape(buf []byte) ([]byte, bool) {
	if p.i+1 >= len(p.data) {
		return buf, false
	}
	e := p.data[p.i+1]
	p.i += 2
	if c := simpleEscape(e); c != 0 {
		return append(buf, c), true
	}
	if e != 'u' {
		return buf, false
	}
	r, ok := p.unicodeEscape()
	if !ok {
		return buf, false
	}
	return utf8.AppendRune(buf, r), true
}

// unicodeEscape reads the four hex digits after \u, and a second \uXXXX
// when the first is a surrogate. Only well-formed pairs are taken;
// encoding/json's handling of lone surrogates is left to encoding/json.
func (p *recordReader) unicodeEscape() (rune, bool) {
	r, ok := p.hex4()
	if !ok || !utf16.IsSurrogate(r) {
		return r, ok
	}
	if p.i+1 >= len(p.data) || p.data[p.i] != '\\' || p.data[p.i+1] != 'u' {
		return 0, false
	}
	p.i += 2
	r2, ok := p.hex4()
	if !ok {
		return 0, false
	}
	r = utf16.DecodeRune(r, r2)
	return r, r != utf8.RuneError
}

func (p *recordReader) hex4() (rune, bool) {
	if p.i+4 > len(p.data) {
		return 0, false
	}
	var r rune
	for _, c := range p.data[p.i : p.i+4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	p.i += 4
	return r, true
}

// refs reads the actors array: [{"a":"…","r":"…","t":"…","s":"…"},…].
func (p *recordReader) refs() ([]refRecord, bool) {
	if !p.byte('[') {
		return nil, false
	}
	out := make([]refRecord, 0, 2)
	if p.byte(']') {
		return out, true
	}
	for {
		var ref refRecord
		if !p.byte('{') {
			return nil, false
		}
		if !p.byte('}') {
			for {
				key, ok := p.string()
				if !ok || !p.byte(':') {
					return nil, false
				}
				switch key {
				case "a":
					ref.Actor, ok = p.string()
				case "r":
					ref.Role, ok = p.string()
				case "t":
					ref.Topic, ok = p.string()
				case "s":
					ref.Stance, ok = p.string()
				default:
					return nil, false
				}
				if !ok {
					return nil, false
				}
				if p.byte(',') {
					continue
				}
				if !p.byte('}') {
					return nil, false
				}
				break
			}
		}
		out = append(out, ref)
		if p.byte(',') {
			continue
		}
		if !p.byte(']') {
			return nil, false
		}
		return out, true
	}
}

// readBlocks is the fast path for an article's stored text (the "texts"
// bucket: []article.Block as JSON), read on every AddHighlight and every
// article load. Like readHighlightRecord it gives up on anything but the
// shape encoding/json writes, and FuzzHighlightRecord checks it against
// encoding/json.
func readBlocks(data []byte) ([]article.Block, bool) {
	if !utf8.Valid(data) {
		return nil, false
	}
	p := recordReader{data: data, str: string(data)}
	if p.byte('n') { // null
		if p.i+3 <= len(data) && string(data[p.i:p.i+3]) == "ull" {
			p.i += 3
			return nil, p.end()
		}
		return nil, false
	}
	if !p.byte('[') {
		return nil, false
	}
	out := []article.Block{}
	if p.byte(']') {
		return out, p.end()
	}
	for {
		var b article.Block
		if !p.byte('{') {
			return nil, false
		}
		if !p.byte('}') {
			for {
				key, ok := p.string()
				if !ok || !p.byte(':') {
					return nil, false
				}
				switch key {
				case "type":
					var t string
					t, ok = p.string()
					b.Type = article.BlockType(t)
				case "level":
					b.Level, ok = p.int()
				case "text":
					b.Text, ok = p.string()
				default:
					return nil, false
				}
				if !ok {
					return nil, false
				}
				if p.byte(',') {
					continue
				}
				if !p.byte('}') {
					return nil, false
				}
				break
			}
		}
		out = append(out, b)
		if p.byte(',') {
			continue
		}
		if !p.byte(']') {
			return nil, false
		}
		return out, p.end()
	}
}
