package analysis

import (
	"slices"
	"strings"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
)

// Filter chooses the statements an analysis counts. Every field that is
// set narrows the selection; the zero Filter keeps every statement. Lists
// keep a statement that matches any of their entries.
type Filter struct {
	// From and To bound the statements' dates: From inclusive, To
	// exclusive (ToDay gives the end of a day a reader names). Zero is
	// open.
	From, To time.Time
	// Actors, Topics and Articles are ids. A topic also selects the
	// topics under it.
	Actors, Topics, Articles []string
	// Sites are compared ignoring case.
	Sites   []string
	Kinds   []annotation.Kind
	Roles   []annotation.Role
	Stances []Stance
	// NoOrphans leaves out highlights that lost their place in the text.
	NoOrphans bool
}

// ToDay returns the exclusive end of the day d falls on, for a To that
// includes the day a reader typed ("--to 2024-11-30").
func ToDay(d time.Time) time.Time {
	y, m, day := d.Date()
	return time.Date(y, m, day+1, 0, 0, 0, 0, d.Location())
}

// Select returns the indices of the statements f keeps, in date order.
func (x *Index) Select(f Filter) []int {
	m := x.matcher(f)
	out := make([]int, 0, len(x.Statements))
	for i := range x.Statements {
		if m.keeps(&x.Statements[i]) {
			out = append(out, i)
		}
	}
	return out
}

// matcher is a Filter compiled against an index: sets of indices instead
// of lists of ids.
type matcher struct {
	x                        *Index
	f                        Filter
	actors, topics, articles map[int]bool
	sites                    map[string]bool
}

func (x *Index) matcher(f Filter) matcher {
	m := matcher{x: x, f: f, actors: indexSet(f.Actors, x.ActorIndex), articles: indexSet(f.Articles, x.ArticleIndex)}
	if len(f.Topics) > 0 {
		m.topics = indexSet(f.Topics, x.TopicIndex)
		for i, t := range x.Corpus.Topics {
			if t.Parent != "" && m.topics[x.TopicIndex(t.Parent)] {
				m.topics[i] = true
			}
		}
	}
	if len(f.Sites) > 0 {
		m.sites = map[string]bool{}
		for _, s := range f.Sites {
			m.sites[strings.ToLower(strings.TrimSpace(s))] = true
		}
	}
	return m
}

// indexSet resolves ids to a set of indices; nil when ids is empty (no
// narrowing), an empty set when none resolves (nothing matches).
func indexSet(ids []string, idx func(string) int) map[int]bool {
	if len(ids) == 0 {
		return nil
	}
	set := make(map[int]bool, len(ids))
	for _, id := range ids {
		if i := idx(id); i >= 0 {
			set[i] = true
		}
	}
	return set
}

// keeps reports whether the filter keeps s.
func (m *matcher) keeps(s *Statement) bool {
	f, c := &m.f, m.x.Corpus
	switch {
	case !f.From.IsZero() && s.Date.Before(f.From),
		!f.To.IsZero() && !s.Date.Before(f.To),
		m.actors != nil && !m.actors[s.Actor],
		m.articles != nil && !m.articles[s.Article],
		m.topics != nil && (s.Topic < 0 || !m.topics[s.Topic]),
		len(f.Roles) > 0 && !slices.Contains(f.Roles, s.Role),
		len(f.Stances) > 0 && !slices.Contains(f.Stances, s.Stance),
		len(f.Kinds) > 0 && !slices.Contains(f.Kinds, c.Actors[s.Actor].Kind),
		f.NoOrphans && c.Highlights[s.Highlight].Orphaned != "",
		m.sites != nil && !m.sites[strings.ToLower(c.Articles[s.Article].Site)]:
		return false
	}
	return true
}
