package article

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestLowerIdempotent checks what foldLowered relies on: lower-casing a
// lower-cased rune changes nothing.
func TestLowerIdempotent(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); unicode.ToLower(l) != l {
			t.Fatalf("%U lowers to %U, which lowers to %U", r, l, unicode.ToLower(l))
		}
	}
}

// TestFoldShortcuts builds strings of spaces, letters in both cases,
// digits, punctuation and broken UTF-8, and checks that the shortcuts
// agree with the long way: singleSpaced only where Fields and Join change
// nothing, foldLowered as foldPhrase on lower-cased text.
func TestFoldShortcuts(t *testing.T) {
	pieces := []string{" ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u3000", "\u0085", "a", "Z", "Ä", "ß", "İ", "K", "ſ",
		"7", "42", "٣", "»", "!", "#", "\xff", "\xe2\x80", "Share", "Artikel", "ǅ"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		var b strings.Builder
		for n := rng.IntN(8); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if singleSpaced(s) && strings.Join(strings.Fields(s), " ") != s {
			t.Fatalf("singleSpaced(%q) = true, but Fields and Join make %q", s, strings.Join(strings.Fields(s), " "))
		}
		l := strings.ToLower(s)
		if got, want := foldLowered(l), foldPhrase(l); got != want {
			t.Fatalf("foldLowered(%q) = %q, foldPhrase gives %q", l, got, want)
		}
	}
}
