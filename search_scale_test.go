package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/libgen"
	"github.com/dramatis-app/dramatis/internal/testkit"
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
	path := testkit.CachedLibrary(b, "DRAMATIS_SEARCH_SCALE_CACHE", n, func(path string) error {
		st, err := libgen.Build(path, libgen.Options{Articles: n, Highlights: searchScaleHighlights})
		if err == nil {
			b.Log(st)
		}
		return err
	})
	lib, err := storage.OpenWith(path, storage.Options{StartBackup: func(string) {}}) // no daily copy of a test library
	if err != nil {
		b.Fatal(err)
	}
	defer lib.Close()
	if err := addScaleTopics(lib); err != nil {
		b.Fatal(err)
	}
	if err := lib.BuildSearchIndex(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	return path
}

// The statements of the search benchmark's libraries: scaleTopicParents
// top-level topics with scaleTopicChildren under each, so that a child is
// on about one highlight in 40 and a parent with its children on one in
// ten (at 10 highlights an article: a child in a fifth of the articles, a
// parent in two thirds, the hard case for a filter).
const (
	scaleTopicParents  = 10
	scaleTopicChildren = 3
	// scaleTopicBatch highlights are rewritten per transaction.
	scaleTopicBatch = 5000
)

// addScaleTopics gives a generated library its topics once: every
// highlight's first actor a statement on one of them, with a stance in
// three of four, the same on every run. A library that has topics is left
// as it is.
func addScaleTopics(lib *storage.Library) error {
	if ts, err := lib.Topics(); err != nil || len(ts) > 0 {
		return err
	}
	var topics []annotation.Topic
	for p := 0; p < scaleTopicParents; p++ {
		parent := annotation.Topic{ID: fmt.Sprintf("01SCALETOPIC%014d", p*10), Name: fmt.Sprintf("Thema %d", p)}
		topics = append(topics, parent)
		for c := 1; c <= scaleTopicChildren; c++ {
			topics = append(topics, annotation.Topic{ID: fmt.Sprintf("01SCALETOPIC%014d", p*10+c),
				Name: fmt.Sprintf("Unterthema %d.%d", p, c), Parent: parent.ID})
		}
	}
	if err := lib.PutBatch(storage.Batch{Topics: topics}); err != nil {
		return err
	}
	infos, err := lib.Articles()
	if err != nil {
		return err
	}
	stances := []annotation.Stance{annotation.StanceSupports, annotation.StanceOpposes, annotation.StanceNeutral, annotation.StanceUnset}
	rng := rand.New(rand.NewPCG(14, 14))
	var batch []annotation.Highlight
	for _, info := range infos {
		hs, err := lib.Highlights(info.ID)
		if err != nil {
			return err
		}
		for _, h := range hs {
			if len(h.Actors) == 0 {
				continue
			}
			h.Actors[0].Topic = topics[rng.IntN(len(topics))].ID
			h.Actors[0].Stance = stances[rng.IntN(len(stances))]
			batch = append(batch, h)
		}
		if len(batch) >= scaleTopicBatch {
			if err := lib.PutBatch(storage.Batch{Highlights: batch}); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return lib.PutBatch(storage.Batch{Highlights: batch})
}

// scaleTags are the actor and topics the benchmark's searches ask for.
type scaleTags struct {
	actor         annotation.Actor
	parent, child annotation.Topic
}

// searchOp is one search the benchmark times on an open library.
type searchOp struct {
	name string
	run  func(b *testing.B, l *storage.Library, tags scaleTags) int
}

// searchOps are what a reader asks the library pane and 'dramatis
// search': a word found nowhere (issue 13's row), two words in either
// order, a word inside longer words, an actor in a role with a date
// range, filters alone, and the window's list: every id in order plus
// the first screenful of rows; and issue 14's topics: a topic, a parent
// with its children in a stance, a topic's name as a word, a topic with
// words, and the window's search by topic with the snippets of a
// screenful.
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
	text := func(s string) func(*testing.B, *storage.Library, scaleTags) int {
		return func(b *testing.B, l *storage.Library, _ scaleTags) int {
			return ids(b, l, storage.SearchQuery{Text: s})
		}
	}
	return []searchOp{
		{"no-hit", text("qxzvbw")},
		{"two-words", text("regierung minister")},
		{"inside-words", text("sanktion")},
		{"actor-role-date", func(b *testing.B, l *storage.Library, t scaleTags) int {
			return ids(b, l, storage.SearchQuery{Actors: []storage.ActorFilter{{ActorID: t.actor.ID, Role: annotation.RoleSpeaker}},
				Since: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
		}},
		{"filters", func(b *testing.B, l *storage.Library, _ scaleTags) int {
			return ids(b, l, storage.SearchQuery{HasOrphans: true, Site: "e", Sort: storage.SortPublished})
		}},
		{"window-list", func(b *testing.B, l *storage.Library, _ scaleTags) int {
			res, err := l.Search(storage.SearchQuery{})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := l.ArticleInfos(res.IDs[:min(60, len(res.IDs))]); err != nil {
				b.Fatal(err)
			}
			return len(res.IDs)
		}},
		{"topic", func(b *testing.B, l *storage.Library, t scaleTags) int {
			return ids(b, l, storage.SearchQuery{Topics: []storage.TopicFilter{{TopicID: t.child.ID}}})
		}},
		{"topic-parent-stance", func(b *testing.B, l *storage.Library, t scaleTags) int {
			return ids(b, l, storage.SearchQuery{Topics: []storage.TopicFilter{{TopicID: t.parent.ID, Stance: annotation.StanceOpposes}}})
		}},
		{"topic-name", func(b *testing.B, l *storage.Library, t scaleTags) int {
			return ids(b, l, storage.SearchQuery{Text: t.child.Name})
		}},
		{"topic-words-actor", func(b *testing.B, l *storage.Library, t scaleTags) int {
			return ids(b, l, storage.SearchQuery{Text: "regierung", Topics: []storage.TopicFilter{{TopicID: t.parent.ID}},
				Actors: []storage.ActorFilter{{ActorID: t.actor.ID}}})
		}},
		{"window-topic-snippets", func(b *testing.B, l *storage.Library, t scaleTags) int {
			q := storage.SearchQuery{Text: "regierung", Topics: []storage.TopicFilter{{TopicID: t.parent.ID, Stance: annotation.StanceSupports}}}
			res, err := l.Search(q)
			if err != nil {
				b.Fatal(err)
			}
			shown := res.IDs[:min(60, len(res.IDs))]
			if _, err := l.ArticleInfos(shown); err != nil {
				b.Fatal(err)
			}
			if _, err := l.SearchHits(shown, q); err != nil {
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
		name string
		lib  *storage.Library
		tags scaleTags
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
		tags := scaleTags{actor: actors[0]}
		topics, err := lib.Topics()
		for _, t := range topics {
			if t.Parent != "" && tags.child.ID == "" {
				tags.child = t
			}
		}
		for _, t := range topics {
			if t.ID == tags.child.Parent {
				tags.parent = t
			}
		}
		if err != nil || tags.parent.ID == "" {
			b.Fatalf("topics: %d, %v", len(topics), err)
		}
		libs = append(libs, sized{size.name, lib, tags})
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
					found[j] = op.run(b, l.lib, l.tags)
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
