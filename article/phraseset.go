package article

import (
	"strings"

	"github.com/dramatis-app/dramatis/internal/words"
)

// phraseSet is the phrase lists an HTML page is checked against: its own
// language's first, then English, whose furniture words (Share, Cookies,
// Getty Images) pages in every language use.
type phraseSet []*boilerplate

// phrasesFor returns the phrase set of a page: its declared language, else
// the language its text is written in, with English after it.
func phrasesFor(declared string, sample func() string) phraseSet {
	lang := strings.ToLower(declared)
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	if lang == "" && sample != nil {
		lang = words.DetectLang(sample())
	}
	own, en := boilerplateFor(lang), boilerplateFor("en")
	if own == en {
		return phraseSet{own}
	}
	return phraseSet{own, en}
}

// any reports whether one of the lists says yes.
func (ps phraseSet) any(f func(*boilerplate) bool) bool {
	for _, bp := range ps {
		if f(bp) {
			return true
		}
	}
	return false
}

// IsLine, IsSection, IsDisclosure, IsEnd, HasPrefix and Contains are the boilerplate
// methods of the same names over every list of the set.
func (ps phraseSet) IsLine(s string) bool {
	k := newPhraseKey(s)
	return ps.any(func(bp *boilerplate) bool { return bp.lines[k.fold] })
}

func (ps phraseSet) IsSection(s string) bool {
	k := newPhraseKey(s)
	return ps.any(func(bp *boilerplate) bool { return bp.sections[k.fold] })
}

func (ps phraseSet) IsDisclosure(s string) bool {
	return ps.any(func(bp *boilerplate) bool { return bp.IsDisclosure(s) })
}

func (ps phraseSet) IsEnd(s string) bool {
	k := newPhraseKey(s)
	return ps.any(func(bp *boilerplate) bool { return bp.ends[k.fold] })
}

func (ps phraseSet) HasPrefix(s string) bool {
	k := newPhraseKey(s)
	return ps.any(func(bp *boilerplate) bool { return bp.hasPrefix(k) })
}

func (ps phraseSet) Contains(s string, words int) bool {
	k := newPhraseKey(s)
	return ps.any(func(bp *boilerplate) bool { return bp.containsIn(k, words) })
}

// CreditAt is the earliest credit that any list finds in line, or -1.
func (ps phraseSet) CreditAt(line string) int {
	l := strings.ToLower(line)
	at := -1
	for _, bp := range ps {
		if i := bp.creditAt(l); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// namesAgency reports whether any list's picture agency is named in s.
func (ps phraseSet) namesAgency(s string) bool {
	return ps.any(func(bp *boilerplate) bool { return bp.namesAgency(s) })
}

// opensContact reports whether any list's contact phrase opens line.
func (ps phraseSet) opensContact(line string) bool {
	return ps.any(func(bp *boilerplate) bool { return bp.opensContact(line) })
}
