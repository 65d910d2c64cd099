package storage

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// searchFixture is a small library with what search must find: titles,
// texts, sites, authors, notes, actors with aliases, an orphan.
type searchFixture struct {
	l                        *Library
	korea, berlin, trade, en string // article ids
	kim, nk                  annotation.Actor
	noteHL, orphanHL         string
}

func newSearchFixture(t *testing.T) *searchFixture {
	t.Helper()
	f := &searchFixture{l: newLibrary(t)}
	l := f.l
	korea := newArticle("https://example.org/korea", "Raketentest in Nordostasien", sampleParagraphs...)
	korea.Authors = []string{"Anna Müller"}
	korea.Published = time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	f.korea = importArticle(t, l, korea)
	berlin := newArticle("https://example.org/berlin", "Bundestag debattiert", "Der Bundestag debattierte über Wirtschaftssanktionen.", "Ian Bremmer sprach von einer Zeitenwende.")
	berlin.Site = "Der Spiegel"
	berlin.Published = time.Date(2024, 6, 15, 9, 0, 0, 0, time.UTC)
	f.berlin = importArticle(t, l, berlin)
	trade := newArticle("https://example.org/trade", "Zölle", "Die EU erhebt Strafzölle auf Elektroautos.", "Die neue Regelung gilt ab heute.")
	res, err := l.Import(trade, ImportOptions{Source: trade.URL})
	if err != nil {
		t.Fatal(err)
	}
	f.trade = res.ID
	en := newArticle("https://example.org/en", "Sanctions", "The United States imposed new sanctions on Pyongyang.")
	en.Site, en.Lang = "Reuters", "en"
	f.en = importArticle(t, l, en)

	if f.nk, err = l.AddActor(annotation.Actor{Name: "Nordkorea", Kind: annotation.KindState, Aliases: []string{"Pjöngjang", "DPRK"}}); err != nil {
		t.Fatal(err)
	}
	if f.kim, err = l.AddActor(annotation.Actor{Name: "Kim Jong Un", Kind: annotation.KindPerson}); err != nil {
		t.Fatal(err)
	}
	// The Bremmer article's highlight names North Korea, though its text
	// never does.
	s, e := span(t, berlin, "Ian Bremmer sprach")
	h, err := l.AddHighlight(annotation.Highlight{ArticleID: f.berlin, Start: s, End: e, Note: "Vergleich mit dem Kalten Krieg",
		Actors: []annotation.ActorRef{{ActorID: f.nk.ID, Role: annotation.RoleTarget}}})
	if err != nil {
		t.Fatal(err)
	}
	f.noteHL = h.ID
	s, e = span(t, korea, "Kim Jong Un")
	if _, err := l.AddHighlight(annotation.Highlight{ArticleID: f.korea, Start: s, End: e,
		Actors: []annotation.ActorRef{{ActorID: f.kim.ID, Role: annotation.RoleSpeaker}}}); err != nil {
		t.Fatal(err)
	}
	// An orphan: its quote is no longer in the (re-imported) text.
	s, e = span(t, trade, "Die neue Regelung gilt ab heute.")
	oh, err := l.AddHighlight(annotation.Highlight{ArticleID: f.trade, Start: s, End: e})
	if err != nil {
		t.Fatal(err)
	}
	f.orphanHL = oh.ID
	trade2 := newArticle("https://example.org/trade", "Zölle", "Die EU erhebt Strafzölle auf Elektroautos.", "Ganz anderer Schlusssatz hier.")
	if res, err := l.Import(trade2, ImportOptions{Source: trade.URL, Force: true}); err != nil || res.Orphaned != 1 {
		t.Fatalf("re-import: %+v, %v", res, err)
	}
	checkIndexes(t, l)
	return f
}

func importArticle(t testing.TB, l *Library, a *article.Article) string {
	t.Helper()
	res, err := l.ImportArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	return res.ID
}

func searchIDs(t testing.TB, l *Library, q SearchQuery) []string {
	t.Helper()
	res, err := l.Search(q)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Index.Ready {
		t.Fatalf("the index is not ready: %+v", res.Index)
	}
	return res.IDs
}

func TestSearchFindsWordsAnywhere(t *testing.T) {
	f := newSearchFixture(t)
	all := []string{f.en, f.trade, f.berlin, f.korea} // newest added first
	cases := []struct {
		query string
		want  []string
	}{
		{"", all},
		// Accents and case aside, in the text, and through the alias of the
		// actor that the Bremmer article's highlight names.
		{"pjongjang", []string{f.berlin, f.korea}},
		{"PJÖNGJANG", []string{f.berlin, f.korea}},
		{"pjoengjang", []string{f.berlin, f.korea}}, // the German spelling
		{"Raketen Kim", []string{f.korea}},          // order aside
		{"Kim Raketen", []string{f.korea}},          // order aside
		{"raketentest", []string{f.korea}},          // the title
		{"nordost", []string{f.korea}},              // a prefix of a title word
		{"sanktion", []string{f.berlin, f.korea}},   // prefix and, from six letters, inside a word
		{"sanctions", []string{f.en}},
		{"zoll", []string{f.trade}},               // the title's "Zölle"; not inside "Strafzölle" (four letters)
		{"strafzoll", []string{f.trade}},          // "Strafzölle"
		{"spiegel", []string{f.berlin}},           // the site
		{"muller", []string{f.korea}},             // an author
		{"kalten krieg", []string{f.berlin}},      // a note
		{"Nordkorea Bremmer", []string{f.berlin}}, // an actor's name: the text never says Nordkorea, the highlight names it
		{"dprk", []string{f.berlin}},              // an alias, through the highlight that names the actor
		{"regelung", []string{f.trade}},           // the orphan's quote: gone from the text, kept by the highlight
		{"eu", []string{f.trade}},                 // two letters: the word only, not inside "neue" or "heute"
		{`"EU"`, []string{f.trade}},
		{`"Zeitenwende"`, []string{f.berlin}},
		{`"Zeiten"`, nil}, // quoted: the whole word only
		{"sanktion -bundestag", []string{f.korea}},
		{"-nordkorea", []string{f.en, f.trade}},
		{"wirtschaftssanktionen zeitenwende", []string{f.berlin}},
		{"keinwortdavon", nil},
		{"a", nil}, // one letter: that word only
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			got := searchIDs(t, f.l, SearchQuery{Text: c.query})
			if !slices.Equal(got, c.want) {
				t.Errorf("Search(%q) = %v, want %v", c.query, got, c.want)
			}
		})
	}
}

func TestSearchFilters(t *testing.T) {
	f := newSearchFixture(t)
	cases := []struct {
		name string
		q    SearchQuery
		want []string
	}{
		{"actor", SearchQuery{Actors: []ActorFilter{{ActorID: f.nk.ID}}}, []string{f.berlin}},
		{"actor in role", SearchQuery{Actors: []ActorFilter{{ActorID: f.nk.ID, Role: annotation.RoleTarget}}}, []string{f.berlin}},
		{"actor in another role", SearchQuery{Actors: []ActorFilter{{ActorID: f.nk.ID, Role: annotation.RoleSpeaker}}}, nil},
		{"two actors", SearchQuery{Actors: []ActorFilter{{ActorID: f.nk.ID}, {ActorID: f.kim.ID}}}, nil},
		{"site", SearchQuery{Site: "spiegel"}, []string{f.berlin}},
		{"author without accents", SearchQuery{Author: "MULLER"}, []string{f.korea}},
		{"date range", SearchQuery{Since: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Before: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)}, []string{f.korea}},
		{"has highlights", SearchQuery{HasHighlights: true}, []string{f.trade, f.berlin, f.korea}},
		{"has orphans", SearchQuery{HasOrphans: true}, []string{f.trade}},
		{"text and filter", SearchQuery{Text: "sanktion", HasHighlights: true, Site: "spiegel"}, []string{f.berlin}},
		{"sorted by publication", SearchQuery{Sort: SortPublished}, []string{f.berlin, f.korea, f.en, f.trade}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := searchIDs(t, f.l, c.q); !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

// TestSearchIndexKeptInStep makes random changes of every kind and checks
// after each that the index says exactly what a fresh build from the
// library would, and that searching with it finds what reading every
// article finds.
func TestSearchIndexKeptInStep(t *testing.T) {
	l := newLibrary(t)
	rng := rand.New(rand.NewPCG(3, 14))
	vocab := strings.Fields("Nordkorea Pjöngjang Sanktionen Wirtschaftssanktionen Zölle Strafzölle Bundestag Raketen " +
		"China Peking Müller Straße Kim Jong Un Regierung Europa EU neue heute Krieg Frieden Verhandlungen Élysée café")
	sentence := func() string {
		ws := make([]string, 4+rng.IntN(8))
		for i := range ws {
			ws[i] = vocab[rng.IntN(len(vocab))]
		}
		return strings.Join(ws, " ") + "."
	}
	var actors []annotation.Actor
	for _, n := range []string{"Nordkorea", "China", "Kim Jong Un"} {
		actors = append(actors, addActor(t, l, n))
	}
	var ids []string
	queries := []string{"sanktion", "pjongjang", "zoll", "eu", `"EU"`, "nordkorea kim", "-china krieg", "stra", "cafe elysee", "peking"}
	for step := 0; step < 120; step++ {
		switch op := rng.IntN(10); {
		case op < 3 || len(ids) == 0:
			a := newArticle(fmt.Sprintf("https://example.org/%d", rng.IntN(40)), sentence(), sentence(), sentence(), sentence())
			ids = append(ids, importArticle(t, l, a))
		case op < 7:
			id := ids[rng.IntN(len(ids))]
			a, _, err := l.Article(id)
			if err != nil {
				continue // deleted
			}
			n := len([]rune(a.Text()))
			s := rng.IntN(n - 1)
			h := annotation.Highlight{ArticleID: id, Start: s, End: s + 1 + rng.IntN(min(30, n-s-1)+1)}
			if rng.IntN(2) == 0 {
				h.Note = sentence()
			}
			for _, ac := range actors[:rng.IntN(len(actors)+1)] {
				h.Actors = append(h.Actors, annotation.ActorRef{ActorID: ac.ID, Role: annotation.Roles[rng.IntN(len(annotation.Roles))]})
			}
			h, err = l.AddHighlight(h)
			if err != nil {
				t.Fatal(err)
			}
			if rng.IntN(3) == 0 {
				h.Note, h.Actors = sentence(), h.Actors[:len(h.Actors)/2]
				if _, err := l.UpdateHighlight(h); err != nil {
					t.Fatal(err)
				}
			}
			if rng.IntN(4) == 0 {
				if err := l.DeleteHighlight(h.ID); err != nil {
					t.Fatal(err)
				}
			}
		case op < 9:
			// Re-import with a changed text: highlights move or are orphaned.
			id := ids[rng.IntN(len(ids))]
			a, _, err := l.Article(id)
			if err != nil {
				continue
			}
			a.Blocks = append(a.Blocks[1:], article.Block{Type: article.Paragraph, Text: sentence()})
			if _, err := l.Import(a, ImportOptions{Source: a.URL, Force: true}); err != nil {
				t.Fatal(err)
			}
		default:
			i := rng.IntN(len(ids))
			_ = l.DeleteArticle(ids[i]) // may be gone already
		}
		checkSearchIndex(t, l)
		for _, q := range queries {
			compareWithScan(t, l, SearchQuery{Text: q})
		}
		compareWithScan(t, l, SearchQuery{Actors: []ActorFilter{{ActorID: actors[0].ID, Role: annotation.RoleSpeaker}}, HasHighlights: true})
	}
}

// compareWithScan checks that a search with the index finds what a search
// that reads every article finds.
func compareWithScan(t *testing.T, l *Library, q SearchQuery) {
	t.Helper()
	withIndex := searchIDs(t, l, q)
	l.searchStale.Store(true)
	defer l.searchStale.Store(false)
	res, err := l.Search(q)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(withIndex, res.IDs) {
		t.Fatalf("Search(%+v): the index finds %v, reading every article %v", q, withIndex, res.IDs)
	}
}

// TestSearchIndexBuiltWhileInUse builds the index of a library that has
// none, in small steps, with changes in between: searches meanwhile find
// everything (the part not yet indexed is read), and the result is the
// index a build in one go gives.
func TestSearchIndexBuiltWhileInUse(t *testing.T) {
	f := newSearchFixture(t)
	l := f.l
	for i := 0; i < 30; i++ {
		importArticle(t, l, newArticle(fmt.Sprintf("https://example.org/more/%d", i), fmt.Sprintf("Artikel %d", i),
			"Weitere Sanktionen gegen Pjöngjang.", fmt.Sprintf("Absatz Nummer %d.", i)))
	}
	queries := []string{"sanktion", "pjongjang", "nordkorea bremmer", "absatz", "regelung"}
	want := func(q string) []string {
		l.searchStale.Store(true) // read every article
		defer l.searchStale.Store(false)
		res, err := l.Search(SearchQuery{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		return res.IDs
	}
	found := 0
	for _, q := range queries {
		found += len(searchIDs(t, l, SearchQuery{Text: q}))
	}
	if found < 40 {
		t.Fatalf("the queries find %d articles; the test needs more", found)
	}
	// Throw the index away, as an older Dramatis would have left it.
	if err := l.db.Update(resetSearch); err != nil {
		t.Fatal(err)
	}
	steps := 0
	for more := true; more; steps++ {
		if err := l.db.Update(func(tx *bolt.Tx) error {
			var err error
			more, err = buildSearchStep(tx, 4)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		for _, q := range queries {
			res, err := l.Search(SearchQuery{Text: q})
			if err != nil {
				t.Fatal(err)
			}
			if w := want(q); !slices.Equal(res.IDs, w) {
				t.Fatalf("step %d: Search(%q) = %v, want %v", steps, q, res.IDs, w)
			}
		}
		// Changes while the index is half built: in the indexed part the
		// hooks keep it, beyond it the build will read them.
		switch steps {
		case 3:
			if err := l.DeleteHighlight(f.noteHL); err != nil {
				t.Fatal(err)
			}
		case 4:
			importArticle(t, l, newArticle("https://example.org/late", "Spät", "Noch ein Absatz über Sanktionen."))
		case 5:
			if err := l.DeleteArticle(f.korea); err != nil {
				t.Fatal(err)
			}
		}
		checkSearchIndex(t, l)
	}
	if steps < 5 {
		t.Fatalf("the build took %d steps; the test wanted to look between them", steps)
	}
	st, err := l.SearchIndexStatus()
	if err != nil || !st.Ready || st.Indexed != st.Articles {
		t.Fatalf("after the build: %+v, %v", st, err)
	}
}

// TestSearchIndexStaleAfterAForeignWrite: a write the index did not see
// (an older Dramatis, a file from elsewhere) makes it stale: searches read
// every article instead, and the next build starts afresh.
func TestSearchIndexStaleAfterAForeignWrite(t *testing.T) {
	dir := t.TempDir()
	p := dir + "/library.db"
	l, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	id := importArticle(t, l, newArticle("https://example.org/a", "Alt", "Ein Text über Zölle."))
	l.Close()
	// An older Dramatis re-imports the article with a new text, knowing
	// nothing of the index.
	db, err := bolt.Open(p, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		rec, err := encodeText([]article.Block{{Type: article.Paragraph, Text: "Ein Text über Sanktionen."}}, textStride)
		if err != nil {
			return err
		}
		return tx.Bucket(bArticleText).Put([]byte(id), rec)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []Options{{ReadOnly: true}, {}} {
		l, err := OpenWith(p, o)
		if err != nil {
			t.Fatal(err)
		}
		res, err := l.Search(SearchQuery{Text: "sanktionen"})
		if err != nil || !slices.Equal(res.IDs, []string{id}) || res.Index.Indexed != 0 {
			t.Fatalf("%+v: search after the foreign write: %+v, %v", o, res, err)
		}
		if res, _ := l.Search(SearchQuery{Text: "zölle"}); len(res.IDs) != 0 {
			t.Fatalf("a stale hit: %v", res.IDs)
		}
		if o.ReadOnly {
			l.Close()
			continue
		}
		if err := l.BuildSearchIndex(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		if got := searchIDs(t, l, SearchQuery{Text: "sanktionen"}); !slices.Equal(got, []string{id}) {
			t.Fatalf("after the build: %v", got)
		}
		checkSearchIndex(t, l)
		l.Close()
	}
	// Built, stamped, and trusted again on the next open.
	l, err = OpenWith(p, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if got := searchIDs(t, l, SearchQuery{Text: "sanktionen"}); !slices.Equal(got, []string{id}) {
		t.Fatalf("after reopening: %v", got)
	}
}

// TestSearchIndexRebuiltForANewFormatOrSchema: an index of another format,
// or built for another schema (a migration rewrote what it indexes), is
// not used, and the build replaces it.
func TestSearchIndexRebuiltForANewFormatOrSchema(t *testing.T) {
	for _, key := range [][]byte{keyFormat, keyIndexSchema} {
		f := newSearchFixture(t)
		if err := f.l.db.Update(func(tx *bolt.Tx) error { return put32(tx.Bucket(bSearchMeta), key, 999) }); err != nil {
			t.Fatal(err)
		}
		res, err := f.l.Search(SearchQuery{Text: "raketentest"})
		if err != nil || res.Index.Indexed != 0 || !slices.Equal(res.IDs, []string{f.korea}) {
			t.Fatalf("%s changed: %+v, %v", key, res, err)
		}
		if err := f.l.BuildSearchIndex(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		if got := searchIDs(t, f.l, SearchQuery{Text: "raketentest"}); !slices.Equal(got, []string{f.korea}) {
			t.Fatalf("%s changed, after the build: %v", key, got)
		}
		checkSearchIndex(t, f.l)
	}
}

func TestParseQuery(t *testing.T) {
	cases := []struct {
		in   string
		want []queryTerm
	}{
		{"Nordkorea Bremmer", []queryTerm{{word: "nordkorea"}, {word: "bremmer"}}},
		{"Müller-Lüdenscheidt", []queryTerm{{word: "muller"}, {word: "ludenscheidt"}}},
		{"pjoengjang", []queryTerm{{word: "pjoengjang", alt: "pjongjang"}}},
		{`„Kalter Krieg“ -Trump`, []queryTerm{{word: "kalter", exact: true, phrase: 1}, {word: "krieg", exact: true, phrase: 1}, {word: "trump", not: true}}},
		{`-"der Krieg" "Nato" "kalter Krieg"`, []queryTerm{{word: "der", exact: true, not: true, phrase: 1}, {word: "krieg", exact: true, not: true, phrase: 1},
			{word: "nato", exact: true}, {word: "kalter", exact: true, phrase: 2}, {word: "krieg", exact: true, phrase: 2}}},
		{`-"EU" Nord-Korea`, []queryTerm{{word: "eu", exact: true, not: true}, {word: "nord"}, {word: "korea"}}},
		{`"unclosed quote`, []queryTerm{{word: "unclosed", exact: true, phrase: 1}, {word: "quote", exact: true, phrase: 1}}},
		{" - -- \"\" ", nil},
	}
	for _, c := range cases {
		if got := parseQuery(c.in); !slices.Equal(got, c.want) {
			t.Errorf("parseQuery(%q) = %+v, want %+v", c.in, got, c.want)
		}
	}
}

func TestSearchHits(t *testing.T) {
	f := newSearchFixture(t)
	cases := []struct {
		id, query, highlight, snippet string
		marked                        []string
	}{
		// The highlight names Nordkorea and quotes Bremmer: it is the hit.
		{f.berlin, "Nordkorea Bremmer", f.noteHL, "Nordkorea · “Ian Bremmer sprach”", []string{"Nordkorea", "Bremmer"}},
		// Found in its note.
		{f.berlin, "kalten", f.noteHL, "“Ian Bremmer sprach” · Note: Vergleich mit dem Kalten Krieg", []string{"Kalten"}},
		// Found in the text, not in a highlight: the words in the middle.
		{f.korea, "sanktionen russland", "", "…sich von niemandem einschüchtern lassen. Russland und China verhinderten im Sicherheitsrat neue Sanktionen gegen Pjöngjang. Die USA kritisierten das…", []string{"Russland", "Sanktionen"}},
		// One word in the text, the other only through a highlight's
		// actor: the actor leads the text's stretch.
		{f.berlin, "pjongjang zeitenwende", f.noteHL, "Nordkorea · Der Bundestag debattierte über Wirtschaftssanktionen. Ian Bremmer sprach von einer Zeitenwende.", []string{"Nordkorea", "Zeitenwende"}},
		// The orphan keeps its quote.
		{f.trade, "regelung", f.orphanHL, "“Die neue Regelung gilt ab heute.”", []string{"Regelung"}},
	}
	for _, c := range cases {
		hits, err := f.l.SearchHits([]string{c.id}, SearchQuery{Text: c.query})
		if err != nil || len(hits) != 1 {
			t.Fatalf("SearchHits(%q): %v, %v", c.query, hits, err)
		}
		h := hits[0]
		if h.ArticleID != c.id || h.HighlightID != c.highlight || h.Snippet != c.snippet {
			t.Errorf("SearchHits(%q) = %+v\nwant highlight %q, snippet %q", c.query, h, c.highlight, c.snippet)
			continue
		}
		if marked := markedText(h); !slices.Equal(marked, c.marked) {
			t.Errorf("SearchHits(%q) marks %q, want %q", c.query, marked, c.marked)
		}
	}
	if hits, err := f.l.SearchHits([]string{"NOSUCHARTICLE", f.en}, SearchQuery{Text: "pyongyang"}); err != nil || len(hits) != 1 || hits[0].ArticleID != f.en {
		t.Errorf("a gone article: %+v, %v", hits, err)
	}
}

// TestSnippetOfALongText: the snippet of a long text is the stretch that
// holds the most words searched for, cut at spaces.
func TestSnippetOfALongText(t *testing.T) {
	filler := strings.Repeat("Lorem ipsum dolor sit amet. ", 40)
	text := filler + "Hier steht Nordkorea allein. " + filler + "Bremmer sagt, Nordkorea teste weiter. " + filler
	terms := parseQuery("nordkorea bremmer")
	s, e, holds := bestStretch(text, terms)
	if len(holds) != 2 || !strings.HasPrefix(text[s:e], "Bremmer sagt, Nordkorea") {
		t.Fatalf("bestStretch = %q, %v", text[s:e], holds)
	}
	snip := cutSnippet(text, s, e)
	if !strings.HasPrefix(snip, "…") || !strings.HasSuffix(snip, "…") || !strings.Contains(snip, "Bremmer sagt, Nordkorea teste weiter.") {
		t.Fatalf("snippet %q", snip)
	}
	if n := utf8.RuneCountInString(snip); n > snippetRunes+2 || n < snippetRunes/2 {
		t.Fatalf("snippet of %d characters: %q", n, snip)
	}
}

// TestSearchIndexKeptByBatches checks PutBatch's deferred indexing: new
// articles with their highlights, an article already indexed replaced, a
// highlight added to an existing article, all in one batch, leave the
// index as a fresh build would, and the next batch finds it in step.
func TestSearchIndexKeptByBatches(t *testing.T) {
	f := newSearchFixture(t)
	l := f.l
	old, _, err := l.Article(f.berlin)
	if err != nil {
		t.Fatal(err)
	}
	old.Blocks = append(old.Blocks, article.Block{Type: article.Paragraph, Text: "Ein Nachtrag über Zolltarife."})
	for round := 0; round < 2; round++ {
		var b Batch
		b.Articles = append(b.Articles, BatchArticle{ID: f.berlin, Article: old, Added: time.Now()})
		for i := 0; i < 5; i++ {
			id := annotation.NewID()
			a := newArticle(fmt.Sprintf("https://example.org/batch/%d/%d", round, i), fmt.Sprintf("Stapel %d", i),
				"Der Sicherheitsrat beriet über Pjöngjang.", fmt.Sprintf("Runde %d Absatz %d.", round, i))
			b.Articles = append(b.Articles, BatchArticle{ID: id, Article: a, Added: time.Now()})
			s, e := span(t, a, "Sicherheitsrat")
			b.Highlights = append(b.Highlights, annotation.Highlight{ID: annotation.NewID(), ArticleID: id, Start: s, End: e,
				Quote: annotation.QuoteAt([]rune(a.Text()), s, e), Note: fmt.Sprintf("Notiz %d", i), Created: time.Now(), Updated: time.Now(),
				Actors: []annotation.ActorRef{{ActorID: f.nk.ID, Role: annotation.RoleSpeaker}}})
		}
		s, e := span(t, old, "Ian Bremmer")
		b.Highlights = append(b.Highlights, annotation.Highlight{ID: annotation.NewID(), ArticleID: f.berlin, Start: s, End: e,
			Quote: annotation.QuoteAt([]rune(old.Text()), s, e), Note: "Bremmer im Stapel", Created: time.Now(), Updated: time.Now()})
		if err := l.PutBatch(b); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		checkSearchIndex(t, l)
		for _, q := range []string{"sicherheitsrat", "notiz", "zolltarif", "stapel bremmer", "runde", "pjongjang"} {
			compareWithScan(t, l, SearchQuery{Text: q})
		}
		compareWithScan(t, l, SearchQuery{Actors: []ActorFilter{{ActorID: f.nk.ID, Role: annotation.RoleSpeaker}}})
		if ids := searchIDs(t, l, SearchQuery{Text: "runde"}); len(ids) != 5*(round+1) {
			t.Fatalf("round %d: 'runde' finds %d articles, want %d", round, len(ids), 5*(round+1))
		}
	}
	err = l.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bSearchDeferred) != nil {
			return fmt.Errorf("the deferred-articles bucket outlived its transaction")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// markedText is the text of each of a hit's marks, in order.
func markedText(h Hit) []string {
	var marked []string
	for _, m := range h.Marks {
		marked = append(marked, h.Snippet[m[0]:m[1]])
	}
	return marked
}

// TestSearchAcrossPostingsBlocks: a word's postings span blocks, and the
// block leads the key (termKey), so a search reads every block, a batch
// that crosses a block's end writes both, and a word leaves the
// dictionary only when no block holds it. The document numbers are moved
// to just short of a block's end, so that five articles cross it.
func TestSearchAcrossPostingsBlocks(t *testing.T) {
	f := newSearchFixture(t)
	l := f.l
	if err := l.db.Update(func(tx *bolt.Tx) error {
		ix := openIndex(tx)
		ix.next = blockDocs - 2
		return ix.saveCounts()
	}); err != nil {
		t.Fatal(err)
	}
	// "randwort" is in the first and the last article, "nachzügler" in
	// the second and the third: one on each side of the block's end.
	extra := []string{"Randwort", "Nachzügler", "Nachzügler", "", "Randwort"}
	var b Batch
	var ids []string
	for i, w := range extra {
		id := annotation.NewID()
		a := newArticle(fmt.Sprintf("https://example.org/blocks/%d", i), fmt.Sprintf("Grenzblock %d", i),
			"Der Sicherheitsrat tagte.", fmt.Sprintf("Absatz %d %s.", i, w))
		b.Articles = append(b.Articles, BatchArticle{ID: id, Article: a, Added: time.Now()})
		ids = append(ids, id)
	}
	if err := l.PutBatch(b); err != nil {
		t.Fatal(err)
	}
	checkSearchIndex(t, l)
	if err := l.db.View(func(tx *bolt.Tx) error {
		ix := openIndex(tx)
		for blk := range uint32(2) {
			if ix.terms.Get(termKey(fieldText, blk, "grenzblock")) == nil {
				t.Errorf("no postings of 'grenzblock' in block %d", blk)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	queries := []string{"grenzblock", "gr", "sicherheitsrat", "sich", "si", "randwort", "nachzugler", "na", "raketentest", "ra"}
	for _, q := range queries {
		compareWithScan(t, l, SearchQuery{Text: q})
	}
	if got := searchIDs(t, l, SearchQuery{Text: "grenzblock"}); len(got) != len(ids) {
		t.Fatalf("'grenzblock' finds %d articles, want %d", len(got), len(ids))
	}
	// Deleted in this order, "randwort" is left only in the later block,
	// and "nachzügler" only in the earlier one.
	for _, i := range []int{0, 2, 1, 3, 4} {
		if err := l.DeleteArticle(ids[i]); err != nil {
			t.Fatal(err)
		}
		checkSearchIndex(t, l)
		for _, q := range queries {
			compareWithScan(t, l, SearchQuery{Text: q})
		}
	}
}

// TestSearchIndexOfFormat2IsRebuilt: an index of format 2, whose
// search_terms keys put the word before the block (field, word, 0,
// BE32 block), is not read with the keys of today, but searched article
// by article until it is built again in the current format. The format 2
// index is written by hand from a current one.
func TestSearchIndexOfFormat2IsRebuilt(t *testing.T) {
	f := newSearchFixture(t)
	l := f.l
	err := l.db.Update(func(tx *bolt.Tx) error {
		ix := openIndex(tx)
		old := map[string][]byte{}
		if err := ix.terms.ForEach(func(k, v []byte) error {
			k2 := append([]byte{k[0]}, k[termKeyLen:]...)
			k2 = append(append(k2, 0), k[1:termKeyLen]...)
			old[string(k2)] = append([]byte(nil), v...)
			return nil
		}); err != nil {
			return err
		}
		if err := tx.DeleteBucket(bSearchTerms); err != nil {
			return err
		}
		terms, err := tx.CreateBucket(bSearchTerms)
		if err != nil {
			return err
		}
		for k, v := range old {
			if err := terms.Put([]byte(k), v); err != nil {
				return err
			}
		}
		return put32(ix.meta, keyFormat, 2)
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Search(SearchQuery{Text: "raketentest"})
	if err != nil || res.Index.Ready || !slices.Equal(res.IDs, []string{f.korea}) {
		t.Fatalf("with a format 2 index: %+v, %v; want %v found by reading the articles", res, err, f.korea)
	}
	if err := l.BuildSearchIndex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	checkSearchIndex(t, l)
	if got := searchIDs(t, l, SearchQuery{Text: "raketentest"}); !slices.Equal(got, []string{f.korea}) {
		t.Fatalf("after the build: %v", got)
	}
	checkCurrentFormat(t, l)
}

// checkCurrentFormat checks that the library's search index says it is of
// the current format, as a build leaves it.
func checkCurrentFormat(t *testing.T, l *Library) {
	t.Helper()
	if err := l.db.View(func(tx *bolt.Tx) error {
		if got := be32(tx.Bucket(bSearchMeta).Get(keyFormat)); got != searchFormat {
			t.Errorf("format %d after the build, want %d", got, searchFormat)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// TestTermKeysOrderByBlockFirst: every key of a block sorts before every
// key of the next, whatever the words, so that new documents touch only
// the newest block's keys.
func TestTermKeysOrderByBlockFirst(t *testing.T) {
	words := []string{"", "a", "zz", "\xff\xff", "und", "wirtschaftssanktionen"}
	for _, field := range []byte{fieldText, fieldHighlight, fieldActor} {
		for _, early := range words {
			for _, late := range words {
				if k0, k1 := termKey(field, 0, early), termKey(field, 1, late); string(k0) >= string(k1) {
					t.Errorf("%q in block 0 sorts at or after %q in block 1", k0, k1)
				}
			}
		}
	}
}
