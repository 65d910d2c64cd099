package storage

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
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
