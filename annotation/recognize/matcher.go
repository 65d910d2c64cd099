package recognize

import (
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/assets"
	"github.com/dramatis-app/dramatis/internal/ascii"
	"github.com/dramatis-app/dramatis/internal/words"
)

// Matcher finds actors in text: the user's library actors first, then the
// built-in states, organisations and leaders, by their names and aliases in
// German and English with inflected forms; and it discovers new candidate
// people and organisations. Build it once per library state with NewMatcher
// (a trie over the normalised aliases) and reuse it: Suggest and Discover
// are safe for concurrent use.
type Matcher struct {
	entries []entry
	// The alias trie: nodes[0] is the root; edges maps (node, folded word)
	// to the child node. One map for all edges keeps the build cheap and
	// the lookups O(words in the passage × alias length).
	nodes []trieNode
	edges map[edgeKey]int32
	words wordLists

	mu    sync.Mutex    // guards cache
	cache *articleCache // nil until the first article

	scratch []token // reused while building; nil afterwards
}

// entry is one actor the matcher knows.
type entry struct {
	actor   annotation.Actor // for a library actor exactly as stored
	user    bool
	builtin *builtin // nil for a library actor that adopted no built-in
	folded  []string // folded names and aliases, for Lookup
	// context are the entries whose mention confirms this entry's vague
	// aliases (builtin.context resolved).
	context []int32
}

type edgeKey struct {
	from int32
	word string
}

// trieNode ends an alias when entry >= 0.
type trieNode struct {
	entry  int32
	kind   aliasKind
	caps   caseRule
	german bool // matches only in German text ("Island" is Iceland there)
	vague  bool // counts only where the text confirms it ("Allianz")
}

// caseRule restricts how the first word of an alias may be written in the
// text, so that "US" does not match "us" and "Chad" not "chad".
type caseRule uint8

const (
	caseAny   caseRule = iota // the alias is lower case ("chinesisch")
	caseUpper                 // the word must start with a capital ("China")
	caseAll                   // the word must be in capitals ("USA", "DVRK")
)

// Abbreviations are two to six letters in capitals ("EU", "DVRK",
// "UNESCO"): a longer word in capitals is a word set in capitals (a
// headline, "WARNUNG"), not an acronym. An alias that is an abbreviation
// matches only in capitals ("US" is not "us"), and discovery takes only
// such words for unknown acronyms.
const (
	minAcronymLen = 2
	maxAcronymLen = 6
)

// ruleFor derives the case rule from how an alias is written.
func ruleFor(a string) caseRule {
	first, _ := utf8.DecodeRuneInString(a)
	word := a
	if i := strings.IndexAny(a, " -"); i > 0 {
		word = a[:i]
	}
	switch {
	case isAllCaps(word) && utf8.RuneCountInString(word) <= maxAcronymLen:
		return caseAll
	case startsUpper(string(first)):
		return caseUpper
	}
	return caseAny
}

// allows reports whether a text word satisfies the rule.
func (c caseRule) allows(t *token) bool {
	switch c {
	case caseAll:
		return t.allCaps
	case caseUpper:
		return t.upper
	}
	return true
}

// Sizes of the trie, guessed up front: about two edges per library name
// (its words, and a person's surname), four per built-in actor (measured:
// 2,192 for 602 built-ins). Oversizing the map costs more than the odd
// growth.
const (
	namesPerActor    = 2 // a library actor's name and a person's surname, before its aliases
	edgesPerUserName = 2
	edgesPerBuiltin  = 4
)

// NewMatcher builds a matcher over the built-in knowledge and the user's
// actors. Library actors come first: an alias the user gave to one actor is
// never matched for another, and a built-in actor whose German or English
// name (or Wikidata id) is a library actor's name or alias is merged into
// that library actor, which then also matches the built-in's aliases
// (a library "China" is found via "Peking").
func NewMatcher(user []annotation.Actor) *Matcher {
	gz := newGazetteer()
	userAliases := 0
	for _, a := range user {
		userAliases += namesPerActor + len(a.Aliases)
	}
	edges := edgesPerUserName*userAliases + edgesPerBuiltin*len(gz.actors)
	m := &Matcher{
		entries: make([]entry, 0, len(user)+len(gz.actors)),
		nodes:   make([]trieNode, 1, edges+1),
		edges:   make(map[edgeKey]int32, edges),
		words:   newWordLists(),
	}
	m.nodes[0] = trieNode{entry: -1}
	defer func() { m.scratch = nil }()

	byName, byWikidata := m.addUser(user, userAliases)
	byKey := m.addBuiltins(gz, byName, byWikidata)
	for i := range m.entries {
		if b := m.entries[i].builtin; b != nil {
			for _, k := range b.context {
				if c, ok := byKey[k]; ok {
					m.entries[i].context = append(m.entries[i].context, c)
				}
			}
		}
	}
	// Library people are also found by their surname alone ("Ballbach"),
	// unless that word is taken.
	for i, e := range m.entries {
		if e.user && e.actor.Kind == annotation.KindPerson {
			if f := strings.Fields(e.actor.Name); len(f) >= 2 {
				m.insert(f[len(f)-1], aliasSurname, int32(i))
			}
		}
	}
	return m
}

// addUser adds the library actors, their names and aliases first in the
// trie, and returns their entries by folded name or alias and by Wikidata
// id, for the built-ins to merge into.
func (m *Matcher) addUser(user []annotation.Actor, userAliases int) (byName, byWikidata map[string]int) {
	byName = make(map[string]int, userAliases)
	byWikidata = map[string]int{}
	for _, a := range user {
		i := len(m.entries)
		m.entries = append(m.entries, entry{actor: a, user: true})
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if k := fold(norm.NFC.String(strings.TrimSpace(n))); k != "" {
				if _, ok := byName[k]; !ok {
					byName[k] = i
				}
			}
		}
		if a.Wikidata != "" {
			byWikidata[a.Wikidata] = i
		}
	}
	// Library actors' own names and aliases take the trie first.
	for i, e := range m.entries {
		m.insert(e.actor.Name, aliasName, int32(i))
		for _, al := range e.actor.Aliases {
			m.insert(al, aliasName, int32(i))
		}
	}
	return byName, byWikidata
}

// addBuiltins adds the built-in actors: each is merged into the library
// actor with its Wikidata id or one of its names, or gets an entry of its
// own. It returns the entries by built-in key.
func (m *Matcher) addBuiltins(gz *gazetteer, byName, byWikidata map[string]int) map[string]int32 {
	byKey := make(map[string]int32, len(gz.actors))
	for bi := range gz.actors {
		b := &gz.actors[bi]
		owner, adopted := byWikidata[b.wikidata]
		if (!adopted || b.wikidata == "") && len(byName) > 0 {
			owner, adopted = byName[fold(b.nameDE)]
			if !adopted {
				owner, adopted = byName[fold(b.nameEN)]
			}
		}
		if adopted && m.entries[owner].builtin == nil {
			m.entries[owner].builtin = b
		} else {
			owner = len(m.entries)
			m.entries = append(m.entries, entry{builtin: b})
		}
		m.insertLang(b.nameDE, aliasName, int32(owner), b.germanOnly[b.nameDE], b.vague[b.nameDE])
		m.insertLang(b.nameEN, aliasName, int32(owner), false, b.vague[b.nameEN])
		for _, al := range b.aliases {
			m.insertLang(al.text, al.kind, int32(owner), b.germanOnly[al.text], b.vague[al.text])
		}
		byKey[b.key] = int32(owner)
	}
	return byKey
}

// insert adds an alias to the trie unless an earlier actor owns it. German
// multi-word names also get their declined form ("Vereinigten Staaten").
func (m *Matcher) insert(a string, kind aliasKind, owner int32) {
	m.insertLang(a, kind, owner, false, false)
}

// insertLang is insert for an alias that may be valid in German text only,
// or only where the text confirms it (vague).
func (m *Matcher) insertLang(a string, kind aliasKind, owner int32, germanOnly, vague bool) {
	a = strings.TrimSpace(a)
	if !ascii.Is(a) && !norm.NFC.IsNormalString(a) {
		a = norm.NFC.String(a)
	}
	if a == "" {
		return
	}
	if kind != aliasSurname {
		e := &m.entries[owner]
		e.folded = append(e.folded, fold(a))
	}
	rule := ruleFor(a)
	m.scratch = tokenizeInto(m.scratch, a)
	toks := m.scratch
	if len(toks) == 0 {
		return
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.fold
	}
	m.insertWords(words, kind, rule, owner, germanOnly, vague)
	if d := declined(words); d != nil {
		m.insertWords(d, kind, rule, owner, germanOnly, vague)
	}
}

func (m *Matcher) insertWords(words []string, kind aliasKind, rule caseRule, owner int32, germanOnly, vague bool) {
	n := int32(0)
	for _, w := range words {
		k := edgeKey{n, w}
		next, ok := m.edges[k]
		if !ok {
			next = int32(len(m.nodes))
			m.nodes = append(m.nodes, trieNode{entry: -1})
			m.edges[k] = next
		}
		n = next
	}
	node := &m.nodes[n]
	switch {
	case node.entry < 0:
		*node = trieNode{entry: owner, kind: kind, caps: rule, german: germanOnly, vague: vague}
	case node.entry == owner:
		// The same actor spelled more loosely ("NATO", "Nato").
		if rule < node.caps {
			node.caps = rule
		}
		// Also given as a plain name (a library alias): no context needed.
		if !vague {
			node.vague = false
		}
		// A built-in's knowledge of what the alias is (an adjective, a
		// seat) refines a library alias copied from it ("deutsch").
		if kind == aliasAdj || kind == aliasSeat || kind == aliasDemonym {
			node.kind = kind
		}
	}
}

// lookupWords returns the entry whose name or alias is exactly these folded
// words (a vague alias does not count), or -1.
func (m *Matcher) lookupWords(words []string) int32 {
	n := int32(0)
	for _, w := range words {
		nd, ok := m.edges[edgeKey{n, w}]
		if !ok {
			return -1
		}
		n = nd
	}
	if t := m.nodes[n]; t.entry >= 0 && !t.vague {
		return t.entry
	}
	return -1
}

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

// wordLists are the discovery vocabularies of discovery-de.txt,
// discovery-en.txt and given-names.txt, German and English merged: news in
// one language quotes names and titles from the other.
type wordLists struct {
	role, speech, orgWord, orgTrigger, connector, location, stop map[string]bool
	nounSuffix                                                   []string
	given                                                        map[string]bool
	// cue: words that confirm a vague company or medium name next to it
	// ("Versicherer Allianz", "Allianz-Aktie"); region: folded geographic
	// regions, words joined by spaces ("indo pacific"), never an actor.
	cue, region map[string]bool
	regionStart map[string]bool // first words of the regions
}

// newWordLists reads the discovery vocabularies. Each [section] of the
// discovery files is a set of folded words, looked up in one table, but
// for the noun suffixes (a list, tried in order) and the regions (folded
// word by word); a section no table knows is skipped.
func newWordLists() wordLists {
	w := wordLists{
		role: map[string]bool{}, speech: map[string]bool{}, orgWord: map[string]bool{},
		orgTrigger: map[string]bool{}, connector: map[string]bool{}, location: map[string]bool{},
		stop: map[string]bool{}, given: map[string]bool{},
		cue: map[string]bool{}, region: map[string]bool{}, regionStart: map[string]bool{},
	}
	sets := map[string]map[string]bool{
		"role": w.role, "speech": w.speech, "orgword": w.orgWord, "orgtrigger": w.orgTrigger,
		"connector": w.connector, "location": w.location, "stop": w.stop, "cue": w.cue,
	}
	var scratch []token
	for _, data := range []string{assets.DiscoveryDE, assets.DiscoveryEN} {
		section := ""
		for _, ln := range strings.Split(data, "\n") {
			ln = strings.TrimSpace(ln)
			if ln == "" || strings.HasPrefix(ln, "#") {
				continue
			}
			if strings.HasPrefix(ln, "[") && strings.HasSuffix(ln, "]") {
				section = ln[1 : len(ln)-1]
				continue
			}
			switch {
			case sets[section] != nil:
				sets[section][fold(ln)] = true
			case section == "nounsuffix":
				w.nounSuffix = append(w.nounSuffix, fold(ln))
			case section == "region":
				scratch = w.addRegion(ln, scratch)
			}
		}
	}
	for _, ln := range strings.Split(assets.GivenNames, "\n") {
		if strings.HasPrefix(strings.TrimSpace(ln), "#") {
			continue
		}
		for _, n := range strings.Fields(ln) {
			w.given[fold(n)] = true
		}
	}
	return w
}

// addRegion adds a geographic region, folded word by word ("Indo-Pacific"
// is "indo pacific"), and its first word; scratch is the token buffer,
// returned for reuse.
func (w *wordLists) addRegion(ln string, scratch []token) []token {
	scratch = tokenizeInto(scratch, ln)
	parts := make([]string, len(scratch))
	for i, t := range scratch {
		parts[i] = t.fold
	}
	if len(parts) > 0 {
		w.region[strings.Join(parts, " ")] = true
		w.regionStart[parts[0]] = true
	}
	return scratch
}

// maxSuffix bounds, in bytes, the compound endings tried as roles and
// organisation triggers, so that a hostile giant word costs linear time.
const maxSuffix = 40

// The shortest compound endings tried: a role as short as "chef", an
// organisation trigger or cue as short as "firma"; shorter endings are
// parts of unrelated words.
const (
	minRoleEnding = 4
	minOrgEnding  = 5
)

// isRole reports whether a folded word is a title or role, also at the end
// of a German compound ("außenamtssprecher", "us-präsident").
func (w *wordLists) isRole(f string) bool { return inOrEnding(f, minRoleEnding, w.role) }

// isOrgTrigger reports whether a folded word announces an organisation's
// name, also at the end of a compound ("sicherheitsberatungsfirma").
func (w *wordLists) isOrgTrigger(f string) bool {
	return inOrEnding(f, minOrgEnding, w.orgTrigger)
}

// isCue reports whether a folded word confirms a vague company or medium
// name, also at the end of a compound ("chipkonzern", "autobauer").
func (w *wordLists) isCue(f string) bool { return inOrEnding(f, minOrgEnding, w.cue, w.orgTrigger) }

// inOrEnding reports whether a folded word, or an ending of it of at least
// minEnding bytes (the last part of a German compound), is in one of sets.
func inOrEnding(f string, minEnding int, sets ...map[string]bool) bool {
	for _, set := range sets {
		if set[f] {
			return true
		}
	}
	for i := max(1, len(f)-maxSuffix); i < len(f); i++ {
		if !utf8.RuneStart(f[i]) || len(f)-i < minEnding {
			continue
		}
		for _, set := range sets {
			if set[f[i:]] {
				return true
			}
		}
	}
	return false
}

// minNounStem is the shortest stem (bytes) before a noun suffix: "Jung"
// and "Klein" end like nouns but are names; "Zeitung" and "Freiheit" are
// nouns.
const minNounStem = 3

// nounLike reports whether a folded word ends like a German common noun
// ("Beziehungen", "Wissenschaft").
func (w *wordLists) nounLike(f string) bool {
	for _, s := range w.nounSuffix {
		if strings.HasSuffix(f, s) && len(f)-len(s) >= minNounStem {
			return true
		}
	}
	return false
}

// guessLang picks the language of a text whose language is not known,
// with the cleaner's guesser, between the two languages built-in actors
// are named in. German wins ties and texts without function words, as
// Dramatis's readers read German first.
func guessLang(text string) string {
	return words.GuessAmong(text, "de", "en")
}

// actorFor returns the actor of an entry as the user should see it: a
// library actor exactly as stored, a built-in one named in lang with the
// other language's name and the aliases as Aliases.
func (m *Matcher) actorFor(i int32, lang string) annotation.Actor {
	e := &m.entries[i]
	if e.user {
		return e.actor
	}
	b := e.builtin
	a := annotation.Actor{Name: b.name(lang), Kind: b.kind, Wikidata: b.wikidata, Note: b.note}
	seen := map[string]bool{fold(a.Name): true}
	add := func(s string) {
		if k := fold(s); s != "" && !seen[k] {
			seen[k] = true
			a.Aliases = append(a.Aliases, s)
		}
	}
	add(b.nameDE)
	add(b.nameEN)
	for _, al := range b.aliases {
		add(al.text)
	}
	return a
}

// keyOf returns the stable key of an entry: the built-in key ("iso:KP",
// "org:UN", "person:putin") or "id:" and the library id.
func (m *Matcher) keyOf(i int32) string {
	e := &m.entries[i]
	if e.user {
		return "id:" + e.actor.ID
	}
	return e.builtin.key
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
