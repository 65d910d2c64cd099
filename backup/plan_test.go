package backup

import (
	"strings"
	"testing"
)

// The summary counts in words that agree with each count: "1 new
// article", never "1 new articles".
func TestSummaryAgreesWithItsCounts(t *testing.T) {
	p := &MergePlan{NewArticles: 1, NewActors: 2, NewTopics: 1, NewHighlights: 1, CorrectedArticles: 1, Preferences: map[string]string{"theme": "dark"}}
	got := p.Summary()
	for _, want := range []string{"1 new article (", "2 new actors (", "1 new topic (", "1 new highlight (", "1 preference", "corrections for 1 article already"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "(s)") || strings.Contains(got, "1 new articles") {
		t.Errorf("%q", got)
	}
}
