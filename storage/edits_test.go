package storage

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/article"
)

// A reader's corrections of an article's metadata are stored, move the
// address index, and survive importing the page again (what the reader
// set wins; what the reader left alone follows the page).
func TestEditArticleSurvivesReimport(t *testing.T) {
	l := newLibrary(t)
	page := newArticle("https://example.org/a", "Seitentitel", "Erster Absatz mit Text.", "Zweiter Absatz.")
	res, err := l.Import(page, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	title, site, url, lang := "Richtiger Titel", "Beispiel-Zeitung", "https://example.org/richtig", "de"
	authors := []string{"Anna Müller", "  ", "J. O'Brien"}
	when := time.Date(2024, 11, 8, 12, 22, 0, 0, time.UTC)
	info, err := l.EditArticle(res.ID, ArticleEdit{Title: &title, Site: &site, URL: &url, Lang: &lang, Authors: &authors, Published: &when})
	if err != nil {
		t.Fatal(err)
	}
	if info.Title != title || info.Site != site || !slices.Equal(info.Authors, []string{"Anna Müller", "J. O'Brien"}) || !info.Published.Equal(when) {
		t.Fatalf("after the edit: %+v", info)
	}
	if found, _, _ := l.MatchArticle("", url, ""); found != res.ID {
		t.Errorf("the edited address does not find the article (%q)", found)
	}
	page2 := newArticle("https://example.org/a", "Seitentitel, neu", "Erster Absatz mit Text.", "Zweiter Absatz.")
	page2.Description = "neu von der Seite"
	res2, err := l.Import(page2, ImportOptions{Force: true})
	if err != nil || res2.ID != res.ID {
		t.Fatalf("re-import: %+v, %v", res2, err)
	}
	a, _, err := l.Article(res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != title || a.Site != site || a.URL != url || a.Lang != lang || !a.Published.Equal(when) || a.Description != "neu von der Seite" {
		t.Errorf("after re-import: title %q site %q url %q lang %q published %v description %q", a.Title, a.Site, a.URL, a.Lang, a.Published, a.Description)
	}
	long := strings.Repeat("x", 2000)
	bad := "ftp://x"
	for _, e := range []ArticleEdit{{Title: &long}, {URL: &bad}} {
		if _, err := l.EditArticle(res.ID, e); !errors.Is(err, ErrInvalid) {
			t.Errorf("edit %+v: %v, want ErrInvalid", e, err)
		}
	}
	if _, err := l.EditArticle("01NOPE", ArticleEdit{Title: &title}); !errors.Is(err, ErrNotFound) {
		t.Errorf("editing a missing article: %v", err)
	}
}

// Clearing a field is a correction too: authors cleared by the reader
// stay cleared when the page (which names them) is imported again.
func TestClearedAuthorsSurviveReimport(t *testing.T) {
	l := newLibrary(t)
	page := newArticle("https://example.org/a", "Titel", "Erster Absatz mit Text.")
	page.Authors = []string{"Redaktion", "dpa"}
	res, err := l.Import(page, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	none := []string{}
	if _, err := l.EditArticle(res.ID, ArticleEdit{Authors: &none}); err != nil {
		t.Fatal(err)
	}
	again := newArticle("https://example.org/a", "Titel", "Erster Absatz mit Text.")
	again.Authors = []string{"Redaktion", "dpa"}
	if _, err := l.Import(again, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	a, _, err := l.Article(res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Authors) != 0 || a.Corrected == nil || a.Corrected.Authors == nil {
		t.Errorf("authors after the re-import: %q (corrections %+v)", a.Authors, a.Corrected)
	}
}

// PutArticle (backup import) stores the corrections it is given and
// applies them over the metadata; given none (an older backup), it keeps
// those the library's article has, so a re-import cannot undo them.
func TestPutArticleKeepsCorrections(t *testing.T) {
	l := newLibrary(t)
	page := newArticle("https://example.org/a", "Seitentitel", "Erster Absatz mit Text.")
	res, err := l.Import(page, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	site := "Beispiel-Zeitung"
	if _, err := l.EditArticle(res.ID, ArticleEdit{Site: &site}); err != nil {
		t.Fatal(err)
	}
	stored, info, err := l.Article(res.ID)
	if err != nil {
		t.Fatal(err)
	}
	plain := *stored
	plain.Corrected, plain.Site = nil, "example.org"
	if err := l.PutArticle(res.ID, &plain, info.Added); err != nil {
		t.Fatal(err)
	}
	if a, _, _ := l.Article(res.ID); a.Site != site || a.Corrected == nil || *a.Corrected.Site != site {
		t.Fatalf("PutArticle without corrections dropped the library's: site %q, %+v", a.Site, a.Corrected)
	}
	if _, err := l.Import(newArticle("https://example.org/a", "Seitentitel", "Erster Absatz mit Text."), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if a, _, _ := l.Article(res.ID); a.Site != site {
		t.Errorf("a re-import after PutArticle undid the correction: site %q", a.Site)
	}

	title := "Vom Leser"
	fresh := newArticle("https://example.org/b", "Seitentitel B", "Ganz anderer Text hier.")
	fresh.Corrected = &article.Corrections{Title: &title}
	if err := l.PutArticle("01JPUTCORRECTED00000000000", fresh, time.Now()); err != nil {
		t.Fatal(err)
	}
	if a, _, _ := l.Article("01JPUTCORRECTED00000000000"); a.Title != title {
		t.Errorf("the given correction does not win over the given metadata: %q", a.Title)
	}
	bad := "ftp://x"
	fresh.Corrected = &article.Corrections{URL: &bad}
	if err := l.PutArticle("01JPUTBAD00000000000000000", fresh, time.Now()); !errors.Is(err, ErrInvalid) {
		t.Errorf("a correction EditArticle would refuse: %v, want ErrInvalid", err)
	}
}
