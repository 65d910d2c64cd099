package storage

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// cpuClock reports the CPU time this process has used. The machine the
// benchmarks run on is shared with other builds, so wall time per op swings
// with their load; CPU time per op (reported as cpu-ms/op) does much less.
type cpuClock struct{ start time.Duration }

func startCPU(b *testing.B) cpuClock {
	b.ResetTimer()
	return cpuClock{processCPU()}
}

func (c cpuClock) report(b *testing.B) {
	b.ReportMetric(float64(processCPU()-c.start)/float64(b.N)/1e6, "cpu-ms/op")
}

// reportWrites adds the number of write calls bbolt made per op (dirty
// pages and meta pages), to compare what a commit costs beyond its fsync.
func reportWrites(b *testing.B, db *bolt.DB, before bolt.Stats) {
	after := db.Stats()
	d := after.Sub(&before)
	b.ReportMetric(float64(d.TxStats.GetWrite())/float64(b.N), "writes/op")
}

// benchArticle makes a long article: paragraphs of German-looking prose.
func benchArticle(url string, paragraphs int) *article.Article {
	words := strings.Fields("Nordkorea Russland China Sicherheitsrat Sanktionen Pjöngjang Moskau Peking Raketen " +
		"Machthaber sagte werde sich von niemandem einschüchtern lassen die der das und mit gegen für über")
	rng := rand.New(rand.NewPCG(uint64(paragraphs), 1))
	var ps []string
	for i := 0; i < paragraphs; i++ {
		var b strings.Builder
		for b.Len() < 500 {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteByte(' ')
		}
		ps = append(ps, b.String()+".")
	}
	return newArticle(url, "Bench "+url, ps...)
}

// bulkHighlights stores n highlights of article id in one transaction
// (setting up benchmarks through AddHighlight would cost n fsyncs).
func bulkHighlights(b *testing.B, l *Library, id string, n int, actors []annotation.Actor, rng *rand.Rand) {
	b.Helper()
	err := l.db.Update(func(tx *bolt.Tx) error {
		text, err := loadText(tx, id)
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			s := rng.IntN(text.n - 300)
			e := s + 20 + rng.IntN(200)
			q, err := text.quote(s, e)
			if err != nil {
				return err
			}
			h := annotation.Highlight{
				ID: annotation.NewID(), ArticleID: id, Start: s, End: e,
				Quote: q, Color: "yellow",
				Created: time.Now().UTC(), Updated: time.Now().UTC(),
			}
			if len(actors) > 0 {
				h.Actors = []annotation.ActorRef{{ActorID: actors[i%len(actors)].ID, Role: annotation.RoleSpeaker}}
				if i%3 == 0 {
					h.Actors = append(h.Actors, annotation.ActorRef{ActorID: actors[(i+1)%len(actors)].ID, Role: annotation.RoleMentioned})
				}
			}
			if i%5 == 0 {
				h.Note = "Wichtig für die Analyse der Position Chinas im Sicherheitsrat."
			}
			if err := putHighlight(tx, h); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

func benchActors(b *testing.B, l *Library, n int) []annotation.Actor {
	var out []annotation.Actor
	for i := 0; i < n; i++ {
		out = append(out, addActor(b, l, fmt.Sprintf("Akteur %d", i)))
	}
	return out
}

// sampleHighlightValue is the size of a typical stored highlight, so that
// the bare-bbolt baseline commits the same number of bytes.
func sampleHighlightValue(b *testing.B) []byte {
	a := benchArticle("https://example.org/size", 3)
	text := []rune(a.Text())
	h := annotation.Highlight{
		ID: annotation.NewID(), ArticleID: annotation.NewID(), Start: 100, End: 180,
		Quote:   annotation.QuoteAt(text, 100, 180),
		Actors:  []annotation.ActorRef{{ActorID: annotation.NewID(), Role: annotation.RoleSpeaker}},
		Created: time.Now().UTC(), Updated: time.Now().UTC(),
	}
	v, err := encodeHighlight(h)
	if err != nil {
		b.Fatal(err)
	}
	return v
}

// BenchmarkBareBoltCommit is the baseline for BenchmarkAddHighlight: one
// bbolt Update putting one value of a highlight's size into a bucket that
// already holds 10,000, on the same disk (fsync on commit).
func BenchmarkBareBoltCommit(b *testing.B) {
	db, err := bolt.Open(filepath.Join(b.TempDir(), "bare.db"), 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	v := sampleHighlightValue(b)
	key := func(i int) []byte { return binary.BigEndian.AppendUint64([]byte(annotation.NewID()), uint64(i)) }
	err = db.Update(func(tx *bolt.Tx) error {
		bk, err := tx.CreateBucket([]byte("b"))
		for i := 0; err == nil && i < 10000; i++ {
			err = bk.Put(key(i), v)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(v)))
	stats := db.Stats()
	defer reportWrites(b, db, stats)
	clock := startCPU(b)
	for i := 0; i < b.N; i++ {
		if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("b")).Put(key(i), v) }); err != nil {
			b.Fatal(err)
		}
	}
	clock.report(b)
}

// BenchmarkAddHighlight adds one highlight (with an actor) to a library
// that already holds 10,000 highlights over 100 articles.
func BenchmarkAddHighlight(b *testing.B) {
	l := newLibrary(b)
	actors := benchActors(b, l, 20)
	rng := rand.New(rand.NewPCG(1, 2))
	var ids []string
	for i := 0; i < 100; i++ {
		r, err := l.ImportArticle(benchArticle(fmt.Sprintf("https://example.org/%d", i), 10))
		if err != nil {
			b.Fatal(err)
		}
		bulkHighlights(b, l, r.ID, 100, actors, rng)
		ids = append(ids, r.ID)
	}
	b.SetBytes(int64(len(sampleHighlightValue(b))))
	stats := l.db.Stats()
	defer reportWrites(b, l.db.DB, stats)
	clock := startCPU(b)
	for i := 0; i < b.N; i++ {
		s := rng.IntN(4000)
		_, err := l.AddHighlight(annotation.Highlight{
			ArticleID: ids[i%len(ids)], Start: s, End: s + 80,
			Actors: []annotation.ActorRef{{ActorID: actors[i%len(actors)].ID, Role: annotation.RoleSpeaker}},
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	clock.report(b)
}

// BenchmarkLoadArticle loads what the reader window shows for an article
// with 10,000 highlights: its text, its highlights and the actors.
func BenchmarkLoadArticle(b *testing.B) {
	l := newLibrary(b)
	actors := benchActors(b, l, 50)
	a := benchArticle("https://example.org/long", 200) // ~100,000 code points
	r, err := l.ImportArticle(a)
	if err != nil {
		b.Fatal(err)
	}
	bulkHighlights(b, l, r.ID, 10000, actors, rand.New(rand.NewPCG(3, 4)))
	clock := startCPU(b)
	defer clock.report(b)
	for i := 0; i < b.N; i++ {
		art, _, err := l.Article(r.ID)
		if err != nil {
			b.Fatal(err)
		}
		hs, err := l.Highlights(r.ID)
		if err != nil {
			b.Fatal(err)
		}
		as, err := l.Actors()
		if err != nil {
			b.Fatal(err)
		}
		if len(hs) != 10000 || len(as) != 50 || len(art.Blocks) != 200 {
			b.Fatalf("loaded %d highlights, %d actors, %d blocks", len(hs), len(as), len(art.Blocks))
		}
	}
}

// BenchmarkActorHighlights lists one actor's highlights across 1,000
// articles (3 highlights each, one of them the actor's).
func BenchmarkActorHighlights(b *testing.B) {
	l := newLibrary(b)
	target := addActor(b, l, "China")
	others := benchActors(b, l, 10)
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 1000; i++ {
		r, err := l.ImportArticle(benchArticle(fmt.Sprintf("https://example.org/%d", i), 2))
		if err != nil {
			b.Fatal(err)
		}
		bulkHighlights(b, l, r.ID, 1, []annotation.Actor{target}, rng)
		bulkHighlights(b, l, r.ID, 2, others, rng)
	}
	clock := startCPU(b)
	defer clock.report(b)
	for i := 0; i < b.N; i++ {
		hs, err := l.ActorHighlights(target.ID)
		if err != nil {
			b.Fatal(err)
		}
		if len(hs) != 1000 {
			b.Fatalf("%d highlights", len(hs))
		}
	}
}

// BenchmarkReimportShifted re-imports an article with 1,000 highlights
// whose text gained a paragraph at the top, so that every highlight has to
// be found again away from its old position (alternating with the
// original text, which moves them back).
func BenchmarkReimportShifted(b *testing.B) {
	l := newLibrary(b)
	actors := benchActors(b, l, 5)
	a := benchArticle("https://example.org/shift", 200)
	r, err := l.ImportArticle(a)
	if err != nil {
		b.Fatal(err)
	}
	bulkHighlights(b, l, r.ID, 1000, actors, rand.New(rand.NewPCG(7, 8)))
	shifted := *a
	shifted.Blocks = append([]article.Block{{Type: article.Paragraph, Text: "Eilmeldung: neue Entwicklungen am Abend."}}, a.Blocks...)
	clock := startCPU(b)
	defer clock.report(b)
	for i := 0; i < b.N; i++ {
		next := &shifted
		if i%2 == 1 {
			next = a
		}
		res, err := l.ImportArticle(next)
		if err != nil {
			b.Fatal(err)
		}
		if res.Orphaned != 0 || res.Highlights != 1000 {
			b.Fatalf("re-import: %+v", res)
		}
	}
}

// BenchmarkAddHighlightLongArticle adds one highlight to a 3 MB article:
// the quote and its context come from the article's stored text, read in
// place (target: under 2× BenchmarkBareBoltCommit, and the allocations of
// BenchmarkAddHighlightShortArticle).
func BenchmarkAddHighlightLongArticle(b *testing.B) {
	benchmarkAddHighlightTo(b, 6000) // ~3 MB
}

// BenchmarkAddHighlightShortArticle is BenchmarkAddHighlightLongArticle on
// a 10 KB article: the two must allocate the same.
func BenchmarkAddHighlightShortArticle(b *testing.B) {
	benchmarkAddHighlightTo(b, 20)
}

func benchmarkAddHighlightTo(b *testing.B, paragraphs int) {
	l := newLibrary(b)
	actors := benchActors(b, l, 5)
	a := benchArticle("https://example.org/book", paragraphs)
	r, err := l.ImportArticle(a)
	if err != nil {
		b.Fatal(err)
	}
	n := len([]rune(a.Text()))
	rng := rand.New(rand.NewPCG(3, 4))
	b.SetBytes(int64(len(sampleHighlightValue(b))))
	stats := l.db.Stats()
	defer reportWrites(b, l.db.DB, stats)
	clock := startCPU(b)
	for i := 0; i < b.N; i++ {
		s := rng.IntN(n - 100)
		if _, err := l.AddHighlight(annotation.Highlight{ArticleID: r.ID, Start: s, End: s + 80,
			Actors: []annotation.ActorRef{{ActorID: actors[i%len(actors)].ID, Role: annotation.RoleSpeaker}}}); err != nil {
			b.Fatal(err)
		}
	}
	clock.report(b)
}
