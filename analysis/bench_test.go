package analysis

import (
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
)

// benchCorpus makes a library of the size class: articles with
// highlights each naming two to four actors, drawn with a Zipf skew (a few
// actors are in most of the news, most actors in a few articles), half
// of the claims on a topic with a stance. Deterministic.
func benchCorpus(articles, highlights, actors, topics int) *Corpus {
	return randomCorpus(rand.New(rand.NewPCG(1, 2)), articles, highlights, actors, topics)
}

// randomCorpus makes a library as benchCorpus does, drawn from r.
func randomCorpus(r *rand.Rand, articles, highlights, actors, topics int) *Corpus {
	c := &Corpus{}
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range articles {
		c.Articles = append(c.Articles, Article{ID: fmt.Sprintf("a%06d", i), Title: fmt.Sprintf("Article %d", i),
			Site: fmt.Sprintf("site%d.example", i%40), Published: start.Add(time.Duration(r.IntN(5*365*24)) * time.Hour)})
	}
	for i := range actors {
		c.Actors = append(c.Actors, annotation.Actor{ID: fmt.Sprintf("act%05d", i), Name: fmt.Sprintf("Actor %d", i),
			Kind: annotation.Kinds[i%len(annotation.Kinds)], Color: "#4363d8"})
	}
	for i := range topics {
		c.Topics = append(c.Topics, Topic{ID: fmt.Sprintf("top%03d", i), Name: fmt.Sprintf("Topic %d", i)})
	}
	actorZipf := rand.NewZipf(r, 1.1, 4, uint64(actors-1))
	topicZipf := rand.NewZipf(r, 1.2, 2, uint64(topics-1))
	roles := []annotation.Role{annotation.RoleSpeaker, annotation.RoleTarget, annotation.RoleMentioned}
	for i := range highlights {
		h := Highlight{ID: fmt.Sprintf("h%07d", i), ArticleID: c.Articles[i%articles].ID, Start: i, Quote: "a passage"}
		for range 2 + r.IntN(3) {
			cl := Claim{Actor: c.Actors[actorZipf.Uint64()].ID, Role: roles[r.IntN(3)]}
			if r.IntN(2) == 0 {
				cl.Topic, cl.Stance = c.Topics[topicZipf.Uint64()].ID, annotation.Stances[r.IntN(3)]
			}
			h.Claims = append(h.Claims, cl)
		}
		c.Highlights = append(c.Highlights, h)
	}
	return c
}

// Sizes: the library (10,000 articles, ~100,000 statements from
// 33,000 highlights, 2,000 actors), the brief's 10,000 highlights, and
// 50,000 articles with three highlights each (the scale library).
var benchSizes = []struct {
	name                                 string
	articles, highlights, actors, topics int
}{
	{"10k-highlights", 2000, 10000, 500, 30},
	{"issue-100k-statements", 10000, 33000, 2000, 60},
	{"50k-articles", 50000, 150000, 2000, 60},
}

// loop runs fn b.N times and reports, beside the wall time, the CPU time
// per run (cpu-ms/op): on a machine shared with other builds the wall
// time grows with the load, the CPU time much less.
func loop(b *testing.B, fn func()) {
	b.Helper()
	start := cpuTime()
	for b.Loop() {
		fn()
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

func BenchmarkNewIndex(b *testing.B) {
	for _, sz := range benchSizes {
		c := benchCorpus(sz.articles, sz.highlights, sz.actors, sz.topics)
		b.Run(sz.name, func(b *testing.B) {
			loop(b, func() { NewIndex(c) })
		})
	}
}

func BenchmarkNetwork(b *testing.B) {
	for _, sz := range benchSizes {
		x := NewIndex(benchCorpus(sz.articles, sz.highlights, sz.actors, sz.topics))
		b.Logf("%s: %d statements", sz.name, len(x.Statements))
		for _, kind := range EdgeKinds {
			b.Run(sz.name+"/"+string(kind), func(b *testing.B) {
				sel := x.Select(Filter{})
				loop(b, func() {
					if _, err := x.Network(sel, NetworkOptions{Edges: kind}); err != nil {
						b.Fatal(err)
					}
				})
			})
			// What the window asks for: the edges the layout reads.
			b.Run(sz.name+"/"+string(kind)+"/top", func(b *testing.B) {
				sel := x.Select(Filter{})
				loop(b, func() {
					if _, err := x.Network(sel, NetworkOptions{Edges: kind, Top: LayoutEdges}); err != nil {
						b.Fatal(err)
					}
				})
			})
		}
	}
}

func BenchmarkLayout(b *testing.B) {
	sz := benchSizes[1]
	x := NewIndex(benchCorpus(sz.articles, sz.highlights, sz.actors, sz.topics))
	n, _ := x.Network(x.Select(Filter{}), NetworkOptions{Edges: EdgesCooccurrence})
	b.Logf("%d nodes, %d edges", len(n.Nodes), len(n.Edges))
	loop(b, func() { Layout(n) })
}

func BenchmarkStatementsCSV(b *testing.B) {
	sz := benchSizes[1]
	x := NewIndex(benchCorpus(sz.articles, sz.highlights, sz.actors, sz.topics))
	sel := x.Select(Filter{})
	loop(b, func() {
		if err := WriteStatementsCSV(io.Discard, x.Rows(sel)); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkSelect(b *testing.B) {
	sz := benchSizes[1]
	x := NewIndex(benchCorpus(sz.articles, sz.highlights, sz.actors, sz.topics))
	f := Filter{From: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC),
		Stances: []Stance{StanceSupports, StanceOpposes}}
	loop(b, func() { x.Select(f) })
}

func BenchmarkTimeline(b *testing.B) {
	sz := benchSizes[1]
	x := NewIndex(benchCorpus(sz.articles, sz.highlights, sz.actors, sz.topics))
	sel := x.Select(Filter{})
	loop(b, func() { x.Timeline(sel, Week, ByActor, nil) })
}
