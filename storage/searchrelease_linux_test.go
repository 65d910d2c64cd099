package storage

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
)

// releaseTestArticles × releaseTestWords is a library whose texts (about
// 10 MB) and index are big enough for their mapped pages to tell in the
// process's resident memory.
const (
	releaseTestArticles = 4 * buildReleaseArticles
	releaseTestWords    = 1000
)

// TestIndexBuildLetsGoOfReadPages: a batch of the index build, inside its
// transaction, before it commits, holds mapped only the pages of the
// articles it read last (it lets go every buildReleaseArticles), not of
// all of them; and resetting the index, which reads every page of it to
// free them, holds none of them mapped once its buckets are deleted.
func TestIndexBuildLetsGoOfReadPages(t *testing.T) {
	l := newLibrary(t)
	rng := rand.New(rand.NewPCG(7, 11))
	var b Batch
	for i := range releaseTestArticles {
		words := make([]string, releaseTestWords)
		for w := range words {
			words[w] = fmt.Sprintf("wort%d", rng.IntN(50000))
		}
		a := newArticle(fmt.Sprintf("https://example.org/r/%d", i), fmt.Sprintf("Artikel %d", i), strings.Join(words, " ")+".")
		b.Articles = append(b.Articles, BatchArticle{ID: annotation.NewID(), Article: a, Added: time.Now()})
	}
	if err := l.PutBatch(b); err != nil {
		t.Fatal(err)
	}
	text := releaseTestArticles * releaseTestWords * len("wort12345 ")
	if err := l.ResetSearchIndex(); err != nil {
		t.Fatal(err)
	}
	l.ReleaseReadPages()
	before := rssFile(t)
	var inBatch int64
	err := l.db.Update(func(tx *bolt.Tx) error {
		more, err := buildSearchStepSized(tx, releaseTestArticles, 1<<30)
		if err == nil && more {
			err = fmt.Errorf("one batch did not index all %d articles", releaseTestArticles)
		}
		inBatch = rssFile(t) - before
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if inBatch > int64(text)/2 {
		t.Errorf("the batch held %d MiB of mapped pages before it committed; its articles' text is %d MiB", inBatch>>20, text>>20)
	}

	index := searchPages(t, l) * int64(l.db.Info().PageSize)
	l.ReleaseReadPages()
	before = rssFile(t)
	var inReset int64
	err = l.db.Update(func(tx *bolt.Tx) error {
		err := resetSearch(tx)
		inReset = rssFile(t) - before
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if inReset > index/4 {
		t.Errorf("resetting the index held %d MiB of mapped pages; the index fills %d MiB", inReset>>20, index>>20)
	}
	t.Logf("text %d MiB, mapped in the batch %d MiB; index %d MiB, mapped after the reset %d MiB", text>>20, inBatch>>20, index>>20, inReset>>20)
}

// searchPages counts the pages the search index's buckets fill.
func searchPages(t *testing.T, l *Library) int64 {
	t.Helper()
	var n int64
	err := l.db.View(func(tx *bolt.Tx) error {
		for _, name := range searchBuckets() {
			if bk := tx.Bucket(name); bk != nil {
				s := bk.Stats()
				n += int64(s.BranchPageN + s.BranchOverflowN + s.LeafPageN + s.LeafOverflowN)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
