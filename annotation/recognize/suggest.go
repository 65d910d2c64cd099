package recognize

import (
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// Suggestion is an actor proposed for a passage, for the actor picker.
type Suggestion struct {
	// Actor is the actor: a library actor exactly as stored (ID set), a
	// built-in one (no ID; named in the article's language with the other
	// language's name among its Aliases), or a discovered candidate (only
	// Name and Kind).
	Actor annotation.Actor `json:"actor"`
	// Known is true for library and built-in actors, false for candidates
	// discovered in the passage or the article.
	Known bool `json:"known"`
	// Spans are the mentions in the passage, as code point offsets into the
	// passage, half-open, in reading order.
	Spans [][2]int `json:"spans"`
	// Score orders suggestions: library actors (0.9–1), built-in ones
	// (0.6–0.7), candidates (0.3–0.4); within a group more mentions and an
	// earlier first mention rank higher.
	Score float64 `json:"score"`
	// Key is the stable key of a known actor (see Candidate.Key).
	Key string `json:"key,omitempty"`
}

// articleCache keeps the discovery of the last article a passage came from,
// so that opening the picker repeatedly on one article does not rediscover
// it each time. It is keyed by the block texts, not the joined text: the
// same article's blocks are the same strings, which compare without reading
// them, while joining a book-length article costs milliseconds and megabytes
// on every Suggest.
type articleCache struct {
	blocks []string
	lang   string
	// done is closed once found is set: a Suggest that comes while
	// Prepare still reads the same article waits for it instead of
	// reading the article a second time.
	done  chan struct{}
	found []*found
}

// holds reports whether the cache is for blocks in lang.
func (c *articleCache) holds(blocks []article.Block, lang string) bool {
	if c == nil || c.lang != lang || len(c.blocks) != len(blocks) {
		return false
	}
	for i, bl := range blocks {
		if c.blocks[i] != bl.Text {
			return false
		}
	}
	return true
}

// Suggest proposes the actors of a passage: the known actors it mentions
// (by name, alias, capital, demonym or inflected form), then people and
// organisations discovered in the passage, or discovered in the article
// and mentioned in the passage by a short form ("Bremmers" for Ian Bremmer
// named earlier). art may be nil; its Lang picks the language of built-in
// names (guessed from the passage when empty). Best first.
func (m *Matcher) Suggest(passage string, art *article.Article) []Suggestion {
	toks := tokenize(passage)
	if len(toks) == 0 {
		return nil
	}
	lang := ""
	if art != nil {
		lang = art.Lang
	}
	if lang == "" {
		lang = guessLang(passage)
	}
	// Names discovered in the whole article, to find those the passage only
	// mentions by a short form, and to confirm vague aliases ("Allianz").
	var fromArticle []*found
	if art != nil {
		fromArticle = m.articleFound(art, lang)
	}
	local := m.discover(passage, toks, lang, licensedBy(fromArticle))
	l := &suggestionList{m: m, lang: lang, index: map[string]int{}}
	claimed := make([]bool, len(toks))
	l.addKnown(local, toks, claimed)
	l.addArticleNames(fromArticle, toks, claimed)
	l.addDiscovered(local, fromArticle)
	return l.ranked(utf8.RuneCountInString(passage))
}

// licensedBy returns the known actors among the names of an article (nil
// when there are none): their mention there confirms their vague aliases
// in a passage.
func licensedBy(fromArticle []*found) map[int32]bool {
	var licensed map[int32]bool
	for _, af := range fromArticle {
		if af.entry >= 0 {
			if licensed == nil {
				licensed = map[int32]bool{}
			}
			licensed[af.entry] = true
		}
	}
	return licensed
}

// suggestionList collects the suggestions for one passage, one per actor:
// a second mention of the same actor adds its spans.
type suggestionList struct {
	m     *Matcher
	lang  string
	out   []Suggestion
	index map[string]int // by Key, or kind and name for a discovered one
}

// add adds the mentions of f, as a new suggestion or to the one for the
// same actor.
func (l *suggestionList) add(f *found) {
	key := f.Key
	if key == "" {
		key = string(f.Kind) + ":" + f.Name
	}
	if i, ok := l.index[key]; ok {
		l.out[i].Spans = append(l.out[i].Spans, f.spans...)
		return
	}
	s := Suggestion{Known: f.Known, Spans: append([][2]int(nil), f.spans...), Key: f.Key}
	if f.entry >= 0 {
		s.Actor = l.m.actorFor(f.entry, l.lang)
	} else {
		s.Actor = annotation.Actor{Name: f.Name, Kind: f.Kind}
	}
	l.index[key] = len(l.out)
	l.out = append(l.out, s)
}

// addKnown adds the known actors found in the passage and claims their
// words.
func (l *suggestionList) addKnown(local []*found, toks []token, claimed []bool) {
	for _, f := range local {
		if f.entry >= 0 {
			l.add(f)
			markSpans(toks, f.spans, claimed)
		}
	}
}

// addArticleNames adds the names discovered in the article that the
// passage mentions in one of their forms, in words not claimed yet.
func (l *suggestionList) addArticleNames(fromArticle []*found, toks []token, claimed []bool) {
	for _, af := range fromArticle {
		if af.entry >= 0 {
			continue
		}
		spans := findForms(toks, af.forms, claimed)
		if len(spans) == 0 {
			continue
		}
		l.add(&found{Candidate: af.Candidate, entry: -1, spans: spans})
	}
}

// addDiscovered adds the names discovered in the passage itself; one that
// is a short form of a name of the article counts as that name.
func (l *suggestionList) addDiscovered(local, fromArticle []*found) {
	for _, f := range local {
		if f.entry >= 0 {
			continue
		}
		dup := false
		for _, af := range fromArticle {
			if af.entry < 0 && af.Kind == f.Kind && (sameWords(af.words, f.words) || hasForm(af.forms, f.words)) {
				if i, ok := l.index[string(af.Kind)+":"+af.Name]; ok {
					l.out[i].Spans = mergeSpans(l.out[i].Spans, f.spans)
				} else {
					l.add(&found{Candidate: af.Candidate, entry: -1, spans: f.spans})
				}
				dup = true
				break
			}
		}
		if !dup {
			l.add(f)
		}
	}
}

// ranked scores the suggestions for a passage of passageLen code points
// and returns them best first.
func (l *suggestionList) ranked(passageLen int) []Suggestion {
	out := l.out
	for i := range out {
		out[i].Spans = mergeSpans(nil, out[i].Spans)
		out[i].Score = score(&out[i], passageLen)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Spans[0][0] < out[j].Spans[0][0]
	})
	return out
}

// Scores of the three groups of suggestions, 0.3 apart: library actors
// first (the reader's own), then built-in ones, then names discovered. What
// mentions and an early first mention add within a group (at most
// maxCountedMentions × scorePerMention + scoreEarly = 0.1) never lifts a
// suggestion into the group above.
const (
	scoreLibrary       = 0.9
	scoreBuiltin       = 0.6
	scoreDiscovered    = 0.3
	scorePerMention    = 0.015
	maxCountedMentions = 5 // more mentions in one passage say no more
	scoreEarly         = 0.025
)

// score ranks a suggestion: its group first (library, built-in, discovered),
// then the number of mentions and how early the first one is.
func score(s *Suggestion, passageLen int) float64 {
	base := scoreDiscovered
	switch {
	case s.Actor.ID != "":
		base = scoreLibrary
	case s.Known:
		base = scoreBuiltin
	}
	n := min(len(s.Spans), maxCountedMentions)
	early := 0.0
	if passageLen > 0 && len(s.Spans) > 0 {
		early = 1 - float64(s.Spans[0][0])/float64(passageLen)
	}
	return base + scorePerMention*float64(n) + scoreEarly*early
}

// Prepare finds the names of a whole article ahead of the first Suggest
// for one of its passages, which otherwise pays for it: on a book-length
// article that is most of a second. Safe to call from another goroutine
// while Suggest runs; an article without a language is left to Suggest.
func (m *Matcher) Prepare(art *article.Article) {
	if art != nil && art.Lang != "" {
		m.articleFound(art, art.Lang)
	}
}

// articleFound returns the discovery of the whole article, from the cache
// when the article's blocks are the ones seen last (waiting for it when
// another goroutine is still discovering them).
func (m *Matcher) articleFound(art *article.Article, lang string) []*found {
	m.mu.Lock()
	c := m.cache
	if c.holds(art.Blocks, lang) {
		m.mu.Unlock()
		<-c.done
		return c.found
	}
	c = &articleCache{blocks: make([]string, len(art.Blocks)), lang: lang, done: make(chan struct{})}
	for i, bl := range art.Blocks {
		c.blocks[i] = bl.Text
	}
	m.cache = c
	m.mu.Unlock()
	defer close(c.done)
	text := articleHead(art.Text(), articleBytes)
	c.found = m.discover(text, tokenize(text), lang, nil)
	return c.found
}

// articleBytes is how much of an article, from its start, the discovery
// of its names reads. A book-length article (3 MB) is read whole; a page
// of 30 MB, ten times the longest article, is no article, and reading it
// whole took 2.4 to 5.6 s and 1.1 GB (its first 4 MB: 0.9 s, 164 MB),
// during which a Suggest for it waits. Names
// are introduced in full early on; a passage further down still gets the
// known actors and the names it spells out itself.
const articleBytes = 4 << 20

// articleHead is the start of text up to about limit bytes, ended at a
// space so that no word is cut.
func articleHead(text string, limit int) string {
	if len(text) <= limit {
		return text
	}
	head := text[:limit]
	if i := strings.LastIndexAny(head, " \n"); i > 0 {
		return head[:i]
	}
	for len(head) > 0 && !utf8.RuneStart(text[len(head)]) {
		head = head[:len(head)-1]
	}
	return head
}

// markSpans marks the tokens inside spans as taken.
func markSpans(toks []token, spans [][2]int, claimed []bool) {
	for _, sp := range spans {
		k := sort.Search(len(toks), func(i int) bool { return toks[i].start >= sp[0] })
		for ; k < len(toks) && toks[k].end <= sp[1]; k++ {
			claimed[k] = true
		}
	}
}

// findForms finds the forms (folded word sequences) of an article name in
// the passage's free capitalised words, the last word possibly inflected,
// and marks them taken.
func findForms(toks []token, forms [][]string, claimed []bool) [][2]int {
	var out [][2]int
	var buf []string
	for i := 0; i < len(toks); i++ {
		if claimed[i] || !toks[i].upper {
			continue
		}
		best := 0
		for _, f := range forms {
			n := len(f)
			if n <= best || i+n > len(toks) {
				continue
			}
			ok := true
			for k := 0; k < n && ok; k++ {
				t := &toks[i+k]
				if claimed[i+k] || (k > 0 && t.gap.hard()) {
					ok = false
					break
				}
				if t.fold == f[k] {
					continue
				}
				ok = false
				if k == n-1 {
					buf = baseForms(t.fold, buf[:0])
					for _, v := range buf {
						if v == f[k] {
							ok = true
						}
					}
				}
			}
			if ok {
				best = n
			}
		}
		if best > 0 {
			out = append(out, [2]int{toks[i].start, toks[i+best-1].end})
			for k := i; k < i+best; k++ {
				claimed[k] = true
			}
			i += best - 1
		}
	}
	return out
}

// sameWords reports whether two folded word lists are equal.
func sameWords(a, b []string) bool {
	return len(a) == len(b) && hasPrefix(a, b)
}

// hasForm reports whether words is one of forms.
func hasForm(forms [][]string, words []string) bool {
	for _, f := range forms {
		if sameWords(f, words) {
			return true
		}
	}
	return false
}

// mergeSpans returns the union of two span lists, sorted, without
// duplicates.
func mergeSpans(a, b [][2]int) [][2]int {
	all := append(append([][2]int(nil), a...), b...)
	sort.Slice(all, func(i, j int) bool {
		if all[i][0] != all[j][0] {
			return all[i][0] < all[j][0]
		}
		return all[i][1] < all[j][1]
	})
	out := all[:0]
	for _, s := range all {
		if len(out) > 0 && out[len(out)-1] == s {
			continue
		}
		out = append(out, s)
	}
	return out
}

// Lookup finds actors by what the user types in the picker: every actor
// with a name or alias that starts with the query (case-insensitively),
// library actors first, then built-in ones; within each group names that
// match exactly, then shorter names. lang picks the language of built-in
// names. At most limit results (all when limit <= 0).
func (m *Matcher) Lookup(query, lang string, limit int) []Suggestion {
	q := fold(strings.TrimSpace(norm.NFC.String(query)))
	if q == "" {
		return nil
	}
	type hit struct {
		entry int32
		exact bool
		n     int
	}
	var hits []hit
	for i := range m.entries {
		best := hit{entry: -1}
		for _, f := range m.entries[i].folded {
			if !strings.HasPrefix(f, q) {
				continue
			}
			h := hit{entry: int32(i), exact: f == q, n: len(f)}
			if best.entry < 0 || (h.exact && !best.exact) || (h.exact == best.exact && h.n < best.n) {
				best = h
			}
		}
		if best.entry >= 0 {
			hits = append(hits, best)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		ui, uj := m.entries[hits[i].entry].user, m.entries[hits[j].entry].user
		if ui != uj {
			return ui
		}
		if hits[i].exact != hits[j].exact {
			return hits[i].exact
		}
		return hits[i].n < hits[j].n
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]Suggestion, len(hits))
	for i, h := range hits {
		a := m.actorFor(h.entry, lang)
		base := scoreBuiltin
		if a.ID != "" {
			base = scoreLibrary
		}
		out[i] = Suggestion{Actor: a, Known: true, Key: m.keyOf(h.entry), Score: base}
	}
	return out
}
