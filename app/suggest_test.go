package app

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// passageHead keeps a passage within the limit whole, and cuts a longer
// one before the word the limit falls in, or, inside a single long word,
// at a character boundary.
func TestPassageHead(t *testing.T) {
	tests := []struct {
		name, passage string
		limit         int
		want          string
	}{
		{"within", "China und Russland", 18, "China und Russland"},
		{"inside a word", "China und Russland", 12, "China und"},
		{"at a space", "China und Russland", 9, "China"},
		{"one long word", "Pjöngjang", 3, "Pj"},
		{"line break", "Xi Jinping\n\nPeking", 14, "Xi Jinping\n"},
	}
	for _, tt := range tests {
		got := passageHead(tt.passage, tt.limit)
		if got != tt.want || !utf8.ValidString(got) || len(got) > tt.limit {
			t.Errorf("%s: passageHead(%q, %d) = %q, want %q", tt.name, tt.passage, tt.limit, got, tt.want)
		}
	}
}

// The picker for a passage of megabytes still suggests the actors its
// start names, from its first suggestBytes.
func TestSuggestOnHugePassage(t *testing.T) {
	a, _ := newTestApp(t, Options{NoDemo: true})
	passage := strings.Repeat("Der Bundeskanzler sagte in Berlin, China müsse mehr tun. ", 30*suggestBytes/57)
	var names []string
	for _, s := range a.ctl.suggest(passage) {
		names = append(names, s.Name)
	}
	if !strings.Contains(strings.Join(names, "|"), "China") {
		t.Errorf("suggestions for the huge passage: %v", names)
	}
}
