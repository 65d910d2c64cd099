package storage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/internal/fold"
)

// How a search word matches the words of an article:
//
//   - a word of up to three characters matches only that word ("wir" does
//     not find "wird", "EU" not "Euro");
//   - a longer one also matches every word it begins ("regierung" finds
//     "Regierungen" and "Regierungschef": German endings and compounds);
//   - from minInfixRunes characters on, it matches inside words too
//     ("sanktion" finds "Wirtschaftssanktionen", a compound's last part);
//   - words in quotes match only themselves, and several in one quote
//     only one after the other ("der Bundesregierung");
//   - a word or a quote with a minus in front excludes the articles that
//     have it.
//
// An article that has the word itself ranks above one that has only a
// longer word it begins, and that above one that has it only inside a
// word (see searchrank.go).
//
// Case and accents never count ("pjongjang" finds "Pjöngjang"; the German
// spelling "pjoengjang" too), and neither does order: every word must be
// found somewhere in the article, its highlights' notes or the actors its
// highlights name.
const (
	// minPrefixRunes: the shortest word that also finds the longer words
	// it begins. Measured on the 422 pages of the trafilatura corpus
	// (73,783 words; a longer word counts as related when the rest is an
	// ending or, after a linking s/es/n/en/e, a word of the corpus): of
	// the occurrences a prefix adds, 43% are related at three letters
	// ("wir" adds "wird", "wirtschaft", "wirklich") and 65% at four, 74%
	// at five; a three-letter prefix adds 1.5 times as many occurrences
	// as the word has itself, mostly other words.
	minPrefixRunes = 4
	// minInfixRunes: the shortest word that is also found inside words.
	// Inside a word, the same measure (related: what comes before is a
	// word, what comes after an ending or a word) is 27% at four letters
	// ("eine" in "keine", "allgemeine"), 35% at five and 52% at six, where
	// what it adds first falls below what the word finds itself.
	minInfixRunes = 6
	// maxPhraseWords: a quote of more words is matched on its first
	// maxPhraseWords one after the other (the matcher keeps one bit per
	// word); every word must still be in the article.
	maxPhraseWords = 64
)

// queryTerm is one word of a search.
type queryTerm struct {
	word  string // folded
	alt   string // the German spelling without umlauts ("pjoengjang" → "pjongjang"), or ""
	exact bool   // quoted: the whole word only
	not   bool   // excludes
	// phrase numbers, from 1, the quotes of several words: the words of
	// one must stand one after the other. 0 for a word on its own.
	phrase int
}

// parseQuery splits a search into its words. Words are folded and split
// as the index splits text ("Müller-Lüdenscheidt" is two words); text in
// quotes („…“, “…”, "…") is matched word for word; a minus that starts a
// word or a quote excludes it ("-Trump", not "Nord-Korea").
func parseQuery(s string) []queryTerm {
	var out []queryTerm
	phrases := 0
	add := func(segment string, exact, not bool) {
		first := len(out)
		fold.Words(segment, func(w []byte, _, _ int) {
			t := queryTerm{word: string(cutWord(w)), exact: exact, not: not}
			if a := fold.Unumlaut(t.word); a != t.word {
				t.alt = a
			}
			out = append(out, t)
		})
		if exact && len(out)-first > 1 {
			phrases++
			for i := first; i < len(out); i++ {
				out[i].phrase = phrases
			}
		}
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

// matchKind is how well a search word matched a word of an article, worst
// first, so that the better of two is the larger.
type matchKind uint8

const (
	matchNone matchKind = iota
	matchInfix
	matchPrefix
	matchExact
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
	return t.kind(w) != matchNone
}

// kind says how the term finds the (folded) word w: as it is, as the
// beginning of it, inside it, or not at all.
func (t queryTerm) kind(w string) matchKind {
	best := matchNone
	for _, q := range t.variants() {
		switch m := t.mode(q); {
		case w == q:
			return matchExact
		case m >= modePrefix && strings.HasPrefix(w, q):
			best = matchPrefix
		case m == modeInfix && best < matchInfix && strings.Contains(w, q):
			best = matchInfix
		}
	}
	return best
}

// is reports whether the (folded) word w is the term itself, in either
// spelling: how the words of a phrase are matched.
func (t queryTerm) is(w []byte) bool {
	return string(w) == t.word || t.alt != "" && string(w) == t.alt
}

// phrase is the words of one quote of several, in order.
type phrase struct {
	words []queryTerm
	not   bool
}

// phrasesOf gathers the quotes of several words among terms.
func phrasesOf(terms []queryTerm) []phrase {
	var out []phrase
	for _, t := range terms {
		if t.phrase == 0 {
			continue
		}
		if t.phrase > len(out) {
			out = append(out, phrase{not: t.not})
		}
		p := &out[t.phrase-1]
		if len(p.words) < maxPhraseWords {
			p.words = append(p.words, t)
		}
	}
	return out
}

// in reports whether s holds the phrase's words one after the other
// (punctuation between them aside, as the index splits words): a
// shift-and matcher, one bit per phrase word. It reads the texts of every
// article that has all the words, so plain ASCII words (most of any
// text, German too) are compared as they stand, case aside, and only
// stretches with other letters go through fold.Words: at 50,000 articles
// a quote of two common words is checked in about 5,000 texts.
func (p phrase) in(s string) bool {
	if len(p.words) == 0 {
		return false
	}
	done := uint64(1) << (len(p.words) - 1)
	var state uint64
	step := func(mask uint64) bool {
		state = (state<<1 | 1) & mask
		return state&done != 0
	}
	found := false
	folded := func(w []byte, _, _ int) { // made once: a closure per stretch would be allocated per stretch
		found = found || step(p.mask(cutWord(w)))
	}
	for i := 0; i < len(s) && !found; {
		c := s[i]
		if c < utf8.RuneSelf && !asciiWordByte(c) {
			i++ // a separator
			continue
		}
		j, plain := i, true
		for j < len(s) && (s[j] >= utf8.RuneSelf || asciiWordByte(s[j])) {
			plain = plain && s[j] < utf8.RuneSelf
			j++
		}
		if plain {
			found = step(p.maskASCII(s[i:min(j, i+maxWordBytes)]))
		} else {
			fold.Words(s[i:j], folded)
		}
		i = j
	}
	return found
}

func asciiWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// mask has a bit for each phrase word that the folded word w is.
func (p phrase) mask(w []byte) uint64 {
	var m uint64
	for i, t := range p.words {
		if t.is(w) {
			m |= 1 << i
		}
	}
	return m
}

// maskASCII is mask for a word of ASCII letters and digits as it stands
// in the text (its folding is its lower case).
func (p phrase) maskASCII(w string) uint64 {
	var m uint64
	for i, t := range p.words {
		if len(t.word) == len(w) && lowerIs(w, t.word) || len(t.alt) == len(w) && lowerIs(w, t.alt) {
			m |= 1 << i
		}
	}
	return m
}

// lowerIs reports whether the ASCII word w in lower case is folded.
func lowerIs(w, folded string) bool {
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != folded[k] {
			return false
		}
	}
	return true
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

// MinPrefixRunes and MinInfixRunes are the search's word rules for others
// who find words as it does (the reader's find bar), so that the words a
// search found an article by are the words marked in it.
const (
	MinPrefixRunes = minPrefixRunes
	MinInfixRunes  = minInfixRunes
)
