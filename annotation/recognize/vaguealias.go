// Vague aliases: whether a mention by an alias that needs context
// ("Allianz", "Union", "Spiegel") counts: named plainly elsewhere, standing
// on its own, and cued by its neighbours or a list.

package recognize

import (
	"strings"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/words"
)

// confirm drops the mentions by vague aliases ("Allianz", "Union",
// "Spiegel") that the text does not confirm, in place. A vague mention
// counts when the same actor is also named unambiguously (in toks, or in
// the article: licensed holds the entries found there), when one of the
// actors of its context list is ("Union" with "SPD"), or when its
// neighbourhood says what it is (see cued). Part of another name ("Union
// Berlin", "Nato-Allianz") it never counts.
func (m *Matcher) confirm(toks []token, matches []match, licensed map[int32]bool) []match {
	vague := false
	for i := range matches {
		if matches[i].vague {
			vague = true
			break
		}
	}
	if !vague {
		return matches
	}
	sure := map[int32]bool{}
	for i, mt := range matches {
		if !mt.place && (!mt.vague || (m.free(toks, mt) && m.cued(toks, matches, i))) {
			sure[mt.entry] = true
		}
	}
	out := matches[:0]
	for _, mt := range matches {
		if mt.vague && !m.confirmed(toks, mt, sure, licensed) {
			continue
		}
		out = append(out, mt)
	}
	return out
}

// confirmed reports whether a vague mention counts (see confirm).
func (m *Matcher) confirmed(toks []token, mt match, sure, licensed map[int32]bool) bool {
	if !m.free(toks, mt) {
		return false
	}
	if sure[mt.entry] || licensed[mt.entry] {
		return true
	}
	for _, c := range m.entries[mt.entry].context {
		if sure[c] || licensed[c] {
			return true
		}
	}
	return false
}

// free reports whether a vague mention stands on its own: not the second
// part of a compound ("Nato-Allianz"), not part of a longer name ("Union
// Berlin", "Bayer Leverkusen", "Harrison Ford", "Leonardo da Vinci"), not
// after an inflected adjective ("die transatlantische Allianz").
func (m *Matcher) free(toks []token, mt match) bool {
	w := &m.words
	if toks[mt.from].gap == gapHyphen {
		return false
	}
	if mt.to < len(toks) && toks[mt.to].gap == 0 {
		if toks[mt.to].upper {
			return false
		}
		if isParticle(toks[mt.to].fold) && mt.to+1 < len(toks) && toks[mt.to+1].gap == 0 && toks[mt.to+1].upper {
			return false
		}
	}
	if k := mt.from - 1; k >= 0 && toks[mt.from].gap == 0 && toks[k].upper {
		f := toks[k].fold
		if !w.stop[f] && !isDeterminer(f) && !w.isCue(f) && !w.isRole(f) && !w.speech[f] {
			return false
		}
	}
	if k := mt.from - 1; k >= 0 && toks[mt.from].gap == 0 && !toks[k].upper && !isDeterminer(toks[k].fold) && !w.speech[toks[k].fold] {
		f := toks[k].fold
		// "-te", "-ten" end verbs ("bestätigte Continental") more often
		// than adjectives.
		if !strings.HasSuffix(f, "te") && !strings.HasSuffix(f, "ten") {
			for _, e := range adjectiveEndings {
				if strings.HasSuffix(f, e) {
					return false
				}
			}
		}
	}
	return true
}

// isParticle reports whether a folded word joins the parts of a person's
// name ("Leonardo da Vinci", "Ursula von der Leyen"). The particles that
// are also everyday German words (der, zu) are not read as one here: after
// a name they are the article or the preposition far more often.
func isParticle(f string) bool {
	p, everyday := words.Particle(f)
	return p && !everyday
}

// isDeterminer reports whether a folded word is an article or
// article-preposition that may stand between a cue and a name ("sagte dem
// Spiegel", "told the BBC").
func isDeterminer(f string) bool {
	switch f {
	case "der", "die", "das", "dem", "den", "des", "im", "am", "vom", "zum", "zur", "beim", "the":
		return true
	}
	return false
}

// appositiveWords is the longest appositive looked into for a cue or a
// role: ", the Norwegian missile maker", "Iran's envoy to the agency,".
// Further away a word describes something else in the sentence.
const appositiveWords = 5

// cued reports whether the neighbourhood of vague mention i says what it
// is: a cue word right before ("Versicherer Allianz", "sagte dem Spiegel",
// "laut Spiegel") or joined after ("Allianz-Chef", "Spiegel-Interview"),
// an appositive with a cue (", the Norwegian missile maker"), or a list
// with another known organisation ("Bosch, ZF und Continental").
func (m *Matcher) cued(toks []token, matches []match, i int) bool {
	w := &m.words
	mt := matches[i]
	// Joined after ("Allianz-Chef") or, lower case, right after ("Amazon
	// shares").
	if mt.to < len(toks) && (toks[mt.to].gap == gapHyphen || (toks[mt.to].gap == 0 && !toks[mt.to].upper)) {
		if f := toks[mt.to].fold; w.isCue(f) || w.isRole(f) {
			return true
		}
	}
	if k := mt.from - 1; k >= 0 && !toks[mt.from].gap.hard() {
		f := toks[k].fold
		if w.isCue(f) {
			return true
		}
		if isDeterminer(f) && k > 0 && !toks[k].gap.hard() && (w.speech[toks[k-1].fold] || w.isCue(toks[k-1].fold)) {
			return true
		}
	}
	if mt.to < len(toks) && toks[mt.to].gap&gapComma != 0 {
		for k := mt.to; k < len(toks) && k-mt.to < appositiveWords; k++ {
			if k > mt.to && toks[k].gap.hard() {
				break
			}
			if w.isCue(toks[k].fold) {
				return true
			}
		}
	}
	if len(m.entries[mt.entry].context) > 0 {
		return false // a party's context is its list, not its neighbours
	}
	return m.listed(toks, matches, i-1, mt.from) || m.listed(toks, matches, i+1, mt.to)
}

// listed reports whether matches[j] is an unambiguous organisation next to
// token edge in a list: separated only by a comma or "und", "and", "oder",
// "or", "sowie".
func (m *Matcher) listed(toks []token, matches []match, j, edge int) bool {
	if j < 0 || j >= len(matches) {
		return false
	}
	o := matches[j]
	if o.vague || o.place || m.entryKind(o.entry) != annotation.KindOrganisation {
		return false
	}
	a, b := o.to, edge // tokens between: [a, b) when o is before
	if o.from >= edge {
		a, b = edge, o.from
	}
	switch b - a {
	case 0:
		return toks[b].gap == gapComma
	case 1:
		switch toks[a].fold {
		case "und", "and", "oder", "or", "sowie":
			return toks[a].gap == 0 && toks[b].gap == 0
		}
	}
	return false
}
