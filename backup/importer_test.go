package backup

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/storage"
)

// manyArticles is a backup of n small articles with two highlights each
// naming one actor.
func manyArticles(n int) *export.Library {
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	lib := &export.Library{Actors: []annotation.Actor{{ID: "01JACTOR", Name: "China", Kind: annotation.KindState, Created: t0, Updated: t0}}, Preferences: map[string]string{"theme": "dark"}}
	for i := range n {
		text := fmt.Sprintf("Artikel %d: Peking schweigt, Washington warnt.", i)
		id := fmt.Sprintf("01JMANY%019d", i)
		r := []rune(text)
		a := export.Article{ID: id, Added: t0, Article: article.Article{Title: fmt.Sprintf("Artikel %d", i), URL: fmt.Sprintf("https://example.org/%d", i),
			Blocks: []article.Block{{Type: article.Paragraph, Text: text}}}}
		for j, passage := range []string{"Peking schweigt", "Washington warnt"} {
			s := len([]rune(text[:strings.Index(text, passage)]))
			a.Highlights = append(a.Highlights, annotation.Highlight{ID: fmt.Sprintf("%s%d", id, j), ArticleID: id, Start: s, End: s + len([]rune(passage)),
				Quote: annotation.QuoteAt(r, s, s+len([]rune(passage))), Actors: []annotation.ActorRef{{ActorID: "01JACTOR", Role: annotation.RoleSpeaker}}, Created: t0, Updated: t0})
		}
		lib.Articles = append(lib.Articles, a)
	}
	return lib
}

func openLibrary(t *testing.T) *storage.Library {
	t.Helper()
	l, err := storage.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// importInto checks data as a backup (a backup that fails the check
// fails the test) and imports it into l.
func importInto(t *testing.T, l *storage.Library, data []byte) (*MergePlan, error) {
	t.Helper()
	c, err := Check(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return c.Import(l)
}

// TestImportInBatches: a backup imported in several transactions arrives
// whole, and backs up to the same bytes.
func TestImportInBatches(t *testing.T) {
	data, _ := Encode(manyArticles(25))
	l := openLibrary(t)
	c, err := Check(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c.batchArticles = 4
	p, err := c.Import(l)
	if err != nil || p.NewArticles != 25 || p.NewHighlights != 50 || p.NewActors != 1 || len(p.Preferences) != 1 {
		t.Fatalf("%v %s", err, p.Summary())
	}
	var again bytes.Buffer
	if err := Write(&again, storeSource{l}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), data) {
		t.Errorf("the imported library backs up differently")
	}
}

// TestImportStoppedHalfWay: when a transaction fails after others were
// committed (here: the file changed between the check and the import),
// the library holds whole articles, the error says how far the import
// got, and importing the file again completes it.
func TestImportStoppedHalfWay(t *testing.T) {
	good := manyArticles(25)
	data, _ := Encode(good)
	bad := manyArticles(25)
	bad.Articles[14].Blocks = nil
	changed, _ := Encode(bad)
	l := openLibrary(t)
	c, err := Check(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c.batchArticles, c.r = 10, bytes.NewReader(changed)
	_, err = c.Import(l)
	if err == nil || !strings.Contains(err.Error(), "stopped after 10 of 25 articles") || !strings.Contains(err.Error(), "changed while it was imported") {
		t.Fatalf("%v", err)
	}
	ids, _ := l.ArticleIDs()
	if len(ids) != 10 {
		t.Fatalf("%d articles in the library", len(ids))
	}
	for _, id := range ids {
		if hs, err := l.Highlights(id); err != nil || len(hs) != 2 {
			t.Errorf("article %s: %d highlights, %v", id, len(hs), err)
		}
	}
	c, _ = Check(bytes.NewReader(data))
	p, err := c.Import(l)
	if err != nil || p.NewArticles != 15 || p.SameArticles != 10 || p.NewHighlights != 30 || p.KeptHighlights != 20 {
		t.Fatalf("%v %s", err, p.Summary())
	}
}

// storeSource is a library on disk as a Source, the simplest way.
type storeSource struct{ l *storage.Library }

func (s storeSource) EachArticle(fn func(*export.Article) error) error {
	ids, err := s.l.ArticleIDs()
	if err != nil {
		return err
	}
	for _, id := range ids {
		a, info, err := s.l.Article(id)
		if err != nil {
			return err
		}
		hs, err := s.l.Highlights(id)
		if err != nil {
			return err
		}
		if err := fn(&export.Article{ID: id, Added: info.Added, Updated: info.Updated, Source: info.Source, Article: *a, Highlights: hs}); err != nil {
			return err
		}
	}
	return nil
}

func (s storeSource) Actors() ([]annotation.Actor, error) { return s.l.Actors() }
func (s storeSource) Topics() ([]annotation.Topic, error) { return s.l.Topics() }

func (s storeSource) Preferences() (map[string]string, error) {
	raw, err := s.l.Preferences()
	out := map[string]string{}
	for k, v := range raw {
		out[k] = string(v)
	}
	return out, err
}
