package storage

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
)

// TestSalvageReadsAroundDamage: one undecodable highlight, text and actor
// cost only themselves; the library is marked damaged.
func TestSalvageReadsAroundDamage(t *testing.T) {
	l := newLibrary(t)
	a := newArticle("https://example.org/s", "Salvage", sampleParagraphs...)
	r, err := l.ImportArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	kim := addActor(t, l, "Kim Jong-un")
	addActor(t, l, "China")
	var hs []annotation.Highlight
	for _, p := range []string{"Pjöngjang", "Kim", "Raketen"} {
		hs = append(hs, highlight(t, l, r.ID, a, p, annotation.ActorRef{ActorID: kim.ID}))
	}
	ids, err := l.ArticleIDs()
	if err != nil || len(ids) != 1 || ids[0] != r.ID {
		t.Fatalf("ids %v %v", ids, err)
	}
	l.db.DB.Update(func(tx *bolt.Tx) error {
		k := tx.Bucket(bHighlightID).Get([]byte(hs[1].ID))
		tx.Bucket(bHighlights).Put(k, []byte("{not json"))
		tx.Bucket(bActors).Put([]byte(kim.ID), []byte{0xff})
		return nil
	})
	got, info, ghs, skipped, err := l.SalvageArticle(r.ID, true)
	if err != nil || got.Title != "Salvage" || len(got.Blocks) == 0 || info.ID != r.ID || len(ghs) != 2 || len(skipped) != 1 || skipped[0].ID != hs[1].ID {
		t.Fatalf("%v %+v %d highlights, skipped %v", err, info, len(ghs), skipped)
	}
	if !errors.Is(l.Damaged(), ErrDamaged) {
		t.Errorf("not marked damaged: %v", l.Damaged())
	}
	actors, askipped, err := l.SalvageActors()
	if err != nil || len(actors) != 1 || actors[0].Name != "China" || len(askipped) != 1 || askipped[0].ID != kim.ID {
		t.Errorf("actors %v, skipped %v, %v", actors, askipped, err)
	}
	l.db.DB.Update(func(tx *bolt.Tx) error { return tx.Bucket(bArticleText).Put([]byte(r.ID), []byte("junk")) })
	got, _, ghs, skipped, err = l.SalvageArticle(r.ID, true)
	if err != nil || len(got.Blocks) != 0 || len(ghs) != 2 || len(skipped) != 2 {
		t.Errorf("damaged text: %v, %d blocks, %d highlights, skipped %v", err, len(got.Blocks), len(ghs), skipped)
	}
	if _, _, _, _, err := l.SalvageArticle("NOPE", false); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
	for _, tc := range []struct{ id, url, hash, want string }{
		{r.ID, "", "", r.ID},
		{"OTHER", "https://example.org/s", "", r.ID},
		{"OTHER", "https://example.org/other", a.TextHash(), r.ID},
		{"OTHER", "", "nohash", ""},
	} {
		if got, hash, err := l.MatchArticle(tc.id, tc.url, tc.hash); got != tc.want || err != nil || got != "" && hash != a.TextHash() {
			t.Errorf("MatchArticle(%q, %q, %q) = %q, %v", tc.id, tc.url, tc.hash, got, err)
		}
	}
}

// TestArticleIDsInChunks: listing more ids than one read takes gives
// every id once, in order.
func TestArticleIDsInChunks(t *testing.T) {
	l := newLibrary(t)
	var want []string
	err := l.db.Update(func(tx *bolt.Tx) error {
		for i := range idsPerRead*2 + 3 {
			id := fmt.Sprintf("01J%08d", i)
			want = append(want, id)
			if err := tx.Bucket(bArticles).Put([]byte(id), []byte("{}")); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.ArticleIDs()
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("%d ids, %v", len(got), err)
	}
}
