package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/storage"
)

// highlightInNewArticle adds an article with text, opens it, highlights
// its first end characters and tags them, as a reader does, with the actor
// typed as name; it returns the article's id.
func highlightInNewArticle(t *testing.T, a *App, lib *storage.Library, text string, end int, name string) string {
	t.Helper()
	id := addArticle(t, lib, "Neu", text, time.Now())
	a.library.reload()
	a.ctl.openArticle(id)
	a.reader.view.SetSelection(0, end)
	a.ctl.highlightSelection()
	q := a.ctl.picker.Focus()
	test.Type(q, name)
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	a.ctl.picker.Submit()
	return id
}

// workWithDemo makes the demo the reader's own work: they change the
// example highlight's note.
func workWithDemo(t *testing.T, a *App) {
	t.Helper()
	a.ctl.editHighlight(a.ctl.hls[0].ID)
	a.ctl.picker.SetNote("Meine Notiz zur Atlantik-Charta")
	a.ctl.picker.Submit()
	if a.ctl.demo.untouched {
		t.Fatal("after editing the example highlight the demo still counts as untouched")
	}
}

// The demo as shipped is not the reader's work: it stays out of the notes
// folder, its actors too; once the reader works in it, it is exported.
func TestUntouchedDemoStaysOutOfExports(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	dir := t.TempDir()
	a.exporter.exportTo(dir, export.PerActor)
	if notes, _ := filepath.Glob(filepath.Join(dir, "*.md")); len(notes) != 0 {
		t.Errorf("the untouched demo was exported: %v", notes)
	}
	workWithDemo(t, a)
	a.exporter.exportTo(dir, export.PerActor)
	notes, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(notes) < 3 {
		t.Errorf("after working in the demo the export wrote %v", notes)
	}
}

// Away from the demo its actors are not offered: not in the picker's list,
// not as recent, not as suggestions, even where the text names them.
func TestDemoActorsStayOutOfThePickerElsewhere(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	// Using the demo's actors makes them recent.
	a.ctl.editHighlight(a.ctl.hls[0].ID)
	a.ctl.picker.Submit()
	if len(a.ctl.recent) != 2 {
		t.Fatalf("recent = %v", a.ctl.recent)
	}
	id := addArticle(t, lib, "Churchill in Washington", "Churchill traf Roosevelt in Washington; die USA und Großbritannien berieten.", time.Now())
	a.library.reload()
	a.ctl.openArticle(id)
	a.reader.view.SetSelection(0, 40)
	a.ctl.highlightSelection()
	for _, pa := range a.ctl.picker.Shown() {
		if a.ctl.demo.actors[pa.ID] {
			t.Errorf("the demo actor %s is offered away from the demo (%s)", pa.Name, pa.Hint)
		}
	}
	test.Type(a.ctl.picker.Focus(), "Churchill")
	for _, pa := range a.ctl.picker.Shown() {
		if a.ctl.demo.actors[pa.ID] {
			t.Errorf("typing offers the demo actor %s", pa.Name)
		}
	}
	a.ctl.picker.Cancel()
	// In the demo they are offered.
	a.ctl.openArticle(a.ctl.demo.article)
	a.ctl.editHighlight(a.ctl.hls[0].ID)
	found := false
	for _, pa := range a.ctl.picker.Shown() {
		found = found || a.ctl.demo.actors[pa.ID]
	}
	if !found {
		t.Error("in the demo its actors are not offered")
	}
	a.ctl.picker.Cancel()
}

// One step removes the demo with the actors only it uses; actors the
// reader used elsewhere stay.
func TestRemoveDemoInOneStep(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	other := highlightInNewArticle(t, a, lib, "Churchill sprach vor dem Unterhaus.", 9, "Winston Churchill")
	wsc, _, _ := lib.FindActor("Winston Churchill")
	if a.ctl.demo.actors[wsc.ID] {
		t.Fatal("Churchill, used in another article, still counts as a demo actor")
	}
	a.ctl.removeDemo()
	pressKey(a, fyne.KeyReturn) // confirms
	infos, _ := lib.Articles()
	if len(infos) != 1 || infos[0].ID != other {
		t.Fatalf("after removing the demo the library holds %+v", infos)
	}
	actors, _ := lib.Actors()
	if len(actors) != 1 || actors[0].ID != wsc.ID {
		var names []string
		for _, x := range actors {
			names = append(names, x.Name)
		}
		t.Errorf("after removing the demo the actors are %v, want Churchill only", names)
	}
	if a.ctl.demo.article != "" {
		t.Error("the window still knows a demo")
	}
	if it := removeDemoMenuItem(t, a); !it.Disabled {
		t.Error("Help still offers to remove an example that is gone")
	}
}

// Help offers to remove the example only while it is in the library:
// deleting it like any other article takes the offer away too.
func TestRemoveDemoOfferedOnlyWithDemo(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	if it := removeDemoMenuItem(t, a); it.Disabled {
		t.Fatal("the example is in the library but Help cannot remove it")
	}
	a.ctl.deleteArticle(a.ctl.demo.article)
	if a.ctl.demo.article != "" {
		t.Fatal("deleting the example article left the window knowing a demo")
	}
	if it := removeDemoMenuItem(t, a); !it.Disabled {
		t.Error("Help still offers to remove the deleted example")
	}
}

// removeDemoMenuItem finds Help ▸ Remove the Example Article… in the
// window's menu.
func removeDemoMenuItem(t *testing.T, a *App) *fyne.MenuItem {
	t.Helper()
	for _, m := range a.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Remove the Example Article…" {
				return it
			}
		}
	}
	t.Fatal("no Remove the Example Article… in the menu")
	return nil
}

// An actor made in the picker and then undone does not stay behind as a
// recent actor with no highlight.
func TestUndoneNewActorDoesNotStay(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	a.reader.view.SetSelection(h.End+10, h.End+40)
	a.ctl.highlightSelection()
	typeNewActor(t, a, "Atlantik-Konferenz")
	a.ctl.picker.Submit()
	act, ok, _ := lib.FindActor("Atlantik-Konferenz")
	if !ok || a.ctl.recent[0] != act.ID {
		t.Fatalf("the new actor is not stored or not recent: %v %v", ok, a.ctl.recent)
	}
	a.ctl.undoLast()
	if _, ok, _ := lib.FindActor("Atlantik-Konferenz"); ok {
		t.Error("the undone new actor stays in the library with no highlight")
	}
	for _, id := range a.ctl.recent {
		if id == act.ID {
			t.Error("the undone new actor is still recent")
		}
	}
	b, _ := lib.GetPreference(libPrefRecentActors)
	if strings.Contains(string(b), act.ID) {
		t.Error("the library still remembers the undone actor as recent")
	}
}
