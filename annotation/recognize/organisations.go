package recognize

import (
	"sort"
	"strings"

	"github.com/dramatis-app/dramatis/annotation"
)

// findOrgs finds organisations by their pattern: a capitalised name with an
// organisation word ("Eurasia Group", "Stiftung Wissenschaft und Politik",
// "Carnegie Endowment for International Peace"), or a name after a word
// that announces one ("Rüstungskonzern Rheinmetall"). Known actors inside
// such a name ("George Washington University") are dropped.
func (d *discovery) findOrgs(matches []match, dropped []bool) {
	w := &d.m.words
	n := len(d.toks)
	var spans []span
	next := 0
	for i := 0; i < n; i++ {
		if i < next {
			continue
		}
		t := &d.toks[i]
		var sp span
		switch {
		case t.upper && d.isOrgWord(i) && d.owner[i] != ownKnown:
			sp = d.orgAround(i)
		case w.isOrgTrigger(t.fold) && i+1 < n && !d.toks[i+1].gap.hard():
			sp = d.orgAfterTrigger(i + 1)
		default:
			continue
		}
		if sp.from < next {
			sp.from = next
		}
		if sp.to <= sp.from || d.isRegion(sp.from, sp.to) {
			continue
		}
		spans = append(spans, sp)
		next = sp.to
	}
	for _, sp := range spans {
		// A known actor that is the whole span is that actor, not a new one.
		// Matches are sorted and do not overlap: only those from the first
		// one ending after sp.from can touch the span.
		first := sort.Search(len(matches), func(i int) bool { return matches[i].to > sp.from })
		last := first
		whole := false
		for ; last < len(matches) && matches[last].from < sp.to; last++ {
			mt := matches[last]
			if mt.from == sp.from && mt.to == sp.to {
				whole = true
			} else if mt.from < sp.from || mt.to > sp.to {
				whole = true // overlaps a longer known name: trust the gazetteer
			}
		}
		if whole {
			continue
		}
		for mi := first; mi < last; mi++ {
			dropped[mi] = true
		}
		for k := sp.from; k < sp.to; k++ {
			d.owner[k] = ownFound
			d.orgAt[k] = true
		}
		f := d.orgFound(sp)
		f.mention(d.toks[sp.from].start, d.toks[sp.to-1].end, d.surface(sp.from, sp.to))
		// "Stiftung Wissenschaft und Politik (SWP)": the acronym is a form.
		if sp.to+1 < n && d.toks[sp.to].gap&gapOpen != 0 && d.toks[sp.to].allCaps && d.toks[sp.to+1].gap&gapClose != 0 {
			f.forms = append(f.forms, []string{d.toks[sp.to].fold})
		}
	}
}

// orgFound returns the collector for the organisation of a span: a known
// one when its base form is a known name ("des Verbands der
// Automobilindustrie" is the known VDA), else a discovered one.
func (d *discovery) orgFound(sp span) *found {
	name, words := d.orgName(sp)
	if e := d.m.lookupWords(words); e >= 0 && d.m.entryKind(e) == annotation.KindOrganisation {
		return d.known(e)
	}
	return d.discovered(name, annotation.KindOrganisation, words)
}

// How far orgAround grows a name around its organisation word, in words:
// five before ("Stockholm International Peace Research Institute" has
// four), six after ("Institut für Sicherheitspolitik an der Universität
// Kiel"), at most two connectors in a row ("for the", "an der"). Further
// the words belong to the sentence, not the name.
const (
	maxOrgWordsBefore = 5
	maxOrgWordsAfter  = 6
	maxConnectors     = 2
)

// maxNameAfterCue is the longest name, in words, taken after a word that
// announces it (a trigger such as "Denkfabrik", or "at", "von der" after
// a role): "Stiftung Wissenschaft und Politik".
const maxNameAfterCue = 4

// minGenitiveOrgWord is the shortest word (bytes) read as an organisation
// word in the genitive ("Instituts", "Verbands"): a shorter word with a
// final s is a plural or a name more often ("AGs").
const minGenitiveOrgWord = 5

// orgAround grows an organisation name around the organisation word at i.
func (d *discovery) orgAround(i int) span {
	w := &d.m.words
	from := i
	for k := i - 1; k >= 0 && i-k <= maxOrgWordsBefore; k-- {
		if d.toks[k+1].gap.hard() || !d.nameWord(k) || d.owner[k] == ownPlace {
			break
		}
		if d.toks[k].sentStart && w.stop[d.toks[k].fold] {
			break
		}
		if strings.HasSuffix(d.toks[k].fold, "'s") {
			break // "IAEA's Board of Governors": the owner is not the name
		}
		from = k
	}
	leftNamed := from < i
	to := i + 1
	afterConnector := false
	for to < len(d.toks) && to-i <= maxOrgWordsAfter {
		t := &d.toks[to]
		if t.gap.hard() {
			break
		}
		if !t.upper && w.connector[t.fold] {
			// Connectors only inside a name: "for Policy Studies", "of the".
			k := to
			for k < len(d.toks) && k-to < maxConnectors && !d.toks[k].upper && w.connector[d.toks[k].fold] && !d.toks[k].gap.hard() {
				k++
			}
			isAnd := t.fold == "und" || t.fold == "and"
			if k >= len(d.toks) || d.toks[k].gap.hard() || !d.nameWord(k) || (isAnd && leftNamed && !afterConnector) {
				break
			}
			to = k
			afterConnector = true
			continue
		}
		if e := d.knownEnd[to]; e > to && t.upper && (!leftNamed || afterConnector) && d.owner[to] != ownPlace {
			if to == i+1 && from == i && d.orgAt[to] {
				break // "Konzern Rheinmetall": the known name after the word is the name
			}
			// A known name inside: "Bank of China", "Fund of the United States".
			to = e
			continue
		}
		if !t.upper || !(d.nameWord(to) || d.isOrgWord(to)) {
			break
		}
		if leftNamed && !afterConnector && !d.isOrgWord(to) {
			break
		}
		to++
	}
	// A name needs a word besides organisation words and connectors.
	named := false
	for k := from; k < to; k++ {
		if !d.isOrgWord(k) && !w.connector[d.toks[k].fold] && !w.stop[d.toks[k].fold] {
			named = true
		}
	}
	if !named {
		return span{}
	}
	return span{from, to}
}

// orgAfterTrigger takes the capitalised name after a word such as
// "Denkfabrik" or "Sicherheitsberatungsfirma" as an organisation.
func (d *discovery) orgAfterTrigger(i int) span {
	w := &d.m.words
	to := i
	for to < len(d.toks) && to-i < maxNameAfterCue {
		if to > i && d.toks[to].gap.hard() {
			break
		}
		if d.owner[to] == ownKnown || d.owner[to] == ownPlace {
			break
		}
		if !d.nameWord(to) && !(d.toks[to].upper && d.isOrgWord(to)) {
			break
		}
		to++
	}
	if to == i {
		return span{}
	}
	if to-i == 1 && (w.nounLike(d.toks[i].fold) || d.toks[i].sentStart) {
		return span{}
	}
	// An organisation word inside: let orgAround shape it (connectors).
	for k := i; k < to; k++ {
		if d.isOrgWord(k) {
			return d.orgAround(k)
		}
	}
	return span{i, to}
}

// isOrgWord reports whether token k is an organisation word, also in the
// genitive ("des Instituts", "des Verbands").
func (d *discovery) isOrgWord(k int) bool {
	_, ok := d.orgWordBase(k)
	return ok
}

// orgWordBase returns the uninflected surface of an organisation word
// ("Instituts" → "Institut") and whether token k is one.
func (d *discovery) orgWordBase(k int) (string, bool) {
	t := &d.toks[k]
	w := &d.m.words
	if w.orgWord[t.fold] {
		return t.text, true
	}
	for _, suf := range []string{"es", "s"} {
		if strings.HasSuffix(t.fold, suf) && w.orgWord[strings.TrimSuffix(t.fold, suf)] && len(t.fold) >= minGenitiveOrgWord {
			return t.text[:len(t.text)-len(suf)], true
		}
	}
	return "", false
}

// orgName returns the display name and folded words of an organisation
// span, with a genitive organisation word in its base form ("Instituts für
// Weltwirtschaft" → "Institut für Weltwirtschaft").
func (d *discovery) orgName(sp span) (string, []string) {
	var b strings.Builder
	words := make([]string, 0, sp.to-sp.from)
	// After a declined adjective ("des Deutschen Instituts") the whole
	// name is declined; only its surface is certain.
	declinedAdj := false
	for k := sp.from; k < sp.to; k++ {
		if k > sp.from {
			b.WriteString(d.text[d.toks[k-1].bend:d.toks[k].bstart])
		}
		text := d.toks[k].text
		if base, ok := d.orgWordBase(k); ok && !declinedAdj {
			text = base
		}
		if strings.HasSuffix(d.toks[k].fold, "en") && !d.isOrgWord(k) {
			declinedAdj = true
		}
		b.WriteString(text)
		words = append(words, fold(text))
	}
	// "Co.", "Inc.": the dot belongs to the name.
	switch last := d.toks[sp.to-1]; last.fold {
	case "co", "inc", "corp", "ltd", "bros":
		if last.bend < len(d.text) && d.text[last.bend] == '.' {
			b.WriteByte('.')
		}
	}
	return b.String(), words
}

// findAffiliations finds organisations named as someone's affiliation:
// after a role or a person found, "at", "of", "bei", "von der" and a
// capitalised name ("analysts at Bernstein", "Cheng Li-wun of the
// Kuomintang", "Nico Lange von der Münchner Sicherheitskonferenz").
func (d *discovery) findAffiliations(matches []match, dropped []bool) {
	w := &d.m.words
	for i := 1; i+1 < len(d.toks); i++ {
		switch d.toks[i].fold {
		case "at", "of", "bei", "beim", "von", "vom", "from":
		default:
			continue
		}
		if d.toks[i].gap.hard() {
			continue
		}
		prev := i - 1
		if !(d.owner[prev] == ownFound && !d.orgAt[prev]) && !w.isRole(d.toks[prev].fold) {
			continue
		}
		k := i + 1
		switch d.toks[k].fold {
		case "the", "der", "dem":
			k++
		}
		if k >= len(d.toks) || d.toks[k].gap.hard() || d.owner[k] != ownFree || d.orgAt[k] {
			continue
		}
		to := k
		for to < len(d.toks) && to-k < maxNameAfterCue && d.owner[to] == ownFree && d.nameWord(to) && (to == k || !d.toks[to].gap.hard()) {
			to++
		}
		if to == k || d.toks[k].sentStart {
			continue
		}
		// A German common noun alone is no organisation ("von Soldaten").
		if to-k == 1 && (w.nounLike(d.toks[k].fold) || w.given[d.toks[k].fold]) {
			continue
		}
		if to < len(d.toks) && !d.toks[to].gap.hard() && d.toks[to].upper && d.owner[to] != ownFree {
			continue // runs on into a known name: unclear
		}
		if d.isRegion(k, to) {
			continue // "director of the Indo-Pacific program"
		}
		// "vom Brüsseler Thinktank Bruegel": the name follows the trigger.
		if to-k == 1 && to < len(d.toks) && !d.toks[to].gap.hard() && w.isOrgTrigger(d.toks[to].fold) {
			continue
		}
		sp := span{k, to}
		for kk := sp.from; kk < sp.to; kk++ {
			d.owner[kk] = ownFound
			d.orgAt[kk] = true
		}
		f := d.orgFound(sp)
		f.mention(d.toks[sp.from].start, d.toks[sp.to-1].end, d.surface(sp.from, sp.to))
		i = to - 1
	}
}
