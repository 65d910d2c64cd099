package grapheme

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// bounds returns every cluster boundary of s, segmenting the whole text:
// what the windowed search must agree with.
func bounds(text []rune) map[int]bool {
	out := map[int]bool{0: true, len(text): true}
	g := uniseg.NewGraphemes(string(text))
	off := 0
	for g.Next() {
		off += len(g.Runes())
		out[off] = true
	}
	return out
}

var samples = []string{
	"Die Familie 👨‍👩‍👧 reist nach 🇩🇪 und 🇫🇷, Daumen 👍🏽 hoch.",
	"🇩🇪🇫🇷🇮🇹🇪🇸🇬🇧🇩🇪🇫🇷",
	"Regenbogen 🏳️‍🌈 und 🏴‍☠️",
	"می‌خواهم بروم — نمی‌دانم",
	"क्षत्रिय और हिन्दी में ज़्यादा",
	"Café e\u0301\u0323 x\u0308\u0301 und 한국어 \u1100\u1161\u11A8 ｶﾞ",
	"line\r\nbreak\n\nnext ‍ zwj alone",
	"000000000000🀍👩\u200d👽 👍🏽👨\u200d👩\u200d👧🎉👨\u200d👩\u200d👧",
}

// Floor and Ceil agree with segmenting the whole text at every offset.
func TestFloorCeilAgreeWithWholeText(t *testing.T) {
	for _, s := range samples {
		text := []rune(s)
		b := bounds(text)
		for off := 0; off <= len(text); off++ {
			f, c := Floor(text, off), Ceil(text, off)
			if b[off] {
				if f != off || c != off {
					t.Errorf("%q at boundary %d: Floor %d, Ceil %d", s, off, f, c)
				}
				continue
			}
			if !b[f] || !b[c] || f >= off || c <= off {
				t.Errorf("%q at %d (inside a cluster): Floor %d, Ceil %d", s, off, f, c)
			}
			for i := f + 1; i < c; i++ {
				if b[i] {
					t.Errorf("%q at %d: [%d, %d) is more than one cluster", s, off, f, c)
				}
			}
		}
	}
}

// Clusters readers know, spelled out (the reference above is the library
// itself; this is what it must say).
func TestKnownClusters(t *testing.T) {
	for s, want := range map[string][]string{
		"🇩🇪🇫🇷🇮":             {"🇩🇪", "🇫🇷", "🇮"},
		"👍🏽👨\u200d👩\u200d👧": {"👍🏽", "👨\u200d👩\u200d👧"},
		"🀍👩\u200d👽":         {"🀍", "👩\u200d👽"},
		"🏳\ufe0f\u200d🌈x":   {"🏳\ufe0f\u200d🌈", "x"},
		"می\u200cخ":         {"م", "ی\u200c", "خ"},
		"e\u0301\u0323!":    {"e\u0301\u0323", "!"},
		"\r\n\n":            {"\r\n", "\n"},
	} {
		text := []rune(s)
		var got []string
		for off := 0; off < len(text); {
			end := Ceil(text, off+1)
			got = append(got, string(text[off:end]))
			off = end
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q: clusters %q, want %q", s, got, want)
		}
	}
}

func TestSnap(t *testing.T) {
	text := []rune("Flagge 🇩🇪, Familie 👨‍👩‍👧!")
	flag := strings.Index(string(text), "🇩🇪")
	flagAt := utf8.RuneCountInString(string(text)[:flag])
	fam := utf8.RuneCountInString(string(text)[:strings.Index(string(text), "👨")])
	for _, tc := range []struct{ a, b, wa, wb int }{
		{flagAt + 1, flagAt + 2, flagAt, flagAt + 2}, // the second half of a flag: the whole flag
		{flagAt, flagAt + 1, flagAt, flagAt + 2},     // the first half
		{fam + 2, fam + 3, fam, fam + 5},             // one member of the family: the family
		{fam + 3, fam + 3, fam, fam},                 // a caret inside: before the cluster
		{3, 1, 1, 3},                                 // reversed and plain
		{-4, 99, 0, len(text)},                       // clamped
	} {
		if a, b := Snap(text, tc.a, tc.b); a != tc.wa || b != tc.wb {
			t.Errorf("Snap(%d, %d) = %d, %d; want %d, %d", tc.a, tc.b, a, b, tc.wa, tc.wb)
		}
	}
}

// In a run of flags, pairs are counted from the run's start as far as the
// window reaches; beyond it the answer is a pair boundary of the window
// (possibly off by one flag half), found without segmenting the whole run.
func TestLongFlagRun(t *testing.T) {
	text := []rune(strings.Repeat("🇩🇪", 3*maxContext))
	for _, off := range []int{1, 3, maxContext - 1} {
		if f, c := Floor(text, off), Ceil(text, off); f != off-1 || c != off+1 {
			t.Errorf("at %d: [%d, %d)", off, f, c)
		}
	}
	off := 4*maxContext + 1
	if f, c := Floor(text, off), Ceil(text, off); f < off-1 || c > off+1 {
		t.Errorf("far into the run, at %d: [%d, %d)", off, f, c)
	}
}

func BenchmarkSnapPlain(b *testing.B) {
	text := []rune(strings.Repeat("Seoul und Peking verhandeln weiter über die Lage. ", 1000))
	for b.Loop() {
		Snap(text, 1234, 5678)
	}
}

func BenchmarkSnapEmoji(b *testing.B) {
	text := []rune(strings.Repeat("Familie 👨‍👩‍👧 in 🇩🇪. ", 1000))
	for b.Loop() {
		Snap(text, 1235, 5679)
	}
}

// FuzzFloorCeil checks the windowed search against segmenting the whole
// text, for any text short enough that the window covers it.
func FuzzFloorCeil(f *testing.F) {
	for _, s := range samples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := []rune(s)
		if len(text) > maxContext {
			return
		}
		b := bounds(text)
		for off := 0; off <= len(text); off++ {
			fl, c := Floor(text, off), Ceil(text, off)
			if b[off] != (fl == off) || !b[fl] || !b[c] || fl > off || c < off {
				t.Fatalf("%q at %d: Floor %d, Ceil %d, boundary %v", s, off, fl, c, b[off])
			}
		}
	})
}
