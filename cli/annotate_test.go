package cli

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// --quote ranges are whole characters as readers see them: a quote that
// matches only inside a cluster is widened to it, and a match inside a
// cluster does not count while whole matches exist.
func TestLocateQuoteSnapsToGraphemes(t *testing.T) {
	text := "Flaggen 🇩🇪🇫🇷 am Rathaus, die Familie 👨\u200d👩\u200d👧 und 👨 allein, Daumen 👍🏽."
	at := func(s string) int { return utf8.RuneCountInString(text[:strings.Index(text, s)]) }
	for _, tc := range []struct {
		quote      string
		occurrence int
		want       string
		err        string
	}{
		{"🇪🇫", 0, "🇩🇪🇫🇷", ""}, // straddles two flags: both
		{"🇩", 0, "🇩🇪", ""},    // half a flag: the flag
		{"👨", 0, "👨", ""},     // the man alone, not the family's first member
		{"👨", 2, "", "occurs 1 time in"},
		{"👩", 0, "👨\u200d👩\u200d👧", ""},  // found only inside the family: the family
		{"Daumen 👍", 0, "Daumen 👍🏽", ""}, // no lone skin-tone modifier left behind
		{"🏽", 0, "👍🏽", ""},
		{"Rathaus", 0, "Rathaus", ""},
	} {
		start, end, err := locateQuote(text, tc.quote, tc.occurrence, "A1")
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q #%d: %v, want an error saying %q", tc.quote, tc.occurrence, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.quote, err)
			continue
		}
		if got := string([]rune(text)[start:end]); got != tc.want {
			t.Errorf("%q: [%d, %d) = %q, want %q", tc.quote, start, end, got, tc.want)
		}
	}
	if s, _, _ := locateQuote(text, "👨", 0, "A1"); s != at("👨 allein") {
		t.Errorf("the lone man found at %d, want %d", s, at("👨 allein"))
	}
}
