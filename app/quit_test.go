package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	fynestorage "fyne.io/fyne/v2/storage"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// Once the window quits, a job's continuation is dropped (Fyne would run
// it off the main goroutine), close waits for a job that holds the
// library, and after close no job starts.
func TestRunnerAtQuitDropsContinuationsAndCloseWaitsForHeldJobs(t *testing.T) {
	test.NewTempApp(t)
	r := newRunner(false)
	release := make(chan struct{})
	var stored, shown, late atomic.Bool
	r.run(func() {
		<-release
		stored.Store(true)
	}, func() { shown.Store(true) })
	r.quit()
	if r.ctx.Err() == nil {
		t.Error("quit did not cancel the jobs' context")
	}
	closed := make(chan bool)
	go func() {
		r.close()
		closed <- stored.Load()
	}()
	for !r.closedNow() {
		time.Sleep(time.Millisecond) // until close has begun; the job is still blocked
	}
	close(release)
	if !<-closed {
		t.Error("close returned before the job that held the library had finished")
	}
	r.pending.Wait()
	if shown.Load() {
		t.Error("a job's continuation ran after the quit")
	}
	r.run(func() { late.Store(true) }, nil)
	r.runLoose(func() { late.Store(true) }, nil)
	if r.withLibrary(func() { late.Store(true) }) {
		t.Error("withLibrary ran after close")
	}
	r.pending.Wait()
	if late.Load() {
		t.Error("a job started after close")
	}
	r.close() // a second close (Run's after the watchdog's) returns
}

// Work posted to the main goroutine with do is dropped once quitting,
// also when the quit begins after it was posted.
func TestRunnerDoAfterQuitDoesNothing(t *testing.T) {
	test.NewTempApp(t)
	r := newRunner(false)
	ran := 0
	r.do(func() { ran++ })
	r.quit()
	r.do(func() { ran++ })
	if ran != 1 {
		t.Errorf("do ran %d functions, want 1 (the one before the quit)", ran)
	}
}

// A quit while pages are being imported: the store under way finishes
// (every commit is on disk and none is cut off when the library closes),
// the imports not yet stored are cancelled, so the quit waits for one
// store, not for all the pages, and no import goes on to show its
// article in the closing window.
func TestQuitDuringImportFinishesStoresAndShowsNothing(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	const pages = 8
	dir := t.TempDir()
	var files []string
	for i := range pages {
		p := filepath.Join(dir, fmt.Sprintf("seite%d.html", i))
		html := fmt.Sprintf(`<html><head><title>Seoul warnt %d</title></head><body><article><h1>Seoul warnt %d</h1>`+
			`<p>Südkorea hat Nordkorea am Dienstag zum %d. Mal vor weiteren Raketentests gewarnt, sagte ein Sprecher in Seoul.</p>`+
			`<p>Pjöngjang reagierte zunächst nicht auf die Warnung aus dem Süden der Halbinsel.</p></article></body></html>`, i, i, i)
		if err := os.WriteFile(p, []byte(html), 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	// The first store waits until the quit has begun, so that the quit
	// comes in the middle of the import, as Ctrl+Q 4 s into 100 pages does.
	var mu sync.Mutex
	started, finished := 0, 0
	release := make(chan struct{})
	store := a.importer.store
	a.importer.store = func(art *article.Article, o storage.ImportOptions) (storage.ImportResult, error) {
		mu.Lock()
		started++
		mu.Unlock()
		<-release
		res, err := store(art, o)
		mu.Lock()
		finished++
		mu.Unlock()
		return res, err
	}
	var shownAfter atomic.Int32
	imported := a.importer.imported
	a.importer.imported = func(res storage.ImportResult) {
		shownAfter.Add(1)
		imported(res)
	}
	a.shell.jobs.inline = false
	for _, f := range files {
		a.importer.importURI(fynestorage.NewFileURI(f), nil)
	}
	for {
		mu.Lock()
		n := started
		mu.Unlock()
		if n >= 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	a.quit()
	close(release)
	a.finish()
	mu.Lock()
	s, f := started, finished
	mu.Unlock()
	if s != f {
		t.Errorf("the library would close under stores: %d begun, %d finished", s, f)
	}
	if s > 1 {
		t.Errorf("the quit waited for %d stores; imports store one at a time, so at most one is under way", s)
	}
	a.shell.jobs.pending.Wait()
	mu.Lock()
	if started != s {
		t.Errorf("%d stores began after the window finished", started-s)
	}
	mu.Unlock()
	if infos, err := lib.Articles(); err != nil || len(infos) != f {
		t.Errorf("library holds %d articles (%v), want the %d stored", len(infos), err, f)
	}
	if n := shownAfter.Load(); n != 0 {
		t.Errorf("%d imports went on to show their article after the quit", n)
	}
}

// An actor picker still open when the window quits is saved as it stands,
// with its actors and note, however the quit comes: Ctrl+Q or the close
// button (quit), or a SIGTERM that Fyne's driver turned into a quit of its
// own (Run's finish, once the loop has stopped). A new highlight and an
// edited one alike; and a quit with no picker open saves nothing.
func TestQuitSavesTheOpenPickerAsItStands(t *testing.T) {
	for _, tc := range []struct {
		name string
		quit func(a *App)
	}{
		{"ctrl+q or close button", func(a *App) { a.quit(); a.finish() }},
		{"sigterm", func(a *App) { a.finish() }},
	} {
		t.Run(tc.name+"/new highlight", func(t *testing.T) {
			a, lib := newTestApp(t, Options{NoDemo: true})
			id := addArticle(t, lib, "Neu", "Kim Jong-un drohte Seoul am Dienstag mit Vergeltung.", time.Now())
			a.library.reload()
			a.ctl.openArticle(id)
			a.reader.view.SetSelection(0, 11)
			a.ctl.highlightSelection()
			typeNewActor(t, a, "Kim Jong-un")
			a.ctl.picker.SetNote("Drohung gegen Seoul")
			tc.quit(a)
			hls, err := lib.Highlights(id)
			if err != nil || len(hls) != 1 {
				t.Fatalf("after the quit: %d highlights (%v), want the one in the picker", len(hls), err)
			}
			h := hls[0]
			if h.Quote.Exact != "Kim Jong-un" || h.Note != "Drohung gegen Seoul" || len(h.Actors) != 1 {
				t.Fatalf("saved highlight = %+v", h)
			}
			if act, err := lib.Actor(h.Actors[0].ActorID); err != nil || act.Name != "Kim Jong-un" {
				t.Errorf("its actor = %+v, %v", act, err)
			}
		})
		t.Run(tc.name+"/edited highlight", func(t *testing.T) {
			a, lib := newTestApp(t, Options{})
			h := a.ctl.hls[0] // the demo's example
			a.ctl.editHighlight(h.ID)
			a.ctl.picker.SetNote("Meine Notiz")
			tc.quit(a)
			got, err := lib.Highlight(h.ID)
			if err != nil || got.Note != "Meine Notiz" || len(got.Actors) != len(h.Actors) {
				t.Errorf("after the quit: %+v, %v; want the note typed and the actors kept", got, err)
			}
		})
		t.Run(tc.name+"/picker closed", func(t *testing.T) {
			a, lib := newTestApp(t, Options{NoDemo: true})
			id := addArticle(t, lib, "Neu", "Kim Jong-un drohte Seoul am Dienstag mit Vergeltung.", time.Now())
			a.library.reload()
			a.ctl.openArticle(id)
			a.reader.view.SetSelection(0, 11)
			a.ctl.highlightSelection()
			typeNewActor(t, a, "Kim Jong-un")
			a.ctl.picker.Cancel()
			tc.quit(a)
			if hls, _ := lib.Highlights(id); len(hls) != 0 {
				t.Errorf("a cancelled picker was saved at quit: %+v", hls)
			}
		})
	}
}

// In a library open read-only, H, editing a highlight, pasting a page and
// opening a file say at once, in the status line, that the library is
// read-only and why, before any work: no picker opens, no page is cleaned.
func TestReadOnlyLibraryRefusesChangesBeforeAnyWork(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := importDemo(lib); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	ro, err := storage.OpenWith(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	fa := test.NewTempApp(t)
	a := newApp(fa, ro, Options{NoDemo: true}, true, nil)
	defer a.win.Close()
	if a.ctl.art == nil || len(a.ctl.hls) == 0 {
		t.Fatal("the read-only library's article is not shown")
	}
	page := filepath.Join(t.TempDir(), "seite.html")
	if err := os.WriteFile(page, []byte(`<html><body><article><h1>Seoul warnt</h1><p>Südkorea warnt Nordkorea.</p></article></body></html>`), 0o600); err != nil {
		t.Fatal(err)
	}
	cleaned := 0
	store := a.importer.store
	a.importer.store = func(art *article.Article, o storage.ImportOptions) (storage.ImportResult, error) {
		cleaned++
		return store(art, o)
	}
	for _, tc := range []struct {
		name, cannot string
		do           func()
	}{
		{"H", "no highlight can be saved in it", func() { a.reader.view.SetSelection(0, 20); a.ctl.highlightSelection() }},
		{"edit", "no highlight can be changed in it", func() { a.ctl.editHighlight(a.ctl.hls[0].ID) }},
		{"paste page", "no page can be imported into it", func() {
			fa.Clipboard().SetContent(strings.Repeat("Südkorea hat Nordkorea am Dienstag gewarnt. ", 40))
			a.importer.pastePage()
		}},
		{"open file", "no page can be imported into it", func() { a.importer.importURI(fynestorage.NewFileURI(page), nil) }},
	} {
		a.shell.setStatus("")
		tc.do()
		want := readOnlyRefusal("opened for reading", tc.cannot)
		if got := a.shell.status.Text; got != want {
			t.Errorf("%s: status %q, want %q", tc.name, got, want)
		}
		if a.ctl.pickerDone != nil || a.shell.dialogOpen() {
			t.Errorf("%s: a picker or a dialog opened in a read-only library", tc.name)
		}
	}
	if cleaned != 0 {
		t.Errorf("%d pages were cleaned for a read-only library", cleaned)
	}
}
