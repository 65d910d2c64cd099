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

// maxRegionWords bounds the region names tried, in tokens ("Straße von
// Hormus" is three, "Indo-Pacific" two); the longest in the word lists has
// three.
const maxRegionWords = 4

// isRegion reports whether tokens [from, to) name a geographic region
// ("Indo-Pacific", "Naher Osten"), which is neither a person nor an
// organisation.
func (d *discovery) isRegion(from, to int) bool {
	if to-from > maxRegionWords || to <= from || !d.m.words.regionStart[d.toks[from].fold] {
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
