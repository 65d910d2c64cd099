package recognize

import (
	"strings"
	"unicode"

	"github.com/dramatis-app/dramatis/annotation"
)

// findAcronyms takes an unknown capitalised abbreviation used at least
// twice ("TSMC", "VDA") as an organisation; common abbreviations that are
// not actors are in the stop lists.
func (d *discovery) findAcronyms() {
	w := &d.m.words
	count := map[string][]int{}
	for k := range d.toks {
		t := &d.toks[k]
		if d.owner[k] != ownFree || !t.allCaps || w.stop[t.fold] || strings.Contains(t.fold, ".") {
			continue
		}
		n := len(t.fold)
		if n < minAcronymLen || n > maxAcronymLen || t.gap&gapHyphen != 0 || (k+1 < len(d.toks) && d.toks[k+1].gap&gapHyphen != 0) {
			continue
		}
		letters := true
		for _, r := range t.fold {
			if !unicode.IsLetter(r) {
				letters = false
			}
		}
		if letters {
			count[t.fold] = append(count[t.fold], k)
		}
	}
	byInitials := map[string]*found{}
	for _, f := range d.order {
		if f.Kind != annotation.KindOrganisation || f.entry >= 0 {
			continue
		}
		for _, form := range f.forms {
			if len(form) == 1 {
				delete(count, form[0]) // the acronym of a name found: link() counts it
			}
		}
		if len(f.words) >= 2 {
			for _, in := range initials(f.words, w.connector) {
				if _, ok := byInitials[in]; !ok {
					byInitials[in] = f
				}
			}
		}
	}
	for a, ks := range count {
		// "TSMC" for Taiwan Semiconductor Manufacturing Co, "DIW" for
		// Deutsches Institut für Wirtschaftsforschung.
		if f, ok := byInitials[a]; ok {
			for _, kk := range ks {
				d.owner[kk] = ownFound
				f.mention(d.toks[kk].start, d.toks[kk].end, d.toks[kk].text)
			}
			continue
		}
		if len(ks) < 2 {
			continue
		}
		k := ks[0]
		f := d.discovered(d.toks[k].text, annotation.KindOrganisation, []string{d.toks[k].fold})
		for _, kk := range ks {
			d.owner[kk] = ownFound
			f.mention(d.toks[kk].start, d.toks[kk].end, d.toks[kk].text)
		}
	}
}

// initials returns the folded initials of a name, with and without its
// connectors ("verband der automobilindustrie" → "vda", "va"), counting the
// parts of hyphenated words ("max-planck-institut" → "mpi").
func initials(words []string, connector map[string]bool) []string {
	var all, content []byte
	for _, w := range words {
		if w == "" {
			continue
		}
		all = append(all, w[0])
		if !connector[w] {
			content = append(content, w[0])
		}
	}
	if string(all) == string(content) {
		return []string{string(all)}
	}
	return []string{string(all), string(content)}
}
