package app

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/dramatis-app/dramatis/annotation"
)

// tapFirstSwatch taps the first colour of a colour picker dialog's palette
// (Fyne's colour buttons are unexported: they are the tappable widgets that
// are not buttons) and reports whether it found one.
func tapFirstSwatch(o fyne.CanvasObject) bool {
	switch x := o.(type) {
	case *fyne.Container:
		for _, ch := range x.Objects {
			if tapFirstSwatch(ch) {
				return true
			}
		}
	case fyne.Widget:
		if tp, ok := x.(fyne.Tappable); ok {
			if _, isButton := x.(interface{ SetIcon(fyne.Resource) }); !isButton {
				if _, isEntry := x.(fyne.Focusable); !isEntry && x.Visible() {
					tp.Tapped(&fyne.PointEvent{})
					return true
				}
			}
		}
		if !x.Visible() {
			return false
		}
		for _, ch := range test.WidgetRenderer(x).Objects() {
			if tapFirstSwatch(ch) {
				return true
			}
		}
	}
	return false
}

// Choosing a colour in the Actors window recolours the actor at once, in
// the library and in the reader, without a separate Save.
func TestActorsWindowColourIsSavedWhenChosen(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	wsc, _, _ := lib.FindActor("Winston Churchill")
	a.ctl.showActors()
	a.ctl.actorsW.selectActor(wsc.ID)
	before := wsc.Color
	a.ctl.actorsW.pickColour()
	top := a.ctl.actorsW.win.Canvas().Overlays().Top()
	if top == nil || !tapFirstSwatch(top) {
		t.Fatal("no colour picker with a palette opened")
	}
	if ok := findButton(top, "Confirm"); ok != nil {
		test.Tap(ok)
	}
	got, _ := lib.Actor(wsc.ID)
	if got.Color == before || got.Color == "" {
		t.Fatalf("colour in the library %q after choosing one (was %q)", got.Color, before)
	}
	// The demo highlight's stripes show each actor's colour.
	found := false
	for _, c := range a.ctl.actors.viewHighlight(a.ctl.hls[0]).Stripes {
		found = found || formatColor(c) == got.Color
	}
	if !found {
		t.Errorf("the reader does not draw Churchill's new colour %s", got.Color)
	}
}

// Enter in the name field saves the rename, and the notes pane follows.
func TestActorsWindowEnterSavesName(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	wsc, _, _ := lib.FindActor("Winston Churchill")
	a.ctl.showActors()
	a.ctl.actorsW.selectActor(wsc.ID)
	a.ctl.actorsW.win.Canvas().Focus(a.ctl.actorsW.name)
	a.ctl.actorsW.name.SetText("Sir Winston Churchill")
	a.ctl.actorsW.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got, _ := lib.Actor(wsc.ID); got.Name != "Sir Winston Churchill" {
		t.Fatalf("name after Enter = %q", got.Name)
	}
	chips := a.notes.Card(a.ctl.hls[0].ID).ChipLabels()
	if !slices.Contains(chips, "Sir Winston Churchill · speaker") {
		t.Errorf("notes pane chips after the rename: %q", chips)
	}
}

// raiseSpy is the main window with its RequestFocus counted: the test
// driver keeps whether a window has the focus to itself.
type raiseSpy struct {
	fyne.Window
	raised int
}

func (w *raiseSpy) RequestFocus() {
	w.raised++
	w.Window.RequestFocus()
}

// Jumping to a highlight in another article brings the main window to the
// front, as it does for one in the article already shown.
func TestActorsWindowJumpRaisesMainWindow(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	spy := &raiseSpy{Window: a.win}
	a.shell.win = spy
	churchill, _, _ := lib.FindActor("Winston Churchill")
	other := addArticle(t, lib, "Rede", "Churchill sprach vor dem Unterhaus.", time.Now())
	h, err := lib.AddHighlight(annotation.Highlight{ArticleID: other, Start: 0, End: 9,
		Actors: []annotation.ActorRef{{ActorID: churchill.ID, Role: annotation.RoleSpeaker}}})
	if err != nil {
		t.Fatal(err)
	}
	a.ctl.reloadActors(nil)
	a.ctl.showActors()
	if spy.raised != 0 {
		t.Fatal("showing the Actors window raised the main window")
	}
	a.ctl.jumpToHighlight(other, h.ID)
	if a.ctl.current != other || a.ctl.selected != h.ID {
		t.Fatalf("jump opened %q with %q selected", a.ctl.current, a.ctl.selected)
	}
	if spy.raised != 1 {
		t.Errorf("the main window was raised %d times by the jump, want once", spy.raised)
	}
}

// A rename that moves the actor in the sorted list moves the list's mark
// with it, and the actor now in its old row opens with one click.
func TestActorsWindowListFollowsRename(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	fdr, _, _ := lib.FindActor("Franklin D. Roosevelt") // first by name
	a.ctl.showActors()
	w := a.ctl.actorsW
	w.list.Select(0)
	if w.sel != fdr.ID {
		t.Fatalf("first row is %q, want Roosevelt", a.ctl.actors.name(w.sel))
	}
	w.name.SetText("Zachary Roosevelt")
	w.save()
	first := w.k.actors[0]
	if first.ID == fdr.ID {
		t.Fatal("the renamed actor is still first")
	}
	w.list.Select(0) // a click on the actor now in the first row
	if w.sel != first.ID || w.name.Text != first.Name {
		t.Errorf("clicking the first row shows %q (form %q), want %q", a.ctl.actors.name(w.sel), w.name.Text, first.Name)
	}
}

// The Actors window's questions take Escape (no) and Enter (yes).
func TestActorsWindowDialogsTakeEnterAndEscape(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	wsc, _, _ := lib.FindActor("Winston Churchill")
	a.ctl.showActors()
	w := a.ctl.actorsW
	w.selectActor(wsc.ID)
	c := w.win.Canvas()
	press := func(k fyne.KeyName) {
		c.Unfocus() // a fresh dialog has nothing focused
		c.OnTypedKey()(&fyne.KeyEvent{Name: k})
	}
	w.deleteSelected()
	if c.Overlays().Top() == nil {
		t.Fatal("no question before deleting an actor")
	}
	press(fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatal("Escape left the question open")
	}
	if _, err := lib.Actor(wsc.ID); err != nil {
		t.Fatal("Escape deleted the actor")
	}
	w.deleteSelected()
	press(fyne.KeyReturn)
	if _, err := lib.Actor(wsc.ID); err == nil {
		t.Error("Enter on 'Delete actor?' did not delete it")
	}
}
