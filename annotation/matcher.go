package annotation

import (
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dramatis-app/dramatis/assets"
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

	mu    sync.Mutex // guards cache
	cache articleCache

	scratch []token // reused while building; nil afterwards
}

// entry is one actor the matcher knows.
type entry struct {
	actor   Actor // for a library actor exactly as stored
	user    bool
	builtin *builtin // nil for a library actor that adopted no built-in
	folded  []string // folded names and aliases, for Lookup
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
}

// caseRule restricts how the first word of an alias may be written in the
// text, so that "US" does not match "us" and "Chad" not "chad".
type caseRule uint8

const (
	caseAny   caseRule = iota // the alias is lower case ("chinesisch")
	caseUpper                 // the word must start with a capital ("China")
	caseAll                   // the word must be in capitals ("USA", "DVRK")
)

// ruleFor derives the case rule from how an alias is written.
func ruleFor(a string) caseRule {
	first, _ := utf8.DecodeRuneInString(a)
	word := a
	if i := strings.IndexAny(a, " -"); i > 0 {
		word = a[:i]
	}
	switch {
	case isAllCaps(word) && utf8.RuneCountInString(word) <= 6:
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

// NewMatcher builds a matcher over the built-in knowledge and the user's
// actors. Library actors come first: an alias the user gave to one actor is
// never matched for another, and a built-in actor whose German or English
// name (or Wikidata id) is a library actor's name or alias is merged into
// that library actor, which then also matches the built-in's aliases
// (a library "China" is found via "Peking").
func NewMatcher(user []Actor) *Matcher {
	gz := newGazetteer()
	aliases := 0
	for _, a := range user {
		aliases += 2 + len(a.Aliases)
	}
	aliases += 12 * len(gz.actors)
	m := &Matcher{
		entries: make([]entry, 0, len(user)+len(gz.actors)),
		nodes:   make([]trieNode, 1, 2*aliases),
		edges:   make(map[edgeKey]int32, 2*aliases),
		words:   newWordLists(),
	}
	m.nodes[0] = trieNode{entry: -1}
	defer func() { m.scratch = nil }()

	byName := make(map[string]int, aliases)
	byWikidata := map[string]int{}
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
	// Built-ins: merged into a library actor, or an entry of their own.
	for bi := range gz.actors {
		b := &gz.actors[bi]
		owner, adopted := byWikidata[b.wikidata]
		if !adopted || b.wikidata == "" {
			owner, adopted = byName[fold(b.nameDE)]
		}
		if !adopted {
			owner, adopted = byName[fold(b.nameEN)]
		}
		if adopted && m.entries[owner].builtin == nil {
			m.entries[owner].builtin = b
		} else {
			owner = len(m.entries)
			m.entries = append(m.entries, entry{builtin: b})
		}
		m.insertLang(b.nameDE, aliasName, int32(owner), b.germanOnly[b.nameDE])
		m.insert(b.nameEN, aliasName, int32(owner))
		for _, al := range b.aliases {
			m.insertLang(al.text, al.kind, int32(owner), b.germanOnly[al.text])
		}
	}
	// Library people are also found by their surname alone ("Ballbach"),
	// unless that word is taken.
	for i, e := range m.entries {
		if e.user && e.actor.Kind == KindPerson {
			if f := strings.Fields(e.actor.Name); len(f) >= 2 {
				m.insert(f[len(f)-1], aliasSurname, int32(i))
			}
		}
	}
	return m
}

// insert adds an alias to the trie unless an earlier actor owns it. German
// multi-word names also get their declined form ("Vereinigten Staaten").
func (m *Matcher) insert(a string, kind aliasKind, owner int32) {
	m.insertLang(a, kind, owner, false)
}

// insertLang is insert for an alias that may be valid in German text only.
func (m *Matcher) insertLang(a string, kind aliasKind, owner int32, germanOnly bool) {
	a = strings.TrimSpace(a)
	if !norm.NFC.IsNormalString(a) {
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
	m.insertWords(words, kind, rule, owner, germanOnly)
	if d := declined(words); d != nil {
		m.insertWords(d, kind, rule, owner, germanOnly)
	}
}

func (m *Matcher) insertWords(words []string, kind aliasKind, rule caseRule, owner int32, germanOnly bool) {
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
		*node = trieNode{entry: owner, kind: kind, caps: rule, german: germanOnly}
	case node.entry == owner:
		// The same actor spelled more loosely ("NATO", "Nato").
		if rule < node.caps {
			node.caps = rule
		}
		// A built-in's knowledge of what the alias is (an adjective, a
		// seat) refines a library alias copied from it ("deutsch").
		if kind == aliasAdj || kind == aliasSeat || kind == aliasDemonym {
			node.kind = kind
		}
	}
}

// match is one found mention of a known actor: words [from, to) of the
// tokens it was found in.
type match struct {
	entry    int32
	from, to int
	kind     aliasKind
	place    bool // a capital used as a place ("in Berlin"): not a mention
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
			if j > i && toks[j].gap.hard() {
				break
			}
			w := toks[j].fold
			if nd, ok := m.edges[edgeKey{n, w}]; ok {
				if t := m.nodes[nd]; t.entry >= 0 && t.caps.allows(&toks[i]) && (german || !t.german) {
					best = match{entry: t.entry, from: i, to: j + 1, kind: t.kind}
				}
			}
			buf = baseForms(w, buf[:0])
			for _, v := range buf {
				if nd, ok := m.edges[edgeKey{n, v}]; ok {
					if t := m.nodes[nd]; t.entry >= 0 && t.caps.allows(&toks[i]) && (german || !t.german) && (best.entry < 0 || best.to < j+1) {
						best = match{entry: t.entry, from: i, to: j + 1, kind: t.kind}
					}
				}
			}
			buf = adjectiveBases(w, buf[:0])
			for _, v := range buf {
				if nd, ok := m.edges[edgeKey{n, v}]; ok {
					if t := m.nodes[nd]; t.entry >= 0 && t.kind == aliasAdj && t.caps.allows(&toks[i]) && (german || !t.german) && (best.entry < 0 || best.to < j+1) {
						best = match{entry: t.entry, from: i, to: j + 1, kind: t.kind}
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

// wordLists are the discovery vocabularies of discovery-de.txt,
// discovery-en.txt and given-names.txt, German and English merged: news in
// one language quotes names and titles from the other.
type wordLists struct {
	role, speech, orgWord, orgTrigger, connector, location, stop map[string]bool
	nounSuffix                                                   []string
	given                                                        map[string]bool
	// German and English function words, to guess an article's language.
	de, en map[string]bool
}

func newWordLists() wordLists {
	w := wordLists{
		role: map[string]bool{}, speech: map[string]bool{}, orgWord: map[string]bool{},
		orgTrigger: map[string]bool{}, connector: map[string]bool{}, location: map[string]bool{},
		stop: map[string]bool{}, given: map[string]bool{}, de: map[string]bool{}, en: map[string]bool{},
	}
	for _, src := range []struct {
		data string
		lang map[string]bool
	}{{assets.DiscoveryDE, w.de}, {assets.DiscoveryEN, w.en}} {
		section := ""
		for _, ln := range strings.Split(src.data, "\n") {
			ln = strings.TrimSpace(ln)
			if ln == "" || strings.HasPrefix(ln, "#") {
				continue
			}
			if strings.HasPrefix(ln, "[") && strings.HasSuffix(ln, "]") {
				section = ln[1 : len(ln)-1]
				continue
			}
			f := fold(ln)
			switch section {
			case "role":
				w.role[f] = true
			case "speech":
				w.speech[f] = true
			case "orgword":
				w.orgWord[f] = true
			case "orgtrigger":
				w.orgTrigger[f] = true
			case "connector":
				w.connector[f] = true
			case "location":
				w.location[f] = true
			case "stop":
				w.stop[f] = true
				src.lang[f] = true
			case "nounsuffix":
				w.nounSuffix = append(w.nounSuffix, f)
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

// maxSuffix bounds, in bytes, the compound endings tried as roles and
// organisation triggers, so that a hostile giant word costs linear time.
const maxSuffix = 40

// isRole reports whether a folded word is a title or role, also at the end
// of a German compound ("außenamtssprecher", "us-präsident").
func (w *wordLists) isRole(f string) bool {
	if w.role[f] {
		return true
	}
	for i := max(1, len(f)-maxSuffix); i < len(f); i++ {
		if utf8.RuneStart(f[i]) && len(f)-i >= 4 && w.role[f[i:]] {
			return true
		}
	}
	return false
}

// isOrgTrigger reports whether a folded word announces an organisation's
// name, also at the end of a compound ("sicherheitsberatungsfirma").
func (w *wordLists) isOrgTrigger(f string) bool {
	if w.orgTrigger[f] {
		return true
	}
	for i := max(1, len(f)-maxSuffix); i < len(f); i++ {
		if utf8.RuneStart(f[i]) && len(f)-i >= 5 && w.orgTrigger[f[i:]] {
			return true
		}
	}
	return false
}

// nounLike reports whether a folded word ends like a German common noun
// ("Beziehungen", "Wissenschaft").
func (w *wordLists) nounLike(f string) bool {
	for _, s := range w.nounSuffix {
		if strings.HasSuffix(f, s) && len(f) > len(s)+2 {
			return true
		}
	}
	return false
}

// guessLang guesses "de" or "en" from function words, for texts whose
// language is not known.
func (w *wordLists) guessLang(toks []token) string {
	de, en := 0, 0
	for i := range toks {
		if i > 2000 {
			break
		}
		f := toks[i].fold
		if w.de[f] && !w.en[f] {
			de++
		}
		if w.en[f] && !w.de[f] {
			en++
		}
	}
	if en > de {
		return "en"
	}
	return "de"
}

// actorFor returns the actor of an entry as the user should see it: a
// library actor exactly as stored, a built-in one named in lang with the
// other language's name and the aliases as Aliases.
func (m *Matcher) actorFor(i int32, lang string) Actor {
	e := &m.entries[i]
	if e.user {
		return e.actor
	}
	b := e.builtin
	a := Actor{Name: b.name(lang), Kind: b.kind, Wikidata: b.wikidata, Note: b.note}
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

// dateline reports whether a match is part of a dateline ("Genf.",
// "Shanghai, Tokio.", "VIENNA, Nov 24 (Reuters) -", "TAIPEI —"): at most
// three capitalised words at the start of a block, followed by punctuation.
// A capital there names the place of writing, not a government.
func dateline(toks []token, mt match) bool {
	b := mt.from
	for b > 0 && toks[b].gap&gapBreak == 0 && mt.from-b <= 2 {
		b--
	}
	if mt.from-b > 2 || mt.to >= len(toks) {
		return false
	}
	for k := b; k < mt.to; k++ {
		if !toks[k].upper {
			return false
		}
	}
	return toks[mt.to].gap&(gapStop|gapComma|gapDash|gapSlash|gapOpen) != 0
}
