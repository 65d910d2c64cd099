package app

import (
	"fmt"
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// addArticle stores a small article directly in the library.
func addArticle(t *testing.T, lib *storage.Library, title, text string, published time.Time) string {
	t.Helper()
	art := &article.Article{Title: title, Published: published, Site: "example.org",
		Blocks: []article.Block{{Type: article.Paragraph, Text: text}}}
	art.Normalize()
	res, err := lib.ImportArticle(art)
	if err != nil {
		t.Fatal(err)
	}
	return res.ID
}

func TestLibrarySearchAndSort(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	old := addArticle(t, lib, "Gipfel in Peking", "Xi empfängt Putin in Peking.", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	addArticle(t, lib, "Raketentest", "Pjöngjang feuert erneut Raketen ab.", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	a.library.reload()
	if n := len(rows(a.library)); n != 2 {
		t.Fatalf("library lists %d articles, want 2", n)
	}
	if rows(a.library)[0].ID == old {
		t.Error("newest added is not first")
	}
	a.library.search.SetText("pjöngjang") // in the text only, other case
	if len(rows(a.library)) != 1 || rows(a.library)[0].Title != "Raketentest" {
		t.Errorf("search for a word of the text found %+v", rows(a.library))
	}
	a.library.search.SetText("gipfel")
	if len(rows(a.library)) != 1 || rows(a.library)[0].ID != old {
		t.Errorf("search by title found %+v", rows(a.library))
	}
	a.library.search.SetText("")
	a.library.sortBy.SetSelected(sortPublished)
	if rows(a.library)[0].Title != "Raketentest" {
		t.Errorf("sorted by published, first is %q", rows(a.library)[0].Title)
	}
	// Opening from the list shows the article in the reader.
	a.library.list.Select(1)
	if a.ctl.current != old || a.reader.view.Document().Title != "Gipfel in Peking" {
		t.Errorf("selecting a row shows %q", a.reader.view.Document().Title)
	}
}

func TestPaneSizesAreRemembered(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	a.splits[0].SetOffset(0.31)
	a.splits[1].SetOffset(0.62)
	a.saveLayout()
	b := newApp(a.fa, lib, Options{NoDemo: true}, true, nil)
	defer b.win.Close()
	if got := b.splits[0].Offset; got < 0.3 || got > 0.32 {
		t.Errorf("library pane offset after restart = %v, want 0.31", got)
	}
	if got := b.splits[1].Offset; got < 0.61 || got > 0.63 {
		t.Errorf("notes pane offset after restart = %v, want 0.62", got)
	}
}

func TestNotesCardScrollsReaderAndContextMenu(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	test.Tap(a.notes.Card(h.ID))
	if a.ctl.selected != h.ID {
		t.Errorf("tapping the card selected %q, want %q", a.ctl.selected, h.ID)
	}
	if !a.notes.Card(h.ID).Selected() {
		t.Error("the tapped card is not marked")
	}
	if top := a.reader.view.TopOffset(); top > h.Start {
		t.Errorf("reader top offset %d is past the highlight at %d", top, h.Start)
	}
	// The reader's context menu on a highlight offers edit and delete.
	a.reader.view.OnHighlightContext(h.ID, fyne.NewPos(400, 300))
	menu := a.win.Canvas().Overlays().Top()
	if menu == nil {
		t.Fatal("no context menu")
	}
	txt := renderedText(menu)
	for _, want := range []string{"Edit Actors and Note…", "Delete Highlight", "Copy as Markdown"} {
		if !strings.Contains(txt, want) {
			t.Errorf("context menu lacks %q: %q", want, txt)
		}
	}
	a.win.Canvas().Overlays().Remove(menu)
	// Delete from the selected highlight (Ctrl+Delete in the menu).
	a.ctl.deleteSelectedHighlight()
	if len(a.ctl.hls) != 0 || a.notes.Card(h.ID) != nil {
		t.Error("delete from the selection left the highlight")
	}
}

func TestHKeyInsideDialogDoesNotOpenSecondPicker(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	a.reader.view.SetSelection(0, 10)
	test.TypeOnCanvas(a.win.Canvas(), "h")
	first := a.ctl.picker
	if first == nil {
		t.Fatal("H did not open the picker")
	}
	a.win.Canvas().Unfocus()
	test.TypeOnCanvas(a.win.Canvas(), "h")
	if a.ctl.picker != first {
		t.Error("H with the picker open opened a second picker")
	}
}

func TestActorsWindowJumpsToHighlightInOtherArticle(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	demo := a.ctl.current
	churchill, ok, _ := lib.FindActor("Winston Churchill")
	if !ok {
		t.Fatal("demo actor missing")
	}
	other := addArticle(t, lib, "Rede", "Churchill sprach vor dem Unterhaus.", time.Now())
	if _, err := lib.AddHighlight(annotation.Highlight{ArticleID: other, Start: 0, End: 9,
		Actors: []annotation.ActorRef{{ActorID: churchill.ID, Role: annotation.RoleSpeaker}}}); err != nil {
		t.Fatal(err)
	}
	a.ctl.reloadActors(nil)
	a.ctl.showActors()
	a.ctl.actorsW.selectActor(churchill.ID)
	if len(a.ctl.actorsW.hls) != 2 {
		t.Fatalf("Actors window lists %d highlights of Churchill, want 2", len(a.ctl.actorsW.hls))
	}
	var target annotation.Highlight
	for i, h := range a.ctl.actorsW.hls {
		if h.ArticleID == other {
			target = h
			a.ctl.actorsW.hlList.Select(i)
		}
	}
	if a.ctl.current != other || a.ctl.selected != target.ID {
		t.Errorf("jump opened %q (highlight %q), want %q (%q); demo was %q", a.ctl.current, a.ctl.selected, other, target.ID, demo)
	}
}

func TestRecentActorsSurviveRestart(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	a.ctl.editHighlight(h.ID)
	a.ctl.picker.Submit() // using actors makes them recent
	want := strings.Join(a.ctl.recent, ",")
	if len(a.ctl.recent) != 2 {
		t.Fatalf("recent = %v, want the highlight's two actors", a.ctl.recent)
	}
	b := newApp(a.fa, lib, Options{}, true, nil)
	defer b.win.Close()
	if got := strings.Join(b.ctl.recent, ","); got != want {
		t.Errorf("recent after restart = %q, want %q", got, want)
	}
}

func TestOrphanedHighlightIsListedWithWarning(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	h.Orphaned = "the quote is no longer in the text"
	if err := lib.PutHighlight(h); err != nil {
		t.Fatal(err)
	}
	a.ctl.openArticle(a.ctl.current)
	c := a.notes.Card(h.ID)
	if c == nil {
		t.Fatal("an orphaned highlight is not listed in the notes pane")
	}
	if txt := renderedText(c); !strings.Contains(txt, "no longer in the article") {
		t.Errorf("orphaned card shows no warning: %q", txt)
	}
	if vh := a.ctl.actors.viewHighlights(a.ctl.hls); len(vh) != 0 {
		t.Errorf("an orphaned highlight is drawn in the text: %+v", vh)
	}
}

func TestMergeAndRecolourInActorsWindow(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	fdr, _, _ := lib.FindActor("Franklin D. Roosevelt")
	wsc, _, _ := lib.FindActor("Winston Churchill")
	a.ctl.showActors()
	a.ctl.actorsW.selectActor(fdr.ID)
	a.ctl.mergeActors(fdr.ID, wsc.ID, a.ctl.actorsW.win)
	if _, ok := a.ctl.actors[fdr.ID]; ok {
		t.Error("the merged actor is still listed")
	}
	if got := strings.Join(a.notes.Card(a.ctl.hls[0].ID).ChipLabels(), "|"); got != "Winston Churchill · speaker" {
		t.Errorf("chips after merge = %q", got)
	}
	if a.ctl.actorsW.sel != wsc.ID {
		t.Errorf("Actors window shows %q after the merge, want the actor merged into", a.ctl.actorsW.sel)
	}
	// Recolour and add an alias.
	a.ctl.actorsW.col = parseColorMust(t, "#123456")
	a.ctl.actorsW.aliases.SetText(a.ctl.actorsW.aliases.Text + "\nPremierminister")
	a.ctl.actorsW.save()
	got, _ := lib.Actor(wsc.ID)
	if got.Color != "#123456" {
		t.Errorf("colour = %q", got.Color)
	}
	if _, ok, _ := lib.FindActor("premierminister"); !ok {
		t.Errorf("new alias not stored: %v", got.Aliases)
	}
	if vh := a.ctl.actors.viewHighlight(a.ctl.hls[0]); formatColor(vh.Color) != "#123456" {
		t.Errorf("reader colour after recolour = %v", formatColor(vh.Color))
	}
}

func parseColorMust(t *testing.T, s string) color.Color {
	t.Helper()
	c, ok := parseColor(s)
	if !ok {
		t.Fatalf("bad colour %q", s)
	}
	return c
}

func TestPreferencesApplyAndPersist(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	a.showPreferences()
	d := a.win.Canvas().Overlays().Top()
	if d == nil || !strings.Contains(renderedText(d), lib.Path()) {
		t.Fatal("Preferences does not show the library location")
	}
	a.reader.changeTextSize(+3)
	a.fa.Preferences().SetString(prefTheme, themeDark)
	applyTheme(a.fa)
	if v, ok := a.fa.Settings().Theme().(*variantTheme); !ok || v.variant != theme.VariantDark {
		t.Errorf("dark theme not applied: %T", a.fa.Settings().Theme())
	}
	b := newApp(a.fa, lib, Options{NoDemo: true}, true, nil)
	defer b.win.Close()
	if b.reader.textSize != defaultTextSize+3 {
		t.Errorf("reader text size after restart = %v, want %v", b.reader.textSize, defaultTextSize+3)
	}
}

func TestDeleteArticle(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	demo := a.ctl.current
	other := addArticle(t, lib, "Zweiter Artikel", "Text über Moskau.", time.Now())
	a.library.reload()
	a.ctl.editHighlight(a.ctl.hls[0].ID)
	a.ctl.picker.Submit()
	if len(a.ctl.undo.changes) != 1 {
		t.Fatal("the edit is not undoable")
	}
	a.ctl.deleteArticle(demo)
	infos, _ := lib.Articles()
	if len(infos) != 1 || infos[0].ID != other {
		t.Fatalf("after delete the library holds %+v", infos)
	}
	if a.ctl.current != other || len(rows(a.library)) != 1 {
		t.Errorf("after delete the reader shows %q and the list %d rows", a.ctl.current, len(rows(a.library)))
	}
	if len(a.ctl.undo.changes) != 0 {
		t.Errorf("undo still holds changes of the deleted article")
	}
	a.ctl.deleteArticle(other)
	if a.ctl.current != "" || a.ctl.art != nil || len(rows(a.library)) != 0 {
		t.Errorf("deleting the last article left %q shown", a.ctl.current)
	}
}

// After a delete the reader goes on with the article that moved into the
// deleted one's row, not with the first of the list.
func TestDeleteArticleOpensItsNeighbour(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	var ids []string
	for _, title := range []string{"Erster", "Zweiter", "Dritter", "Vierter"} {
		ids = append(ids, addArticle(t, lib, title, "Text über "+title+".", time.Now()))
	}
	a.library.reload() // newest added first: Vierter, Dritter, Zweiter, Erster
	a.ctl.openArticle(ids[2])
	a.ctl.deleteArticle(ids[2])
	if a.ctl.current != ids[1] {
		t.Errorf("after deleting Dritter the reader shows %q, want Zweiter (its neighbour below)", a.reader.view.Document().Title)
	}
	a.ctl.deleteArticle(ids[0]) // the last row: its neighbour is the row above
	if a.ctl.current != ids[1] {
		t.Errorf("after deleting the last row the reader shows %q, want Zweiter", a.reader.view.Document().Title)
	}
}

// Changing the sort order keeps the mark on the article in the reader, and
// the row that moved under the old mark still opens with one click (the
// list remembered a row number, so that click used to do nothing).
func TestSortChangeKeepsSelectionOnArticle(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	newer := addArticle(t, lib, "Neuere Meldung", "Seoul meldet einen Test.", time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC))
	older := addArticle(t, lib, "Ältere Meldung", "Peking schweigt.", time.Date(2020, 5, 1, 0, 0, 0, 0, time.UTC))
	a.library.sortBy.SetSelected(sortAdded)
	a.library.reload()
	if rows(a.library)[0].ID != older {
		t.Fatalf("newest added first: got %q", rows(a.library)[0].Title)
	}
	a.library.list.Select(0)
	if a.ctl.current != older {
		t.Fatalf("row 0 opened %q", a.reader.view.Document().Title)
	}
	a.library.sortBy.SetSelected(sortPublished)
	if rows(a.library)[0].ID != newer {
		t.Fatalf("newest published first: got %q", rows(a.library)[0].Title)
	}
	if a.ctl.current != older {
		t.Errorf("changing the sort opened another article: %q", a.reader.view.Document().Title)
	}
	a.library.list.Select(0) // the user clicks the row now at the top
	if a.ctl.current != newer {
		t.Errorf("clicking the top row after re-sorting left %q in the reader", a.reader.view.Document().Title)
	}
}

// Sorted by publication, articles without a date come after dated ones, and
// their row says the date shown is when they were added.
func TestUndatedArticlesSortLastByPublished(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	addArticle(t, lib, "Alt", "Eins.", time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC))
	addArticle(t, lib, "Neu", "Zwei.", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	addArticle(t, lib, "Ohne Datum", "Drei.", time.Time{})
	a.library.sortBy.SetSelected(sortPublished)
	a.library.reload()
	var got []string
	for _, it := range rows(a.library) {
		got = append(got, it.Title)
	}
	if strings.Join(got, ",") != "Neu,Alt,Ohne Datum" {
		t.Errorf("sorted by published: %v, want Neu, Alt, Ohne Datum", got)
	}
	if line := articleLine(rows(a.library)[2]); !strings.Contains(line, "added ") {
		t.Errorf("undated row reads %q; its date must say it is the date added", line)
	}
	if line := articleLine(rows(a.library)[0]); strings.Contains(line, "added") || !strings.Contains(line, "1 Jan 2024") {
		t.Errorf("dated row reads %q", line)
	}
	if line := articleLine(storage.ArticleInfo{Highlights: 3, Orphaned: 1}); line != "3 highlights · 1 orphaned" {
		t.Errorf("row with an orphaned highlight reads %q; it is kept, not lost", line)
	}
}

// Ctrl+F, a few letters, Enter: the first article found opens and the
// reader has the keyboard. Escape clears the search, and on an empty field
// goes back to the reader.
func TestSearchFieldEnterOpensAndEscapeClears(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	first := addArticle(t, lib, "Gipfel in Peking", "Xi empfängt Putin.", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	addArticle(t, lib, "Raketentest", "Pjöngjang feuert erneut Raketen ab.", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	a.library.reload()
	a.triggerShortcut(scFind)
	if a.win.Canvas().Focused() != focusable(a.library.search) {
		t.Fatalf("Ctrl+F focused %T", a.win.Canvas().Focused())
	}
	test.Type(a.library.search, "gipfel")
	a.library.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if a.ctl.current != first {
		t.Errorf("Enter in the search field left %q in the reader", a.reader.view.Document().Title)
	}
	if f := a.win.Canvas().Focused(); f != focusable(a.reader.view) {
		t.Errorf("after Enter the focus is on %T, want the reader", f)
	}
	a.library.focusSearch()
	a.library.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if a.library.search.Text != "" || len(rows(a.library)) != 2 {
		t.Errorf("Escape left the search %q with %d rows", a.library.search.Text, len(rows(a.library)))
	}
	a.library.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f := a.win.Canvas().Focused(); f != focusable(a.reader.view) {
		t.Errorf("Escape on the empty search field left the focus on %T", f)
	}
}

// In the real window a clicked article list has the keyboard; Down used to
// move only a faint focus mark and open nothing (Fyne's List waits for
// Space).
func TestArrowKeysInArticleListOpenArticles(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	first := addArticle(t, lib, "Erster", "Eins.", time.Now())
	addArticle(t, lib, "Zweiter", "Zwei.", time.Now())
	a.library.sortBy.SetSelected(sortAdded)
	a.library.reload()
	if rows(a.library)[1].ID != first {
		t.Fatalf("list order %v", rows(a.library))
	}
	// A click on a row, as the desktop driver delivers it to a List that
	// another widget extends: the row is selected, the list is not focused.
	a.library.list.Select(0)
	if f := a.win.Canvas().Focused(); f != focusable(a.library.list) {
		t.Fatalf("after a click on a row the keyboard is with %T, not the list", f)
	}
	a.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if a.ctl.current != first {
		t.Errorf("Down in the list left %q in the reader, want the next article", a.reader.view.Document().Title)
	}
	a.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if a.ctl.current != rows(a.library)[0].ID {
		t.Errorf("Up in the list left %q in the reader", a.reader.view.Document().Title)
	}
	// Alt+Down from the search field changes the article, not the focus.
	a.library.focusSearch()
	a.triggerShortcut(scNextArt)
	if f := a.win.Canvas().Focused(); f != focusable(a.library.search) {
		t.Errorf("Alt+Down moved the keyboard from the search field to %T", f)
	}
}

// After a click in the article list the list has the keyboard; H used to
// do nothing there (a List takes no letters), so a passage selected in the
// reader could not be highlighted without clicking into the text again.
func TestHWithArticleListFocusedHighlights(t *testing.T) {
	a, _ := newTestApp(t, Options{NoDemo: true})
	importTestFile(t, a)
	dragSelect(t, a)
	a.win.Canvas().Focus(a.library.list) // as a click on a row leaves it
	a.library.list.TypedRune('h')
	if a.win.Canvas().Overlays().Top() == nil || a.ctl.picker == nil {
		t.Error("H with the article list focused did not open the actor picker")
	}
}

// Typing while a search runs starts one search for the text as it is when
// that search ends, not one per keystroke, and the list ends up showing
// what the field says.
func TestSearchWhileReadingCoalescesKeystrokes(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	addArticle(t, lib, "Gipfel in Peking", "Xi empfängt Putin in Peking.", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	addArticle(t, lib, "Raketentest", "Pjöngjang feuert erneut Raketen ab.", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	p := a.library
	p.reload()
	if len(p.ids) != 2 {
		t.Fatalf("library lists %d articles, want 2", len(p.ids))
	}
	p.reading = true // as if a search were still running in the background
	before := p.reads
	for _, q := range []string{"p", "pj", "pjö", "pjön", "pjöng"} {
		p.search.SetText(q)
	}
	if p.reads != before {
		t.Errorf("%d searches started while one was running, want none", p.reads-before)
	}
	if len(p.ids) != 2 {
		t.Errorf("the list changed to %d articles before any search ended", len(p.ids))
	}
	p.readDone() // the running search ends
	if p.reads != before+1 {
		t.Errorf("%d searches started after the running one ended, want 1", p.reads-before)
	}
	if len(p.ids) != 1 || rows(p)[0].Title != "Raketentest" || p.count.Text != "1 found" {
		t.Errorf("after typing 'pjöng' the list shows %+v (%q)", rows(p), p.count.Text)
	}
	if p.reading || p.again {
		t.Errorf("a search is still marked running (reading=%v, again=%v)", p.reading, p.again)
	}
	p.readDone() // nothing waited: no further search
	if p.reads != before+1 {
		t.Errorf("a search started with nothing waiting")
	}
}

// Alt+Down/Up (step) open the next/previous article, mark its row and keep
// the row in view, on a list longer than the pane.
func TestStepThroughLongListMarksAndFollows(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	for i := 0; i < 40; i++ {
		addArticle(t, lib, fmt.Sprintf("Artikel %d", i), fmt.Sprintf("Pjöngjang feuert zum %d. Mal Raketen ab.", i), time.Time{})
	}
	p := a.library
	p.reload()
	p.markOpened(rows(p)[0].ID)
	a.ctl.openArticle(rows(p)[0].ID)
	for k := 1; k < 35; k++ {
		p.step(1)
		if a.ctl.current != rows(p)[k].ID || p.selected != rows(p)[k].ID || p.row != k {
			t.Fatalf("step %d: reader shows %q, list marks row %d, want %q in row %d", k, a.reader.view.Document().Title, p.row, rows(p)[k].Title, k)
		}
	}
	if p.list.GetScrollOffset() <= 0 {
		t.Errorf("the list did not follow 34 steps down (offset %v)", p.list.GetScrollOffset())
	}
	for k := 33; k >= 0; k-- {
		p.step(-1)
		if a.ctl.current != rows(p)[k].ID || p.row != k {
			t.Fatalf("step back to %d: reader shows %q, list marks row %d", k, a.reader.view.Document().Title, p.row)
		}
	}
	if off := p.list.GetScrollOffset(); off != 0 {
		t.Errorf("back on the first article the list is scrolled by %v, want 0", off)
	}
}

// rows are the library pane's rows in order, as far as they were read.
func rows(p *libraryPane) []storage.ArticleInfo {
	var out []storage.ArticleInfo
	for _, id := range p.ids {
		if it, ok := p.infos[id]; ok {
			out = append(out, it)
		}
	}
	return out
}

// Best match, the order a new library pane starts with, lists a search's
// best match first: the word itself in the title before a longer word it
// begins in a newer article's text; with no words, the newest added first.
// Newest added keeps date order for the same search.
func TestBestMatchOrdersASearchByRelevance(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	exact := addArticle(t, lib, "Regierung in Seoul tritt zurück", "Die Regierung in Seoul ist zurückgetreten.", time.Date(2020, 5, 1, 0, 0, 0, 0, time.UTC))
	longer := addArticle(t, lib, "Neue Meldung", "Die Regierungschefs trafen sich in Peking.", time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC))
	if got := a.library.sortBy.Selected; got != sortBest {
		t.Fatalf("a new pane sorts by %q, want %q", got, sortBest)
	}
	a.library.reload()
	if r := rows(a.library); len(r) != 2 || r[0].ID != longer {
		t.Fatalf("without words Best match lists the newest added first: %v", r)
	}
	a.library.search.SetText("Regierung")
	if r := rows(a.library); len(r) != 2 || r[0].ID != exact {
		t.Fatalf("Best match for Regierung: %v, want the exact word first", r)
	}
	a.library.sortBy.SetSelected(sortAdded)
	if r := rows(a.library); len(r) != 2 || r[0].ID != longer {
		t.Fatalf("Newest added for Regierung: %v, want the newer article first", r)
	}
}
