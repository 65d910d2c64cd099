package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// salvageAll reads everything a salvage gives.
func salvageAll(t *testing.T, s *Salvage) (map[string]SalvagedArticle, int) {
	t.Helper()
	out := map[string]SalvagedArticle{}
	n := 0
	if err := s.Articles(func(a SalvagedArticle) error {
		out[a.Info.ID] = a
		n += len(a.Highlights)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out, n
}

// On a sound library a salvage reads exactly what the library's own
// methods read.
func TestSalvageOfASoundLibraryReadsEverything(t *testing.T) {
	p := filepath.Join(t.TempDir(), "library.db")
	buildCorruptionTarget(t, p)
	l, err := OpenWith(p, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for _, open := range []func() (*Salvage, error){func() (*Salvage, error) { return OpenSalvage(p) }, l.Salvage} {
		s, err := open()
		if err != nil {
			t.Fatal(err)
		}
		got, n := salvageAll(t, s)
		infos, _ := l.Articles()
		if len(got) != len(infos) || n != 14*4 {
			t.Fatalf("salvaged %d articles, %d highlights", len(got), n)
		}
		for _, info := range infos {
			a, _, _ := l.Article(info.ID)
			hs, _ := l.Highlights(info.ID)
			g := got[info.ID]
			if !reflect.DeepEqual(g.Article, a) || !reflect.DeepEqual(g.Highlights, hs) || g.Info.Title != info.Title || g.Info.Highlights != info.Highlights {
				t.Fatalf("article %s salvaged differently", info.ID)
			}
		}
		actors, _ := l.Actors()
		if !reflect.DeepEqual(s.Actors(), actors) {
			t.Fatal("actors salvaged differently")
		}
		if string(s.Preferences()["theme"]) != "dark" {
			t.Fatal("preferences not salvaged")
		}
		if len(s.Skipped()) != 0 {
			t.Fatalf("skipped on a sound library: %v", s.Skipped())
		}
		s.Close()
	}
}

// One unreadable highlight: the salvage reads everything else and names
// the highlight it skipped.
func TestSalvageSkipsAnUnreadableHighlightByName(t *testing.T) {
	p, id := libraryWithHighlight(t, t.TempDir())
	l, _ := OpenWith(p, Options{ReadOnly: true})
	hs, _ := l.Highlights(id)
	l.Close()
	spoilHighlight(t, p, id)
	if _, err := Open(p); !errors.Is(err, ErrDamaged) {
		t.Fatalf("Open: %v", err)
	}
	s, err := OpenSalvage(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, n := salvageAll(t, s)
	if len(got) != 1 || n != 0 || len(got[id].Article.Blocks) == 0 {
		t.Fatalf("salvaged %d articles, %d highlights", len(got), n)
	}
	sk := s.Skipped()
	if len(sk) != 1 || sk[0].What != "highlight" || sk[0].ID != hs[0].ID {
		t.Fatalf("skipped %v, want highlight %s", sk, hs[0].ID)
	}
}

// A damaged page costs the records on it, named by their range of keys;
// the rest is read.
func TestSalvageReadsAroundADamagedPage(t *testing.T) {
	p := filepath.Join(t.TempDir(), "library.db")
	buildCorruptionTarget(t, p)
	// Zero the first leaf page of the highlights bucket.
	f, _ := os.OpenFile(p, os.O_RDWR, 0)
	fi, _ := f.Stat()
	pf, _ := openPageFile(f, fi.Size())
	v, _, _ := pf.lookup(pf.meta.root, nil, bHighlights, 0)
	leaf := firstLeaf(t, pf, v)
	f.WriteAt(make([]byte, 4096), int64(leaf)*4096)
	f.Close()
	s, err := OpenSalvage(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, n := salvageAll(t, s)
	if len(got) != 14 || n == 0 || n >= 14*4 {
		t.Fatalf("salvaged %d articles, %d highlights", len(got), n)
	}
	found := false
	for _, sk := range s.Skipped() {
		found = found || (sk.What == "records" && strings.Contains(sk.ID, "of highlights"))
	}
	if !found {
		t.Fatalf("the lost page is not named: %v", s.Skipped())
	}
	t.Logf("skipped: %v", s.Skipped())
}

// firstLeaf finds the first leaf page under a bucket's header value.
func firstLeaf(t *testing.T, pf *pageFile, v []byte) uint64 {
	id := uint64(0)
	for i := 0; i < 8; i++ {
		id = leUint64(v)
		p, _, err := pf.readPage(id, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p.flags == flagLeaf {
			return id
		}
		_, _, _, child, _ := element(p.data, false, 0)
		v = make([]byte, 8)
		putLeUint64(v, child)
	}
	t.Fatal("no leaf")
	return 0
}

func leUint64(b []byte) uint64 {
	var x uint64
	for i := 7; i >= 0; i-- {
		x = x<<8 | uint64(b[i])
	}
	return x
}

func putLeUint64(b []byte, x uint64) {
	for i := 0; i < 8; i++ {
		b[i] = byte(x >> (8 * i))
	}
}

// An export of a library with a damaged page among its articles still
// lists every article on the other pages (bbolt's walk stops at the
// damaged page; the page reader goes round it).
func TestArticleIDsGoRoundADamagedPage(t *testing.T) {
	p := filepath.Join(t.TempDir(), "library.db")
	buildCorruptionTarget(t, p)
	l, err := OpenWith(p, Options{StartBackup: func(string) {}})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 60; i++ { // enough articles for several pages
		if _, err := l.ImportArticle(newArticle(fmt.Sprintf("https://example.org/more/%d", i), "Mehr", "Ein Text.")); err != nil {
			t.Fatal(err)
		}
	}
	l.Close()
	f, _ := os.OpenFile(p, os.O_RDWR, 0)
	fi, _ := f.Stat()
	pf, _ := openPageFile(f, fi.Size())
	v, _, _ := pf.lookup(pf.meta.root, nil, bArticles, 0)
	leaf := firstLeaf(t, pf, v)
	f.WriteAt(make([]byte, 4096), int64(leaf)*4096)
	f.Close()
	l, err = OpenWith(p, Options{Salvage: true})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ids, err := l.ArticleIDs()
	if err != nil || len(ids) == 0 || len(ids) >= 74 {
		t.Fatalf("ArticleIDs = %d ids, %v; want those of the pages that read", len(ids), err)
	}
}
