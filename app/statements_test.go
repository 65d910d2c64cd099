package app

import (
	"strings"
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

// The Topics window: it lists the topics with their uses, renames and
// moves one under another, merges (statements follow) and deletes with
// the uses quoted in the question; the highlights keep their actors.
func TestTopicsWindow(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	sank, _ := lib.AddTopic(annotation.Topic{Name: "Sanktionen"})
	atom, _ := lib.AddTopic(annotation.Topic{Name: "Atomprogramm"})
	h.Actors[0].Topic, h.Actors[0].Stance = atom.ID, annotation.StanceOpposes
	if _, err := lib.UpdateHighlight(h); err != nil {
		t.Fatal(err)
	}
	// As a new start finds them: the counts are there before any change.
	a.ctl.applyStart(a.ctl.loadStart(a.ctl.library.request()))
	a.ctl.showTopics()
	w := a.ctl.topicsW
	if len(w.k.topics) != 2 || a.ctl.topicCounts[atom.ID] != 1 {
		t.Fatalf("topics %d, uses of Atomprogramm %d", len(w.k.topics), a.ctl.topicCounts[atom.ID])
	}
	w.selectTopic(atom.ID)
	if len(w.hls) != 1 || !strings.Contains(w.hlLine(w.hls[0]), "opposes") {
		t.Fatalf("statements listed: %d %q", len(w.hls), w.hlLine(w.hls[0]))
	}
	w.name.SetText("Atomwaffen")
	w.k.parent.SetSelected("Sanktionen")
	w.save()
	got, _ := lib.Topic(atom.ID)
	if got.Name != "Atomwaffen" || got.Parent != sank.ID {
		t.Fatalf("after save: %+v", got)
	}
	if !strings.Contains(w.topicLine(got), "in Sanktionen · 1 highlight") {
		t.Errorf("row says %q", w.topicLine(got))
	}
	w.deleteSelected()
	if !strings.Contains(renderedText(a.ctl.topicsW.win.Canvas().Overlays().Top()), h.Quote.Exact[:10]) {
		t.Error("the delete question does not quote the highlight that uses the topic")
	}
	a.ctl.mergeTopics(atom.ID, sank.ID, w.win)
	hl, _ := lib.Highlight(h.ID)
	if hl.Actors[0].Topic != sank.ID || hl.Actors[0].Stance != annotation.StanceOpposes || w.sel != sank.ID {
		t.Fatalf("after the merge: %+v, window on %s", hl.Actors[0], w.sel)
	}
	a.ctl.deleteTopic(sank.ID, w.win)
	hl, _ = lib.Highlight(h.ID)
	if hl.Actors[0].Topic != "" || len(hl.Actors) == 0 || len(w.k.topics) != 0 {
		t.Fatalf("after the delete: %+v, %d topics listed", hl.Actors, len(w.k.topics))
	}
}

// Article Info: the dialog shows the article's details; what the reader
// changes is stored (what is left alone is not marked as set), the window
// shows it, and a date that does not read is refused.
func TestArticleInfo(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	a.ctl.showArticleInfo()
	if a.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Article Info shows no dialog")
	}
	f := newArticleInfoForm(a.shell, a.ctl.art)
	f.title.SetText("Ein besserer Titel")
	f.site.SetText("Beispiel-Zeitung")
	f.authors.SetText("Anna Müller,  J. O'Brien ,")
	f.published.SetText("2024-11-08 12:22")
	e, changed, err := f.edit(a.ctl.art)
	if err != nil || !changed || e.URL != nil || e.Lang != nil || len(*e.Authors) != 2 {
		t.Fatalf("edit = %+v, %v, %v", e, changed, err)
	}
	a.ctl.saveArticleInfo(a.ctl.current, e)
	art, info, _ := lib.Article(a.ctl.current)
	if art.Title != "Ein besserer Titel" || art.Site != "Beispiel-Zeitung" || infoTimeText(info.Published) != "2024-11-08 12:22" {
		t.Fatalf("stored: %q %q %v", art.Title, art.Site, info.Published)
	}
	if a.ctl.art.Title != "Ein besserer Titel" || !strings.HasPrefix(a.win.Title(), "Ein besserer Titel") {
		t.Errorf("the window shows %q, titled %q", a.ctl.art.Title, a.win.Title())
	}
	f.published.SetText("gestern")
	if _, _, err := f.edit(a.ctl.art); err == nil {
		t.Error("a date that does not read was taken")
	}
	// By keyboard: the dialog opens on the title; Enter in a field saves.
	a.ctl.showArticleInfo()
	pressKey(a, fyne.KeyEnd)
	typeInto(a, " (korrigiert)")
	pressKey(a, fyne.KeyReturn)
	if art, _, _ := lib.Article(a.ctl.current); art.Title != "Ein besserer Titel (korrigiert)" {
		t.Errorf("after typing and Enter the title is %q", art.Title)
	}
}

// A topic under a parent by keyboard: "Sanktionen/Finanzen" under an
// existing parent, then "Handel › Zölle" making the parent too; both are
// stored with the highlight in one step, the picker then shows
// "Sanktionen › Finanzen", and Ctrl+Z takes back the topics it created,
// the new parent with its child.
func TestTopicUnderAParentByKeyboardInTheWindow(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	sank, err := lib.AddTopic(annotation.Topic{Name: "Sanktionen"})
	if err != nil {
		t.Fatal(err)
	}
	a.ctl.reloadActors(nil)
	h := a.ctl.hls[0]
	a.reader.view.SetSelection(h.End+10, h.End+40)
	a.ctl.highlightSelection()
	a.win.Canvas().Focus(a.ctl.picker.Focus())
	typeInto(a, "Kim Jong Un")
	pressKey(a, fyne.KeyReturn)
	typeInto(a, "#Sanktionen/Finanzen")
	pressKey(a, fyne.KeyReturn)
	typeInto(a, "-")
	typeInto(a, "Putin")
	pressKey(a, fyne.KeyReturn)
	typeInto(a, "#Handel › Zölle")
	pressKey(a, fyne.KeyReturn)
	pressKey(a, fyne.KeyReturn) // no stance
	pressKey(a, fyne.KeyReturn) // save
	fin, ok, _ := lib.FindTopic("Finanzen")
	handel, ok2, _ := lib.FindTopic("Handel")
	zoelle, ok3, _ := lib.FindTopic("Zölle")
	if !ok || !ok2 || !ok3 || fin.Parent != sank.ID || handel.Parent != "" || zoelle.Parent != handel.ID {
		t.Fatalf("stored: Finanzen %+v (%v), Handel %+v (%v), Zölle %+v (%v)", fin, ok, handel, ok2, zoelle, ok3)
	}
	if hs, _ := lib.TopicHighlights(fin.ID); len(hs) != 1 || hs[0].Actors[0].Stance != annotation.StanceOpposes {
		t.Fatalf("highlights on Finanzen: %+v", hs)
	}
	found := false
	library, _, _ := a.ctl.pickerTopics()
	for _, pt := range library {
		if pt.ID == fin.ID && pt.Label() == "Sanktionen › Finanzen" {
			found = true
		}
	}
	if !found {
		t.Errorf("the picker does not offer “Sanktionen › Finanzen”: %+v", library)
	}
	a.ctl.undoLast()
	for _, name := range []string{"Finanzen", "Handel", "Zölle"} {
		if _, ok, _ := lib.FindTopic(name); ok {
			t.Errorf("undo left %q behind", name)
		}
	}
	if _, ok, _ := lib.FindTopic("Sanktionen"); !ok {
		t.Error("undo took the parent the reader had before")
	}
}
