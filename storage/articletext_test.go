package storage

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/annotation"
)

// articleText.quote must give exactly what annotation.QuoteAt gives on the
// text as runes, for every range, at both ends of the text and across
// multi-byte characters.
func TestArticleTextQuoteMatchesQuoteAt(t *testing.T) {
	pieces := []string{"Pjöngjang", " ", "„Zitat“", "가", "\n\n", "Kim", "😀", "ß", "e\u0301"}
	rng := rand.New(rand.NewPCG(7, 8))
	for round := 0; round < 200; round++ {
		var b strings.Builder
		for i := rng.IntN(60); i >= 0; i-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		text := articleText{s: s, n: utf8.RuneCountInString(s)}
		runes := []rune(s)
		for k := 0; k < 20; k++ {
			start := rng.IntN(text.n + 1)
			end := start + rng.IntN(text.n-start+1)
			if got, want := text.quote(start, end), annotation.QuoteAt(runes, start, end); got != want {
				t.Fatalf("quote(%d,%d) of %q = %+v, want %+v", start, end, s, got, want)
			}
		}
		for _, r := range [][2]int{{0, 0}, {0, text.n}, {text.n, text.n}, {-5, 3}, {2, text.n + 9}} {
			if got, want := text.quote(r[0], r[1]), annotation.QuoteAt(runes, r[0], r[1]); got != want {
				t.Fatalf("quote(%d,%d) of %q = %+v, want %+v", r[0], r[1], s, got, want)
			}
		}
	}
}
