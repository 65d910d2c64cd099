package app

import (
	"testing"

	"github.com/dramatis-app/dramatis/storage"
)

// The status line after a re-import says when highlights now sit on
// changed words, apart from those that only moved.
func TestImportStatusSaysQuotedTextChanged(t *testing.T) {
	for _, tc := range []struct {
		res  storage.ImportResult
		want string
	}{
		{storage.ImportResult{Outcome: storage.ImportUpdated, TextChanged: true, Highlights: 3, Moved: 2, QuoteChanged: 1},
			"Updated the article from page.html: 2 highlights moved, 1 highlight's quoted text changed."},
		{storage.ImportResult{Outcome: storage.ImportUpdated, TextChanged: true, Highlights: 2, QuoteChanged: 2},
			"Updated the article from page.html: 2 highlights' quoted text changed."},
		{storage.ImportResult{Outcome: storage.ImportUpdated, TextChanged: true, Highlights: 2, Moved: 2},
			"Updated the article from page.html: 2 highlights moved."},
	} {
		if got := importStatus("page.html", tc.res); got != tc.want {
			t.Errorf("importStatus(%+v) = %q, want %q", tc.res, got, tc.want)
		}
	}
}
