package libgen

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/dramatis-app/dramatis/storage"
)

// corpusOrSkip returns the shared corpus, or skips when this checkout has
// none next to it.
func corpusOrSkip(t testing.TB) []string {
	dirs, err := FindCorpus()
	if errors.Is(err, ErrNoCorpus) {
		t.Skip("no ../shared/corpus next to the repository: libgen builds from the corpus pages")
	}
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// TestBuildIsDeterministic builds the same small library twice and checks
// that it holds what was asked for, identically, with consistent indexes.
func TestBuildIsDeterministic(t *testing.T) {
	// One corpus folder is enough here and cleans in half the time.
	pages, err := Pages(corpusOrSkip(t)[:1])
	if err != nil {
		t.Fatal(err)
	}
	var lists [2][]storage.ArticleInfo
	var firstArticle [2]string
	for run := range 2 {
		path := filepath.Join(t.TempDir(), "library.db")
		st, err := Build(path, Options{Articles: 60, Pages: pages})
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles != 60 || st.Highlights != 180 || st.Actors != len(actorNames) {
			t.Fatalf("built %+v", st)
		}
		if avg := st.TextBytes / int64(st.Articles); avg < 10<<10 || avg > 20<<10 {
			t.Errorf("average text %d bytes, want about 12 KB", avg)
		}
		lib, err := storage.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		lists[run], err = lib.Articles()
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range lists[run] {
			if a.Highlights != 3 || a.Orphaned != 0 {
				t.Fatalf("article %s has %d highlights (%d orphaned)", a.ID, a.Highlights, a.Orphaned)
			}
			hs, err := lib.Highlights(a.ID)
			if err != nil {
				t.Fatal(err)
			}
			art, _, err := lib.Article(a.ID)
			if err != nil {
				t.Fatal(err)
			}
			text := []rune(art.Text())
			for _, h := range hs {
				if string(text[h.Start:h.End]) != h.Quote.Exact {
					t.Fatalf("highlight %s: quote %q is not the text at [%d,%d)", h.ID, h.Quote.Exact, h.Start, h.End)
				}
				if _, err := lib.Highlight(h.ID); err != nil {
					t.Fatalf("highlight %s not found by id: %v", h.ID, err)
				}
			}
			for _, r := range hs[0].Actors {
				ahs, err := lib.ActorHighlights(r.ActorID)
				if err != nil || len(ahs) == 0 {
					t.Fatalf("actor %s lists no highlights (%v)", r.ActorID, err)
				}
			}
		}
		firstArticle[run] = lists[run][len(lists[run])-1].Title
		lib.Close()
	}
	if len(lists[0]) != len(lists[1]) {
		t.Fatal("two builds differ in size")
	}
	for i := range lists[0] {
		a, b := lists[0][i], lists[1][i]
		if a.ID != b.ID || a.Title != b.Title || a.URL != b.URL || !a.Added.Equal(b.Added) {
			t.Fatalf("builds differ at %d: %+v vs %+v", i, a, b)
		}
	}
	if firstArticle[0] == "" {
		t.Error("the first article has no title")
	}
}
