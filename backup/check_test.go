package backup

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/export"
)

// tamperedBackup is a backup of one article whose highlights' offsets
// were tampered with in every way offsets can be; their quotes (with the
// words around them) are those of the passages they were made on.
func tamperedBackup() *export.Library {
	text := "Nordkorea droht. Peking schweigt dazu. Washington warnt."
	r := []rune(text)
	hl := func(id string, start, end int, passage string) annotation.Highlight {
		i := strings.Index(text, passage)
		s := len([]rune(text[:max(i, 0)]))
		q := annotation.QuoteAt(r, s, s+len([]rune(passage)))
		if i < 0 {
			q = annotation.TextQuote{Exact: passage}
		}
		return annotation.Highlight{ID: id, Start: start, End: end, Quote: q}
	}
	moved := hl("01JMOVEDCTX", 0, 21, "Peking schweigt dazu.")
	moved.Quote.Prefix, moved.Quote.Suffix = "ganz anders ", " als hier"
	return &export.Library{Articles: []export.Article{{ID: "01JART", Article: article.Article{Title: "T",
		Blocks: []article.Block{{Type: article.Paragraph, Text: text}}},
		Highlights: []annotation.Highlight{
			hl("01JOK", 17, 38, "Peking schweigt dazu."),     // right
			hl("01JMOVED", 0, 21, "Peking schweigt dazu."),   // offsets of another passage
			hl("01JEMPTY", 5, 5, "Washington warnt."),        // zero-length range
			hl("01JOUTSIDE", 4600, 4700, "Nordkorea droht."), // beyond the text
			hl("01JNEGATIVE", -7, -2, "Washington"),          // before it
			hl("01JGONE", 0, 9, "Moskau schweigt nicht."),    // a quote the text lacks
			hl("01JNOQUOTE", 3, 3, ""),                       // nothing at all
			moved,                                            // wrong offsets and wrong surroundings
		}}}}
}

// TestReadPlacesHighlightsByQuote: offsets that disagree with their quote
// (moved, empty, outside the text, negative) are replaced by where the
// quote is; a quote that is not there orphans the highlight, which keeps
// offsets inside the text.
func TestReadPlacesHighlightsByQuote(t *testing.T) {
	data, err := Encode(tamperedBackup())
	if err != nil {
		t.Fatal(err)
	}
	lib, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(lib.Articles[0].Text())
	got := map[string]annotation.Highlight{}
	for _, h := range lib.Articles[0].Highlights {
		got[h.ID] = h
		if h.Start < 0 || h.End < h.Start || h.End > len(text) {
			t.Errorf("%s: range [%d,%d) outside the text", h.ID, h.Start, h.End)
		}
	}
	for id, want := range map[string]string{"01JOK": "Peking schweigt dazu.", "01JMOVED": "Peking schweigt dazu.", "01JEMPTY": "Washington warnt.", "01JOUTSIDE": "Nordkorea droht.", "01JNEGATIVE": "Washington"} {
		h := got[id]
		if h.Orphaned != "" || string(text[h.Start:h.End]) != want {
			t.Errorf("%s: %q at [%d,%d) (%s), want %q", id, string(text[h.Start:h.End]), h.Start, h.End, h.Orphaned, want)
		}
	}
	// Wrong surroundings too: nothing says where it belongs, so it is
	// orphaned rather than put somewhere it may not belong.
	for _, id := range []string{"01JGONE", "01JNOQUOTE", "01JMOVEDCTX"} {
		if got[id].Orphaned == "" {
			t.Errorf("%s not orphaned: %+v", id, got[id])
		}
	}
}

// TestPlanMergePlacesByQuote: the same holds when the backup's article
// is already in the library, and the plan counts what moved.
func TestPlanMergePlacesByQuote(t *testing.T) {
	b := tamperedBackup()
	p, err := PlanMerge(&export.Library{}, b)
	if err != nil {
		t.Fatal(err)
	}
	if p.NewHighlights != 8 || p.Reanchored != 4 || p.Orphaned != 3 {
		t.Errorf("%s", p.Summary())
	}
	cur := &export.Library{Articles: []export.Article{b.Articles[0]}}
	cur.Articles[0].Highlights = nil
	p, err = PlanMerge(cur, b)
	if err != nil || p.SameArticles != 1 || p.Reanchored != 4 || p.Orphaned != 3 {
		t.Errorf("%v %s", err, p.Summary())
	}
}

// TestReadAcceptsBOM: a backup an editor saved with a byte order mark.
func TestReadAcceptsBOM(t *testing.T) {
	good, _ := Encode(fixtureLibrary())
	lib, err := Read(bytes.NewReader(append([]byte("\xef\xbb\xbf"), good...)))
	if err != nil || len(lib.Articles) != 2 {
		t.Fatalf("%v", err)
	}
}

// TestReadRefusesHugeArticle: an article with more text than any page
// import takes is refused in one line; a value larger than any Dramatis
// writes is refused before it is read whole (with a small bound here).
func TestReadRefusesHugeArticle(t *testing.T) {
	big := func(size int) []byte {
		data, err := Encode(&export.Library{Articles: []export.Article{{ID: "01JBIG", Article: article.Article{Title: "Big",
			Blocks: []article.Block{{Type: article.Paragraph, Text: strings.Repeat("a", size)}}}}}})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	_, err := Read(bytes.NewReader(big(article.MaxPageBytes + 1000)))
	if err == nil || !strings.Contains(err.Error(), "more than any page Dramatis imports (32.0 MB)") || strings.Contains(err.Error(), "\n") {
		t.Errorf("%v", err)
	}
	_, err = scanLimited(bytes.NewReader(big(4<<20)), 1<<20, func(*export.Article) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "larger than any Dramatis writes") {
		t.Errorf("%v", err)
	}
}

// TestWriteIsEncodingJSON: the streamed backup is byte for byte what
// encoding/json writes for the whole document, for a library and for an
// empty one.
func TestWriteIsEncodingJSON(t *testing.T) {
	for _, lib := range []*export.Library{fixtureLibrary(), {}} {
		got, err := Encode(lib)
		if err != nil {
			t.Fatal(err)
		}
		f := backupFile{Format: Format, Version: Version, Articles: []export.Article{}, Actors: []annotation.Actor{}, Topics: []annotation.Topic{}, Preferences: map[string]string{}, Deleted: []Deletion{}}
		for _, a := range lib.Articles {
			if a.Highlights == nil {
				a.Highlights = []annotation.Highlight{}
			}
			f.Articles = append(f.Articles, a)
		}
		if lib.Actors != nil {
			f.Actors = lib.Actors
		}
		if lib.Topics != nil {
			f.Topics = lib.Topics
		}
		if lib.Preferences != nil {
			f.Preferences = lib.Preferences
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", " ")
		enc.SetEscapeHTML(false)
		enc.Encode(f)
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("differs:\n%s\n----\n%s", got, want.Bytes())
		}
	}
}

// failingWriter fails after n bytes.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errors.New("disk full")
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWriteFails: a writer that fails at any point gives an error, never
// a panic.
func TestWriteFails(t *testing.T) {
	full, _ := Encode(fixtureLibrary())
	for n := 0; n < len(full); n += 97 {
		if err := Write(&failingWriter{n}, Memory(fixtureLibrary())); err == nil {
			t.Fatalf("a write failing after %d bytes went unnoticed", n)
		}
	}
}
