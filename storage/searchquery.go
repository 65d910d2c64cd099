package storage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/internal/fold"
)

// How a search word matches the words of an article:
//
//   - a word of one character matches only that word ("a", "5");
//   - a longer one matches every word it begins ("sanktion" finds
//     "Sanktionen"; German endings and inflections come for free);
//   - from minInfixRunes characters on, it matches inside words too
//     ("sanktion" finds "Wirtschaftssanktionen", German compounds);
//   - a word in quotes matches only itself ("EU" without "Euro");
//   - a word with a minus in front excludes the articles that have it.
//
// Case and accents never count ("pjongjang" finds "Pjöngjang"; the German
// spelling "pjoengjang" too), and neither does order: every word must be
// found somewhere in the article, its highlights' notes or the actors its
// highlights name.
const (
	// minPrefixRunes: a single letter as a prefix would match a
	// twentieth of all words and say nothing.
	minPrefixRunes = 2
	// minInfixRunes: shorter pieces are inside too many unrelated words
	// ("eu" in "neue", "heute"); four letters are a word part.
	minInfixRunes = 4
)

// queryTerm is one word of a search.
type queryTerm struct {
	word  string // folded
	alt   string // the German spelling without umlauts ("pjoengjang" → "pjongjang"), or ""
	exact bool   // quoted: the whole word only
	not   bool   // excludes
}

// parseQuery splits a search into its words. Words are folded and split
// as the index splits text ("Müller-Lüdenscheidt" is two words); text in
// quotes („…“, “…”, "…") is matched word for word; a minus that starts a
// word or a quote excludes it ("-Trump", not "Nord-Korea").
func parseQuery(s string) []queryTerm {
	var out []queryTerm
	add := func(segment string, exact, not bool) {
		fold.Words(segment, func(w []byte, _, _ int) {
			t := queryTerm{word: string(cutWord(w)), exact: exact, not: not}
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
		if isQuoteMark(r) {
			rest := s[i+size:]
			j := strings.IndexFunc(rest, isQuoteMark)
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
		j := strings.IndexFunc(s[i:], func(r rune) bool { return unicode.IsSpace(r) || isQuoteMark(r) })
		if j < 0 {
			j = len(s) - i
		}
		add(s[i:i+j], false, not)
		i += j
	}
	return out
}

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '„', '“', '”', '«', '»':
		return true
	}
	return false
}

// mode says how a search word is looked up.
type mode int

const (
	modeExact mode = iota
	modePrefix
	modeInfix
)

func (t queryTerm) mode(word string) mode {
	n := utf8.RuneCountInString(word)
	switch {
	case t.exact || n < minPrefixRunes:
		return modeExact
	case n >= minInfixRunes:
		return modeInfix
	}
	return modePrefix
}

// variants are the spellings the term is looked up with.
func (t queryTerm) variants() []string {
	if t.alt != "" {
		return []string{t.word, t.alt}
	}
	return []string{t.word}
}

// matches reports whether the term finds the (folded) word w.
func (t queryTerm) matches(w string) bool {
	for _, q := range t.variants() {
		switch t.mode(q) {
		case modeExact:
			if w == q {
				return true
			}
		case modePrefix:
			if strings.HasPrefix(w, q) {
				return true
			}
		default:
			if strings.Contains(w, q) {
				return true
			}
		}
	}
	return false
}

// matchesName reports whether the term finds a name (an actor's, an
// alias): any of its words.
func (t queryTerm) matchesName(name string) bool {
	found := false
	words(name, func(w string) {
		found = found || t.matches(w)
	})
	return found
}
