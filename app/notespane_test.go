package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/dramatis-app/dramatis/annotation"
)

// A highlight the reader clicks in the text, or has just made, gets its
// card in the notes pane even when the actor filter would hide it: the
// filter goes back to all actors.
func TestNotesFilterMakesWayForTheSelectedHighlight(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	demo := a.hls[0]
	fdr, _, _ := lib.FindActor("Franklin D. Roosevelt")
	wsc, _, _ := lib.FindActor("Winston Churchill")
	// A second highlight with Churchill only, made in the lib directly.
	other, err := lib.AddHighlight(annotation.Highlight{ArticleID: a.current, Start: demo.End + 10, End: demo.End + 40,
		Actors: []annotation.ActorRef{{ActorID: wsc.ID, Role: annotation.RoleMentioned}}})
	if err != nil {
		t.Fatal(err)
	}
	a.refreshCurrent(nil)
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
	a.highlightSelection()
	q := a.picker.Focus().(fyne.Focusable)
	test.Type(q, "Churchill")
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // saves
	if len(a.hls) != 3 {
		t.Fatalf("%d highlights after making a third", len(a.hls))
	}
	made := a.reader.selectedHL
	if c := a.notes.Card(made); made == "" || c == nil || !c.Selected() {
		t.Errorf("the new highlight %q has no marked card (filter %q)", made, a.notes.filter.Selected)
	}
}
