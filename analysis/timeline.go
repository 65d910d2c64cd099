package analysis

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Period is the width of a timeline's bins.
type Period string

// The periods a timeline bins by.
const (
	Week  Period = "week"
	Month Period = "month"
)

// ParsePeriod reads a period as a reader types it.
func ParsePeriod(s string) (Period, error) {
	switch p := Period(strings.ToLower(strings.TrimSpace(s))); p {
	case Week, Month:
		return p, nil
	case "":
		return Month, nil
	}
	return "", fmt.Errorf("no period %q: choose week or month", s)
}

// Start returns the start of the period t falls in, in t's own time zone
// (an article published at 00:30 in Berlin on 1 November counts for
// November): the first of the month, or the Monday of the ISO week.
func (p Period) Start(t time.Time) time.Time {
	y, m, d := t.Date()
	if p == Week {
		back := (int(t.Weekday()) + 6) % 7 // days since Monday
		return time.Date(y, m, d-back, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
}

// Next returns the start of the period after the one starting at s.
func (p Period) Next(s time.Time) time.Time {
	if p == Week {
		return s.AddDate(0, 0, 7)
	}
	return s.AddDate(0, 1, 0)
}

// Label names the period starting at s as ISO 8601 does: "2024-11" for a
// month, "2024-W45" for a week.
func (p Period) Label(s time.Time) string {
	if p == Week {
		y, w := s.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	}
	return s.Format("2006-01")
}

// GroupBy says what a timeline's series are.
type GroupBy string

// What a timeline can count per period.
const (
	ByActor GroupBy = "actor"
	ByTopic GroupBy = "topic"
)

// Series is one actor's or topic's count per period.
type Series struct {
	ID, Label, Color string
	Total            int
	Counts           []int
	// Statements per period (indices into Index.Statements), for the
	// passages behind a bar.
	Statements [][]int
}

// Timeline counts statements per period, one series per actor or topic.
// Periods run without gaps from the first statement's to the last's.
type Timeline struct {
	By     Period
	Group  GroupBy
	Starts []time.Time
	Series []Series
}

// Timeline bins the statements sel by period, one series per actor (or
// topic) in ids, or per actor (topic) with statements in sel when ids is
// empty; series are busiest first. Statements without a topic are not in
// a topic timeline.
func (x *Index) Timeline(sel []int, by Period, group GroupBy, ids []string) *Timeline {
	tl := &Timeline{By: by, Group: group}
	if len(sel) == 0 {
		return tl
	}
	// Periods are taken in each article's own zone, so the first and last
	// periods come from the periods of the statements, not their instants.
	first, last := by.Start(x.Statements[sel[0]].Date), time.Time{}
	for _, si := range sel {
		s := by.Start(x.Statements[si].Date)
		if s.Before(first) {
			first = s
		}
		if s.After(last) {
			last = s
		}
	}
	for s := first; !s.After(last); s = by.Next(s) {
		tl.Starts = append(tl.Starts, s)
	}
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	at := map[int]int{}
	for _, si := range sel {
		s := &x.Statements[si]
		key := s.Actor
		if group == ByTopic {
			key = s.Topic
		}
		if key < 0 {
			continue
		}
		id, label, color := x.seriesName(group, key)
		if len(want) > 0 && !want[id] {
			continue
		}
		i, ok := at[key]
		if !ok {
			i = len(tl.Series)
			at[key] = i
			tl.Series = append(tl.Series, Series{ID: id, Label: label, Color: color,
				Counts: make([]int, len(tl.Starts)), Statements: make([][]int, len(tl.Starts))})
		}
		bin := tl.bin(by.Start(s.Date))
		sr := &tl.Series[i]
		sr.Total++
		sr.Counts[bin]++
		sr.Statements[bin] = append(sr.Statements[bin], si)
	}
	slices.SortStableFunc(tl.Series, func(a, b Series) int {
		if c := cmp.Compare(b.Total, a.Total); c != 0 {
			return c
		}
		return cmp.Compare(strings.ToLower(a.Label), strings.ToLower(b.Label))
	})
	return tl
}

// bin returns the index of the period starting at s.
func (tl *Timeline) bin(s time.Time) int {
	i, _ := slices.BinarySearchFunc(tl.Starts, s, func(a, b time.Time) int { return a.Compare(b) })
	return i
}

// seriesName returns the id, name and colour of an actor or topic.
func (x *Index) seriesName(group GroupBy, i int) (id, label, color string) {
	if group == ByTopic {
		t := x.Corpus.Topics[i]
		return t.ID, t.Name, t.Color
	}
	a := x.Corpus.Actors[i]
	return a.ID, a.Name, a.Color
}
