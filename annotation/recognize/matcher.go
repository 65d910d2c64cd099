// The matcher: the trie of the known actors' names and aliases (the
// library's first, then the built-ins'), how it is built, and the actors
// its entries stand for.

package recognize

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/ascii"
	"github.com/dramatis-app/dramatis/internal/words"
	"golang.org/x/text/unicode/norm"
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
