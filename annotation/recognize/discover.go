package recognize

import (
	"sort"
	"strings"
	"unicode"

	"github.com/dramatis-app/dramatis/annotation"
)

// Candidate is an actor found in an article: a known one (library or
// built-in, Known true) or a newly discovered person or organisation.
type Candidate struct {
	Name  string          `json:"name"`
	Kind  annotation.Kind `json:"kind"`
	Known bool            `json:"known"`
	// Count is the number of mentions, including short forms ("Bremmers"
	// for Ian Bremmer) and inflected forms ("Chinas").
	Count int `json:"count"`
	// AliasesSeen lists the distinct ways the text wrote it, in order.
	AliasesSeen []string `json:"aliases_seen"`
	// FirstOffset is the code point offset of the first mention.
	FirstOffset int `json:"first_offset"`
	// Key is the stable key of a known actor: "iso:KP", "org:UN",
	// "person:putin" for built-ins, "id:" and the id for library actors.
	Key string `json:"key,omitempty"`
	// ActorID is the library id of a library actor.
	ActorID string `json:"actor_id,omitempty"`
}

// found is a candidate being collected, with its mentions.
type found struct {
	Candidate
	entry    int32    // matcher entry, -1 when discovered
	words    []string // folded words of a discovered name
	forms    [][]string
	spans    [][2]int
	surfaces []string // the text of each span
	last     int      // code point offset of the latest mention, for linking surnames
}

// mention records one occurrence.
func (f *found) mention(start, end int, surface string) {
	if f.Count == 0 || start < f.FirstOffset {
		f.FirstOffset = start
	}
	f.Count++
	f.spans = append(f.spans, [2]int{start, end})
	f.surfaces = append(f.surfaces, surface)
	f.last = start
	for _, a := range f.AliasesSeen {
		if a == surface {
			return
		}
	}
	f.AliasesSeen = append(f.AliasesSeen, surface)
}

// Discover lists the actors of an article text: known actors found by
// their names and aliases, and candidate people and organisations found by
// name patterns and context. The language (for the names of built-in
// actors) is guessed from the text; see DiscoverLang. Candidates are sorted
// by number of mentions, then by first appearance.
func (m *Matcher) Discover(text string) []Candidate {
	return m.DiscoverLang(text, "")
}

// DiscoverLang is Discover for a text in a known language ("de", "en", …;
// "" to guess).
func (m *Matcher) DiscoverLang(text, lang string) []Candidate {
	toks := tokenize(text)
	if lang == "" {
		lang = guessLang(text)
	}
	fs := m.discover(text, toks, lang, nil)
	out := make([]Candidate, len(fs))
	for i, f := range fs {
		out[i] = f.Candidate
	}
	return out
}

// span is a token range [from, to).
type span struct{ from, to int }

// discovery holds the state of one pass over a text.
type discovery struct {
	m      *Matcher
	text   string
	toks   []token
	lang   string
	owner  []int8 // per token: 0 free, 1 known actor, 2 weak known (surname), 3 place, 4 discovered
	byKey  map[string]*found
	order  []*found
	orgAt  []bool // per token: inside a discovered or known organisation
	weakAt []int  // per token: index into matches of a weak (surname) match, or -1
	// knownEnd is, per token, the end of the known match covering it, or -1.
	knownEnd []int
}

const (
	ownFree = iota
	ownKnown
	ownWeak
	ownPlace
	ownFound
)

// discover runs the passes: known actors, organisations, people, then
// short forms of the names found. licensed holds the entries known to be
// mentioned unambiguously around the text (in the article of a passage),
// which confirms their vague aliases in the text; it may be nil.
func (m *Matcher) discover(text string, toks []token, lang string, licensed map[int32]bool) []*found {
	d := &discovery{m: m, text: text, toks: toks, lang: lang, byKey: map[string]*found{},
		owner: make([]int8, len(toks)), orgAt: make([]bool, len(toks)), weakAt: make([]int, len(toks)),
		knownEnd: make([]int, len(toks))}
	matches := m.confirm(toks, m.scan(toks, lang), licensed)
	for i := range d.weakAt {
		d.weakAt[i], d.knownEnd[i] = -1, -1
	}
	for mi, mt := range matches {
		o := int8(ownKnown)
		switch {
		case mt.place:
			o = ownPlace
		case mt.kind == aliasSurname:
			o = ownWeak
		}
		for k := mt.from; k < mt.to; k++ {
			d.owner[k] = o
			d.knownEnd[k] = mt.to
			if o == ownWeak {
				d.weakAt[k] = mi
			}
			if m.entryKind(mt.entry) == annotation.KindOrganisation {
				d.orgAt[k] = true
			}
		}
	}
	dropped := make([]bool, len(matches))
	d.findOrgs(matches, dropped)
	d.findPersons()
	d.findAffiliations(matches, dropped)
	d.findAcronyms()
	d.link()
	// Known mentions, unless a discovered name covers them.
	for mi, mt := range matches {
		if dropped[mi] || mt.place || d.owner[mt.from] == ownFound {
			continue
		}
		f := d.known(mt.entry)
		f.mention(d.toks[mt.from].start, d.toks[mt.to-1].end, d.surface(mt.from, mt.to))
	}
	d.mergeShortOrgs()
	d.mergeSurnames()
	out := make([]*found, 0, len(d.order))
	for _, f := range d.order {
		if f.Count > 0 {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].FirstOffset < out[j].FirstOffset
	})
	return out
}

// entryKind returns the kind of a matcher entry.
func (m *Matcher) entryKind(i int32) annotation.Kind {
	e := &m.entries[i]
	if e.user {
		return e.actor.Kind
	}
	return e.builtin.kind
}

// known returns the collector for a matcher entry.
func (d *discovery) known(i int32) *found {
	key := d.m.keyOf(i)
	if f, ok := d.byKey[key]; ok {
		return f
	}
	a := d.m.actorFor(i, d.lang)
	f := &found{Candidate: Candidate{Name: a.Name, Kind: a.Kind, Known: true, Key: key, ActorID: a.ID}, entry: i}
	d.byKey[key] = f
	d.order = append(d.order, f)
	return f
}

// discovered returns the collector for a new name of the given kind.
func (d *discovery) discovered(name string, kind annotation.Kind, words []string) *found {
	key := string(kind) + ":" + strings.Join(words, " ")
	if f, ok := d.byKey[key]; ok {
		return f
	}
	f := &found{Candidate: Candidate{Name: name, Kind: kind}, entry: -1, words: words}
	f.forms = append(f.forms, words)
	d.byKey[key] = f
	d.order = append(d.order, f)
	return f
}

// surface returns the text of tokens [from, to).
func (d *discovery) surface(from, to int) string {
	return d.text[d.toks[from].bstart:d.toks[to-1].bend]
}

// folded returns the folded words of tokens [from, to).
func (d *discovery) folded(from, to int) []string {
	out := make([]string, 0, to-from)
	for k := from; k < to; k++ {
		out = append(out, d.toks[k].fold)
	}
	return out
}

// nameWord reports whether token k can be part of a name: capitalised, not
// a function word, title, verb of saying or organisation word.
func (d *discovery) nameWord(k int) bool {
	t := &d.toks[k]
	w := &d.m.words
	if !t.upper || w.stop[t.fold] || w.speech[t.fold] || w.isRole(t.fold) || w.isOrgTrigger(t.fold) {
		return false
	}
	for _, r := range t.text {
		if !unicode.IsLetter(r) && r != '\'' && r != '\u2019' && r != '.' {
			return false
		}
	}
	return true
}

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

// orgAround grows an organisation name around the organisation word at i.
func (d *discovery) orgAround(i int) span {
	w := &d.m.words
	from := i
	for k := i - 1; k >= 0 && i-k <= 5; k-- {
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
	for to < len(d.toks) && to-i <= 6 {
		t := &d.toks[to]
		if t.gap.hard() {
			break
		}
		if !t.upper && w.connector[t.fold] {
			// Connectors only inside a name: "for Policy Studies", "of the".
			k := to
			for k < len(d.toks) && k-to < 2 && !d.toks[k].upper && w.connector[d.toks[k].fold] && !d.toks[k].gap.hard() {
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
	for to < len(d.toks) && to-i < 4 {
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

// word is a hyphenated compound's tokens [from, to) ("Jong-un").
type word struct{ from, to int }

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
	return d.nameWord(wd.from) && !(t.allCaps && len(t.fold) > 2 && !strings.Contains(t.fold, "."))
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
	w := &d.m.words
	for len(run) > 4 {
		cut := -1
		for p := 1; p < len(run); p++ {
			if w.given[d.toks[run[p].from].fold] {
				cut = p
				break
			}
		}
		if cut < 0 {
			return
		}
		run = run[cut:]
	}
	// "Anzeige Homeday": a name rarely follows a common noun in a run;
	// start at a given name if there is one later.
	if len(run) > 2 && !w.given[d.toks[run[0].from].fold] {
		for p := 1; p < len(run)-1; p++ {
			if w.given[d.toks[run[p].from].fold] {
				run = run[p:]
				break
			}
		}
	}
	from, to := run[0].from, run[len(run)-1].to
	if d.isRegion(from, to) {
		return
	}
	onlyWeak := true
	for k := from; k < to; k++ {
		if d.owner[k] != ownWeak {
			onlyWeak = false
		}
	}
	if onlyWeak {
		return // a known person's surname ("Präsident Putin")
	}
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
	ok := false
	switch {
	case len(run) == 1:
		ok = roleBefore && !nouny && !given && !d.toks[from].sentStart
	case given || roleBefore || roleAfter:
		ok = !nouny || given || roleBefore
	case speech || affil || coord:
		ok = !nouny
	}
	if !ok {
		return
	}
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
	for k := from - 1; k >= 0 && from-k <= 5; k-- {
		if d.m.words.isRole(d.toks[k].fold) {
			return true
		}
		if d.toks[k].gap.hard() {
			return false
		}
	}
	return false
}

// roleAfter reports whether ", <role>" follows token to-1 ("Ian Bremmer,
// Gründer der …", "Jane Doe, a senior fellow at …").
func (d *discovery) roleAfter(to int) bool {
	if to >= len(d.toks) || d.toks[to].gap&gapComma == 0 {
		return false
	}
	for k := to; k < len(d.toks) && k-to < 3; k++ {
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

// maxSameFirst bounds how many names starting with the same word are
// tried when linking short forms.
const maxSameFirst = 64

// link counts the short forms of the names found: a surname alone
// ("Bremmers", "Ballbach"), a name repeated without the context that made
// it a name, an organisation's acronym. Each free capitalised word is
// tried against the forms, longest first; a surname shared by two people
// goes to the one mentioned last.
func (d *discovery) link() {
	type form struct {
		words []string
		f     *found
	}
	byFirst := map[string][]form{}
	for _, f := range d.order {
		if f.entry >= 0 {
			continue
		}
		for _, ws := range f.forms {
			// A bound keeps hostile texts (thousands of "Ian …") linear.
			if len(byFirst[ws[0]]) < maxSameFirst {
				byFirst[ws[0]] = append(byFirst[ws[0]], form{ws, f})
			}
		}
	}
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
		var best *found
		bestLen, bestLast := 0, -1
		for _, c := range cands {
			n := len(c.words)
			if i+n > len(d.toks) || n < bestLen {
				continue
			}
			okw := true
			for k := 0; k < n && okw; k++ {
				tk := &d.toks[i+k]
				if (d.owner[i+k] != ownFree && d.owner[i+k] != ownWeak) || (k > 0 && tk.gap.hard()) {
					okw = false
					break
				}
				if tk.fold == c.words[k] {
					continue
				}
				okw = false
				if k == n-1 {
					for _, v := range baseForms(tk.fold, nil) {
						if v == c.words[k] {
							okw = true
						}
					}
				}
			}
			if !okw {
				continue
			}
			// A surname alone: only when the next word is not part of
			// another name ("Kim Il Sung" is not Kim Jong-un).
			if n > bestLen || (n == bestLen && c.f.last <= t.start && c.f.last > bestLast) {
				best, bestLen, bestLast = c.f, n, c.f.last
			}
		}
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

// isRegion reports whether tokens [from, to) name a geographic region
// ("Indo-Pacific", "Naher Osten"), which is neither a person nor an
// organisation.
func (d *discovery) isRegion(from, to int) bool {
	if to-from > 4 || to <= from || !d.m.words.regionStart[d.toks[from].fold] {
		return false
	}
	var b strings.Builder
	for k := from; k < to; k++ {
		if k > from {
			b.WriteByte(' ')
		}
		b.WriteString(d.toks[k].fold)
	}
	return d.m.words.region[b.String()]
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
		if strings.HasSuffix(t.fold, suf) && w.orgWord[strings.TrimSuffix(t.fold, suf)] && len(t.fold) > 4 {
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
		for to < len(d.toks) && to-k < 4 && d.owner[to] == ownFree && d.nameWord(to) && (to == k || !d.toks[to].gap.hard()) {
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
		if n < 2 || n > 6 || t.gap&gapHyphen != 0 || (k+1 < len(d.toks) && d.toks[k+1].gap&gapHyphen != 0) {
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
