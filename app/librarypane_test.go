package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/dramatis-app/dramatis/storage"
)

// newLibraryApp starts the window on a library of n generated articles
// (every tenth with three highlights naming Nordkorea, alias Pjöngjang,
// as speaker).
func newLibraryApp(t *testing.T, n int) *App {
	t.Helper()
	lib, err := storage.Open(buildLibrary(t, t.TempDir(), n))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	a := newApp(test.NewTempApp(t), lib, Options{NoDemo: true}, true, nil)
	a.win.Resize(fyne.NewSize(1200, 800))
	t.Cleanup(a.win.Close)
	return a
}

// The list holds every article's id but reads only the rows it shows (a
// screenful and some ahead), and the rest as they scroll into view.
func TestLibraryListReadsRowsAsTheyScrollIntoView(t *testing.T) {
	a := newLibraryApp(t, 150)
	p := a.library
	if len(p.ids) != 150 || p.count.Text != "150 articles" {
		t.Fatalf("listed %d (%q), want 150", len(p.ids), p.count.Text)
	}
	if len(p.infos) > rowsAhead+rowsBehind || len(p.infos) == 0 {
		t.Fatalf("start-up read %d rows of 150; want a screenful or so", len(p.infos))
	}
	last := p.ids[len(p.ids)-1]
	if _, ok := p.infos[last]; ok {
		t.Fatal("the last row was read before it came into view")
	}
	p.list.ScrollToBottom()
	p.list.Refresh()
	it, ok := p.infos[last]
	if !ok || !strings.HasPrefix(it.Title, "Artikel 0 ") {
		t.Fatalf("after scrolling to the end the last row is %+v (read: %v), want the oldest article", it, ok)
	}
	// A new listing (a search) drops the rows read for the old one.
	p.search.SetText("artikel 149")
	if len(p.ids) != 1 || rows(p)[0].Title != "Artikel 149 über Nordkorea" || p.count.Text != "1 found" {
		t.Fatalf("search 'artikel 149' lists %v (%q)", rows(p), p.count.Text)
	}
}

// The filters combine with the words and with each other: an actor by
// alias, in a role; highlights; a date that is not one is said and left
// out; Clear filters shows everything again.
func TestLibraryFilters(t *testing.T) {
	a := newLibraryApp(t, 30)
	p, f := a.library, a.library.filters
	if f.content.Visible() {
		t.Fatal("the filters are shown before they are asked for")
	}
	p.filterBtn.Tapped(nil)
	if !f.content.Visible() {
		t.Fatal("Filters did not show the filters")
	}
	f.actor.SetText("Pjöngjang") // the alias of Nordkorea
	if len(p.ids) != 3 || p.filterBtn.Text != "Filters (1)" {
		t.Fatalf("actor filter by alias lists %d (%q, %q), want the 3 highlighted articles", len(p.ids), p.count.Text, p.filterBtn.Text)
	}
	f.role.SetSelected("target")
	if len(p.ids) != 0 {
		t.Fatalf("Nordkorea as target lists %d, want none (it is the speaker)", len(p.ids))
	}
	f.role.SetSelected("speaker")
	p.search.SetText("artikel 20")
	if len(p.ids) != 1 || rows(p)[0].Title != "Artikel 20 über Nordkorea" {
		t.Fatalf("words and actor list %v", rows(p))
	}
	p.search.SetText("")
	f.actor.SetText("Niemand")
	if len(p.ids) != 0 || !strings.Contains(p.count.Text, `No actor "Niemand"`) {
		t.Fatalf("an unknown actor lists %d with %q", len(p.ids), p.count.Text)
	}
	f.actor.SetText("")
	f.highlighted.SetChecked(true)
	if len(p.ids) != 3 {
		t.Fatalf("with highlights lists %d, want 3", len(p.ids))
	}
	f.highlighted.SetChecked(false)
	f.from.SetText("2026-13")
	if len(p.ids) != 30 || !strings.Contains(p.count.Text, "From: not a date") {
		t.Fatalf("a bad From lists %d with %q; want all, and the problem said", len(p.ids), p.count.Text)
	}
	f.from.SetText("2026-01-02") // articles are published an hour apart from 1 Jan 2026 00:00
	if len(p.ids) != 6 {
		t.Fatalf("from 2 Jan 2026 lists %d, want the 6 published from 24:00 on", len(p.ids))
	}
	f.clear.Tapped(nil)
	if len(p.ids) != 30 || f.active() || p.filterBtn.Text != "Filters" || p.count.Text != "30 articles" {
		t.Fatalf("after Clear filters: %d listed, %q, %q", len(p.ids), p.filterBtn.Text, p.count.Text)
	}
}

// The search field shows the longest placeholder that fits it, never one
// cut off (a cut one got a scroll bar under it); the whole one when there
// is room.
func TestSearchHintFitsTheField(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	e := a.library.search
	for _, width := range []float32{90, 160, 220, 260, 330, 600} {
		e.Resize(fyne.NewSize(width, e.MinSize().Height))
		room := width - 2*theme.InnerPadding() - 2*theme.InputBorderSize()
		if w := fyne.MeasureText(e.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width; w > room && e.PlaceHolder != searchHints[len(searchHints)-1] {
			t.Errorf("%v px: the placeholder %q is %v wide in %v", width, e.PlaceHolder, w, room)
		}
		if width >= 600 && e.PlaceHolder != searchHints[0] {
			t.Errorf("%v px: the placeholder is %q, not the whole %q", width, e.PlaceHolder, searchHints[0])
		}
	}
}
