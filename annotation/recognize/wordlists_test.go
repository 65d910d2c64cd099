package recognize

import (
	"slices"
	"testing"
)

// TestNewWordLists: every section of the discovery files lands in its own
// list, folded, from either language. (A word may stand in two sections:
// "für" is a connector and a stop word.)
func TestNewWordLists(t *testing.T) {
	w := newWordLists()
	sets := map[string]map[string]bool{
		"role": w.role, "speech": w.speech, "orgword": w.orgWord, "orgtrigger": w.orgTrigger,
		"connector": w.connector, "location": w.location, "stop": w.stop, "cue": w.cue,
		"given": w.given, "region": w.region, "regionstart": w.regionStart,
	}
	cases := []struct{ section, word string }{
		{"role", "fraktionsvize"},
		{"role", "experts"},
		{"speech", "sagte"},
		{"speech", "said"},
		{"orgword", "institut"},
		{"orgtrigger", "thinktank"},
		{"connector", "für"},
		{"location", "aus"},
		{"stop", "werks"},
		{"cue", "carmaker"},
		{"given", "annalena"},
		{"region", "indo pacific"},
		{"regionstart", "indo"},
	}
	for _, c := range cases {
		if !sets[c.section][c.word] {
			t.Errorf("%s lacks %q", c.section, c.word)
		}
	}
	if !slices.Contains(w.nounSuffix, "ungen") {
		t.Errorf("nounSuffix %v lacks %q", w.nounSuffix, "ungen")
	}
}
