package recognize

import "github.com/dramatis-app/dramatis/annotation"

// maxSameFirst bounds how many names starting with the same word are
// tried when linking short forms.
const maxSameFirst = 64

// link counts the short forms of the names found: a surname alone
// ("Bremmers", "Ballbach"), a name repeated without the context that made
// it a name, an organisation's acronym. Each free capitalised word is
// tried against the forms, longest first; a surname shared by two people
// goes to the one mentioned last.
func (d *discovery) link() {
	byFirst := d.formsByFirst()
	if len(byFirst) == 0 {
		return
	}
	var buf []string
	for i := 0; i < len(d.toks); i++ {
		if d.owner[i] != ownFree && d.owner[i] != ownWeak {
			continue
		}
		t := &d.toks[i]
		if !t.upper {
			continue
		}
		cands := byFirst[t.fold]
		buf = baseForms(t.fold, buf[:0])
		for _, v := range buf {
			cands = append(cands[:len(cands):len(cands)], byFirst[v]...)
		}
		best, bestLen := d.bestForm(i, cands)
		if best == nil || (d.owner[i] == ownWeak && bestLen == 1) {
			continue // a known person's surname alone: the gazetteer's reading stands
		}
		for k := i; k < i+bestLen; k++ {
			d.owner[k] = ownFound
		}
		best.mention(t.start, d.toks[i+bestLen-1].end, d.surface(i, i+bestLen))
		i += bestLen - 1
	}
}

// shortForm is one form (folded words) of a name discovered in the text.
type shortForm struct {
	words []string
	f     *found
}

// formsByFirst indexes the forms of the discovered names by their first
// word.
func (d *discovery) formsByFirst() map[string][]shortForm {
	byFirst := map[string][]shortForm{}
	for _, f := range d.order {
		if f.entry >= 0 {
			continue
		}
		for _, ws := range f.forms {
			// A bound keeps hostile texts (thousands of "Ian …") linear.
			if len(byFirst[ws[0]]) < maxSameFirst {
				byFirst[ws[0]] = append(byFirst[ws[0]], shortForm{ws, f})
			}
		}
	}
	return byFirst
}

// bestForm returns the name whose form is at token i, and the form's
// length in words: the longest form, and among forms as long the name
// mentioned last before i.
func (d *discovery) bestForm(i int, cands []shortForm) (*found, int) {
	t := &d.toks[i]
	var best *found
	bestLen, bestLast := 0, -1
	for _, c := range cands {
		n := len(c.words)
		if i+n > len(d.toks) || n < bestLen || !d.formAt(i, c.words) {
			continue
		}
		// A surname alone: only when the next word is not part of
		// another name ("Kim Il Sung" is not Kim Jong-un).
		if n > bestLen || (n == bestLen && c.f.last <= t.start && c.f.last > bestLast) {
			best, bestLen, bestLast = c.f, n, c.f.last
		}
	}
	return best, bestLen
}

// formAt reports whether the folded words of a form stand at token i in
// free words within one phrase, the last one possibly inflected.
func (d *discovery) formAt(i int, words []string) bool {
	n := len(words)
	for k := 0; k < n; k++ {
		tk := &d.toks[i+k]
		if (d.owner[i+k] != ownFree && d.owner[i+k] != ownWeak) || (k > 0 && tk.gap.hard()) {
			return false
		}
		if tk.fold == words[k] {
			continue
		}
		if k < n-1 {
			return false
		}
		for _, v := range baseForms(tk.fold, nil) {
			if v == words[k] {
				return true
			}
		}
		return false
	}
	return true
}

// mergeShortOrgs counts a shorter organisation name that begins a longer
// one found in the same text ("Carnegie Endowment" for "Carnegie Endowment
// for International Peace") as the longer one.
func (d *discovery) mergeShortOrgs() {
	byFirst := map[string][]*found{}
	for _, f := range d.order {
		if f.entry < 0 && f.Kind == annotation.KindOrganisation && len(f.words) > 0 && len(byFirst[f.words[0]]) < maxSameFirst {
			byFirst[f.words[0]] = append(byFirst[f.words[0]], f)
		}
	}
	for _, s := range d.order {
		if s.entry >= 0 || s.Kind != annotation.KindOrganisation || s.Count == 0 || len(s.words) == 0 {
			continue
		}
		for _, l := range byFirst[s.words[0]] {
			if l == s || len(l.words) <= len(s.words) || !hasPrefix(l.words, s.words) {
				continue
			}
			for i, sp := range s.spans {
				l.mention(sp[0], sp[1], s.surfaces[i])
			}
			s.Count = 0
			break
		}
	}
}

// mergeSurnames counts a person found by a surname alone ("Mr. Okafor")
// as the person of that surname with a full name in the same text ("Jane
// Okafor"), found before or after it.
func (d *discovery) mergeSurnames() {
	full := map[string]*found{}
	for _, f := range d.order {
		if f.entry < 0 && f.Kind == annotation.KindPerson && len(f.words) >= 2 && f.Count > 0 {
			if _, ok := full[f.words[len(f.words)-1]]; !ok {
				full[f.words[len(f.words)-1]] = f
			}
		}
	}
	for _, s := range d.order {
		if s.entry >= 0 || s.Kind != annotation.KindPerson || len(s.words) != 1 || s.Count == 0 {
			continue
		}
		l, ok := full[s.words[0]]
		if !ok {
			continue
		}
		for i, sp := range s.spans {
			l.mention(sp[0], sp[1], s.surfaces[i])
		}
		s.Count = 0
	}
}

// hasPrefix reports whether words starts with prefix.
func hasPrefix(words, prefix []string) bool {
	if len(prefix) > len(words) {
		return false
	}
	for i := range prefix {
		if words[i] != prefix[i] {
			return false
		}
	}
	return true
}
