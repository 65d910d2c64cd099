package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/internal/fold"
	"github.com/dramatis-app/dramatis/storage"
	"github.com/dramatis-app/dramatis/widgets"
)

// Finding words in the article follows the library search's rules (see
// storage/searchquery.go), so that the words a search found an article
// by are the words marked in it, and the reader learns one rule:
//
//   - case and accents never count ("pjongjang" finds "Pjöngjang", the
//     German spelling "pjoengjang" too, "strasse" finds "Straße");
//   - a word shorter than storage.MinPrefixRunes matches only that word
//     ("wir" never "wird"), a longer one every word it begins, and from
//     storage.MinInfixRunes characters on it matches inside words too
//     ("sanktion" in "Wirtschaftssanktionen");
//   - a word in quotes matches only itself; a word with a minus in front
//     excludes articles in the library and is not marked here.
//
// A match marks the whole word it is in, as the library's snippets do.
// The storage package keeps its parser to itself; this is its twin for
// text in view, tested against the same cases (findwords_test.go).
// findPrefixRunes and findInfixRunes are the library search's own
// thresholds (their reasons are given there).
const (
	findPrefixRunes = storage.MinPrefixRunes
	findInfixRunes  = storage.MinInfixRunes
)

// findTerm is one word to find, folded.
type findTerm struct {
	word  string
	alt   string // the German spelling without umlauts, or ""
	exact bool   // quoted: the whole word only
}

// parseFindWords splits what the reader typed into the words to find
// (the excluded ones left out).
func parseFindWords(s string) []findTerm {
	var out []findTerm
	add := func(segment string, exact, not bool) {
		if not {
			return
		}
		fold.Words(segment, func(w []byte, _, _ int) {
			t := findTerm{word: string(w), exact: exact}
			if a := fold.Unumlaut(t.word); a != t.word {
				t.alt = a
			}
			out = append(out, t)
		})
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		not := false
		if r == '-' {
			not = true
			i += size
			if i >= len(s) {
				break
			}
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isFindQuote(r) {
			rest := s[i+size:]
			j := strings.IndexFunc(rest, isFindQuote)
			if j < 0 {
				j = len(rest) // an unclosed quote runs to the end
			}
			add(rest[:j], true, not)
			i += size + j
			if j < len(rest) {
				_, q := utf8.DecodeRuneInString(rest[j:])
				i += q
			}
			continue
		}
		j := strings.IndexFunc(s[i:], func(r rune) bool { return unicode.IsSpace(r) || isFindQuote(r) })
		if j < 0 {
			j = len(s) - i
		}
		add(s[i:i+j], false, not)
		i += j
	}
	return out
}

func isFindQuote(r rune) bool {
	switch r {
	case '"', '„', '“', '”', '«', '»':
		return true
	}
	return false
}

// matches reports whether the term finds the folded word w.
func (t findTerm) matches(w []byte) bool {
	return t.matchesAs(w, t.word) || t.alt != "" && t.matchesAs(w, t.alt)
}

func (t findTerm) matchesAs(w []byte, q string) bool {
	n := utf8.RuneCountInString(q)
	switch {
	case t.exact || n < findPrefixRunes:
		return string(w) == q
	case n >= findInfixRunes:
		return strings.Contains(string(w), q)
	}
	return strings.HasPrefix(string(w), q)
}

// findInText returns the code point ranges of the words of text that the
// terms find, in order. stop is asked between pieces of findChunkBytes
// whether the result is still wanted; when it says no, nil comes back at
// once, so a find for words the reader has typed on from stops early.
func findInText(text string, terms []findTerm, stop func() bool) []widgets.TextRange {
	if len(terms) == 0 {
		return nil
	}
	var out []widgets.TextRange
	lastByte, lastRune := 0, 0 // rune offset of byte offset lastByte
	runeAt := func(b int) int {
		lastRune += utf8.RuneCountInString(text[lastByte:b])
		lastByte = b
		return lastRune
	}
	for from := 0; from < len(text); {
		if stop != nil && stop() {
			return nil
		}
		to := chunkEnd(text, from)
		fold.Words(text[from:to], func(w []byte, start, end int) {
			for _, t := range terms {
				if t.matches(w) {
					s := runeAt(from + start)
					out = append(out, widgets.TextRange{Start: s, End: runeAt(from + end)})
					return
				}
			}
		})
		from = to
	}
	return out
}

// findChunkBytes is how much text a find reads between two looks at
// whether it is still wanted: about a millisecond of work.
const findChunkBytes = 64 << 10

// chunkEnd is where the piece of text from from ends: findChunkBytes on,
// at the next space, so that no word is cut in two (a text without spaces
// is cut at a rune boundary, which only a word over 64 KB would notice).
func chunkEnd(text string, from int) int {
	to := from + findChunkBytes
	if to >= len(text) {
		return len(text)
	}
	if sp := strings.IndexAny(text[to:], " \n"); sp >= 0 && sp < findChunkBytes {
		return to + sp
	}
	for to > from && !utf8.RuneStart(text[to]) {
		to--
	}
	return to
}
