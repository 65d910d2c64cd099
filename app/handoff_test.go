package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// A second Dramatis started with a file hands it to the window already
// open with the library, which imports it, shows it and comes to the
// front; with nothing listening, the second start learns that none took it.
func TestSecondStartHandsItsFileOver(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	spy := &raiseSpy{Window: a.win}
	a.shell.win = spy
	path := lib.Path()
	if err := handOff(path, nil); err == nil {
		t.Fatal("a hand-off succeeded with no window listening")
	}
	ln := a.listenForOthers(path)
	if ln == nil {
		t.Fatal("the window does not listen")
	}
	defer ln.Close()
	page := filepath.Join(t.TempDir(), "seite.html")
	html := `<html><head><title>Seoul warnt</title></head><body><article><h1>Seoul warnt</h1>` +
		`<p>Südkorea hat Nordkorea am Dienstag vor weiteren Raketentests gewarnt, sagte ein Sprecher in Seoul.</p>` +
		`<p>Pjöngjang reagierte zunächst nicht auf die Warnung aus dem Süden der Halbinsel.</p></article></body></html>`
	if err := os.WriteFile(page, []byte(html), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Dir(page)) // the second start names the file relative to its folder
	if err := handOff(path, []string{"seite.html"}); err != nil {
		t.Fatalf("handOff: %v", err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		var title string
		fyne.DoAndWait(func() {
			if a.ctl.art != nil {
				title = a.ctl.art.Title
			}
		})
		if title == "Seoul warnt" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the handed-over file is not shown (reader: %q)", title)
		}
		time.Sleep(20 * time.Millisecond)
	}
	var raised int
	fyne.DoAndWait(func() { raised = spy.raised })
	if raised == 0 {
		t.Error("the window did not come to the front")
	}
}
