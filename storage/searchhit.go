package storage

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/fold"
)

// Hit says where a search found an article: the highlight that holds its
// words (in its quote, its note or the actors it names), when one does,
// else the stretch of text that holds most of them; and a snippet of it
// with the words found marked.
type Hit struct {
	ArticleID   string `json:"article"`
	HighlightID string `json:"highlight,omitempty"`
	Snippet     string `json:"snippet"`
	// Marks are the byte ranges of Snippet that a search word found.
	Marks [][2]int `json:"marks,omitempty"`
}

// snippetRunes is about how long a snippet is: two lines of the library
// pane, one of a terminal and a half.
const snippetRunes = 160

// SearchHits returns, for each article id, where the search text finds it
// (see Hit); articles no longer in the library are left out. It reads the
// articles, so callers ask for the rows they show.
func (l *Library) SearchHits(ids []string, text string) ([]Hit, error) {
	var terms []queryTerm
	for _, t := range parseQuery(text) {
		if !t.not {
			terms = append(terms, t)
		}
	}
	out := make([]Hit, 0, len(ids))
	err := l.db.View(func(tx *bolt.Tx) error {
		names, err := actorNamesFound(tx, terms)
		if err != nil {
			return err
		}
		for _, id := range ids {
			rec, err := loadRecord(tx, id)
			if err != nil {
				continue // gone since the search
			}
			h, err := hitOf(tx, rec, terms, names)
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

// foundActor is an actor whose name or alias a search word finds.
type foundActor struct {
	name  string
	terms []int // the words that find it
}

// actorNamesFound maps the ids of actors found by the terms to their names.
func actorNamesFound(tx *bolt.Tx, terms []queryTerm) (map[string]foundActor, error) {
	out := map[string]foundActor{}
	if len(terms) == 0 {
		return out, nil
	}
	err := tx.Bucket(bActors).ForEach(func(_, v []byte) error {
		a, err := decodeActor(v)
		if err != nil {
			return err
		}
		for i, t := range terms {
			if t.matchesName(a.Name) || anyName(t, a.Aliases) {
				f := out[a.ID]
				f.name = a.Name
				f.terms = append(f.terms, i)
				out[a.ID] = f
			}
		}
		return nil
	})
	return out, err
}

// hitOf finds where the terms are in one article.
func hitOf(tx *bolt.Tx, rec articleRecord, terms []queryTerm, names map[string]foundActor) (Hit, error) {
	text, err := loadText(tx, rec.ID)
	if err != nil {
		return Hit{}, err
	}
	s, err := text.String()
	if err != nil {
		return Hit{}, err
	}
	hit := Hit{ArticleID: rec.ID}
	if len(terms) == 0 {
		hit.Snippet = cutSnippet(s, 0, 0)
		return hit, nil
	}
	hs, err := articleHighlights(tx, rec.ID)
	if err != nil {
		return Hit{}, err
	}
	start, end, inText := bestStretch(s, terms)
	best, bestN := -1, 0
	for i, h := range hs {
		found := highlightFinds(h, terms, names)
		if len(found) == len(terms) {
			hit.HighlightID = h.ID
			hit.Snippet, hit.Marks = highlightSnippet(h, terms, names)
			return hit, nil
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
	hit.Snippet, hit.Marks = lead, marksIn(lead, terms)
	if best >= 0 {
		// Some words are in a highlight: it leads, with what it adds.
		h := hs[best]
		var prefix string
		var marks [][2]int
		prefix, marks = highlightSnippet(h, terms, names)
		hit.HighlightID = h.ID
		if len(inText) > 0 {
			prefix, marks = actorsFound(h, names)
			if prefix == "" {
				prefix, marks = highlightSnippet(h, terms, names)
			}
		}
		sep := " · "
		for _, m := range hit.Marks {
			marks = append(marks, [2]int{m[0] + len(prefix) + len(sep), m[1] + len(prefix) + len(sep)})
		}
		hit.Snippet, hit.Marks = prefix+sep+hit.Snippet, mergeMarks(marks)
	}
	return hit, nil
}

// actorsFound lists the actors of h whose names the search found, marked.
func actorsFound(h annotation.Highlight, names map[string]foundActor) (string, [][2]int) {
	var s string
	var marks [][2]int
	for _, r := range h.Actors {
		if f, ok := names[r.ActorID]; ok {
			if s != "" {
				s += ", "
			}
			marks = append(marks, [2]int{len(s), len(s) + len(f.name)})
			s += f.name
		}
	}
	return s, marks
}

// highlightFinds are the terms a highlight holds: in its quote, its note
// or the names of its actors.
func highlightFinds(h annotation.Highlight, terms []queryTerm, names map[string]foundActor) map[int]bool {
	found := map[int]bool{}
	for _, s := range []string{h.Quote.Exact, h.Note} {
		words(s, func(w string) {
			for i, t := range terms {
				if t.matches(w) {
					found[i] = true
				}
			}
		})
	}
	for _, r := range h.Actors {
		for _, i := range names[r.ActorID].terms {
			found[i] = true
		}
	}
	return found
}

// highlightSnippet shows a highlight: the actors found by name, its quote
// and, when it holds a word searched for, its note.
func highlightSnippet(h annotation.Highlight, terms []queryTerm, names map[string]foundActor) (string, [][2]int) {
	var parts []string
	for _, r := range h.Actors {
		if f, ok := names[r.ActorID]; ok {
			parts = append(parts, f.name)
		}
	}
	quote := "“" + cutAround(h.Quote.Exact, terms) + "”"
	parts = append(parts, quote)
	if h.Note != "" && len(marksIn(h.Note, terms)) > 0 {
		parts = append(parts, "Note: "+cutAround(h.Note, terms))
	}
	s := strings.Join(parts, " · ")
	marks := marksIn(s, terms)
	// An actor's name is marked whole: the reader searched for it, or for
	// an alias the name does not show.
	at := 0
	for _, r := range h.Actors {
		if f, ok := names[r.ActorID]; ok {
			marks = append(marks, [2]int{at, at + len(f.name)})
			at += len(f.name) + len(" · ")
		}
	}
	return s, mergeMarks(marks)
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
