package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/libgen"
	"github.com/dramatis-app/dramatis/storage"
)

// searchScaleHighlights is how many highlights each article of the search
// benchmark's libraries has: issue 14's budget is for 10,000 articles
// with 100,000 highlights.
const searchScaleHighlights = 10

// searchLibrary returns a generated library of n articles with
// searchScaleHighlights highlights each and a complete search index: from
// DRAMATIS_SEARCH_SCALE_CACHE when set (kept between runs), else built in
// the benchmark's temporary folder.
func searchLibrary(b *testing.B, n int) string {
	dir := os.Getenv("DRAMATIS_SEARCH_SCALE_CACHE")
	if dir == "" {
		dir = b.TempDir()
	}
	path := filepath.Join(dir, fmt.Sprintf("libgen-%d", n), "library.db")
	if _, err := os.Stat(path); err != nil {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			b.Fatal(err)
		}
		tmp := path + ".building"
		os.Remove(tmp)
		st, err := libgen.Build(tmp, libgen.Options{Articles: n, Highlights: searchScaleHighlights})
		if err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
		b.Log(st)
	}
	lib, err := storage.OpenWith(path, storage.Options{StartBackup: func(string) {}}) // no daily copy of a test library
	if err != nil {
		b.Fatal(err)
	}
	defer lib.Close()
	if err := lib.BuildSearchIndex(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	return path
}

// searchOp is one search the benchmark times on an open library.
type searchOp struct {
	name string
	run  func(b *testing.B, l *storage.Library, actor annotation.Actor) int
}

// searchOps are what a reader asks the library pane and 'dramatis
// search': a word found nowhere (issue 13's row), two words in either
// order, a word inside longer words, an actor in a role with a date
// range, filters alone, and the window's list: every id in order plus
// the first screenful of rows.
func searchOps() []searchOp {
	ids := func(b *testing.B, l *storage.Library, q storage.SearchQuery) int {
		res, err := l.Search(q)
		if err != nil {
			b.Fatal(err)
		}
		if !res.Index.Ready {
			b.Fatalf("the index is not complete: %+v", res.Index)
		}
		return len(res.IDs)
	}
	text := func(s string) func(*testing.B, *storage.Library, annotation.Actor) int {
		return func(b *testing.B, l *storage.Library, _ annotation.Actor) int {
			return ids(b, l, storage.SearchQuery{Text: s})
		}
	}
	return []searchOp{
		{"no-hit", text("qxzvbw")},
		{"two-words", text("regierung minister")},
		{"inside-words", text("sanktion")},
		{"actor-role-date", func(b *testing.B, l *storage.Library, a annotation.Actor) int {
			return ids(b, l, storage.SearchQuery{Actors: []storage.ActorFilter{{ActorID: a.ID, Role: annotation.RoleSpeaker}},
				Since: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
		}},
		{"filters", func(b *testing.B, l *storage.Library, _ annotation.Actor) int {
			return ids(b, l, storage.SearchQuery{HasOrphans: true, Site: "e", Sort: storage.SortPublished})
		}},
		{"window-list", func(b *testing.B, l *storage.Library, _ annotation.Actor) int {
			res, err := l.Search(storage.SearchQuery{})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := l.ArticleInfos(res.IDs[:min(60, len(res.IDs))]); err != nil {
				b.Fatal(err)
			}
			return len(res.IDs)
		}},
	}
}

// BenchmarkSearchScale times searches at 1k, 10k and 50k articles (10
// highlights each; issue 13's search row and issue 14's budget: under
// 100 ms at 10,000 articles with 100,000 highlights, and at 50,000 too).
// As BenchmarkScale, each iteration runs every size in turn and the
// medians and ratios to 1k are reported. DRAMATIS_SCALE_SIZES selects
// sizes; DRAMATIS_SEARCH_SCALE_CACHE keeps the libraries between runs.
func BenchmarkSearchScale(b *testing.B) {
	if _, err := libgen.FindCorpus(); err != nil {
		b.Skip("no ../shared/corpus: the scale libraries are built from the corpus pages")
	}
	want := os.Getenv("DRAMATIS_SCALE_SIZES")
	type sized struct {
		name  string
		lib   *storage.Library
		actor annotation.Actor
	}
	var libs []sized
	for _, size := range scaleSizes {
		if want != "" && !strings.Contains(","+want+",", ","+size.name+",") {
			continue
		}
		lib, err := storage.OpenWith(searchLibrary(b, size.n), storage.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		defer lib.Close()
		actors, err := lib.Actors()
		if err != nil || len(actors) == 0 {
			b.Fatalf("actors: %d, %v", len(actors), err)
		}
		libs = append(libs, sized{size.name, lib, actors[0]})
	}
	var rows []scaleRow
	last := map[string]int{}
	for _, op := range searchOps() {
		b.Run(op.name, func(b *testing.B) {
			samples := make([][]time.Duration, len(libs))
			found := make([]int, len(libs))
			for i := 0; i < b.N; i++ {
				for j, l := range libs {
					began := time.Now()
					found[j] = op.run(b, l.lib, l.actor)
					samples[j] = append(samples[j], time.Since(began))
				}
			}
			var base time.Duration
			for j, l := range libs {
				m := median(samples[j])
				if j == 0 {
					base = m
				}
				b.ReportMetric(float64(m.Microseconds())/1000, "ms-"+l.name)
				if j > 0 && base > 0 {
					b.ReportMetric(float64(m)/float64(base), "x"+l.name)
				}
				b.ReportMetric(float64(found[j]), "found-"+l.name)
				row := scaleRow{op.name, l.name, m, 0, float64(m) / float64(base)}
				if i, ok := last[op.name+l.name]; ok {
					rows[i] = row
				} else {
					last[op.name+l.name] = len(rows)
					rows = append(rows, row)
				}
			}
		})
	}
	logScaleTable(b, rows)
}
