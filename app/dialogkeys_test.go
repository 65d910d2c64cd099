package app

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// pressKey delivers a key as the desktop driver does: to the focused
// object if there is one, else to the canvas.
func pressKey(a *App, k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if f := a.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := a.win.Canvas().OnTypedKey(); h != nil {
		h(ev)
	}
}

func TestEscapeAndEnterCloseMessageDialog(t *testing.T) {
	for _, k := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn} {
		a, _ := newTestApp(t, Options{NoDemo: true})
		a.shell.showError("Could not import x", errors.New("the server answered 404"))
		if a.win.Canvas().Overlays().Top() == nil {
			t.Fatal("no error dialog")
		}
		pressKey(a, k)
		if a.win.Canvas().Overlays().Top() != nil {
			t.Errorf("%s left the error dialog open", k)
		}
	}
}

func TestEnterConfirmsAndEscapeKeepsDeleteArticle(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	addArticle(t, lib, "Erster", "Eins.", time.Now())
	a.library.reload()
	a.library.step(1)
	a.ctl.deleteCurrentArticle()
	pressKey(a, fyne.KeyEscape)
	if infos, _ := lib.Articles(); len(infos) != 1 {
		t.Fatalf("Escape deleted the article")
	}
	if a.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape left the question open")
	}
	a.ctl.deleteCurrentArticle()
	pressKey(a, fyne.KeyReturn)
	if infos, _ := lib.Articles(); len(infos) != 0 {
		t.Errorf("Enter on 'Delete article?' did not delete it")
	}
}

func TestEscapeInOpenURLFieldCancels(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	a.importer.openURL()
	e, ok := a.win.Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatalf("the address field does not have the focus: %T", a.win.Canvas().Focused())
	}
	e.SetText("https://example.invalid/a")
	pressKey(a, fyne.KeyEscape)
	if a.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape in the address field left the Open URL dialog open")
	}
	if infos, _ := lib.Articles(); len(infos) != 0 {
		t.Error("Escape fetched the address")
	}
}

func TestEscapeClosesFileDialog(t *testing.T) {
	a, _ := newTestApp(t, Options{NoDemo: true})
	a.importer.openFile()
	if a.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no file dialog")
	}
	pressKey(a, fyne.KeyEscape)
	if a.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape left the file dialog open")
	}
}

func TestEscapeInExportFolderFieldCancels(t *testing.T) {
	a, _ := newTestApp(t, Options{NoDemo: true})
	a.exporter.showExport()
	if _, ok := a.win.Canvas().Focused().(*dialogEntry); !ok {
		t.Fatalf("the folder field does not have the focus: %T", a.win.Canvas().Focused())
	}
	pressKey(a, fyne.KeyEscape)
	if a.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape left the export dialog open")
	}
}

// Enter must never press a download's Cancel: the reader has just pressed
// Enter to start it.
func TestEnterDoesNotCancelDownload(t *testing.T) {
	a, _ := newTestApp(t, Options{NoDemo: true})
	arrived := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		<-r.Context().Done()
	}))
	defer srv.Close()
	a.shell.jobs.inline = false
	a.importer.fetchURL(srv.URL + "/slow")
	<-arrived
	pressKey(a, fyne.KeyReturn)
	if a.win.Canvas().Overlays().Top() == nil {
		t.Error("Enter closed the progress dialog")
	}
	top := a.win.Canvas().Overlays().Top()
	pressKey(a, fyne.KeyEscape) // Escape is Cancel
	done := make(chan struct{})
	go func() { a.shell.jobs.pending.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		if b := findButton(top, "Cancel"); b != nil {
			b.OnTapped() // do not leave the download hanging
		}
		<-done
	}
	if a.shell.status.Text != "Cancelled." {
		t.Errorf("Escape did not cancel the download: status %q", a.shell.status.Text)
	}
}

// embeddedEntry is a text field built on widget.Entry, as the picker's
// fields and the dialogs' address fields are.
type embeddedEntry struct{ widget.Entry }

// Ctrl+Z in a text field built on widget.Entry is the field's own undo:
// the Edit menu's Undo (which the desktop driver runs first, with Fyne's
// ShortcutUndo) used to undo the last highlight change behind the dialog.
func TestCtrlZInDialogFieldDoesNotUndoHighlight(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	h := a.ctl.hls[0]
	a.ctl.editHighlight(h.ID)
	a.ctl.picker.SetNote("changed")
	a.ctl.picker.Submit()
	if len(a.ctl.undo.changes) != 1 {
		t.Fatal("the edit is not undoable")
	}
	fields := []fyne.Focusable{}
	a.importer.openURL()
	fields = append(fields, a.win.Canvas().Focused())
	e := &embeddedEntry{}
	e.ExtendBaseWidget(e)
	fields = append(fields, e)
	for _, f := range fields {
		a.win.Canvas().Focus(f)
		if !a.triggerShortcut(&fyne.ShortcutUndo{}) {
			t.Fatal("the menu has no Undo for ShortcutUndo")
		}
		if got, _ := lib.Highlight(h.ID); got.Note != "changed" || len(a.ctl.undo.changes) != 1 {
			t.Errorf("Ctrl+Z in a %T undid the highlight change (note %q)", f, got.Note)
		}
	}
}

// Main-menu shortcuts fire even while a dialog has the keyboard; Ctrl+L
// pressed twice, or Ctrl+O inside the Open URL dialog, used to stack a
// second dialog on the first, and Alt+Down changed the article under an
// open question.
func TestMenuShortcutsDoNotStackDialogs(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	first := addArticle(t, lib, "Erster", "Eins.", time.Now())
	addArticle(t, lib, "Zweiter", "Zwei.", time.Now())
	a.library.reload()
	a.ctl.openArticle(first)
	a.importer.openURL()
	top := a.win.Canvas().Overlays().Top()
	for _, sc := range []fyne.Shortcut{scOpenURL, scOpen, scPastePage, scExport, scPrefs, scNextArt, scPrevArt} {
		a.triggerShortcut(sc)
		if got := a.win.Canvas().Overlays().Top(); got != top {
			t.Errorf("%s opened another dialog over Open URL", sc.ShortcutName())
			got.Hide()
		}
	}
	if a.ctl.current != first {
		t.Errorf("Alt+arrows changed the article under the open dialog to %q", a.reader.view.Document().Title)
	}
	pressKey(a, fyne.KeyEscape)
	a.triggerShortcut(scOpenURL)
	if a.win.Canvas().Overlays().Top() == nil {
		t.Error("with the dialog closed, Ctrl+L opens nothing")
	}
}
