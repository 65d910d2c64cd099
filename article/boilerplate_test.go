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

// TestCreditAtByColons checks that finding credits from the colons of a
// line gives what searching the line for every phrase gives, on lines
// built from the lists' own credit phrases, sentence ends and separators.
func TestCreditAtByColons(t *testing.T) {
	for _, lang := range boilerplateLangs() {
		bp := boilerplateFor(lang)
		pieces := []string{"Bild", ". ", "text", ":", " (", "| ", "©", "?", "\u00a0", "a:b:", "12:30"}
		for _, p := range bp.prefixes {
			if strings.HasSuffix(p, ":") || p == "©" {
				pieces = append(pieces, p, p[:len(p)-1])
			}
		}
		rng := rand.New(rand.NewPCG(5, 6))
		found := 0
		for range 50000 {
			var b strings.Builder
			for n := rng.IntN(7); n > 0; n-- {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			l := b.String()
			want := -1
			for _, p := range bp.prefixes {
				if !strings.HasSuffix(p, ":") && p != "©" {
					continue
				}
				if want = creditBySearch(l, p); want >= 0 {
					break
				}
			}
			if got := bp.creditAt(l); got != want {
				t.Fatalf("%s: creditAt(%q) = %d, searching finds %d", lang, l, got, want)
			}
			if want >= 0 {
				found++
			}
		}
		if found < 100 {
			t.Fatalf("%s: only %d built lines hold a credit: the pieces no longer exercise creditAt", lang, found)
		}
	}
}

// creditBySearch is creditIn the long way: every place of p in l, in order.
func creditBySearch(l, p string) int {
	for from := 0; ; {
		i := strings.Index(l[from:], p)
		if i < 0 {
			return -1
		}
		i += from
		if afterSentence(l, i) {
			return i
		}
		from = i + len(p)
	}
}
