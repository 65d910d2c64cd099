package export

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/internal/testkit"
)

func TestMarkdownGolden(t *testing.T) {
	lib := fixtureLibrary()
	names := NewNames(lib, nil, nil)
	for _, tc := range []struct {
		file string
		g    Grouping
	}{{"article.md", PerArticle}, {"by-actor.md", ByActor}, {"actors.md", PerActor}} {
		var all []byte
		for _, n := range Notes(lib, tc.g, names, false) {
			all = append(all, fmt.Sprintf("<<< %s.md\n", n.Name)...)
			all = append(all, n.Bytes()...)
		}
		testkit.Golden(t, tc.file, all)
	}
	testkit.Golden(t, "combined.md", Markdown(lib, PerArticle))
	testkit.Golden(t, "highlight.md", HighlightMarkdown(lib.Articles[1], lib.Articles[1].Highlights[0], lib.ActorMap(), lib.TopicMap()))
}

// wikiLinkRE finds Obsidian wiki links in rendered text.
var wikiLinkRE = regexp.MustCompile(`\[\[([^\[\]|]*)(?:\|([^\[\]|]*))?\]\]`)

// TestArticleNoteReadsBack parses every article note back (front matter
// with a YAML parser, body with goldmark) and checks what a reader sees:
// the properties, the title, each quote's text, block ids, actor links and
// notes.
func TestArticleNoteReadsBack(t *testing.T) {
	lib := fixtureLibrary()
	actors := lib.ActorMap()
	for _, a := range lib.Articles {
		md := ArticleMarkdown(a, actors, nil)
		r := render(t, md)
		if r.props["title"] != a.Title || r.props["dramatis_id"] != a.ID || r.props["source"] != nilIfEmpty(a.URL) || r.props["language"] != a.Lang {
			t.Errorf("%s: properties %v", a.ID, r.props)
		}
		if p, ok := r.props["published"].(time.Time); !ok || p.Format("2006-01-02") != a.Published.Format("2006-01-02") {
			t.Errorf("%s: published %#v", a.ID, r.props["published"])
		}
		if h := r.all("h1"); len(h) != 1 || textOf(h[0]) != a.Title {
			t.Errorf("%s: title heading %v", a.ID, h)
		}
		hs := append([]annotation.Highlight(nil), a.Highlights...)
		sortHighlights(hs)
		qs := r.all("blockquote")
		if len(qs) != len(hs) {
			t.Fatalf("%s: %d quotes for %d highlights:\n%s", a.ID, len(qs), len(hs), md)
		}
		for i, h := range hs {
			if got, want := textOf(qs[i]), visible(h.Quote.Exact); got != want {
				t.Errorf("%s quote %d: reader sees %q, want %q", a.ID, i, got, want)
			}
			// The block id follows the quote as its own paragraph.
			if next := nextElement(qs[i]); next == nil || textOf(next) != "^"+blockID(h.ID) {
				t.Errorf("%s quote %d: no block id after it", a.ID, i)
			}
		}
		text := textOf(r.all("body")[0])
		for _, h := range hs {
			for _, ref := range h.Actors {
				act := actors[ref.ActorID]
				link := wikiLink(FileName(act.Name), act.Name)
				if ref.Role != annotation.RoleMentioned && ref.Role != "" {
					link += " (" + string(ref.Role) + ")"
				}
				if !strings.Contains(text, link) {
					t.Errorf("%s: actor %q missing as %q", a.ID, act.Name, link)
				}
			}
			if h.Note != "" && !strings.Contains(text, visible(h.Note)) {
				t.Errorf("%s: note %q missing", a.ID, h.Note)
			}
		}
		for _, m := range wikiLinkRE.FindAllStringSubmatch(text, -1) {
			if m[1] != FileName(m[1]) {
				t.Errorf("%s: link target %q is not a file name", a.ID, m[1])
			}
		}
	}
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// TestOrphanedSection checks orphans are listed apart, not dropped.
func TestOrphanedSection(t *testing.T) {
	lib := fixtureLibrary()
	md := string(ArticleMarkdown(lib.Articles[1], lib.ActorMap(), lib.TopicMap()))
	i := strings.Index(md, "\n## Orphaned highlights\n")
	if i < 0 {
		t.Fatalf("no orphan section:\n%s", md)
	}
	if !strings.Contains(md[i:], `\> Ein Satz, der nicht mehr da ist`) || !strings.Contains(md[i:], "Not found: the quoted passage is no longer in the text") {
		t.Errorf("orphan not in its section:\n%s", md[i:])
	}
	if strings.Count(md, "^hl-01jhl4") != 1 {
		t.Errorf("orphan block id count")
	}
}

// TestActorNotes checks per-actor notes: aliases and kind in the front
// matter, newest article first, links back to the blocks.
func TestActorNotes(t *testing.T) {
	lib := fixtureLibrary()
	names := NewNames(lib, nil, nil)
	notes := Notes(lib, PerActor, names, false)
	byName := map[string]Note{}
	for _, n := range notes {
		byName[n.Name] = n
	}
	china, ok := byName["China"]
	if !ok {
		t.Fatalf("no China note among %d", len(notes))
	}
	r := render(t, china.Bytes())
	if fmt.Sprint(r.props["aliases"]) != "[Peking Chinas Volksrepublik China]" || r.props["kind"] != "state" || r.props["wikidata"] != "https://www.wikidata.org/entity/Q148" {
		t.Errorf("China properties: %v", r.props)
	}
	body := string(china.Body)
	con, kim := strings.Index(body, "[[_CON|CON]]"), strings.Index(body, "[[Kim")
	if con < 0 || kim < 0 || con > kim {
		t.Errorf("articles not newest first (%d, %d):\n%s", con, kim, body)
	}
	for _, id := range []string{"01JHL1000000000000000000AA", "01JHL2000000000000000000AA", "01JHL5000000000000000000AA"} {
		if !strings.Contains(body, "#^"+blockID(id)+"|source]]") {
			t.Errorf("no link back to %s:\n%s", id, body)
		}
	}
	weird := byName[FileName("AC/DC | The [Band] #1")]
	r = render(t, weird.Bytes())
	if fmt.Sprint(r.props["aliases"]) != "[AC/DC | The [Band] #1]" {
		t.Errorf("an actor whose file name differs keeps its name as alias: %v", r.props["aliases"])
	}
	if h := r.all("h1"); len(h) != 1 || textOf(h[0]) != "AC/DC | The [Band] #1" {
		t.Errorf("actor heading: %s", weird.Body)
	}
}

// TestNamesUnique checks colliding titles get distinct names.
func TestNamesUnique(t *testing.T) {
	lib := &Library{}
	for i := range 3 {
		lib.Articles = append(lib.Articles, Article{ID: fmt.Sprintf("01JART%020d", i), Added: time.Unix(int64(i), 0), Article: article.Article{Title: "Same: title?"}})
	}
	lib.Actors = []annotation.Actor{{ID: "01JACTOR00000000000000000X", Name: "same  title"}}
	n := NewNames(lib, nil, map[string]bool{"same title 00000002": true})
	got := []string{n.Article(&lib.Articles[0]), n.Article(&lib.Articles[1]), n.Article(&lib.Articles[2]), n.Actor(lib.Actors[0])}
	want := []string{"Same title", "Same title 00000001", "Same title 00000002-1", "same title 0000000x"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("names %q, want %q", got, want)
	}
}

// FuzzMarkdown checks that no quote, title or note text can change a
// note's structure or what a reader sees of it.
func FuzzMarkdown(f *testing.F) {
	for _, h := range hostile {
		f.Add(h, h, h)
	}
	f.Add("plain", "Title: with \"quotes\"", "note")
	f.Fuzz(func(t *testing.T, quote, title, note string) {
		if len(quote)+len(title)+len(note) > 4000 {
			return
		}
		a := Article{ID: "01JFUZZ0000000000000000000", Article: article.Article{Title: title, Blocks: []article.Block{{Type: article.Paragraph, Text: "x"}}}}
		act := annotation.Actor{ID: "01JACT", Name: title}
		a.Highlights = []annotation.Highlight{{ID: "01JH", Start: 0, End: 1, Quote: annotation.TextQuote{Exact: quote}, Note: note, Actors: []annotation.ActorRef{{ActorID: act.ID, Role: annotation.RoleSpeaker}}}}
		md := ArticleMarkdown(a, map[string]annotation.Actor{act.ID: act}, nil)
		if !utf8.Valid(md) {
			t.Fatal("invalid UTF-8")
		}
		r := render(t, md)
		wantTitle := strings.Join(strings.Fields(cleanText(title)), " ")
		if got, _ := r.props["title"].(string); got != wantTitle {
			t.Fatalf("title property %q, want %q", got, wantTitle)
		}
		if r.props["dramatis_id"] != a.ID {
			t.Fatalf("front matter broken: %v", r.props)
		}
		hs := r.all("h1")
		if len(hs) != 1 || textOf(hs[0]) != visible(orUntitledFuzz(wantTitle)) {
			t.Fatalf("heading: %d headings, %q", len(hs), md)
		}
		qs := r.all("blockquote")
		if len(qs) != 1 {
			t.Fatalf("%d block quotes:\n%s", len(qs), md)
		}
		wantQ := visible(quote)
		if wantQ == "" {
			wantQ = "(empty passage)"
		}
		if got := textOf(qs[0]); got != wantQ {
			t.Fatalf("quote shows %q, want %q", got, wantQ)
		}
		if n := len(r.all("h2")) + len(r.all("ul")) + len(r.all("ol")) + len(r.all("hr")) + len(r.all("pre")) + len(r.all("table")); n != 0 {
			t.Fatalf("structure leaked (%d elements):\n%s", n, md)
		}
		body := textOf(r.all("body")[0])
		if vn := visible(note); vn != "" && !strings.HasSuffix(body, vn) {
			t.Fatalf("note shows differently: body ends %q, want %q", body[max(0, len(body)-len(vn)-20):], vn)
		}
		_, rest, _ := splitFrontMatter(string(md))
		for _, ln := range strings.Split(rest, "\n") {
			if strings.HasPrefix(ln, "[[") || strings.HasPrefix(ln, "^hl-") || strings.HasPrefix(ln, "# ") {
				continue
			}
			if h := obsidianHazard(ln); h != "" {
				t.Fatalf("unescaped %q in %q", h, ln)
			}
		}
	})
}

func orUntitledFuzz(t string) string {
	if t == "" {
		return "Untitled"
	}
	return t
}

func BenchmarkExportMarkdown(b *testing.B) {
	lib := benchLibrary(1000, 10)
	size := 0
	for _, n := range Notes(lib, PerArticle, NewNames(lib, nil, nil), false) {
		size += len(n.Bytes())
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		names := NewNames(lib, nil, nil)
		for _, n := range Notes(lib, PerArticle, names, false) {
			_ = n.Bytes()
		}
	}
}

// benchLibrary is n articles of realistic length with per highlights each
// and 50 actors.
func benchLibrary(n, per int) *Library {
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	lib := &Library{}
	for i := range 50 {
		lib.Actors = append(lib.Actors, annotation.Actor{ID: fmt.Sprintf("01JACT%020d", i), Name: fmt.Sprintf("Actor %d", i), Kind: annotation.KindPerson, Aliases: []string{fmt.Sprintf("A%d", i)}})
	}
	para := "Nordkoreas Machthaber Kim Jong-un hat Russland Unterstützung zugesagt; Peking beobachtet das mit Sorge, sagt der Politologe Ian Bremmer [Eurasia Group]."
	for i := range n {
		a := article.Article{Title: fmt.Sprintf("Artikel %d: Nordkorea, Russland und China", i), URL: fmt.Sprintf("https://example.com/a/%d", i), Site: "Beispiel", Lang: "de", Published: t0.Add(time.Duration(i) * time.Hour), Authors: []string{"Anna Müller"}}
		for range 20 {
			a.Blocks = append(a.Blocks, article.Block{Type: article.Paragraph, Text: para})
		}
		ea := Article{ID: fmt.Sprintf("01JART%020d", i), Added: t0.Add(time.Duration(i) * time.Minute), Article: a}
		text := []rune(a.Text())
		for j := range per {
			start := j * (len([]rune(para)) + 2)
			end := start + 80
			ea.Highlights = append(ea.Highlights, annotation.Highlight{
				ID: fmt.Sprintf("01JHL%06d%015d", i, j), ArticleID: ea.ID, Start: start, End: end, Quote: annotation.QuoteAt(text, start, end),
				Actors: []annotation.ActorRef{{ActorID: lib.Actors[(i+j)%50].ID, Role: annotation.RoleSpeaker}, {ActorID: lib.Actors[(i*7+j)%50].ID, Role: annotation.RoleMentioned}},
				Note:   "Wichtig: vergleiche mit der Erklärung vom Vortag.",
			})
		}
		lib.Articles = append(lib.Articles, ea)
	}
	return lib
}
