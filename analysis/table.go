package analysis

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
)

// Row is one statement as a table shows it: the columns, every
// reference spelt out.
type Row struct {
	ArticleID string    `json:"article_id"`
	Title     string    `json:"title"`
	Site      string    `json:"site"`
	URL       string    `json:"url"`
	Published time.Time `json:"published,omitzero"`
	Date      string    `json:"date"`
	Highlight string    `json:"highlight_id"`
	Quote     string    `json:"quote"`
	ActorID   string    `json:"actor_id"`
	Actor     string    `json:"actor"`
	Kind      string    `json:"kind"`
	Role      string    `json:"role"`
	TopicID   string    `json:"topic_id"`
	Topic     string    `json:"topic"`
	Stance    string    `json:"stance"`
	Note      string    `json:"note"`
	Orphaned  string    `json:"orphaned"`
}

// Rows returns the statements sel as table rows, in date order.
func (x *Index) Rows(sel []int) []Row {
	c := x.Corpus
	out := make([]Row, 0, len(sel))
	for _, si := range sel {
		s := &x.Statements[si]
		a, h, act := &c.Articles[s.Article], &c.Highlights[s.Highlight], &c.Actors[s.Actor]
		r := Row{ArticleID: a.ID, Title: a.Title, Site: a.Site, URL: a.URL, Published: a.Published,
			Date: s.Date.Format(time.DateOnly), Highlight: h.ID, Quote: h.Quote, ActorID: act.ID,
			Actor: act.Name, Kind: string(act.Kind), Role: string(s.Role), Stance: string(s.Stance),
			Note: h.Note, Orphaned: h.Orphaned}
		if s.Topic >= 0 {
			r.TopicID, r.Topic = c.Topics[s.Topic].ID, c.Topics[s.Topic].Name
		}
		out = append(out, r)
	}
	return out
}

// Frequency counts one actor's or topic's statements in a selection.
type Frequency struct {
	ID, Name string
	// Kind is the actor's kind; for a topic, the name of its parent.
	Kind                             string
	Statements, Highlights, Articles int
	// Speaker, Target and Mentioned count an actor's statements by role;
	// for a topic, Actors counts the actors that made them.
	Speaker, Target, Mentioned, Actors int
	Supports, Opposes, Neutral         int
	First, Last                        time.Time
}

// Frequencies counts the statements sel per actor (group ByActor) or per
// topic, busiest first: the frequency table a spreadsheet sorts.
func (x *Index) Frequencies(sel []int, group GroupBy) []Frequency {
	at := map[int]int{}
	var out []Frequency
	seen := map[[3]int]bool{} // (row, kind of thing, thing) already counted
	for _, si := range sel {
		s := &x.Statements[si]
		key := s.Actor
		if group == ByTopic {
			key = s.Topic
		}
		if key < 0 {
			continue
		}
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			out = append(out, x.frequencyOf(group, key))
		}
		f := &out[i]
		f.Statements++
		if !seen[[3]int{i, 0, s.Highlight}] {
			seen[[3]int{i, 0, s.Highlight}] = true
			f.Highlights++
		}
		if !seen[[3]int{i, 1, s.Article}] {
			seen[[3]int{i, 1, s.Article}] = true
			f.Articles++
		}
		if group == ByTopic && !seen[[3]int{i, 2, s.Actor}] {
			seen[[3]int{i, 2, s.Actor}] = true
			f.Actors++
		}
		f.countRole(s.Role)
		f.countStance(s.Stance)
		if f.First.IsZero() || s.Date.Before(f.First) {
			f.First = s.Date
		}
		if s.Date.After(f.Last) {
			f.Last = s.Date
		}
	}
	slices.SortStableFunc(out, func(a, b Frequency) int {
		if c := cmp.Compare(b.Statements, a.Statements); c != 0 {
			return c
		}
		return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	return out
}

func (x *Index) frequencyOf(group GroupBy, i int) Frequency {
	if group == ByTopic {
		t := x.Corpus.Topics[i]
		return Frequency{ID: t.ID, Name: t.Name, Kind: x.topicName(t.Parent)}
	}
	a := x.Corpus.Actors[i]
	return Frequency{ID: a.ID, Name: a.Name, Kind: string(a.Kind)}
}

func (f *Frequency) countRole(role annotation.Role) {
	switch role {
	case annotation.RoleSpeaker:
		f.Speaker++
	case annotation.RoleTarget:
		f.Target++
	default:
		f.Mentioned++
	}
}

// RoleCount is how many of an actor's statements are in role r.
func (f *Frequency) RoleCount(r annotation.Role) int {
	switch r {
	case annotation.RoleSpeaker:
		return f.Speaker
	case annotation.RoleTarget:
		return f.Target
	}
	return f.Mentioned
}

func (f *Frequency) countStance(s Stance) {
	switch s {
	case StanceSupports:
		f.Supports++
	case StanceOpposes:
		f.Opposes++
	case StanceNeutral:
		f.Neutral++
	}
}
