package recognize

import (
	"strings"
	"unicode"

	"github.com/dramatis-app/dramatis/annotation"
)

// word is a hyphenated compound's tokens [from, to) ("Jong-un").
type word struct{ from, to int }

// maxCapsNamePart is the longest word in capitals that can be part of a
// name ("JD Vance"); a longer one is an acronym ("NATO").
const maxCapsNamePart = 2

// personWord reports whether the word can be part of a person's name: its
// first part is a capitalised name word and all parts are letters.
func (d *discovery) personWord(wd word) bool {
	for k := wd.from; k < wd.to; k++ {
		if o := d.owner[k]; o != ownFree && o != ownWeak {
			return false
		}
		for _, r := range d.toks[k].text {
			if !unicode.IsLetter(r) && r != '\'' && r != '\u2019' && r != '.' {
				return false
			}
		}
	}
	// "Ifo-Branchenexpertin Anita Wölfl": a compound ending in a role or
	// an organisation word is a title, not a name.
	w := &d.m.words
	for k := wd.from + 1; k < wd.to; k++ {
		if f := d.toks[k].fold; w.isRole(f) || w.isOrgTrigger(f) {
			return false
		}
	}
	t := &d.toks[wd.from]
	return d.nameWord(wd.from) && !(t.allCaps && len(t.fold) > maxCapsNamePart && !strings.Contains(t.fold, "."))
}

// findPersons finds people by name patterns and context: runs of up to
// four capitalised words that start with a known given name, follow a title
// or role ("Außenamtssprecher Lin Jian"), are followed by one (", Gründer
// der"), or stand next to a verb of saying ("glaubt Yoon Young-kwan") or an
// affiliation ("Eric Ballbach von der Stiftung …") — and are not German
// common nouns.
func (d *discovery) findPersons() {
	var words []word
	for k := 0; k < len(d.toks); {
		e := k + 1
		for e < len(d.toks) && d.toks[e].gap == gapHyphen {
			e++
		}
		words = append(words, word{k, e})
		k = e
	}
	for a := 0; a < len(words); {
		if !d.personWord(words[a]) {
			a++
			continue
		}
		b := a + 1
		for b < len(words) && d.personWord(words[b]) && !d.toks[words[b].from].gap.hard() {
			b++
		}
		d.person(words[a:b])
		a = b
	}
}

// person decides whether a run of name words is a person, splitting runs
// that are too long at a given name.
func (d *discovery) person(run []word) {
	run = d.nameRun(run)
	if len(run) == 0 {
		return
	}
	from, to := run[0].from, run[len(run)-1].to
	if d.isRegion(from, to) || d.onlyWeak(from, to) || !d.isPerson(run) {
		return
	}
	d.addPerson(run)
}

// maxNameWords is the most capitalised words of a person's name ("George
// Herbert Walker Bush"); a longer run is cut at a given name.
const maxNameWords = 4

// minTrimmedRun is the shortest run that nameRun starts at a later given
// name: two words are a given name and a surname as they stand.
const minTrimmedRun = 3

// nameRun cuts a run of name words down to the words that may be one
// person's name: a run too long for a name is cut at a given name (nil
// when it has none), and a run that starts with a common noun ("Anzeige
// Homeday") starts at a later given name if there is one.
func (d *discovery) nameRun(run []word) []word {
	w := &d.m.words
	for len(run) > maxNameWords {
		cut := -1
		for p := 1; p < len(run); p++ {
			if w.given[d.toks[run[p].from].fold] {
				cut = p
				break
			}
		}
		if cut < 0 {
			return nil
		}
		run = run[cut:]
	}
	// "Anzeige Homeday": a name rarely follows a common noun in a run;
	// start at a given name if there is one later.
	if len(run) >= minTrimmedRun && !w.given[d.toks[run[0].from].fold] {
		for p := 1; p < len(run)-1; p++ {
			if w.given[d.toks[run[p].from].fold] {
				run = run[p:]
				break
			}
		}
	}
	return run
}

// onlyWeak reports whether tokens [from, to) are all a known person's
// surname ("Präsident Putin"): that reading stands.
func (d *discovery) onlyWeak(from, to int) bool {
	for k := from; k < to; k++ {
		if d.owner[k] != ownWeak {
			return false
		}
	}
	return true
}

// isPerson weighs the evidence that a run of name words is a person: a
// given name, a role before or after, a verb of saying, an affiliation or
// another person joined by "and"; against it, words that look like German
// common nouns or organisation words.
func (d *discovery) isPerson(run []word) bool {
	w := &d.m.words
	from, to := run[0].from, run[len(run)-1].to
	given := w.given[d.toks[from].fold]
	roleBefore := from > 0 && !d.toks[from].gap.hard() && w.isRole(d.toks[from-1].fold)
	roleBefore = roleBefore || d.appositive(from, to)
	roleAfter := d.roleAfter(to)
	speech := d.speechAround(from, to)
	affil := d.affiliationAfter(to)
	coord := len(run) >= 2 && d.afterPerson(from)
	nouny := false
	for _, wd := range run {
		f := d.toks[wd.from].fold
		if w.nounLike(f) || (wd.to-wd.from == 1 && w.orgWord[f]) {
			nouny = true
		}
	}
	switch {
	case len(run) == 1:
		return roleBefore && !nouny && !given && !d.toks[from].sentStart
	case given || roleBefore || roleAfter:
		return !nouny || given || roleBefore
	case speech || affil || coord:
		return !nouny
	}
	return false
}

// addPerson records a mention of the person named by run, its last word
// as a short form to link later mentions by.
func (d *discovery) addPerson(run []word) {
	from, to := run[0].from, run[len(run)-1].to
	// Drop an English possessive from the name: "Bremmer's" → "Bremmer".
	name := d.surface(from, to)
	fw := d.folded(from, to)
	if last := fw[len(fw)-1]; strings.HasSuffix(last, "'s") {
		fw[len(fw)-1] = last[:len(last)-2]
		name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	}
	// "Ian Bremmers" after "Ian Bremmer": the same person in the genitive.
	if last := fw[len(fw)-1]; strings.HasSuffix(last, "s") {
		base := append(append([]string(nil), fw[:len(fw)-1]...), strings.TrimSuffix(last, "s"))
		if f, ok := d.byKey[string(annotation.KindPerson)+":"+strings.Join(base, " ")]; ok {
			fw = base
			name = f.Name
		}
	}
	for k := from; k < to; k++ {
		d.owner[k] = ownFound
	}
	f := d.discovered(name, annotation.KindPerson, fw)
	f.mention(d.toks[from].start, d.toks[to-1].end, d.surface(from, to))
	if len(run) >= 2 {
		last := run[len(run)-1]
		f.forms = append(f.forms, d.folded(last.from, last.to))
	}
}

// afterPerson reports whether the name at token from is joined by "und" or
// "and" to a person found just before it ("By Rachel Donovan and Piotr
// Nowak").
func (d *discovery) afterPerson(from int) bool {
	if from < 2 || d.toks[from].gap.hard() || d.toks[from-1].gap.hard() {
		return false
	}
	switch d.toks[from-1].fold {
	case "und", "and":
	default:
		return false
	}
	p := from - 2
	return d.owner[p] == ownFound && !d.orgAt[p]
}

// appositive reports whether the name stands between commas after a
// phrase with a role: "Iran's envoy to the agency, Reza Najafi, rejected".
func (d *discovery) appositive(from, to int) bool {
	if d.toks[from].gap&gapComma == 0 || d.toks[from].gap&^(gapComma|gapQuote) != 0 {
		return false
	}
	if to < len(d.toks) && d.toks[to].gap&gapComma == 0 {
		return false
	}
	for k := from - 1; k >= 0 && from-k <= appositiveWords; k-- {
		if d.m.words.isRole(d.toks[k].fold) {
			return true
		}
		if d.toks[k].gap.hard() {
			return false
		}
	}
	return false
}

// maxWordsToRole is how far after the comma roleAfter looks for the role:
// ", Gründer der", ", a senior fellow".
const maxWordsToRole = 3

// roleAfter reports whether ", <role>" follows token to-1 ("Ian Bremmer,
// Gründer der …", "Jane Doe, a senior fellow at …").
func (d *discovery) roleAfter(to int) bool {
	if to >= len(d.toks) || d.toks[to].gap&gapComma == 0 {
		return false
	}
	for k := to; k < len(d.toks) && k-to < maxWordsToRole; k++ {
		if k > to && d.toks[k].gap.hard() {
			return false
		}
		if d.m.words.isRole(d.toks[k].fold) {
			return true
		}
		if d.toks[k].upper && k > to {
			return false
		}
	}
	return false
}

// speechAround reports whether a verb of saying stands right before the
// name ("glaubt Yoon Young-kwan", "formuliert das Ian Bremmer") or right
// after it ("Smith said").
func (d *discovery) speechAround(from, to int) bool {
	w := &d.m.words
	if from > 0 && !d.toks[from].gap.hard() {
		if w.speech[d.toks[from-1].fold] {
			return true
		}
		switch d.toks[from-1].fold {
		case "to": // "according to Jane Doe"
			if from > 1 && d.toks[from-2].fold == "according" {
				return true
			}
		case "das", "der", "die", "the":
			if from > 1 && !d.toks[from-1].gap.hard() && w.speech[d.toks[from-2].fold] {
				return true
			}
		}
	}
	return to < len(d.toks) && (d.toks[to].gap == 0 || d.toks[to].gap == gapComma) && w.speech[d.toks[to].fold] && !d.toks[to].upper
}

// affiliationAfter reports whether "von der <organisation>" or "of/at the
// <organisation>" follows the name.
func (d *discovery) affiliationAfter(to int) bool {
	if to >= len(d.toks) || d.toks[to].gap.hard() {
		return false
	}
	switch d.toks[to].fold {
	case "von", "vom", "of", "from", "at", "bei", "beim":
	default:
		return false
	}
	k := to + 1
	if k < len(d.toks) {
		switch d.toks[k].fold {
		case "der", "dem", "the":
			k++
		}
	}
	if k >= len(d.toks) || d.toks[k].gap.hard() {
		return false
	}
	// An organisation found, or a capitalised name that is not a known
	// state or person ("von der Münchner Sicherheitskonferenz").
	return d.orgAt[k] || (d.owner[k] == ownFree && d.nameWord(k) && !d.m.words.nounLike(d.toks[k].fold))
}
