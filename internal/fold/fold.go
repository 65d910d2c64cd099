// Package fold is the one folding of text for finding it again: lower
// case, without accents (ö → o, é → e, ß → ss), so that a reader can type
// "pjongjang" for "Pjöngjang". The actor picker matches names with it and
// the library's search index is made of its words; both must fold alike,
// or a name the picker finds would not be found by the search.
//
// Folding is for finding only. What makes two actor names one name is
// annotation.NameKey, which keeps accents ("Müller" and "Muller" are two
// people).
package fold

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// String lower-cases s and strips diacritics (ö → o, é → e, ß → ss).
func String(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteString(Rune(r))
	}
	return b.String()
}

// German folds like String but spells umlauts the German way without them
// (ö → oe), which is how many readers type on foreign keyboards.
func German(s string) string {
	return String(umlauts.Replace(norm.NFC.String(s)))
}

var umlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "ae", "Ö", "oe", "Ü", "ue")

// Unumlaut turns the German spelling of folded umlauts back into plain
// vowels ("pjoengjang" → "pjongjang"), so that a query typed the German
// way finds words String folded. It also changes words that merely
// contain "ae", "oe" or "ue" ("steuer" → "steur"); a caller looks for
// both spellings.
func Unumlaut(folded string) string {
	if !strings.Contains(folded, "e") {
		return folded
	}
	return deUmlaut.Replace(folded)
}

var deUmlaut = strings.NewReplacer("ae", "a", "oe", "o", "ue", "u")

// latinEnd bounds the runes whose folding is kept in a table: Latin-1,
// Latin Extended-A and -B, where nearly all the accented letters of
// European news are. Other runes are folded as they come.
const latinEnd = 0x250

// latin holds the folding of every rune below latinEnd, built once and
// never changed: a constant table, not state.
var latin = sync.OnceValue(func() *[latinEnd]string {
	var t [latinEnd]string
	for r := rune(0); r < latinEnd; r++ {
		t[r] = foldRune(r)
	}
	return &t
})

// Rune returns the folding of one rune (often one rune, "ss" for ß, ""
// for a combining accent).
func Rune(r rune) string {
	if r >= 0 && r < latinEnd {
		return latin()[r]
	}
	return foldRune(r)
}

// foldRune folds r the slow way: decomposed, accents dropped, lower case.
func foldRune(r rune) string {
	if r == 'ß' || r == 'ẞ' {
		return "ss"
	}
	d := string(r)
	if r >= utf8.RuneSelf {
		d = norm.NFD.String(d)
	}
	var b strings.Builder
	for _, c := range d {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}
