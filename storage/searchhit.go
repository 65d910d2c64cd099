package storage

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/fold"
)

// Hit says where a search found an article: the highlight that holds its
// words (in its quote, its note, the actors it names or the topics of its
// statements) or makes the statements its actor and topic filters ask
// for, when one does, else the stretch of text that holds most of the
// words; and a snippet of it with what was found marked.
type Hit struct {
	ArticleID   string `json:"article"`
	HighlightID string `json:"highlight,omitempty"`
	Snippet     string `json:"snippet"`
	// Marks are the byte ranges of Snippet that a search word or a
	// filter found.
	Marks [][2]int `json:"marks,omitempty"`
}

// snippetRunes is about how long a snippet is: two lines of the library
// pane, one of a terminal and a half.
const snippetRunes = 160

// SearchHits returns, for each article id, where the search q finds it
// (see Hit); articles no longer in the library are left out. Only the
// words of q and its actor and topic filters count here: the rest choose
// articles, not passages. It reads the articles, so callers ask for the
// rows they show.
func (l *Library) SearchHits(ids []string, q SearchQuery) ([]Hit, error) {
	out := make([]Hit, 0, len(ids))
	err := l.db.View(func(tx *bolt.Tx) error {
		c, err := newHitContext(tx, q)
		if err != nil {
			return err
		}
		for _, id := range ids {
			rec, err := loadRecord(tx, id)
			if err != nil {
				continue // gone since the search
			}
			h, err := c.hitOf(rec)
			if err != nil {
				return err
			}
			out = append(out, h)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading what the search found: %w", err)
	}
	return out, nil
}

// foundName is an actor or topic whose name or alias a search word finds.
type foundName struct {
	name  string
	terms []int // the words that find it
}

// namesFound are the actors and topics the words of a search find by
// name, by id.
type namesFound struct {
	actors, topics map[string]foundName
}

// namesFoundBy looks every actor and topic up by the terms: libraries
// hold hundreds of them, not millions, so a pass over each is cheaper
// than an index of their names' words to keep.
func namesFoundBy(tx *bolt.Tx, terms []queryTerm) (namesFound, error) {
	out := namesFound{actors: map[string]foundName{}, topics: map[string]foundName{}}
	if len(terms) == 0 {
		return out, nil
	}
	look := func(into map[string]foundName, id, name string, aliases []string) {
		for i, t := range terms {
			if t.matchesName(name) || anyName(t, aliases) {
				f := into[id]
				f.name = name
				f.terms = append(f.terms, i)
				into[id] = f
			}
		}
	}
	err := tx.Bucket(bActors).ForEach(func(_, v []byte) error {
		a, err := decodeActor(v)
		if err == nil {
			look(out.actors, a.ID, a.Name, a.Aliases)
		}
		return err
	})
	if err != nil {
		return out, err
	}
	err = tx.Bucket(bTopics).ForEach(func(_, v []byte) error {
		t, err := decodeTopic(v)
		if err == nil {
			look(out.topics, t.ID, t.Name, t.Aliases)
		}
		return err
	})
	return out, err
}

// refFilter is an actor or topic filter as a test of one statement.
type refFilter struct {
	topic bool // a topic filter (else an actor filter)
	keeps func(annotation.ActorRef) bool
}

// refFilters turns q's actor and topic filters into tests of statements.
func refFilters(tx *bolt.Tx, q SearchQuery) []refFilter {
	var out []refFilter
	for _, f := range q.Actors {
		out = append(out, refFilter{keeps: func(r annotation.ActorRef) bool {
			role := r.Role
			if role == "" {
				role = annotation.RoleMentioned
			}
			return r.ActorID == f.ActorID && (f.Role == "" || role == f.Role)
		}})
	}
	for _, f := range q.Topics {
		ids := f.topics(tx)
		out = append(out, refFilter{topic: true, keeps: func(r annotation.ActorRef) bool {
			return r.Topic != "" && slices.Contains(ids, r.Topic) && (f.Stance == annotation.StanceUnset || r.Stance == f.Stance)
		}})
	}
	return out
}

// hitContext is what finding the hits of one search needs, in one
// transaction: its words, the names they find, its filters, and the
// names of the actors and topics met so far.
type hitContext struct {
	tx      *bolt.Tx
	terms   []queryTerm
	found   namesFound
	filters []refFilter
	named   map[string]string // 'a'/'c' + id → name
}

func newHitContext(tx *bolt.Tx, q SearchQuery) (*hitContext, error) {
	c := &hitContext{tx: tx, filters: refFilters(tx, q), named: map[string]string{}}
	for _, t := range parseQuery(q.Text) {
		if !t.not {
			c.terms = append(c.terms, t)
		}
	}
	var err error
	c.found, err = namesFoundBy(tx, c.terms)
	return c, err
}

// name is the name of an actor (field fieldActor) or topic (fieldTopic).
func (c *hitContext) name(field byte, id string) string {
	k := string(field) + id
	if n, ok := c.named[k]; ok {
		return n
	}
	n := "(unknown)"
	if field == fieldActor {
		if a, err := loadActor(c.tx, id); err == nil {
			n = a.Name
		}
	} else if t, err := loadTopic(c.tx, id); err == nil {
		n = t.Name
	}
	c.named[k] = n
	return n
}

// fits reports whether h makes the statements every filter asks for.
func (c *hitContext) fits(h annotation.Highlight) bool {
	for _, f := range c.filters {
		if !slices.ContainsFunc(h.Actors, f.keeps) {
			return false
		}
	}
	return true
}

// hitOf finds where the search is in one article.
func (c *hitContext) hitOf(rec articleRecord) (Hit, error) {
	text, err := loadText(c.tx, rec.ID)
	if err != nil {
		return Hit{}, err
	}
	s, err := text.String()
	if err != nil {
		return Hit{}, err
	}
	hit := Hit{ArticleID: rec.ID}
	if len(c.terms) == 0 && len(c.filters) == 0 {
		hit.Snippet = cutSnippet(s, 0, 0)
		return hit, nil
	}
	hs, err := articleHighlights(c.tx, rec.ID)
	if err != nil {
		return Hit{}, err
	}
	if len(c.filters) > 0 {
		hs = slices.DeleteFunc(hs, func(h annotation.Highlight) bool { return !c.fits(h) })
	}
	if len(c.terms) == 0 {
		// Filters alone: the first statement they ask for.
		if len(hs) == 0 {
			hit.Snippet = cutSnippet(s, 0, 0)
			return hit, nil
		}
		hit.HighlightID = hs[0].ID
		hit.Snippet, hit.Marks = c.highlightSnippet(hs[0])
		return hit, nil
	}
	return c.hitOfWords(rec, s, hs, hit), nil
}

// hitOfWords finds where the words are: a highlight that holds them all,
// else the text's best stretch, led by the highlight that adds most.
func (c *hitContext) hitOfWords(rec articleRecord, s string, hs []annotation.Highlight, hit Hit) Hit {
	start, end, inText := bestStretch(s, c.terms)
	best, bestN := -1, 0
	for i, h := range hs {
		found := c.highlightFinds(h)
		if len(found) == len(c.terms) {
			hit.HighlightID = h.ID
			hit.Snippet, hit.Marks = c.highlightSnippet(h)
			return hit
		}
		// Otherwise the highlight that adds most words the text's best
		// stretch lacks.
		n := 0
		for t := range found {
			if !inText[t] {
				n++
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 && len(c.filters) > 0 && len(hs) > 0 {
		best = 0 // the statement the filters ask for leads
	}
	var lead string
	if len(inText) == 0 {
		// Found in the title, site, authors or standfirst, or only
		// through highlights: the standfirst or the text's beginning.
		lead = rec.Description
		if lead == "" {
			lead = s
		}
		lead = cutSnippet(lead, 0, 0)
	} else {
		lead = cutSnippet(s, start, end)
	}
	hit.Snippet, hit.Marks = lead, marksIn(lead, c.terms)
	if best < 0 {
		return hit
	}
	// Some words are in a highlight: it leads, with what it adds.
	h := hs[best]
	prefix, marks := c.highlightSnippet(h)
	hit.HighlightID = h.ID
	if len(inText) > 0 {
		if p, m := c.statements(h); p != "" {
			prefix, marks = p, m
		}
	}
	sep := " · "
	for _, m := range hit.Marks {
		marks = append(marks, [2]int{m[0] + len(prefix) + len(sep), m[1] + len(prefix) + len(sep)})
	}
	hit.Snippet, hit.Marks = prefix+sep+hit.Snippet, mergeMarks(marks)
	return hit
}

// statements says, marked, what of h's statements the search found: each
// whose actor or topic a word found by name, or that a filter asks for,
// as "Kim Jong-un opposes Sanktionen" ("on" without a stance; the actor
// alone without a topic).
func (c *hitContext) statements(h annotation.Highlight) (string, [][2]int) {
	var b strings.Builder
	var marks [][2]int
	seen := map[string]bool{}
	for _, r := range h.Actors {
		_, markActor := c.found.actors[r.ActorID]
		_, markTopic := c.found.topics[r.Topic]
		markTopic = markTopic && r.Topic != ""
		for _, f := range c.filters {
			if f.keeps(r) {
				markActor, markTopic = markActor || !f.topic, markTopic || f.topic
			}
		}
		if !markActor && !markTopic {
			continue
		}
		part, pm := c.statement(r, markActor, markTopic)
		if seen[part] {
			continue
		}
		seen[part] = true
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		for _, m := range pm {
			marks = append(marks, [2]int{m[0] + b.Len(), m[1] + b.Len()})
		}
		b.WriteString(part)
	}
	return b.String(), marks
}

// statement is one statement in words, with its actor's and topic's
// names marked as asked.
func (c *hitContext) statement(r annotation.ActorRef, markActor, markTopic bool) (string, [][2]int) {
	s := c.name(fieldActor, r.ActorID)
	var marks [][2]int
	if markActor {
		marks = append(marks, [2]int{0, len(s)})
	}
	if r.Topic == "" {
		return s, marks
	}
	verb := "on"
	if r.Stance != annotation.StanceUnset {
		verb = string(r.Stance)
	}
	s += " " + verb + " "
	t := c.name(fieldTopic, r.Topic)
	if markTopic {
		marks = append(marks, [2]int{len(s), len(s) + len(t)})
	}
	return s + t, marks
}

// highlightFinds are the terms a highlight holds: in its quote, its note,
// the names of its actors or the names of its statements' topics.
func (c *hitContext) highlightFinds(h annotation.Highlight) map[int]bool {
	found := map[int]bool{}
	for _, s := range []string{h.Quote.Exact, h.Note} {
		words(s, func(w string) {
			for i, t := range c.terms {
				if t.matches(w) {
					found[i] = true
				}
			}
		})
	}
	for _, r := range h.Actors {
		for _, i := range c.found.actors[r.ActorID].terms {
			found[i] = true
		}
		if r.Topic != "" {
			for _, i := range c.found.topics[r.Topic].terms {
				found[i] = true
			}
		}
	}
	return found
}

// highlightSnippet shows a highlight: the statements found (see
// statements), its quote and, when it holds a word searched for, its note.
func (c *hitContext) highlightSnippet(h annotation.Highlight) (string, [][2]int) {
	var parts []string
	st, stMarks := c.statements(h)
	if st != "" {
		parts = append(parts, st)
	}
	parts = append(parts, "“"+cutAround(h.Quote.Exact, c.terms)+"”")
	if h.Note != "" && len(marksIn(h.Note, c.terms)) > 0 {
		parts = append(parts, "Note: "+cutAround(h.Note, c.terms))
	}
	s := strings.Join(parts, " · ")
	// Names are marked whole: the reader searched for them, for an alias
	// the name does not show, or filtered by them.
	return s, mergeMarks(append(marksIn(s, c.terms), stMarks...))
}

// cutAround shortens s to about snippetRunes around its first found word.
func cutAround(s string, terms []queryTerm) string {
	m := marksIn(s, terms)
	if len(m) == 0 {
		return cutSnippet(s, 0, 0)
	}
	return cutSnippet(s, m[0][0], m[len(m)-1][1])
}

// bestStretch finds the stretch of s, about snippetRunes long, that holds
// the most different terms, and returns its bytes and the terms it holds.
func bestStretch(s string, terms []queryTerm) (start, end int, holds map[int]bool) {
	type at struct{ start, end, term int }
	var found []at
	fold.Words(s, func(w []byte, ws, we int) {
		word := string(cutWord(w))
		for i, t := range terms {
			if t.matches(word) {
				found = append(found, at{ws, we, i})
			}
		}
	})
	span := snippetRunes * 2 / 3 // bytes: most news text is one byte a letter
	count := map[int]int{}
	holds = map[int]bool{}
	lo := 0
	for hi, f := range found {
		count[f.term]++
		for found[lo].start < f.end-span {
			if count[found[lo].term]--; count[found[lo].term] == 0 {
				delete(count, found[lo].term)
			}
			lo++
		}
		if len(count) > len(holds) {
			start, end = found[lo].start, found[hi].end
			holds = map[int]bool{}
			for t := range count {
				holds[t] = true
			}
		}
	}
	return start, end, holds
}

// cutSnippet returns about snippetRunes of s around [start,end), cut at
// spaces, with an ellipsis where it was cut, on one line.
func cutSnippet(s string, start, end int) string {
	if utf8.RuneCountInString(s) <= snippetRunes {
		return oneLineSnippet(s)
	}
	room := max(0, snippetRunes-utf8.RuneCountInString(s[start:end])) / 2
	lo := start
	for i := 0; i < room && lo > 0; i++ {
		_, size := utf8.DecodeLastRuneInString(s[:lo])
		lo -= size
	}
	hi := end
	for i := 0; i < snippetRunes-utf8.RuneCountInString(s[lo:end]) && hi < len(s); i++ {
		_, size := utf8.DecodeRuneInString(s[hi:])
		hi += size
	}
	if lo > 0 {
		if sp := strings.IndexAny(s[lo:start], " \n"); sp >= 0 {
			lo += sp + 1
		}
	}
	if hi < len(s) {
		if sp := strings.LastIndexAny(s[end:hi], " \n"); sp >= 0 {
			hi = end + sp
		}
	}
	out := s[lo:hi]
	if lo > 0 {
		out = "…" + out
	}
	if hi < len(s) {
		out += "…"
	}
	return oneLineSnippet(out)
}

// oneLineSnippet joins the paragraphs of a snippet with spaces.
func oneLineSnippet(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// marksIn returns the byte ranges of s's words that the terms find.
func marksIn(s string, terms []queryTerm) [][2]int {
	var out [][2]int
	fold.Words(s, func(w []byte, start, end int) {
		word := string(cutWord(w))
		for _, t := range terms {
			if t.matches(word) {
				out = append(out, [2]int{start, end})
				return
			}
		}
	})
	return out
}

// mergeMarks sorts ranges and joins those that overlap.
func mergeMarks(m [][2]int) [][2]int {
	sort.Slice(m, func(i, j int) bool { return m[i][0] < m[j][0] })
	var out [][2]int
	for _, r := range m {
		if n := len(out); n > 0 && r[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}
