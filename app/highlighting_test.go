package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// typeNewActor types a name nobody knows into the open picker and adds it.
func typeNewActor(t *testing.T, a *App, name string) {
	t.Helper()
	q := a.ctl.picker.Focus()
	test.Type(q, name)
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if n := len(a.ctl.picker.Chosen()); n == 0 {
		t.Fatalf("typing %q and Enter chose no actor", name)
	}
}

// An actor made in the picker is stored with its highlight in one
// transaction: when storing the highlight fails (here its article is gone
// by the time the reader saves; a window killed halfway is the same case),
// the new actor is not left behind without it, nor the reverse.
func TestNewActorIsStoredWithItsHighlightOrNotAtAll(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	before, _ := lib.Actors()
	h := a.ctl.hls[0]
	a.reader.view.SetSelection(h.End+10, h.End+40)
	a.ctl.highlightSelection()
	typeNewActor(t, a, "Koreastudien-Institut Seoul")
	if err := lib.DeleteArticle(a.ctl.current); err != nil {
		t.Fatal(err)
	}
	a.ctl.picker.Submit()
	if a.win.Canvas().Overlays().Top() == nil {
		t.Error("a failed save said nothing")
	}
	if _, ok, _ := lib.FindActor("Koreastudien-Institut Seoul"); ok {
		t.Error("the new actor was stored although its highlight was not")
	}
	if after, _ := lib.Actors(); len(after) != len(before) {
		t.Errorf("%d actors after the failed save, want %d", len(after), len(before))
	}
}

// The same for an edit: a new actor added to a highlight that is gone by
// the time the reader saves stays out of the library.
func TestEditWithNewActorIsStoredTogetherOrNotAtAll(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	a.ctl.editHighlight(h.ID)
	typeNewActor(t, a, "Atlantik-Konferenz")
	if err := lib.DeleteHighlight(h.ID); err != nil {
		t.Fatal(err)
	}
	a.ctl.picker.Submit()
	if _, ok, _ := lib.FindActor("Atlantik-Konferenz"); ok {
		t.Error("the new actor was stored although the edit failed")
	}
	// And when nothing fails, both are there.
	if err := lib.PutHighlight(h); err != nil {
		t.Fatal(err)
	}
	a.ctl.refreshCurrent(nil)
	a.ctl.editHighlight(h.ID)
	typeNewActor(t, a, "Atlantik-Konferenz")
	a.ctl.picker.Submit()
	act, ok, _ := lib.FindActor("Atlantik-Konferenz")
	got, _ := lib.Highlight(h.ID)
	if !ok || !hasActor(got, act.ID) {
		t.Errorf("after a good edit: actor found %v, highlight actors %+v", ok, got.Actors)
	}
	if _, ok := a.ctl.actors[act.ID]; !ok {
		t.Error("the window does not know the new actor")
	}
}
