package export

import (
	"strings"
	"testing"
)

func TestMerge3(t *testing.T) {
	tests := []struct {
		name            string
		base, cur, next string
		want            string
		conflicts       int
	}{
		{"nobody changed", "a|b|c", "a|b|c", "a|b|c", "a|b|c", 0},
		{"only Dramatis", "a|b|c", "a|b|c", "a|B|c|d", "a|B|c|d", 0},
		{"only the reader", "a|b|c", "a|b|mine|c", "a|b|c", "a|b|mine|c", 0},
		{"reader deletes a line", "a|b|c", "a|c", "a|b|c", "a|c", 0},
		{"reader adds under a line Dramatis rewrites", "q|act|n", "q|act|mine|n", "q|ACT|n", "q|ACT|mine|n", 0},
		{"reader adds above a line Dramatis rewrites", "q|act|n", "q|mine|act|n", "q|ACT|n", "q|mine|ACT|n", 0},
		{"Dramatis deletes a highlight next to the reader's line", "h1|x|h2|y", "h1|x|mine|h2|y", "h2|y", "mine|h2|y", 0},
		{"same change on both sides", "a|b|c", "a|B|c", "a|B|c", "a|B|c", 0},
		{"both change a line", "a|b|c", "a|mine|c", "a|B|c", "a|mine|c", 1},
		{"reader changes a line Dramatis deletes", "a|b|c", "a|b mine|c", "a|c", "a|b mine|c", 1},
		{"both insert at one place", "a|c", "a|mine|c", "a|new|c", "a|mine|c", 1},
		{"Dramatis rewrites everything", "a|b|c", "a|b|mine|c", "x|y|z", "a|b|mine|c", 1},
		{"changes far apart", "a|b|c|d|e", "mine|a|b|c|d|e", "a|b|c|d|E", "mine|a|b|c|d|E", 0},
		{"empty base", "", "mine", "new", "mine", 1},
		{"reader empties it", "a|b", "", "a|B", "", 1},
	}
	split := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, "|")
	}
	for _, tt := range tests {
		m := merge3(lineHashes(split(tt.base)), split(tt.cur), split(tt.next))
		if got := strings.Join(m.texts(), "|"); got != tt.want || m.conflicts != tt.conflicts {
			t.Errorf("%s: got %q with %d conflicts, want %q with %d", tt.name, got, m.conflicts, tt.want, tt.conflicts)
		}
	}
}

func TestMerge2KeepsEveryLine(t *testing.T) {
	m, kept := merge2(strings.Split("a|old|b|mine", "|"), strings.Split("a|b|new", "|"))
	if got := strings.Join(m.texts(), "|"); got != "a|old|b|mine|new" || kept != 2 {
		t.Errorf("got %q, kept %d", got, kept)
	}
}
