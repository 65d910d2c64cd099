package analysis

import (
	"slices"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
)

// statementKeys names the statements sel as "highlight:actor".
func statementKeys(x *Index, sel []int) []string {
	out := make([]string, len(sel))
	for i, si := range sel {
		s := x.Statements[si]
		out[i] = x.Corpus.Highlights[s.Highlight].ID + ":" + x.Corpus.Actors[s.Actor].ID
	}
	slices.Sort(out)
	return out
}

func TestSelect(t *testing.T) {
	x := NewIndex(smallCorpus())
	nov := time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"actor", Filter{Actors: []string{"kim"}}, []string{"h1:kim", "h3:kim", "h5:kim"}},
		{"unknown actor matches nothing", Filter{Actors: []string{"nobody-at-all"}}, []string{}},
		{"parent topic selects its children", Filter{Topics: []string{"security"}},
			[]string{"h1:kim", "h2:china", "h2:usa", "h3:usa", "h4:bremmer", "h5:kim"}},
		{"topic", Filter{Topics: []string{"nuclear"}}, []string{"h3:usa", "h5:kim"}},
		{"stance", Filter{Stances: []Stance{StanceOpposes}}, []string{"h1:kim", "h2:china"}},
		{"role", Filter{Roles: []annotation.Role{annotation.RoleTarget}}, []string{"h1:usa", "h3:kim", "h4:china"}},
		{"kind", Filter{Kinds: []annotation.Kind{annotation.KindPerson}, Stances: []Stance{StanceSupports}}, []string{"h4:bremmer"}},
		{"site ignores case", Filter{Sites: []string{"REUTERS"}}, []string{"h3:kim", "h3:usa", "h4:bremmer", "h4:china"}},
		{"articles", Filter{Articles: []string{"a3", "a4"}}, []string{"h5:kim", "h5:mueller", "h6:china", "h8:china"}},
		{"no orphans", Filter{NoOrphans: true, Articles: []string{"a2"}}, []string{"h3:kim", "h3:usa"}},
		// a2 was published at 00:30 in Berlin on 1 November: 31 October in UTC, before From.
		{"from", Filter{From: nov}, []string{"h5:kim", "h5:mueller", "h6:china", "h8:china"}},
		{"to is exclusive, ToDay includes the day", Filter{To: ToDay(time.Date(2024, 10, 3, 0, 0, 0, 0, time.UTC))},
			[]string{"h1:china", "h1:kim", "h1:usa", "h2:china", "h2:usa"}},
		{"undated article dated by when it was added", Filter{From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)},
			[]string{"h6:china", "h8:china"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := statementKeys(x, x.Select(tc.f))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Select = %v\nwant     %v", got, tc.want)
			}
		})
	}
	if got := len(x.Select(Filter{})); got != len(x.Statements) {
		t.Errorf("the zero filter kept %d of %d statements", got, len(x.Statements))
	}
}

func TestFindAndParse(t *testing.T) {
	c := smallCorpus()
	c.Actors[2].Aliases = []string{"Peking", "VR China"}
	c.Topics[1].Aliases = []string{"Sanktionen"}
	for in, want := range map[string]string{"kim jong un": "kim", "PEKING": "china", "usa": "usa", "Bremmer": ""} {
		got, err := c.FindActor(in)
		if got != want || (err != nil) != (want == "") {
			t.Errorf("FindActor(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]string{"sanktionen": "sanctions", "Nuclear Programme": "nuclear", "nuclear": "nuclear", "Atom": ""} {
		got, err := c.FindTopic(in)
		if got != want || (err != nil) != (want == "") {
			t.Errorf("FindTopic(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]Stance{"+": StanceSupports, "opp": StanceOpposes, "−": StanceOpposes, "0": StanceNeutral, "neutral": StanceNeutral, "none": StanceUnset} {
		if got, err := ParseStance(in); got != want || err != nil {
			t.Errorf("ParseStance(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"su", "yes", "supportsx"} {
		if _, err := ParseStance(in); err == nil {
			t.Errorf("ParseStance(%q): no error", in)
		}
	}
}
