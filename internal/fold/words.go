package fold

import (
	"unicode"
	"unicode/utf8"
)

// Words calls fn with every word of s, folded, and its byte range in s. A
// word is a run of letters, digits and combining marks; everything else
// (spaces, punctuation, hyphens, apostrophes) separates words, so
// "Müller-Lüdenscheidt" is "muller" and "ludenscheidt". Chinese and
// Japanese characters are words of one character each, since those
// scripts do not put spaces between words. The slice passed to fn is
// reused: copy it to keep it.
func Words(s string, fn func(w []byte, start, end int)) {
	var buf []byte
	start := -1
	flush := func(end int) {
		if start >= 0 && len(buf) > 0 {
			fn(buf, start, end)
		}
		buf, start = buf[:0], -1
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				flush(i)
				i++
				continue
			}
			if start < 0 {
				start = i
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isIdeograph(r):
			flush(i)
			start = i
			buf = append(buf, Rune(r)...)
			flush(i + size)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if start < 0 {
				start = i
			}
			buf = append(buf, Rune(r)...)
		default:
			flush(i)
		}
		i += size
	}
	flush(len(s))
}

// isIdeograph reports whether r belongs to a script written without spaces
// between words (Chinese, Japanese kana), whose characters are words of
// their own here.
func isIdeograph(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}
