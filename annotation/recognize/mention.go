// Mentions: finding the known actors in a text's tokens (the longest alias
// at each word, inflected forms too), and telling a capital that names a
// place ("in Berlin", a dateline) from one that names a government.

package recognize

// match is one found mention of a known actor: words [from, to) of the
// tokens it was found in.
type match struct {
	entry    int32
	from, to int
	kind     aliasKind
	place    bool // a capital used as a place ("in Berlin"): not a mention
	vague    bool // by a vague alias: see confirm
}

// scan finds the known actors in toks: at each word the longest alias that
// starts there, leftmost first, without overlaps. The last word of an alias
// may be inflected (see baseForms).
func (m *Matcher) scan(toks []token, lang string) []match {
	german := isGerman(lang)
	var out []match
	var buf []string
	for i := 0; i < len(toks); {
		best := match{entry: -1}
		n := int32(0)
		for j := i; j < len(toks); j++ {
			// Only a slash may stand inside a name ("CDU/CSU").
			if j > i && toks[j].gap.hard() && toks[j].gap != gapSlash {
				break
			}
			w := toks[j].fold
			if nd, ok := m.edges[edgeKey{n, w}]; ok {
				if t := m.nodes[nd]; t.entry >= 0 && t.caps.allows(&toks[i]) && (german || !t.german) {
					best = match{entry: t.entry, from: i, to: j + 1, kind: t.kind, vague: t.vague}
				}
			}
			buf = baseForms(w, buf[:0])
			for _, v := range buf {
				if nd, ok := m.edges[edgeKey{n, v}]; ok {
					if t := m.nodes[nd]; t.entry >= 0 && t.caps.allows(&toks[i]) && (german || !t.german) && (best.entry < 0 || best.to < j+1) {
						best = match{entry: t.entry, from: i, to: j + 1, kind: t.kind, vague: t.vague}
					}
				}
			}
			buf = adjectiveBases(w, buf[:0])
			for _, v := range buf {
				if nd, ok := m.edges[edgeKey{n, v}]; ok {
					if t := m.nodes[nd]; t.entry >= 0 && t.kind == aliasAdj && t.caps.allows(&toks[i]) && (german || !t.german) && (best.entry < 0 || best.to < j+1) {
						best = match{entry: t.entry, from: i, to: j + 1, kind: t.kind, vague: t.vague}
					}
				}
			}
			nd, ok := m.edges[edgeKey{n, w}]
			if !ok {
				break
			}
			n = nd
		}
		if best.entry < 0 {
			i++
			continue
		}
		if best.kind == aliasSeat && (i > 0 && !toks[i].gap.hard() && m.words.location[toks[i-1].fold] || dateline(toks, best)) {
			best.place = true
		}
		out = append(out, best)
		i = best.to
	}
	return out
}

// maxDatelineLead is how many capitalised words may stand before the
// place in a dateline ("Shanghai, Tokio.", "NEW YORK/WASHINGTON"); with
// more the block starts with a sentence, not a dateline.
const maxDatelineLead = 2

// dateline reports whether a match is part of a dateline ("Genf.",
// "Shanghai, Tokio.", "VIENNA, Nov 24 (Reuters) -", "TAIPEI —"): at most
// three capitalised words at the start of a block, followed by punctuation.
// A capital there names the place of writing, not a government.
func dateline(toks []token, mt match) bool {
	b := mt.from
	for b > 0 && toks[b].gap&gapBreak == 0 && mt.from-b <= maxDatelineLead {
		b--
	}
	if mt.from-b > maxDatelineLead || mt.to >= len(toks) {
		return false
	}
	for k := b; k < mt.to; k++ {
		if !toks[k].upper {
			return false
		}
	}
	return toks[mt.to].gap&(gapStop|gapComma|gapDash|gapSlash|gapOpen) != 0
}
