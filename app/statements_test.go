package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/dramatis-app/dramatis/annotation"
)

// typeInto types s into whatever has the window's keyboard, rune by rune,
// as the real driver delivers keys: the picker moves the focus between
// its name and topic fields while a reader types.
func typeInto(a *App, s string) {
	for _, r := range s {
		a.win.Canvas().Focused().TypedRune(r)
	}
}

// A statement made by keyboard in the window: a new actor, # and a new
// topic, "-" for opposes, Enter saves; the topic is stored with the
// highlight, the card says "opposes Sanktionen", the next picker offers
// the topic first, and Ctrl+Z takes back the highlight and the topic it
// created.
func TestStatementByKeyboardInTheWindow(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	a.reader.view.SetSelection(h.End+10, h.End+40)
	a.ctl.highlightSelection()
	a.win.Canvas().Focus(a.ctl.picker.Focus())
	typeInto(a, "Kim Jong Un")
	pressKey(a, fyne.KeyReturn)
	typeInto(a, "#Sanktionen")
	pressKey(a, fyne.KeyReturn)
	typeInto(a, "-")
	pressKey(a, fyne.KeyReturn) // the empty name field: save
	topic, ok, err := lib.FindTopic("sanktionen")
	if err != nil || !ok {
		t.Fatalf("the new topic was not stored: %v", err)
	}
	hs, err := lib.TopicHighlights(topic.ID)
	if err != nil || len(hs) != 1 {
		t.Fatalf("highlights on the topic: %d, %v", len(hs), err)
	}
	ref := hs[0].Actors[0]
	if ref.Topic != topic.ID || ref.Stance != annotation.StanceOpposes {
		t.Fatalf("statement = %+v", ref)
	}
	if got := a.ctl.topics.statement(ref); got != "opposes Sanktionen" {
		t.Errorf("the card says %q", got)
	}
	if lib, recent, _ := a.ctl.pickerTopics(); len(recent) != 1 || recent[0].Name != "Sanktionen" || len(lib) != 1 {
		t.Errorf("picker topics: library %d, recent %+v", len(lib), recent)
	}
	a.ctl.undoLast()
	if _, ok, _ := lib.FindTopic("Sanktionen"); ok {
		t.Error("undo left the topic it created behind")
	}
}

// Editing a highlight shows its statements in the picker and keeps them
// when the reader only changes the note.
func TestEditKeepsStatements(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	topic, err := lib.AddTopic(annotation.Topic{Name: "Atomprogramm"})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Actors) == 0 {
		t.Fatal("the test article's first highlight has no actor")
	}
	h.Actors[0].Topic, h.Actors[0].Stance = topic.ID, annotation.StanceSupports
	if _, err := lib.UpdateHighlight(h); err != nil {
		t.Fatal(err)
	}
	a.ctl.reloadActors(nil)
	a.ctl.editHighlight(h.ID)
	chosen := a.ctl.picker.Chosen()
	if chosen[0].Topic.ID != topic.ID || chosen[0].Stance != "supports" {
		t.Fatalf("the picker shows %+v", chosen[0])
	}
	a.ctl.picker.Submit()
	got, _ := lib.Highlight(h.ID)
	if got.Actors[0].Topic != topic.ID || got.Actors[0].Stance != annotation.StanceSupports {
		t.Errorf("after the edit: %+v", got.Actors)
	}
}
