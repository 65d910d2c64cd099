package cli

import (
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/storage"
)

// An article's date is the page's own: a page published at 00:30 in
// Berlin is of that day for a reader in New York too, where the moment
// falls on the day before.
func TestArticleDateIsThePagesDay(t *testing.T) {
	saved := time.Local
	time.Local = time.FixedZone("EST", -5*3600) // New York in November
	t.Cleanup(func() { time.Local = saved })
	berlin := time.FixedZone("CET", 3600)
	tests := []struct {
		name string
		info storage.ArticleInfo
		want string
	}{
		{"published just after midnight", storage.ArticleInfo{Published: time.Date(2024, 11, 8, 0, 30, 0, 0, berlin)}, "2024-11-08"},
		{"published in UTC", storage.ArticleInfo{Published: time.Date(2024, 11, 8, 1, 0, 0, 0, time.UTC)}, "2024-11-08"},
		{"only added, on the reader's calendar", storage.ArticleInfo{Added: time.Date(2024, 11, 8, 2, 0, 0, 0, time.UTC)}, "2024-11-07"},
	}
	for _, tt := range tests {
		if got := articleDate(tt.info); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}
