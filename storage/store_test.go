package storage

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// addActor adds an actor or fails the test.
func addActor(t testing.TB, l *Library, name string, aliases ...string) annotation.Actor {
	t.Helper()
	a, err := l.AddActor(annotation.Actor{Name: name, Aliases: aliases})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// highlight adds a highlight of the first occurrence of passage.
func highlight(t testing.TB, l *Library, id string, a *article.Article, passage string, refs ...annotation.ActorRef) annotation.Highlight {
	t.Helper()
	s, e := span(t, a, passage)
	h, err := l.AddHighlight(annotation.Highlight{ArticleID: id, Start: s, End: e, Actors: refs})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestImportListSearchResolveDelete(t *testing.T) {
	l := newLibrary(t)
	a1 := newArticle("https://example.org/nk", "Raketen", sampleParagraphs...)
	a2 := newArticle("", "Ohne Adresse", "Ein Text, kopiert aus dem Browser.", "Mit Straße und STRASSE.")
	r1, err := l.ImportArticle(a1)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Millisecond)
	r2, err := l.ImportArticle(a2)
	if err != nil {
		t.Fatal(err)
	}
	if r1.Updated || r2.Updated || r1.ID == r2.ID {
		t.Fatalf("results %+v %+v", r1, r2)
	}
	list, err := l.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != r2.ID || list[1].Title != "Raketen" {
		t.Fatalf("Articles = %+v (newest first expected)", list)
	}
	for q, want := range map[string]int{"raketen": 1, "PJÖNGJANG": 1, "browser": 1, "": 2, "nichts dergleichen": 0} {
		got, err := l.SearchArticles(q)
		if err != nil || len(got) != want {
			t.Errorf("SearchArticles(%q) = %d results, %v; want %d", q, len(got), err, want)
		}
	}
	// Re-importing the same text without URL updates, not duplicates.
	r3, err := l.ImportArticle(newArticle("", "Neuer Titel", "Ein Text, kopiert aus dem Browser.", "Mit Straße und STRASSE."))
	if err != nil || !r3.Updated || r3.ID != r2.ID {
		t.Fatalf("re-import by text = %+v, %v", r3, err)
	}
	if id, err := l.ResolveArticle(strings.ToLower(r1.ID[:20])); err != nil || id != r1.ID {
		// ids made in the same test share a time prefix; 20 characters
		// include random bits.
		t.Fatalf("ResolveArticle = %q, %v", id, err)
	}
	if _, err := l.ResolveArticle("01"); !errors.Is(err, ErrAmbiguous) {
		t.Fatalf("ResolveArticle(01) = %v, want ErrAmbiguous", err)
	}
	if _, err := l.ResolveArticle("ZZZZ"); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "no article with id prefix ZZZZ") {
		t.Fatalf("ResolveArticle(ZZZZ) = %v", err)
	}
	// Several at once: each article once, in the order first named.
	if ids, err := l.ResolveArticles([]string{r2.ID, strings.ToLower(r1.ID[:20]), r2.ID}); err != nil || !slices.Equal(ids, []string{r2.ID, r1.ID}) {
		t.Fatalf("ResolveArticles = %v, %v; want [%s %s]", ids, err, r2.ID, r1.ID)
	}
	if _, err := l.ResolveArticles([]string{r1.ID, "ZZZZ"}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("ResolveArticles with an unknown prefix = %v, want ErrNotFound", err)
	}
	kim := addActor(t, l, "Kim Jong Un")
	highlight(t, l, r1.ID, a1, "Kim Jong Un sagte", annotation.ActorRef{ActorID: kim.ID, Role: annotation.RoleSpeaker})
	if err := l.DeleteArticle(r1.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := l.Article(r1.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted article: %v", err)
	}
	if hs, err := l.ActorHighlights(kim.ID); err != nil || len(hs) != 0 {
		t.Fatalf("actor highlights after article delete = %v, %v", hs, err)
	}
	checkIndexes(t, l)
	// The URL is free again: importing it makes a new article.
	r4, err := l.ImportArticle(a1)
	if err != nil || r4.Updated || r4.ID == r1.ID {
		t.Fatalf("import after delete = %+v, %v", r4, err)
	}
	checkIndexes(t, l)
}

func TestImportDoesNotChangeCallersArticle(t *testing.T) {
	l := newLibrary(t)
	a := &article.Article{Title: "  T  ", Blocks: []article.Block{{Type: article.Paragraph, Text: "  x  y "}, {Type: article.Paragraph, Text: " "}}}
	if _, err := l.ImportArticle(a); err != nil {
		t.Fatal(err)
	}
	if a.Title != "  T  " || len(a.Blocks) != 2 {
		t.Fatalf("caller's article changed: %+v", a)
	}
	if _, err := l.ImportArticle(&article.Article{Title: "leer", Blocks: []article.Block{{Text: "   "}}}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("empty article: %v", err)
	}
	if _, err := l.ImportArticle(nil); !errors.Is(err, ErrInvalid) {
		t.Fatalf("nil article: %v", err)
	}
}

func TestReimportReanchors(t *testing.T) {
	l := newLibrary(t)
	a := newArticle("https://example.org/nk", "Raketen", sampleParagraphs...)
	res, err := l.ImportArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	kim := addActor(t, l, "Kim Jong Un")
	china := addActor(t, l, "China", "Peking")
	hKim := highlight(t, l, res.ID, a, "man werde sich von niemandem einschüchtern lassen", annotation.ActorRef{ActorID: kim.ID, Role: annotation.RoleSpeaker})
	hVeto := highlight(t, l, res.ID, a, "verhinderten im Sicherheitsrat neue Sanktionen", annotation.ActorRef{ActorID: china.ID})
	hUSA := highlight(t, l, res.ID, a, "Die USA kritisierten das Vorgehen scharf.")
	hFirst := highlight(t, l, res.ID, a, "Nordkorea hat erneut")

	edited := newArticle("https://example.org/nk", "Raketen (aktualisiert)",
		"Eilmeldung: Nordkorea hat erneut Raketen getestet, sagt Seoul.",
		"Machthaber Kim Jong Un sagte, man werde sich von absolut niemandem einschüchtern lassen.",
		"Russland und China verhinderten im Sicherheitsrat neue Sanktionen gegen Pjöngjang.",
	)
	r2, err := l.ImportArticle(edited)
	if err != nil {
		t.Fatal(err)
	}
	if !r2.Updated || r2.ID != res.ID || r2.Highlights != 4 || r2.Orphaned != 1 || r2.Reanchored != 3 ||
		r2.QuoteChanged != 1 || len(r2.QuoteChangedIDs) != 1 || r2.QuoteChangedIDs[0] != hKim.ID {
		t.Fatalf("re-import = %+v, want 4 highlights, 3 re-anchored (%s's quoted text changed), 1 orphaned", r2, hKim.ID)
	}
	got, info, err := l.Article(res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Raketen (aktualisiert)" || info.Highlights != 4 || info.Orphaned != 1 {
		t.Fatalf("after re-import: %q, %+v", got.Title, info)
	}
	text := []rune(got.Text())
	hs, err := l.Highlights(res.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		hFirst.ID: "Nordkorea hat erneut",
		hKim.ID:   "man werde sich von absolut niemandem einschüchtern lassen",
		hVeto.ID:  "verhinderten im Sicherheitsrat neue Sanktionen",
	}
	// What the reader highlighted stays the quote, though the page's
	// words under it changed.
	wantQuote := map[string]string{hKim.ID: hKim.Quote.Exact}
	for i, h := range hs {
		if i > 0 && hs[i-1].Orphaned == "" && h.Orphaned == "" && hs[i-1].Start > h.Start {
			t.Fatalf("highlights not in reading order: %+v", hs)
		}
		if h.ID == hUSA.ID {
			if h.Orphaned == "" || i != len(hs)-1 {
				t.Fatalf("deleted passage not orphaned last: %+v", h)
			}
			continue
		}
		q, ok := wantQuote[h.ID]
		if !ok {
			q = want[h.ID]
		}
		if got := string(text[h.Start:h.End]); got != want[h.ID] || h.Quote.Exact != q {
			t.Fatalf("highlight %s covers %q (quote %q), want %q (quote %q)", h.ID, got, h.Quote.Exact, want[h.ID], q)
		}
	}
	if ah, _ := l.ActorHighlights(kim.ID); len(ah) != 1 || ah[0].Quote.Exact != hKim.Quote.Exact {
		t.Fatalf("actor index after re-import: %+v", ah)
	}
	checkIndexes(t, l)

	// Importing the original again brings the orphan back.
	r3, err := l.ImportArticle(a)
	if err != nil || r3.Orphaned != 0 || r3.Highlights != 4 {
		t.Fatalf("re-import of the original = %+v, %v", r3, err)
	}
	if h, _ := l.Highlight(hUSA.ID); h.Orphaned != "" || h.Start != hUSA.Start {
		t.Fatalf("orphan not restored: %+v", h)
	}
	// The original words back, the changed highlight is where it began.
	if h, _ := l.Highlight(hKim.ID); h.Start != hKim.Start || h.End != hKim.End || h.Quote != hKim.Quote || r3.QuoteChanged != 0 {
		t.Fatalf("highlight on changed words after the original came back: %+v (re-import %+v), want %+v", h, r3, hKim)
	}
	checkIndexes(t, l)
}

func TestHighlightValidationChangesNothing(t *testing.T) {
	l := newLibrary(t)
	a := newArticle("https://example.org/x", "X", sampleParagraphs...)
	res, _ := l.ImportArticle(a)
	kim := addActor(t, l, "Kim Jong Un")
	n := len([]rune(a.Text()))
	bad := []annotation.Highlight{
		{ArticleID: res.ID, Start: 5, End: 5},
		{ArticleID: res.ID, Start: -1, End: 5},
		{ArticleID: res.ID, Start: 0, End: n + 1},
		{ArticleID: res.ID, Start: 9, End: 3},
		{ArticleID: "NOPE", Start: 0, End: 3},
		{ArticleID: res.ID, Start: 0, End: 3, Actors: []annotation.ActorRef{{ActorID: "ghost"}}},
		{ArticleID: res.ID, Start: 0, End: 3, Actors: []annotation.ActorRef{{ActorID: kim.ID, Role: "boss"}}},
		{ArticleID: res.ID, Start: 0, End: 3, Color: strings.Repeat("x", 40)},
	}
	for _, h := range bad {
		if _, err := l.AddHighlight(h); err == nil {
			t.Errorf("AddHighlight(%+v) succeeded", h)
		} else if strings.Contains(err.Error(), "\n") {
			t.Errorf("error not one line: %q", err)
		}
	}
	if hs, _ := l.Highlights(res.ID); len(hs) != 0 {
		t.Fatalf("failed adds left highlights: %+v", hs)
	}
	if c, _ := l.HighlightCounts(); len(c) != 0 {
		t.Fatalf("failed adds left index entries: %v", c)
	}
	checkIndexes(t, l)
}

func TestHighlightLifecycle(t *testing.T) {
	l := newLibrary(t)
	a := newArticle("https://example.org/x", "X", sampleParagraphs...)
	res, _ := l.ImportArticle(a)
	kim := addActor(t, l, "Kim Jong Un")
	usa := addActor(t, l, "USA")
	h := highlight(t, l, res.ID, a, "Kim Jong Un", annotation.ActorRef{ActorID: kim.ID}, annotation.ActorRef{ActorID: kim.ID, Role: annotation.RoleSpeaker})
	if len(h.Actors) != 1 || h.Actors[0].Role != annotation.RoleMentioned || h.Quote.Exact != "Kim Jong Un" || h.ID == "" || h.Created.IsZero() {
		t.Fatalf("added %+v", h)
	}
	if !strings.HasSuffix(h.Quote.Prefix, "Machthaber ") || !strings.HasPrefix(h.Quote.Suffix, " sagte") {
		t.Fatalf("quote context %+v", h.Quote)
	}
	got, err := l.Highlight(h.ID)
	if err != nil || got.Quote != h.Quote || !got.Created.Equal(h.Created) {
		t.Fatalf("Highlight = %+v, %v", got, err)
	}
	// Move it, swap its actor, add a note.
	s, e := span(t, a, "Die USA")
	h.Start, h.End, h.Note = s, e, "Reaktion"
	h.Actors = []annotation.ActorRef{{ActorID: usa.ID, Role: annotation.RoleSpeaker}}
	u, err := l.UpdateHighlight(h)
	if err != nil {
		t.Fatal(err)
	}
	if u.Quote.Exact != "Die USA" || !u.Created.Equal(h.Created) || u.Note != "Reaktion" {
		t.Fatalf("updated %+v", u)
	}
	if hs, _ := l.ActorHighlights(kim.ID); len(hs) != 0 {
		t.Fatalf("old actor still indexed: %+v", hs)
	}
	if hs, _ := l.ActorHighlights(usa.ID); len(hs) != 1 || hs[0].Note != "Reaktion" {
		t.Fatalf("new actor not indexed: %+v", hs)
	}
	checkIndexes(t, l)
	// PutHighlight restores exactly (undo of a delete).
	if err := l.DeleteHighlight(h.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Highlight(h.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted highlight: %v", err)
	}
	if err := l.DeleteHighlight(h.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	checkIndexes(t, l)
	if err := l.PutHighlight(u); err != nil {
		t.Fatal(err)
	}
	if back, _ := l.Highlight(h.ID); back.Quote != u.Quote || !back.Updated.Equal(u.Updated) {
		t.Fatalf("put back %+v, want %+v", back, u)
	}
	checkIndexes(t, l)
}

func TestActorsRenameMergeDelete(t *testing.T) {
	l := newLibrary(t)
	a := newArticle("https://example.org/x", "X", sampleParagraphs...)
	res, _ := l.ImportArticle(a)
	nk := addActor(t, l, "Nordkorea", "DVRK")
	pj := addActor(t, l, "Pjöngjang", "Pyongyang")
	kim := addActor(t, l, "Kim Jong Un")
	if nk.Color == pj.Color || nk.Color == "" || nk.Kind != annotation.KindOther {
		t.Fatalf("palette/kind: %+v %+v", nk, pj)
	}
	if _, err := l.AddActor(annotation.Actor{Name: "NORDKOREA"}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("duplicate name: %v", err)
	}
	if _, err := l.AddActor(annotation.Actor{Name: "X", Kind: "planet"}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("bad kind: %v", err)
	}
	if f, ok, err := l.FindActor("dvrk"); err != nil || !ok || f.ID != nk.ID {
		t.Fatalf("FindActor(dvrk) = %+v, %v, %v", f, ok, err)
	}
	if _, ok, _ := l.FindActor("Südkorea"); ok {
		t.Fatal("found an actor that does not exist")
	}
	h1 := highlight(t, l, res.ID, a, "Nordkorea hat", annotation.ActorRef{ActorID: nk.ID, Role: annotation.RoleSpeaker})
	h2 := highlight(t, l, res.ID, a, "gegen Pjöngjang", annotation.ActorRef{ActorID: pj.ID, Role: annotation.RoleTarget})
	h3 := highlight(t, l, res.ID, a, "Kim Jong Un sagte", annotation.ActorRef{ActorID: kim.ID, Role: annotation.RoleSpeaker},
		annotation.ActorRef{ActorID: nk.ID}, annotation.ActorRef{ActorID: pj.ID, Role: annotation.RoleSpeaker})

	// Rename.
	nk.Name = "Nordkorea (DVRK)"
	if _, err := l.UpdateActor(nk); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := l.FindActor("Nordkorea"); ok {
		t.Fatal("old name still found")
	}
	if f, ok, _ := l.FindActor("nordkorea (dvrk)"); !ok || f.ID != nk.ID || f.Color == "" {
		t.Fatalf("renamed actor: %+v", f)
	}
	kim.Name = "nordkorea (DVRK)"
	if _, err := l.UpdateActor(kim); !errors.Is(err, ErrInvalid) {
		t.Fatalf("rename onto another name: %v", err)
	}
	checkIndexes(t, l)

	// Merge Pjöngjang into Nordkorea.
	if err := l.MergeActors(pj.ID, nk.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Actor(pj.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("merged actor still there: %v", err)
	}
	merged, _ := l.Actor(nk.ID)
	if strings.Join(merged.Aliases, "|") != "DVRK|Pjöngjang|Pyongyang" {
		t.Fatalf("aliases after merge = %q", merged.Aliases)
	}
	if f, ok, _ := l.FindActor("pyongyang"); !ok || f.ID != nk.ID {
		t.Fatal("alias of the merged actor not found")
	}
	hs, _ := l.ActorHighlights(nk.ID)
	if len(hs) != 3 || hs[0].ID != h1.ID || hs[1].ID != h3.ID || hs[2].ID != h2.ID {
		t.Fatalf("highlights after merge: %+v", hs)
	}
	for _, h := range hs {
		n := 0
		for _, r := range h.Actors {
			if r.ActorID == nk.ID {
				n++
				if h.ID == h3.ID && r.Role != annotation.RoleSpeaker {
					t.Fatalf("merge lost the specific role: %+v", h.Actors)
				}
				if h.ID == h2.ID && r.Role != annotation.RoleTarget {
					t.Fatalf("merge changed a role: %+v", h.Actors)
				}
			}
			if r.ActorID == pj.ID {
				t.Fatalf("merged actor still on highlight %s", h.ID)
			}
		}
		if n != 1 {
			t.Fatalf("highlight %s has the merged actor %d times", h.ID, n)
		}
	}
	counts, _ := l.HighlightCounts()
	if counts[nk.ID] != 3 || counts[kim.ID] != 1 || counts[pj.ID] != 0 {
		t.Fatalf("counts after merge = %v", counts)
	}
	checkIndexes(t, l)
	if err := l.MergeActors(nk.ID, nk.ID); err == nil {
		t.Fatal("merged an actor into itself")
	}

	// Delete.
	if err := l.DeleteActor(nk.ID); err != nil {
		t.Fatal(err)
	}
	if h, _ := l.Highlight(h3.ID); len(h.Actors) != 1 || h.Actors[0].ActorID != kim.ID {
		t.Fatalf("deleted actor still on highlight: %+v", h.Actors)
	}
	if h, _ := l.Highlight(h1.ID); len(h.Actors) != 0 {
		t.Fatalf("deleted actor still on highlight: %+v", h.Actors)
	}
	actors, _ := l.Actors()
	if len(actors) != 1 || actors[0].ID != kim.ID {
		t.Fatalf("actors after delete = %+v", actors)
	}
	checkIndexes(t, l)
}

func TestPutActorAndArticleExact(t *testing.T) {
	l := newLibrary(t)
	added := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	a := newArticle("https://example.org/p", "P", sampleParagraphs...)
	if err := l.PutArticle("01PUT0000000000000000000AA", a, added); err != nil {
		t.Fatal(err)
	}
	_, info, err := l.Article("01PUT0000000000000000000AA")
	if err != nil || !info.Added.Equal(added) {
		t.Fatalf("PutArticle: %+v, %v", info, err)
	}
	act := annotation.Actor{ID: "01ACT0000000000000000000AA", Name: "Kreml", Kind: annotation.KindOrganisation, Color: "#123456", Created: added, Updated: added}
	if err := l.PutActor(act); err != nil {
		t.Fatal(err)
	}
	if got, _ := l.Actor(act.ID); got.Color != "#123456" || !got.Created.Equal(added) {
		t.Fatalf("PutActor: %+v", got)
	}
	if err := l.PutActor(annotation.Actor{ID: "other", Name: "KREML"}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("PutActor with a taken name: %v", err)
	}
	// Re-import through the URL finds the put article.
	if r, err := l.ImportArticle(a); err != nil || r.ID != "01PUT0000000000000000000AA" {
		t.Fatalf("import after put = %+v, %v", r, err)
	}
	checkIndexes(t, l)
}

func TestAddHighlightWithActorsIsAllOrNothing(t *testing.T) {
	l := newLibrary(t)
	a := newArticle("https://example.org/x", "X", sampleParagraphs...)
	res, _ := l.ImportArticle(a)
	newKim := annotation.Actor{ID: annotation.NewID(), Name: "Kim Jong Un", Kind: annotation.KindPerson}
	ref := []annotation.ActorRef{{ActorID: newKim.ID, Role: annotation.RoleSpeaker}}
	if _, _, err := l.AddHighlightWithActors(annotation.Highlight{ArticleID: res.ID, Start: 5, End: 1, Actors: ref}, []annotation.Actor{newKim}); err == nil {
		t.Fatal("bad range accepted")
	}
	if as, _ := l.Actors(); len(as) != 0 {
		t.Fatalf("a failed add left actors behind: %+v", as)
	}
	s, e := span(t, a, "Kim Jong Un sagte")
	h, added, err := l.AddHighlightWithActors(annotation.Highlight{ArticleID: res.ID, Start: s, End: e, Actors: ref}, []annotation.Actor{newKim})
	if err != nil || len(added) != 1 || added[0].Color == "" || h.Actors[0].ActorID != newKim.ID {
		t.Fatalf("AddHighlightWithActors = %+v, %+v, %v", h, added, err)
	}
	if hs, _ := l.ActorHighlights(newKim.ID); len(hs) != 1 {
		t.Fatalf("actor highlights = %+v", hs)
	}
	checkIndexes(t, l)
}

// An edit that tags a highlight with a new actor stores both or neither:
// the actor of a failed edit (here: the highlight is gone) is not left
// behind without its highlight.
func TestUpdateHighlightWithActorsIsAllOrNothing(t *testing.T) {
	l := newLibrary(t)
	a := newArticle("https://example.org/x", "X", sampleParagraphs...)
	res, _ := l.ImportArticle(a)
	s, e := span(t, a, "Kim Jong Un sagte")
	h, err := l.AddHighlight(annotation.Highlight{ArticleID: res.ID, Start: s, End: e})
	if err != nil {
		t.Fatal(err)
	}
	newKim := annotation.Actor{ID: annotation.NewID(), Name: "Kim Jong Un", Kind: annotation.KindPerson}
	h.Actors = []annotation.ActorRef{{ActorID: newKim.ID, Role: annotation.RoleSpeaker}}
	gone := h
	gone.ID = annotation.NewID()
	if _, _, err := l.UpdateHighlightWithActors(gone, []annotation.Actor{newKim}); err == nil {
		t.Fatal("an edit of a missing highlight was accepted")
	}
	if as, _ := l.Actors(); len(as) != 0 {
		t.Fatalf("a failed edit left actors behind: %+v", as)
	}
	got, added, err := l.UpdateHighlightWithActors(h, []annotation.Actor{newKim})
	if err != nil || len(added) != 1 || added[0].Color == "" || got.Actors[0].ActorID != newKim.ID {
		t.Fatalf("UpdateHighlightWithActors = %+v, %+v, %v", got, added, err)
	}
	if hs, _ := l.ActorHighlights(newKim.ID); len(hs) != 1 || hs[0].ID != h.ID {
		t.Fatalf("actor highlights = %+v", hs)
	}
	checkIndexes(t, l)
}

// TestManyHighlightsDecodeInOrder covers the parallel decoding of a long
// article's highlights: all present, in reading order, each intact.
func TestManyHighlightsDecodeInOrder(t *testing.T) {
	l := newLibrary(t)
	var ps []string
	for i := 0; i < 40; i++ {
		ps = append(ps, sampleParagraphs...)
	}
	a := newArticle("https://example.org/many", "Many", ps...)
	res, _ := l.ImportArticle(a)
	kim := addActor(t, l, "Kim Jong Un")
	text := []rune(a.Text())
	n := parallelDecodeMin + 501
	err := l.db.Update(func(tx *bolt.Tx) error {
		for i := 0; i < n; i++ {
			s := (i * 7) % (len(text) - 20)
			h := annotation.Highlight{ID: fmt.Sprintf("H%06d", i), ArticleID: res.ID, Start: s, End: s + 10 + i%9,
				Quote: annotation.QuoteAt(text, s, s+10+i%9), Note: fmt.Sprint(i),
				Actors: []annotation.ActorRef{{ActorID: kim.ID, Role: annotation.RoleTarget}}}
			if err := putHighlight(tx, h); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	hs, err := l.Highlights(res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != n {
		t.Fatalf("%d highlights, want %d", len(hs), n)
	}
	for i, h := range hs {
		if i > 0 && (hs[i-1].Start > h.Start || (hs[i-1].Start == h.Start && hs[i-1].End > h.End)) {
			t.Fatalf("out of order at %d", i)
		}
		if h.ArticleID != res.ID || string(text[h.Start:h.End]) != h.Quote.Exact || len(h.Actors) != 1 || h.Note == "" {
			t.Fatalf("highlight %d damaged: %+v", i, h)
		}
	}
	if c, _ := l.HighlightCounts(); c[kim.ID] != n {
		t.Fatalf("count %d", c[kim.ID])
	}
}

// Articles imported within one millisecond (a fast machine, a batch import)
// must still list newest first: the order is the reader's, not chance's.
func TestListOrderWithinOneMillisecond(t *testing.T) {
	l := newLibrary(t)
	frozen := time.Date(2026, 11, 27, 2, 17, 30, 833_000_000, time.UTC)
	l.now = func() time.Time { return frozen }
	var ids []string
	for i := 0; i < 20; i++ {
		res, err := l.ImportArticle(newArticle(fmt.Sprintf("https://example.org/%d", i), fmt.Sprintf("Artikel %d", i), "Text."))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.ID)
	}
	list, err := l.Articles()
	if err != nil {
		t.Fatal(err)
	}
	for i, info := range list {
		if want := ids[len(ids)-1-i]; info.ID != want {
			t.Fatalf("position %d lists %s (%s), want the article imported %d-th from last", i, info.ID, info.Title, i+1)
		}
	}
}

// A name clash names both actors as the reader spelt them: the one being
// renamed and the one that already has the name.
func TestNameClashNamesBothActors(t *testing.T) {
	l := newLibrary(t)
	addActor(t, l, "Kim Jong-un")
	nk := addActor(t, l, "Nord-Korea")
	nk.Name = "kim jong-un"
	_, err := l.UpdateActor(nk)
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), `"Nord-Korea" (renaming it to "kim jong-un")`) ||
		!strings.Contains(err.Error(), `already an actor named "Kim Jong-un"`) {
		t.Errorf("rename onto another actor's name: %v", err)
	}
	if _, err := l.AddActor(annotation.Actor{Name: "KIM JONG-UN"}); err == nil || !strings.Contains(err.Error(), `named "Kim Jong-un"`) {
		t.Errorf("adding a clashing name: %v", err)
	}
}
