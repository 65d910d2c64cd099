package plural

import "testing"

func TestCounts(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{Of(0, "highlight"), "0 highlights"},
		{Of(1, "highlight"), "1 highlight"},
		{Of(2, "highlight"), "2 highlights"},
		{Of(-1, "edge"), "-1 edges"},
		{Of(1, "orphaned highlight"), "1 orphaned highlight"},
		{Irregular(1, "entry", "entries"), "1 entry"},
		{Irregular(12, "entry", "entries"), "12 entries"},
		{Word(1, "loses", "lose"), "loses"},
		{Word(0, "loses", "lose"), "lose"},
		{Word(7, "is", "are"), "are"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
