package analysis

import (
	"cmp"
	"slices"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
)

// Statement is one claim of one highlight, resolved against the corpus:
// indices into the corpus's slices, the role, the stance and the date of
// the article it was made in. Topic is -1 when the claim names none.
type Statement struct {
	Article   int
	Highlight int
	Actor     int
	Topic     int
	// Claim is the claim's place among its highlight's claims.
	Claim  int
	Role   annotation.Role
	Stance Stance
	Date   time.Time
}

// Index is a corpus made ready for analysis: every statement resolved,
// in date order, with lookups by id. Build it once per corpus; every
// selection, network, table and timeline reads it and none changes it,
// so one Index may serve several goroutines.
type Index struct {
	Corpus     *Corpus
	Statements []Statement
	actors     map[string]int
	topics     map[string]int
	articles   map[string]int
}

// NewIndex resolves c's highlights into statements. A claim whose actor
// or article is not in the corpus is left out; a topic that is not is
// dropped from its claim (the claim still counts for its actor).
func NewIndex(c *Corpus) *Index {
	x := &Index{Corpus: c, actors: make(map[string]int, len(c.Actors)),
		topics: make(map[string]int, len(c.Topics)), articles: make(map[string]int, len(c.Articles))}
	for i, a := range c.Actors {
		x.actors[a.ID] = i
	}
	for i, t := range c.Topics {
		x.topics[t.ID] = i
	}
	for i, a := range c.Articles {
		x.articles[a.ID] = i
	}
	for hi, h := range c.Highlights {
		ai, ok := x.articles[h.ArticleID]
		if !ok {
			continue
		}
		date := c.Articles[ai].Date()
		for ci, cl := range h.Claims {
			act, ok := x.actors[cl.Actor]
			if !ok {
				continue
			}
			top, ok := x.topics[cl.Topic]
			if !ok {
				top = -1
			}
			st := cl.Stance
			if top < 0 {
				st = StanceUnset
			}
			x.Statements = append(x.Statements, Statement{Article: ai, Highlight: hi, Actor: act,
				Topic: top, Claim: ci, Role: cl.Role, Stance: st, Date: date})
		}
	}
	// A total order (claim last), so that the faster unstable sort gives
	// the same order on every run.
	hs := c.Highlights
	slices.SortFunc(x.Statements, func(a, b Statement) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Article, b.Article); c != 0 {
			return c
		}
		if c := cmp.Compare(hs[a.Highlight].Start, hs[b.Highlight].Start); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Highlight, b.Highlight); c != 0 {
			return c
		}
		return cmp.Compare(a.Claim, b.Claim)
	})
	return x
}

// ActorIndex returns the index of the actor with id, or -1.
func (x *Index) ActorIndex(id string) int { return lookup(x.actors, id) }

// TopicIndex returns the index of the topic with id, or -1.
func (x *Index) TopicIndex(id string) int { return lookup(x.topics, id) }

// ArticleIndex returns the index of the article with id, or -1.
func (x *Index) ArticleIndex(id string) int { return lookup(x.articles, id) }

func lookup(m map[string]int, id string) int {
	if i, ok := m[id]; ok {
		return i
	}
	return -1
}

// Span returns the dates of the first and last statement in sel (zero
// times when sel is empty).
func (x *Index) Span(sel []int) (first, last time.Time) {
	for _, i := range sel {
		d := x.Statements[i].Date
		if first.IsZero() || d.Before(first) {
			first = d
		}
		if d.After(last) {
			last = d
		}
	}
	return first, last
}

// Highlights returns the highlights the statements sel come from, each
// once, in the order of sel: the passages behind a node, an edge or a bar.
func (x *Index) Highlights(sel []int) []int {
	seen := make(map[int]bool, len(sel))
	var out []int
	for _, i := range sel {
		h := x.Statements[i].Highlight
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out
}
