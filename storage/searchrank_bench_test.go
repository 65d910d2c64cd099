package storage_test

import (
	"context"
	"testing"

	"github.com/dramatis-app/dramatis/internal/libgen"
	"github.com/dramatis-app/dramatis/internal/testkit"
	"github.com/dramatis-app/dramatis/storage"
)

// rankBenchArticles is the size of a library a reader calls normal.
const rankBenchArticles = 50000

// rankLibrary opens a generated library of rankBenchArticles articles with
// a complete search index, read-only: from DRAMATIS_SEARCHRANK_CACHE when
// set (kept between runs), else built in the benchmark's temporary folder
// (a few minutes).
func rankLibrary(b *testing.B) *storage.Library {
	if _, err := libgen.FindCorpus(); err != nil {
		b.Skip("no ../shared/corpus: the library is built from the corpus pages")
	}
	path := testkit.CachedLibrary(b, "DRAMATIS_SEARCHRANK_CACHE", rankBenchArticles, func(path string) error {
		_, err := libgen.Build(path, libgen.Options{Articles: rankBenchArticles})
		return err
	})
	lib, err := storage.OpenWith(path, storage.Options{StartBackup: func(string) {}})
	if err != nil {
		b.Fatal(err)
	}
	if err := lib.BuildSearchIndexNow(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	if err := lib.Close(); err != nil {
		b.Fatal(err)
	}
	lib, err = storage.OpenWith(path, storage.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = lib.Close() })
	return lib
}

// BenchmarkSearchRank times the searches a reader types most, at 50,000
// articles: one word, two words and a quoted phrase, best match first.
// found is how many articles each finds.
func BenchmarkSearchRank(b *testing.B) {
	lib := rankLibrary(b)
	for _, c := range []struct{ name, text string }{
		{"one-word", "Regierung"},
		{"two-words", "Regierung Minister"},
		{"phrase", `"der Bundesregierung"`},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			found := 0
			for i := 0; i < b.N; i++ {
				res, err := lib.Search(storage.SearchQuery{Text: c.text, Sort: storage.SortRelevance})
				if err != nil {
					b.Fatal(err)
				}
				if !res.Index.Ready {
					b.Fatalf("the index is not complete: %+v", res.Index)
				}
				found = len(res.IDs)
			}
			b.ReportMetric(float64(found), "found")
		})
	}
}
