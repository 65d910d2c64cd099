package cli

import (
	"testing"

	"github.com/dramatis-app/dramatis/storage"
)

// What a deletion removes is counted in words that agree with the counts.
func TestDeletionWhatCounts(t *testing.T) {
	one := storage.ArticleInfo{ID: "a1", Title: "Eins", Highlights: 1}
	none := storage.ArticleInfo{ID: "a2", Title: "Zwei"}
	three := storage.ArticleInfo{ID: "a3", Title: "Drei", Highlights: 3}
	for _, c := range []struct {
		infos []storage.ArticleInfo
		want  string
	}{
		{[]storage.ArticleInfo{one}, "article a1 " + shortQuote("Eins") + " and its 1 highlight"},
		{[]storage.ArticleInfo{three}, "article a3 " + shortQuote("Drei") + " and its 3 highlights"},
		{[]storage.ArticleInfo{none}, "article a2 " + shortQuote("Zwei")},
		{[]storage.ArticleInfo{one, none}, "2 articles and their 1 highlight"},
		{[]storage.ArticleInfo{one, three}, "2 articles and their 4 highlights"},
	} {
		if got := deletionWhat(c.infos); got != c.want {
			t.Errorf("deletionWhat = %q, want %q", got, c.want)
		}
	}
}
