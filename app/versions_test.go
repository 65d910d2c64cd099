package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// versionsArticle is an article as a page gives it, and the same page
// behind a paywall: its lead and the publisher's pitch.
func versionsArticle(paywalled bool) *article.Article {
	a := &article.Article{Title: "Raketen", URL: "https://example.org/nk", Lang: "de"}
	ps := []string{
		"Nordkorea hat erneut Raketen getestet. Die Regierung in Seoul zeigte sich besorgt.",
		"Machthaber Kim Jong Un sagte, man werde sich von niemandem einschüchtern lassen.",
		"Russland und China verhinderten im Sicherheitsrat neue Sanktionen gegen Pjöngjang.",
	}
	if paywalled {
		ps = []string{ps[0], "Lesen Sie weiter mit einem Abonnement: alle Artikel, jederzeit kündbar."}
	}
	for _, p := range ps {
		a.Blocks = append(a.Blocks, article.Block{Type: article.Paragraph, Text: p})
	}
	return a
}

// importPage imports art as the window does a page fetched from source.
func importPage(a *App, source string, art *article.Article) {
	a.importer.importWith("nk.html", source, false, func() (*article.Article, error) { return art, nil })
}

// topButton finds a button by label in the dialog on top of the window.
func topButton(t *testing.T, a *App, label string) *widget.Button {
	t.Helper()
	top := a.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open; status %q", a.shell.status.Text)
	}
	b := findButton(top, label)
	if b == nil {
		t.Fatalf("the dialog has no %q button: %s", label, renderedText(top))
	}
	return b
}

// A page that would orphan most of an article's highlights is not
// imported until the reader says so: Escape (Keep Current Text) changes
// nothing; Replace Text replaces it and keeps the old text as a version,
// which Article Versions… lists and restores with its highlights in place.
func TestReimportAsksAndVersionsRestore(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	importPage(a, "https://example.org/nk", versionsArticle(false))
	id := a.ctl.current
	if id == "" || !strings.HasPrefix(a.shell.status.Text, "Imported nk.html") {
		t.Fatalf("first import: current %q, status %q", id, a.shell.status.Text)
	}
	text := []rune(a.ctl.art.Text())
	var before []annotation.Highlight
	for _, p := range []string{"Kim Jong Un", "im Sicherheitsrat"} {
		s := strings.Index(string(text), p)
		s = len([]rune(string(text)[:s]))
		h, err := lib.AddHighlight(annotation.Highlight{ArticleID: id, Start: s, End: s + len([]rune(p))})
		if err != nil {
			t.Fatal(err)
		}
		before = append(before, h)
	}

	importPage(a, "https://example.org/nk", versionsArticle(true))
	msg := renderedText(a.win.Canvas().Overlays().Top())
	if !strings.Contains(msg, "lacks the passages of 2 of its 2 highlights") || !strings.Contains(msg, "Article Versions") {
		t.Fatalf("the question says %q", msg)
	}
	if a.shell.dialogKey(fyne.KeyEscape); a.shell.dialogOpen() {
		t.Fatal("Escape did not close the question")
	}
	if vs, _ := lib.Versions(id); len(vs) != 1 || !strings.Contains(a.shell.status.Text, "Kept the current text") {
		t.Fatalf("after Keep: %d versions, status %q", len(vs), a.shell.status.Text)
	}

	importPage(a, "https://example.org/nk", versionsArticle(true))
	topButton(t, a, "Replace Text").OnTapped()
	if got, _, _ := lib.Article(id); got.Text() != versionsArticle(true).Text() {
		t.Fatalf("Replace Text did not replace: %q", got.Text())
	}
	if !strings.Contains(a.shell.status.Text, "2 orphaned (the previous version is kept as version 1)") {
		t.Fatalf("status %q", a.shell.status.Text)
	}

	a.ctl.showVersions()
	top := a.win.Canvas().Overlays().Top()
	shown := renderedText(top)
	for _, w := range []string{"Version 2 · the text now", "Version 1", "re-imported", "Restoring it finds 2 of the article’s 2 highlights", "Russland und China"} {
		if !strings.Contains(shown, w) {
			t.Fatalf("the versions dialog lacks %q:\n%s", w, shown)
		}
	}
	topButton(t, a, "Restore This Version").OnTapped()
	if a.shell.dialogOpen() {
		t.Fatal("the versions dialog stayed open after restoring")
	}
	if a.ctl.art.Text() != versionsArticle(false).Text() || !strings.Contains(a.shell.status.Text, "Restored version 1 as version 3: 2 found again") {
		t.Fatalf("after restore: %q, status %q", a.ctl.art.Text(), a.shell.status.Text)
	}
	for i, h := range a.ctl.hls {
		if h.Orphaned != "" || h.Start != before[i].Start || h.End != before[i].End {
			t.Fatalf("restored highlight %+v, want %+v", h, before[i])
		}
	}
	if art, _, _ := lib.Article(id); art.Title != "Raketen" {
		t.Fatalf("restored title %q", art.Title)
	}
	if row := rows(a.library)[a.library.rowOf(id)]; row.Orphaned != 0 || row.Version != 3 {
		t.Fatalf("the library list still shows %+v", row)
	}
}

// Restoring a version that would orphan most highlights asks first.
func TestRestoreThatOrphansAsksFirst(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	importPage(a, "https://example.org/nk", versionsArticle(true))
	importPage(a, "https://example.org/nk", versionsArticle(false))
	id := a.ctl.current
	s := strings.Index(a.ctl.art.Text(), "Kim Jong Un")
	s = len([]rune(a.ctl.art.Text()[:s]))
	if _, err := lib.AddHighlight(annotation.Highlight{ArticleID: id, Start: s, End: s + 11}); err != nil {
		t.Fatal(err)
	}
	a.ctl.refreshCurrent(nil)
	a.ctl.showVersions()
	if shown := renderedText(a.win.Canvas().Overlays().Top()); !strings.Contains(shown, "most highlights that fit the text now would be orphaned") {
		t.Fatalf("the versions dialog does not warn:\n%s", shown)
	}
	topButton(t, a, "Restore This Version").OnTapped()
	if shown := renderedText(a.win.Canvas().Overlays().Top()); !strings.Contains(shown, "Version 1 lacks the passages of 1 of the 1 highlights") {
		t.Fatalf("restore did not ask: %s", shown)
	}
	topButton(t, a, keepTextLabel).OnTapped()
	if vs, _ := lib.Versions(id); len(vs) != 2 {
		t.Fatalf("Keep restored anyway: %+v", vs)
	}
	topButton(t, a, "Restore This Version").OnTapped()
	topButton(t, a, "Restore Anyway").OnTapped()
	if vs, _ := lib.Versions(id); len(vs) != 3 || a.ctl.art.Text() != versionsArticle(true).Text() {
		t.Fatalf("Restore Anyway: %d versions, text %q", len(vs), a.ctl.art.Text())
	}
}
