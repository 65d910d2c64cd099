package analysis

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func TestTimeline(t *testing.T) {
	x := NewIndex(smallCorpus())
	tests := []struct {
		name   string
		by     Period
		group  GroupBy
		ids    []string
		f      Filter
		starts []string
		series []string // "label: counts"
	}{
		// a2 is dated 00:30 on 1 November in Berlin: November, although it is 31 October in UTC.
		{"months per actor", Month, ByActor, nil, Filter{}, []string{"2024-10", "2024-11", "2024-12", "2025-01"},
			[]string{"China: [2 1 0 2]", "Kim Jong Un: [1 1 1 0]", "USA: [2 1 0 0]", "Ian Bremmer: [0 1 0 0]", "Müller, \"Hans\": [0 0 1 0]"}},
		// The periods span the selection, so that chosen series share the reader's time window.
		{"chosen actors", Month, ByActor, []string{"usa", "bremmer"}, Filter{}, []string{"2024-10", "2024-11", "2024-12", "2025-01"},
			[]string{"USA: [2 1 0 0]", "Ian Bremmer: [0 1 0 0]"}},
		{"weeks per topic", Week, ByTopic, nil, Filter{Topics: []string{"nuclear"}}, []string{"2024-W44", "2024-W45", "2024-W46",
			"2024-W47", "2024-W48", "2024-W49", "2024-W50", "2024-W51"},
			[]string{"Nuclear programme: [1 0 0 0 0 0 0 1]"}},
		{"topics leave out statements without one", Month, ByTopic, nil, Filter{Topics: []string{"security"}},
			[]string{"2024-10", "2024-11", "2024-12"}, []string{"Sanctions: [3 1 0]", "Nuclear programme: [0 1 1]"}},
		{"empty", Month, ByActor, nil, Filter{Actors: []string{"idle"}}, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl := x.Timeline(x.Select(tc.f), tc.by, tc.group, tc.ids)
			var starts, series []string
			for _, s := range tl.Starts {
				starts = append(starts, tc.by.Label(s))
			}
			for _, s := range tl.Series {
				series = append(series, fmt.Sprintf("%s: %v", s.Label, s.Counts))
				for i, st := range s.Statements {
					if len(st) != s.Counts[i] {
						t.Errorf("%s period %d: %d statements listed, %d counted", s.Label, i, len(st), s.Counts[i])
					}
				}
			}
			if !slices.Equal(starts, tc.starts) || !slices.Equal(series, tc.series) {
				t.Errorf("timeline:\n got %q %q\nwant %q %q", starts, series, tc.starts, tc.series)
			}
		})
	}
}

func TestPeriodStart(t *testing.T) {
	sunday := time.Date(2024, 11, 10, 23, 0, 0, 0, time.UTC)
	if got := Week.Start(sunday).Format(time.DateOnly); got != "2024-11-04" {
		t.Errorf("the week of Sunday 10 November starts %s, want Monday 2024-11-04", got)
	}
	if got := Week.Label(Week.Start(time.Date(2021, 1, 2, 0, 0, 0, 0, time.UTC))); got != "2020-W53" {
		t.Errorf("2 January 2021 is in ISO week %s, want 2020-W53", got)
	}
	for _, s := range []string{"", "Month", "week"} {
		if _, err := ParsePeriod(s); err != nil {
			t.Errorf("ParsePeriod(%q): %v", s, err)
		}
	}
	if _, err := ParsePeriod("fortnight"); err == nil {
		t.Error("ParsePeriod(fortnight): no error")
	}
}

func TestFrequencies(t *testing.T) {
	x := NewIndex(smallCorpus())
	var got []string
	for _, f := range x.Frequencies(x.Select(Filter{}), ByActor) {
		got = append(got, fmt.Sprintf("%s sp%d tg%d mn%d hl%d ar%d %s..%s", f.Name, f.Speaker, f.Target, f.Mentioned,
			f.Highlights, f.Articles, f.First.Format("0102"), f.Last.Format("0102")))
	}
	want := []string{"China sp1 tg1 mn3 hl5 ar3 1003..0106", "Kim Jong Un sp2 tg1 mn0 hl3 ar3 1003..1220",
		"USA sp2 tg1 mn0 hl3 ar2 1003..1101", "Ian Bremmer sp1 tg0 mn0 hl1 ar1 1101..1101", "Müller, \"Hans\" sp0 tg0 mn1 hl1 ar1 1220..1220"}
	if !slices.Equal(got, want) {
		t.Errorf("actors:\n got %q\nwant %q", got, want)
	}
	got = nil
	for _, f := range x.Frequencies(x.Select(Filter{}), ByTopic) {
		got = append(got, fmt.Sprintf("%s<%s st%d actors%d +%d -%d 0%d", f.Name, f.Kind, f.Statements, f.Actors, f.Supports, f.Opposes, f.Neutral))
	}
	want = []string{"Sanctions<Security st4 actors4 +2 -2 00", "Nuclear programme<Security st2 actors2 +1 -0 01"}
	if !slices.Equal(got, want) {
		t.Errorf("topics:\n got %q\nwant %q", got, want)
	}
}
