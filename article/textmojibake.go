package article

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/dramatis-app/dramatis/internal/ascii"
)

// mojibakeCharsets are the legacy charsets a browser falls back to when a
// page declares no charset or a wrong one: UTF-8 read in one of them is
// the mojibake a reader sees on such a page, and copies ("FÃ¼r" for
// "Für", "鏂伴椈" for "新闻").
var mojibakeCharsets = []encoding.Encoding{
	charmap.Windows1252,
	simplifiedchinese.GB18030,
	japanese.ShiftJIS,
	korean.EUCKR,
	charmap.Windows1251,
}

// The evidence for mojibake: written back in the charset, the text's
// non-ASCII characters give at least minMojibakeRunes well-formed UTF-8
// characters of two bytes or more, and at most one stray byte (a byte
// that is no part of one) per mojibakeStrayRatio such characters. Text
// really written in the charset gives stray bytes all the time: "ä" in
// Windows-1252 is one byte, which UTF-8 never has alone, and random
// Chinese in GB18030 forms a valid sequence only by chance. A stray byte
// or two stands for characters the misreading lost (copied as U+FFFD).
const (
	minMojibakeRunes   = 8
	mojibakeStrayRatio = 10
)

// mojibakeSample is how much of the text the evidence is gathered from:
// a few pages of a copy decide it.
const mojibakeSample = 64 << 10

// repairMojibake returns text decoded again as UTF-8 when it is UTF-8
// that was read as one of mojibakeCharsets: a clear, reversible misreading
// (see minMojibakeRunes), which is the page's text and not what a reader
// wants to keep. Characters that the misreading lost stay lost (U+FFFD).
// Other text is returned unchanged.
func repairMojibake(text string) string {
	if ascii.Is(text) {
		return text
	}
	sample := text[:utf8ValidPrefix(text, mojibakeSample)]
	for _, cs := range mojibakeCharsets {
		if _, runes, stray := rewriteAsUTF8(sample, cs, true); runes >= minMojibakeRunes && stray*mojibakeStrayRatio <= runes {
			out, _, _ := rewriteAsUTF8(text, cs, false)
			return out
		}
	}
	return text
}

// mojibakeGiveUp is how many characters against mojibake (stray bytes,
// characters the charset cannot write) end the probe of a charset once
// they outnumber what mojibakeStrayRatio allows: text really written in
// some charset shows it within its first lines.
const mojibakeGiveUp = 16

// rewriteAsUTF8 writes text back in cs and reads the bytes as UTF-8. A
// character that cs cannot write stays as it is; U+FFFD (a byte the
// misreading lost) stays U+FFFD. It returns the text so read, how many
// characters of two or more bytes the written-back bytes formed, and how
// many of those bytes formed none. A probe stops early (see
// mojibakeGiveUp), counting the characters cs cannot write as stray.
func rewriteAsUTF8(text string, cs encoding.Encoding, probe bool) (out string, runes, stray int) {
	enc := cs.NewEncoder()
	var b strings.Builder
	b.Grow(len(text))
	var buf, src [8]byte
	for i := 0; i < len(text); {
		// A run of ASCII passes through.
		j := i
		for j < len(text) && text[j] < utf8.RuneSelf {
			j++
		}
		b.WriteString(text[i:j])
		if j == len(text) {
			break
		}
		// A run of non-ASCII characters that cs can write.
		var run []byte
		for j < len(text) && text[j] >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(text[j:])
			if r == utf8.RuneError {
				break
			}
			if lead, trail, ok := gbkUserDefined(r); ok && cs == simplifiedchinese.GB18030 {
				run = append(run, lead)
				if trail != 0 {
					run = append(run, trail)
				}
				j += size
				continue
			}
			n, _, err := enc.Transform(buf[:], src[:copy(src[:], text[j:j+size])], true)
			if err != nil {
				break
			}
			run = append(run, buf[:n]...)
			j += size
		}
		if strings.HasSuffix(text[:i], "\uFFFD") {
			// Nor can the rest of a character whose first byte was
			// lost be read.
			run = run[orphanHead(run):]
		}
		if strings.HasPrefix(text[j:], "\uFFFD") {
			// The misreading lost the byte that would have completed
			// the character: it is the U+FFFD that follows.
			run = run[:len(run)-incompleteTail(run)]
		}
		n, s := countUTF8(run)
		runes, stray = runes+n, stray+s
		b.WriteString(strings.ToValidUTF8(string(run), "\uFFFD"))
		if len(run) == 0 && j < len(text) {
			// A character cs cannot write, or U+FFFD: kept.
			r, size := utf8.DecodeRuneInString(text[j:])
			b.WriteString(text[j : j+size])
			j += size
			if r != utf8.RuneError && probe {
				stray++
			}
		}
		if probe && stray >= mojibakeGiveUp && stray*mojibakeStrayRatio > runes {
			return "", runes, stray
		}
		i = j
	}
	return b.String(), runes, stray
}

// gbkUserDefined returns the bytes that golang.org/x/text writes
// otherwise than a browser reads them: "€", which the browser reads from
// the single byte 80, and the two bytes of GBK's user-defined areas,
// which a browser reads as private-use characters (U+E000–U+E765), as the
// WHATWG gb18030 index maps them; golang.org/x/text writes these
// characters as four-byte GB18030 instead. UTF-8 read as GBK gives them
// often: "说" (e8 af b4) becomes "\ue1e9" for the pair af b4.
func gbkUserDefined(r rune) (lead, trail byte, ok bool) {
	if r == '€' {
		return 0x80, 0, true // one byte: the browser's GBK reads 80 as "€"
	}
	const (
		area1, area2, area3, end = 0xe000, 0xe234, 0xe4c6, 0xe766
		rowLen, area3RowLen      = 94, 96
	)
	switch {
	case r >= area1 && r < area2: // aa a1 – af fe
		k := int(r - area1)
		return byte(0xaa + k/rowLen), byte(0xa1 + k%rowLen), true
	case r >= area2 && r < area3: // f8 a1 – fe fe
		k := int(r - area2)
		return byte(0xf8 + k/rowLen), byte(0xa1 + k%rowLen), true
	case r >= area3 && r < end: // a1 40 – a7 a0, without 7f
		k := int(r - area3)
		t := 0x40 + k%area3RowLen
		if t >= 0x7f {
			t++
		}
		return byte(0xa1 + k/area3RowLen), byte(t), true
	}
	return 0, 0, false
}

// countUTF8 counts the characters of two or more bytes in p and the bytes
// that are no part of a well-formed character.
func countUTF8(p []byte) (runes, stray int) {
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			stray++
		case size > 1:
			runes++
		}
		i += max(size, 1)
	}
	return runes, stray
}

// incompleteTail returns the length of the start of a UTF-8 character
// that ends p without its last bytes, or 0.
func incompleteTail(p []byte) int {
	for k := 1; k < utf8.UTFMax && k <= len(p); k++ {
		if c := p[len(p)-k]; utf8.RuneStart(c) {
			if c >= 0xc0 && !utf8.FullRune(p[len(p)-k:]) {
				return k
			}
			return 0
		}
	}
	return 0
}

// orphanHead returns how many bytes at the start of p continue a UTF-8
// character that began before p (at most three).
func orphanHead(p []byte) int {
	k := 0
	for k < len(p) && k < utf8.UTFMax-1 && !utf8.RuneStart(p[k]) {
		k++
	}
	return k
}

// utf8ValidPrefix returns n, or less so as not to cut a character of s.
func utf8ValidPrefix(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}
