// Package grapheme finds user-perceived characters (extended grapheme
// clusters, Unicode UAX #29) in text held as runes, so that a selection, a
// highlight or a cut never ends inside one: never half a flag, a family
// emoji without its last member, a lone skin-tone modifier, or a Persian
// letter without the ZERO WIDTH NON-JOINER that shapes it.
//
// Offsets are code point offsets, as everywhere in Dramatis. Segmentation
// is rivo/uniseg's (Unicode 15.0 rules, tested against Unicode's own test
// file), run over a short window around the offset, so the cost does not
// grow with the text. go-text/typesetting's segmenter, which Fyne already
// brings, splits an emoji ZWJ sequence that follows another emoji
// ("🀍👩‍👽" gives 👩‍ and 👽), so it is not used here.
package grapheme

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// maxContext bounds how far a window reaches on each side of an offset
// while looking for a place where a cluster certainly ends. Real text has
// one every few characters (a space, a letter next to a letter); only a
// pathological run (thousands of combining marks or flags) is longer, and
// there a boundary is taken from the truncated window.
const maxContext = 1024

// Floor returns the start of the grapheme cluster that contains off, or off
// when a cluster starts there. Offsets outside the text are clamped.
func Floor(text []rune, off int) int {
	lo, _, ok := cluster(text, off)
	if !ok {
		return max(0, min(off, len(text)))
	}
	return lo
}

// Ceil returns the end of the grapheme cluster that contains off, or off
// when a cluster starts there. Offsets outside the text are clamped.
func Ceil(text []rune, off int) int {
	lo, hi, ok := cluster(text, off)
	if !ok || lo == off {
		return max(0, min(off, len(text)))
	}
	return hi
}

// IsBoundary reports whether a cluster starts or ends at off.
func IsBoundary(text []rune, off int) bool {
	return Floor(text, off) == off
}

// Snap widens [start, end) to whole clusters: start moves back to the
// start of its cluster, end forward to the end of its cluster. An empty
// range (a caret) moves back to the start of its cluster.
func Snap(text []rune, start, end int) (int, int) {
	if start > end {
		start, end = end, start
	}
	if start == end {
		start = Floor(text, start)
		return start, start
	}
	return Floor(text, start), Ceil(text, end)
}

// cluster returns the cluster [lo, hi) that contains off, with lo <= off <
// hi; ok is false when off is at or beyond either end of the text.
func cluster(text []rune, off int) (lo, hi int, ok bool) {
	if off <= 0 || off >= len(text) {
		return 0, 0, false
	}
	if breaksBetween(text[off-1], text[off]) {
		return off, off, true // the common case: no segmentation needed
	}
	from, to := off, off
	for from > 0 && off-from < maxContext && !breaksBetween(text[from-1], text[from]) {
		from--
	}
	for to < len(text) && to-off < maxContext && !breaksBetween(text[to-1], text[to]) {
		to++
	}
	window := string(text[from:to])
	start, state := from, -1
	for window != "" {
		var c string
		c, window, _, state = uniseg.FirstGraphemeClusterInString(window, state)
		end := start + utf8.RuneCountInString(c)
		if off >= start && off < end {
			return start, end, true
		}
		start = end
	}
	return off, off, true
}

// breaksBetween reports whether a cluster boundary certainly lies between
// the runes a and b, whatever comes before a or after b: next to a control
// character other than CR LF (rules GB4, GB5), or between two plain
// characters, which no rule joins (GB999). It may answer false where a
// boundary still lies; the segmenter decides those.
func breaksBetween(a, b rune) bool {
	switch {
	case a == '\r' && b == '\n':
		return false
	case unicode.IsControl(a) || unicode.IsControl(b):
		return true
	}
	return plain(a) && plain(b)
}

// plain reports whether r takes part in no cluster rule but the default
// one: letters, digits, punctuation, symbols and spaces, except those the
// rules treat specially (Hangul jamo, regional indicators, Prepend letters,
// and the few letters and symbols that are Extend or SpacingMark).
func plain(r rune) bool {
	if r < 0x80 {
		return r >= 0x20 && r != 0x7f
	}
	if !unicode.In(r, unicode.L, unicode.N, unicode.P, unicode.S, unicode.Zs) {
		return false // marks (Extend, SpacingMark) and format characters (ZWJ, ZWNJ, Prepend)
	}
	for _, rg := range specialLetters {
		if r >= rg[0] && r <= rg[1] {
			return false
		}
	}
	return true
}

// specialLetters are letters and symbols with a cluster rule of their own
// (from Unicode's GraphemeBreakProperty.txt).
var specialLetters = [][2]rune{
	{0x0E33, 0x0E33},   // THAI SARA AM: SpacingMark
	{0x0EB3, 0x0EB3},   // LAO AM: SpacingMark
	{0x0D4E, 0x0D4E},   // MALAYALAM LETTER DOT REPH: Prepend
	{0x1100, 0x11FF},   // Hangul jamo: L, V, T
	{0xA960, 0xA97F},   // Hangul jamo extended-A: L
	{0xD7B0, 0xD7FF},   // Hangul jamo extended-B: V, T
	{0xFF9E, 0xFF9F},   // halfwidth katakana sound marks: Extend
	{0x111C2, 0x111C3}, // Sharada: Prepend
	{0x1193F, 0x1193F}, // Dives Akuru: Prepend
	{0x11941, 0x11941},
	{0x11A3A, 0x11A3A}, // Zanabazar Square: Prepend
	{0x11A84, 0x11A89}, // Soyombo: Prepend
	{0x11D46, 0x11D46}, // Masaram Gondi: Prepend
	{0x11F02, 0x11F02}, // Kawi: Prepend
	{0x1F1E6, 0x1F1FF}, // regional indicators: flags pair them
	{0x1F3FB, 0x1F3FF}, // emoji skin-tone modifiers: Extend
}
