package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/storage"
)

// A highlight the reader clicks in the text, or has just made, gets its
// card in the notes pane even when the actor filter would hide it: the
// filter goes back to all actors.
func TestNotesFilterMakesWayForTheSelectedHighlight(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	demo := a.ctl.hls[0]
	fdr, _, _ := lib.FindActor("Franklin D. Roosevelt")
	wsc, _, _ := lib.FindActor("Winston Churchill")
	// A second highlight with Churchill only, made in the lib directly.
	other, err := lib.AddHighlight(annotation.Highlight{ArticleID: a.ctl.current, Start: demo.End + 10, End: demo.End + 40,
		Actors: []annotation.ActorRef{{ActorID: wsc.ID, Role: annotation.RoleMentioned}}})
	if err != nil {
		t.Fatal(err)
	}
	a.ctl.refreshCurrent(nil)
	a.notes.setFilter(fdr.ID)
	if a.notes.Card(other.ID) != nil {
		t.Fatal("the filter by Roosevelt shows Churchill's highlight")
	}
	// Clicking it in the text.
	a.reader.view.OnHighlightTapped(other.ID)
	if c := a.notes.Card(other.ID); c == nil || !c.Selected() {
		t.Fatalf("the clicked highlight has no marked card (filter %q)", a.notes.filter.Selected)
	}

	// Making a new one with an actor the filter excludes.
	a.notes.setFilter(fdr.ID)
	a.reader.view.SetSelection(other.End+20, other.End+50)
	a.ctl.highlightSelection()
	q := a.ctl.picker.Focus().(fyne.Focusable)
	test.Type(q, "Churchill")
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // saves
	if len(a.ctl.hls) != 3 {
		t.Fatalf("%d highlights after making a third", len(a.ctl.hls))
	}
	made := a.ctl.selected
	if c := a.notes.Card(made); made == "" || c == nil || !c.Selected() {
		t.Errorf("the new highlight %q has no marked card (filter %q)", made, a.notes.filter.Selected)
	}
}

// addManyHighlights adds up to 24 short highlights to the article shown,
// enough for the notes list to scroll.
func addManyHighlights(t *testing.T, a *App, lib *storage.Library) {
	t.Helper()
	text := []rune(a.ctl.art.Text())
	for i := 0; i < 24; i++ {
		start := 40 * (i + 1)
		if start+20 > len(text) {
			break
		}
		if _, err := lib.AddHighlight(annotation.Highlight{ArticleID: a.ctl.current, Start: start, End: start + 20, Note: "Notiz"}); err != nil {
			t.Fatal(err)
		}
	}
	a.ctl.refreshCurrent(nil)
}

// Clicking a card that is in view keeps the list where it is; selecting a
// highlight whose card is out of view scrolls the list to it.
func TestNotesListScrollsOnlyToCardsOutOfView(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	addManyHighlights(t, a, lib)
	if len(a.ctl.hls) < 15 {
		t.Fatalf("only %d highlights", len(a.ctl.hls))
	}
	sc := a.notes.scroll
	// A card in view, below the first: tapping it must not move the list.
	var inView, below *annotation.Highlight
	for i := range a.ctl.hls {
		c := a.notes.Card(a.ctl.hls[i].ID)
		y := c.Position().Y
		if inView == nil && i > 0 && y+c.Size().Height < sc.Size().Height {
			inView = &a.ctl.hls[i]
		}
		if y > sc.Size().Height*2 {
			below = &a.ctl.hls[i]
			break
		}
	}
	if inView == nil || below == nil {
		t.Fatalf("test needs cards in and far out of view (pane %v)", sc.Size())
	}
	test.Tap(a.notes.Card(inView.ID))
	if sc.Offset.Y != 0 {
		t.Errorf("tapping a card in view scrolled the list to %v", sc.Offset.Y)
	}
	a.ctl.selectHighlight(below.ID, true)
	c := a.notes.Card(below.ID)
	if y := c.Position().Y; y < sc.Offset.Y || y+c.Size().Height > sc.Offset.Y+sc.Size().Height {
		t.Errorf("card at %v not in the list's view [%v, %v]", y, sc.Offset.Y, sc.Offset.Y+sc.Size().Height)
	}
}

// An orphaned highlight's warning says why in one sentence, without saying
// "no longer in the text" twice.
func TestOrphanWarningReadsOnce(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	for _, reason := range []string{annotation.OrphanGone.Message(), annotation.OrphanElsewhere.Message()} {
		h.Orphaned = reason
		if err := lib.PutHighlight(h); err != nil {
			t.Fatal(err)
		}
		a.ctl.openArticle(a.ctl.current)
		txt := renderedText(a.notes.Card(h.ID))
		if n := strings.Count(txt, "no longer in the"); n != 1 {
			t.Errorf("warning says 'no longer in the' %d times: %q", n, txt)
		}
		if strings.Contains(reason, "elsewhere") && !strings.Contains(txt, "appear elsewhere") {
			t.Errorf("warning drops the reason %q: %q", reason, txt)
		}
	}
}

// An article with many highlights builds cards for a window of them only
// (a card costs milliseconds of text layout: 10,000 of them took a minute),
// with buttons for the ones before and after, and selecting a highlight
// outside the window moves the window to it.
func TestNotesPaneBuildsAWindowOfCards(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	var b strings.Builder
	for i := 0; i < 3*notesWindow; i++ {
		b.WriteString("Pjöngjang meldet einen neuen Raketentest. ")
	}
	id := addArticle(t, lib, "Viele Markierungen", b.String(), time.Now())
	for i := 0; i < 3*notesWindow; i++ {
		s := i * len([]rune("Pjöngjang meldet einen neuen Raketentest. "))
		if _, err := lib.AddHighlight(annotation.Highlight{ArticleID: id, Start: s, End: s + 9}); err != nil {
			t.Fatal(err)
		}
	}
	a.library.reload()
	a.ctl.openArticle(id)
	if n := len(a.notes.cards); n != notesWindow {
		t.Fatalf("%d cards built for %d highlights, want a window of %d", n, len(a.ctl.hls), notesWindow)
	}
	if txt := renderedText(a.notes.content); !strings.Contains(txt, "Show later highlights (100 after these)") || !strings.Contains(txt, "Highlights (150)") {
		t.Errorf("pane says %q", txt)
	}
	// Clicking the 120th highlight in the text brings its card.
	far := a.ctl.hls[120].ID
	a.reader.view.OnHighlightTapped(far)
	if c := a.notes.Card(far); c == nil || !c.Selected() {
		t.Fatalf("the clicked highlight outside the window has no marked card")
	}
	if txt := renderedText(a.notes.content); !strings.Contains(txt, "Show earlier highlights") {
		t.Errorf("after moving the window the pane says %q", txt)
	}
	if n := len(a.notes.cards); n > notesWindow {
		t.Errorf("%d cards after moving the window", n)
	}
}

// Filtering by an actor starts the list at its top: with the list scrolled
// down, the one matching card used to show with its first lines cut off
// (the scroll kept the old offset).
func TestNotesFilterShowsMatchingCardsFromTheTop(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	wsc, _, _ := lib.FindActor("Winston Churchill")
	addManyHighlights(t, a, lib)
	a.ctl.selectHighlight("", false) // no card to scroll to
	sc := a.notes.scroll
	sc.ScrollToBottom()
	if sc.Offset.Y == 0 {
		t.Fatal("the list does not scroll; the test needs more cards")
	}
	a.notes.setFilter(wsc.ID)
	if n := len(a.notes.cards); n != 1 {
		t.Fatalf("%d cards with Churchill, want 1", n)
	}
	for _, c := range a.notes.cards {
		if y := c.Position().Y; y < sc.Offset.Y || y+c.Size().Height > sc.Offset.Y+sc.Size().Height {
			t.Errorf("the matching card spans [%v, %v], the list shows [%v, %v]", y, y+c.Size().Height, sc.Offset.Y, sc.Offset.Y+sc.Size().Height)
		}
	}
}

// Tab from the actor filter reaches the highlight cards; ↑/↓ move the mark,
// Enter goes to the passage, E edits, Delete deletes, Escape lets go.
func TestNotesCardsTakeTheKeyboard(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	demo := a.ctl.hls[0]
	other, err := lib.AddHighlight(annotation.Highlight{ArticleID: a.ctl.current, Start: demo.End + 10, End: demo.End + 40})
	if err != nil {
		t.Fatal(err)
	}
	a.ctl.refreshCurrent(nil)
	a.ctl.selectHighlight("", false)
	c := a.win.Canvas()
	a.notes.focusFilter()
	c.FocusNext()
	if c.Focused() != focusable(a.notes.list) {
		t.Fatalf("Tab from the filter went to %T, not the cards", c.Focused())
	}
	list := a.notes.list
	if !a.notes.Card(demo.ID).Focused() {
		t.Error("the first card has no focus mark")
	}
	list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if !a.notes.Card(other.ID).Focused() || a.notes.Card(demo.ID).Focused() {
		t.Error("↓ did not move the mark to the second card")
	}
	list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if a.ctl.selected != other.ID || a.reader.view.MarkedHighlight() != other.ID {
		t.Errorf("Enter selected %q, want the second highlight", a.ctl.selected)
	}
	list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if a.ctl.selected != "" || a.reader.view.MarkedHighlight() != "" {
		t.Errorf("Escape in the cards left %q outlined", a.reader.view.MarkedHighlight())
	}
	list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	list.TypedRune('e')
	if a.ctl.picker == nil || len(a.ctl.picker.Chosen()) != len(demo.Actors) {
		t.Fatal("E on the first card did not open the picker on its highlight")
	}
	a.ctl.picker.Cancel()
	c.Focus(list)
	list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if hls, _ := lib.Highlights(a.ctl.current); len(hls) != 1 || hls[0].ID != demo.ID {
		t.Errorf("Delete on the second card left %+v", hls)
	}
}

// Escape with nothing focused (after a click on a card) lets go of the
// outlined highlight, as it does in the text.
func TestEscapeWithNothingFocusedLetsGoOfHighlight(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	test.Tap(a.notes.Card(h.ID))
	a.win.Canvas().Unfocus()
	pressKey(a, fyne.KeyEscape)
	if a.ctl.selected != "" || a.reader.view.MarkedHighlight() != "" || a.notes.Card(h.ID).Selected() {
		t.Errorf("after Escape %q is still outlined", a.reader.view.MarkedHighlight())
	}
}
