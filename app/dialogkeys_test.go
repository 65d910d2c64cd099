package app

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"fyne.io/fyne/v2"
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
		a.showError("Could not import x", errors.New("the server answered 404"))
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
	a.deleteCurrentArticle()
	pressKey(a, fyne.KeyEscape)
	if infos, _ := lib.Articles(); len(infos) != 1 {
		t.Fatalf("Escape deleted the article")
	}
	if a.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape left the question open")
	}
	a.deleteCurrentArticle()
	pressKey(a, fyne.KeyReturn)
	if infos, _ := lib.Articles(); len(infos) != 0 {
		t.Errorf("Enter on 'Delete article?' did not delete it")
	}
}

func TestEscapeInOpenURLFieldCancels(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	a.openURL()
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
	a.openFile()
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
	a.showExport()
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
	a.inline = false
	a.fetchURL(srv.URL + "/slow")
	<-arrived
	pressKey(a, fyne.KeyReturn)
	if a.win.Canvas().Overlays().Top() == nil {
		t.Error("Enter closed the progress dialog")
	}
	top := a.win.Canvas().Overlays().Top()
	pressKey(a, fyne.KeyEscape) // Escape is Cancel
	done := make(chan struct{})
	go func() { a.pending.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		if b := findButton(top, "Cancel"); b != nil {
			b.OnTapped() // do not leave the download hanging
		}
		<-done
	}
	if a.status.Text != "Cancelled." {
		t.Errorf("Escape did not cancel the download: status %q", a.status.Text)
	}
}
