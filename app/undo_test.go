package app

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/storage"
)

// librarySnapshot is what the library holds of highlights, actors and
// topics, read through storage: undo and redo are judged by it, not by
// what the window shows.
type librarySnapshot struct {
	highlights []annotation.Highlight
	actors     []annotation.Actor
	topics     []annotation.Topic
}

// snapshot reads the article's highlights and every actor and topic.
func snapshot(t *testing.T, lib *storage.Library, artID string) librarySnapshot {
	t.Helper()
	var s librarySnapshot
	var err error
	if s.highlights, err = lib.Highlights(artID); err != nil {
		t.Fatal(err)
	}
	if s.actors, err = lib.Actors(); err != nil {
		t.Fatal(err)
	}
	if s.topics, err = lib.Topics(); err != nil {
		t.Fatal(err)
	}
	return s
}

// newStatement makes a new highlight after the demo's one with a
// statement typed in the picker: the built-in actor Kim Jong-un (with his
// aliases), a new topic and a stance, so the change creates an actor and
// a topic.
func newStatement(t *testing.T, a *App) {
	t.Helper()
	h := a.ctl.hls[0]
	a.reader.view.SetSelection(h.End+10, h.End+40)
	a.ctl.highlightSelection()
	typeStatement(a)
}

// highlightChanges are the kinds of change undo and redo handle, each
// made as a reader makes it.
var highlightChanges = []struct {
	name string
	make func(t *testing.T, a *App)
}{
	{"add with a new actor and topic", newStatement},
	{"edit", func(t *testing.T, a *App) {
		a.ctl.editHighlight(a.ctl.hls[0].ID)
		a.ctl.picker.SetNote("changed")
		a.ctl.picker.Submit()
	}},
	{"edit with a new actor and topic", editWithStatement},
	{"delete", func(t *testing.T, a *App) { a.ctl.deleteHighlight(a.ctl.hls[0].ID) }},
}

// typeStatement types into the open picker a statement that creates the
// actor Kim Jong-un (built in, with aliases) and the topic Sanktionen with
// a stance, then saves.
func typeStatement(a *App) {
	a.win.Canvas().Focus(a.ctl.picker.Focus())
	typeInto(a, "Kim Jong Un")
	pressKey(a, fyne.KeyReturn)
	typeInto(a, "#Sanktionen")
	pressKey(a, fyne.KeyReturn)
	typeInto(a, "-")
	pressKey(a, fyne.KeyReturn) // the empty name field: save
}

// editWithStatement edits the demo's highlight, adding a statement typed
// in the picker that creates an actor and a topic.
func editWithStatement(t *testing.T, a *App) {
	t.Helper()
	a.ctl.editHighlight(a.ctl.hls[0].ID)
	typeStatement(a)
}

// Undoing an edit that created an actor and a topic in the picker takes
// them away with it, as undoing an add does; a redo brings them back with
// their ids.
func TestUndoOfAnEditDropsTheActorItCreated(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	artID := a.ctl.current
	before := snapshot(t, lib, artID)
	editWithStatement(t, a)
	kim, ok, err := lib.FindActor("Kim Jong Un")
	if err != nil || !ok {
		t.Fatalf("the edit made no actor: %v, %v", ok, err)
	}
	after := snapshot(t, lib, artID)
	a.ctl.undoLast()
	if got := snapshot(t, lib, artID); !reflect.DeepEqual(got, before) {
		t.Fatalf("after the undo the library holds\n%+v\nwant\n%+v", got, before)
	}
	a.ctl.redoLast()
	if got := snapshot(t, lib, artID); !reflect.DeepEqual(got, after) {
		t.Fatalf("after the redo the library holds\n%+v\nwant\n%+v", got, after)
	}
	if _, err := lib.Actor(kim.ID); err != nil {
		t.Fatalf("the redo did not bring the actor back: %v", err)
	}
}

// Undo then redo puts the library back exactly as the change stored it:
// the highlight with its id, times and statements, and for a new
// highlight the actor and topic the undo deleted, with their ids, names
// and aliases.
func TestRedoRestoresTheChangeAsStored(t *testing.T) {
	for _, tc := range highlightChanges {
		t.Run(tc.name, func(t *testing.T) {
			a, lib := newTestApp(t, Options{})
			artID := a.ctl.current
			before := snapshot(t, lib, artID)
			tc.make(t, a)
			changed := snapshot(t, lib, artID)
			if reflect.DeepEqual(before, changed) {
				t.Fatal("the change changed nothing in the library")
			}
			a.ctl.undoLast()
			if got := snapshot(t, lib, artID); !reflect.DeepEqual(got, before) {
				t.Fatalf("after undo the library holds\n%+v\nwant\n%+v", got, before)
			}
			a.ctl.redoLast()
			if got := snapshot(t, lib, artID); !reflect.DeepEqual(got, changed) {
				t.Fatalf("after redo the library holds\n%+v\nwant\n%+v", got, changed)
			}
			if s := a.shell.status.Text; s != "Redone. Ctrl+Z undoes it." {
				t.Errorf("status after redo = %q", s)
			}
			// The redone change can be undone again, created actors and all.
			a.ctl.undoLast()
			if got := snapshot(t, lib, artID); !reflect.DeepEqual(got, before) {
				t.Fatalf("after the second undo the library holds\n%+v\nwant\n%+v", got, before)
			}
		})
	}
}

// A change undone in one article and redone while another is open is
// stored as it was, and the window opens its article to show it.
func TestRedoInAnotherArticle(t *testing.T) {
	for _, tc := range highlightChanges {
		t.Run(tc.name, func(t *testing.T) {
			a, lib := newTestApp(t, Options{})
			artID := a.ctl.current
			tc.make(t, a)
			changed := snapshot(t, lib, artID)
			a.ctl.undoLast()
			if other := importTestFile(t, a); other == artID {
				t.Fatal("the import did not open another article")
			}
			a.ctl.redoLast()
			if got := snapshot(t, lib, artID); !reflect.DeepEqual(got, changed) {
				t.Fatalf("after redo the library holds\n%+v\nwant\n%+v", got, changed)
			}
			if a.ctl.current != artID {
				t.Errorf("the reader shows %s, want the article of the redone change %s", a.ctl.current, artID)
			}
		})
	}
}

// The actor a new highlight created comes back on redo with the same id,
// name and aliases, and the window knows it again.
func TestRedoBringsBackTheCreatedActor(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	newStatement(t, a)
	kim, ok, err := lib.FindActor("Kim Jong Un")
	if err != nil || !ok || len(kim.Aliases) == 0 {
		t.Fatalf("the new actor = %+v, %v, %v; want one with aliases", kim, ok, err)
	}
	a.ctl.undoLast()
	if _, err := lib.Actor(kim.ID); err == nil {
		t.Fatal("the undo left the created actor behind")
	}
	a.ctl.redoLast()
	got, err := lib.Actor(kim.ID)
	if err != nil || got.Name != kim.Name || !reflect.DeepEqual(got.Aliases, kim.Aliases) {
		t.Fatalf("after redo the actor is %+v, %v; want %+v", got, err, kim)
	}
	if _, ok := a.ctl.actors[kim.ID]; !ok {
		t.Error("the window does not know the actor brought back")
	}
	if len(a.ctl.recent) == 0 || a.ctl.recent[0] != kim.ID {
		t.Errorf("the actor brought back is not the most recent: %v", a.ctl.recent)
	}
}

// A new change after an undo clears what could be redone: redo then
// changes nothing and says so.
func TestRedoAfterANewChangeDoesNothing(t *testing.T) {
	for _, tc := range highlightChanges {
		t.Run(tc.name, func(t *testing.T) {
			a, lib := newTestApp(t, Options{})
			artID := a.ctl.current
			tc.make(t, a)
			a.ctl.undoLast()
			// The new change: a note on the demo highlight.
			a.ctl.editHighlight(a.ctl.hls[0].ID)
			a.ctl.picker.SetNote("a newer note")
			a.ctl.picker.Submit()
			want := snapshot(t, lib, artID)
			a.ctl.redoLast()
			if got := snapshot(t, lib, artID); !reflect.DeepEqual(got, want) {
				t.Errorf("redo after a new change changed the library:\n%+v\nwant\n%+v", got, want)
			}
			if s := a.shell.status.Text; s != "Nothing to redo." {
				t.Errorf("status = %q, want Nothing to redo.", s)
			}
		})
	}
}

// Ctrl+Y and Ctrl+Shift+Z redo through the window's shortcut path, as the
// desktop driver delivers them: to the focused reader (which hands on
// what it does not use) and to the canvas when nothing has the focus.
func TestRedoShortcuts(t *testing.T) {
	shortcuts := []fyne.Shortcut{
		&fyne.ShortcutRedo{}, // Ctrl+Y
		&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift},
	}
	for _, sc := range shortcuts {
		for _, focused := range []bool{true, false} {
			a, lib := newTestApp(t, Options{})
			h := a.ctl.hls[0]
			a.ctl.deleteHighlight(h.ID)
			a.ctl.undoLast()
			if _, err := lib.Highlight(h.ID); err != nil {
				t.Fatalf("the undo did not bring the highlight back: %v", err)
			}
			if focused {
				a.win.Canvas().Focus(focusable(a.reader.view))
				a.reader.view.FocusTarget().(fyne.Shortcutable).TypedShortcut(sc)
			} else {
				a.win.Canvas().Unfocus()
				a.win.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
			}
			if _, err := lib.Highlight(h.ID); err == nil {
				t.Errorf("%s (reader focused: %v) did not redo the deletion", sc.ShortcutName(), focused)
			}
		}
	}
}

// A focused text field keeps Ctrl+Y for its own typing: the highlight
// change stays undone.
func TestRedoShortcutInTextFieldIsTheField(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	a.ctl.deleteHighlight(h.ID)
	a.ctl.undoLast()
	a.win.Canvas().Focus(a.library.search)
	a.redoKey()
	if _, err := lib.Highlight(h.ID); err != nil {
		t.Errorf("Ctrl+Y in the search field redid the deletion: %v", err)
	}
}

// editMenuItem finds an item of the window's Edit menu by its label.
func editMenuItem(t *testing.T, a *App, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range a.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no %s in the menu", label)
	return nil
}

// Edit ▸ Undo and Edit ▸ Redo are enabled exactly while there is
// something to undo or redo.
func TestUndoRedoMenuFollowsTheStack(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	undo := editMenuItem(t, a, "Undo Highlight Change")
	redo := editMenuItem(t, a, "Redo Highlight Change")
	if redo.Shortcut == nil || redo.Shortcut.ShortcutName() != (&fyne.ShortcutRedo{}).ShortcutName() {
		t.Errorf("Redo's shortcut = %v, want Ctrl+Y", redo.Shortcut)
	}
	h := a.ctl.hls[0]
	steps := []struct {
		name             string
		do               func()
		canUndo, canRedo bool
	}{
		{"at start", func() {}, false, false},
		{"after a change", func() { a.ctl.deleteHighlight(h.ID) }, true, false},
		{"after undo", a.ctl.undoLast, false, true},
		{"after redo", a.ctl.redoLast, true, false},
		{"after undo again", a.ctl.undoLast, false, true},
		{"after a new change", func() { newStatement(t, a) }, true, false},
		{"after the article is deleted", func() { a.ctl.undo.forget(a.ctl.current) }, false, false},
	}
	for _, s := range steps {
		s.do()
		if undo.Disabled == s.canUndo || redo.Disabled == s.canRedo {
			t.Errorf("%s: Undo disabled %v, Redo disabled %v; want %v, %v",
				s.name, undo.Disabled, redo.Disabled, !s.canUndo, !s.canRedo)
		}
	}
}
