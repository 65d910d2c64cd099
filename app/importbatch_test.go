package app

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// writePages writes n distinct news pages into dir as name(i) and returns
// their paths.
func writePages(t *testing.T, dir string, n int, name func(i int) string) []string {
	t.Helper()
	var paths []string
	for i := range n {
		p := filepath.Join(dir, name(i))
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		html := fmt.Sprintf(`<html><head><title>Seoul warnt %d</title></head><body><article><h1>Seoul warnt %d</h1>`+
			`<p>Südkorea hat Nordkorea am Dienstag zum %d. Mal vor weiteren Raketentests gewarnt, sagte ein Sprecher in Seoul.</p>`+
			`<p>Pjöngjang reagierte zunächst nicht auf die Warnung aus dem Süden der Halbinsel, Nummer %d.</p></article></body></html>`, i, i, i, i)
		if err := os.WriteFile(p, []byte(html), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func fileURIs(paths ...string) []fyne.URI {
	var uris []fyne.URI
	for _, p := range paths {
		uris = append(uris, fynestorage.NewFileURI(p))
	}
	return uris
}

func seite(i int) string { return fmt.Sprintf("seite%d.html", i) }

// articleTitles are the titles in the library, sorted.
func articleTitles(t *testing.T, lib *storage.Library) []string {
	t.Helper()
	infos, err := lib.Articles()
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, in := range infos {
		titles = append(titles, in.Title)
	}
	sort.Strings(titles)
	return titles
}

// Dropping several files imports them as one batch: the strip counts
// "n of N" with the file's name while each is stored, and the summary
// says what was imported and what was skipped, with a reason per file.
func TestDroppingManyFilesShowsProgressAndSummary(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	dir := t.TempDir()
	pages := writePages(t, dir, 4, seite)
	empty := filepath.Join(dir, "leer.html")
	pdf := filepath.Join(dir, "bericht.pdf")
	for _, p := range []string{empty, pdf} {
		if err := os.WriteFile(p, []byte("<html><body></body></html>"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// The second page twice: the second time it is unchanged.
	drop := append(append([]string{}, pages...), pages[1], empty, pdf, filepath.Join(dir, "fehlt.html"))
	var seen []string
	store := a.importer.store
	a.importer.store = func(art *article.Article, o storage.ImportOptions) (storage.ImportResult, error) {
		p := a.importer.progressView()
		seen = append(seen, p.title.Text+" · "+p.name.Text)
		return store(art, o)
	}
	a.importer.dropped(fyne.Position{}, fileURIs(drop...))
	want := []string{"Importing 1 of 8 · seite0.html", "Importing 2 of 8 · seite1.html", "Importing 3 of 8 · seite2.html",
		"Importing 4 of 8 · seite3.html", "Importing 5 of 8 · seite1.html"}
	if strings.Join(seen, "\n") != strings.Join(want, "\n") {
		t.Errorf("the strip while storing said\n%s\nwant\n%s", strings.Join(seen, "\n"), strings.Join(want, "\n"))
	}
	if got := articleTitles(t, lib); len(got) != 4 {
		t.Errorf("library holds %q, want the 4 pages", got)
	}
	const summary = "Imported 4 pages, skipped 4 (0:00)."
	p := a.importer.progressView()
	if !p.box.Visible() || p.name.Text != summary {
		t.Errorf("after the batch: strip shown %v, saying %q; want %q", p.box.Visible(), p.name.Text, summary)
	}
	if p.cancel.Visible() || !p.list.Visible() || !p.close.Visible() {
		t.Error("the finished strip still offers Cancel, or not the list and Close")
	}
	lines := batchListLines(p.batch.list())
	if len(lines) != 8 {
		t.Fatalf("the list has %d lines, want one per file: %q", len(lines), lines)
	}
	for i, prefix := range []string{"Skipped  seite1.html: “Seoul warnt 1” is in the library already", "Skipped  leer.html: ", "Skipped  bericht.pdf: ",
		"Skipped  fehlt.html: cannot read", "Imported  seite0.html: “Seoul warnt 0”", "Imported  seite1.html: “Seoul warnt 1”"} {
		if !strings.HasPrefix(lines[i], prefix) {
			t.Errorf("list line %d = %q, want it to begin %q", i, lines[i], prefix)
		}
	}
	for _, l := range lines[:4] {
		if strings.Contains(l, "\n") || len(strings.TrimSpace(l[strings.Index(l, ":")+1:])) == 0 {
			t.Errorf("a skipped line gives no one-line reason: %q", l)
		}
	}
	p.list.OnTapped()
	if ov := a.win.Canvas().Overlays().Top(); ov == nil || !strings.Contains(renderedText(ov), "Skipped  leer.html") {
		t.Error("Show List shows no list of the skipped files")
	}
	a.win.Canvas().Overlays().Top().Hide()
	p.close.OnTapped()
	if p.box.Visible() || a.shell.status.Text != summary {
		t.Errorf("after Close the strip is shown %v and the status line says %q; want it away and %q", p.box.Visible(), a.shell.status.Text, summary)
	}
}

// Cancel stops after the page being stored: that page and those before it
// stay in the library, complete, and no later page is stored.
func TestCancellingABatchKeepsExactlyTheStoredPages(t *testing.T) {
	for _, tc := range []struct {
		cancelAt int // the page (from 1) being stored when Cancel is pressed
		summary  string
	}{
		{1, "Cancelled after 1 of 6: imported 1 page; 5 not imported (0:00)."},
		{3, "Cancelled after 3 of 6: imported 3 pages; 3 not imported (0:00)."},
		{6, "Imported 6 pages (0:00)."}, // pressed as the last page was stored: nothing was left to cancel
	} {
		t.Run(fmt.Sprint(tc.cancelAt), func(t *testing.T) {
			a, lib := newTestApp(t, Options{NoDemo: true})
			paths := writePages(t, t.TempDir(), 6, seite)
			stores := 0
			store := a.importer.store
			a.importer.store = func(art *article.Article, o storage.ImportOptions) (storage.ImportResult, error) {
				stores++
				if stores == tc.cancelAt {
					p := a.importer.progressView()
					if !p.cancel.Visible() || p.cancel.Disabled() {
						t.Fatal("no Cancel on the strip while importing")
					}
					p.cancel.OnTapped()
					if p.cancel.Text != "Cancelling…" || !p.cancel.Disabled() {
						t.Errorf("after Cancel the button says %q (disabled %v)", p.cancel.Text, p.cancel.Disabled())
					}
				}
				return store(art, o)
			}
			a.importer.dropped(fyne.Position{}, fileURIs(paths...))
			var want []string
			for i := range tc.cancelAt {
				want = append(want, fmt.Sprintf("Seoul warnt %d", i))
			}
			if got := articleTitles(t, lib); strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("library holds %q, want exactly the pages stored before Cancel took effect %q", got, want)
			}
			for _, in := range mustArticles(t, lib) {
				if art, _, err := lib.Article(in.ID); err != nil || !strings.Contains(art.Text(), "Pjöngjang reagierte") {
					t.Errorf("stored page %q is not whole: %v", in.Title, err)
				}
			}
			if got := a.importer.progressView().name.Text; got != tc.summary {
				t.Errorf("summary %q, want %q", got, tc.summary)
			}
		})
	}
}

func mustArticles(t *testing.T, lib *storage.Library) []storage.ArticleInfo {
	t.Helper()
	infos, err := lib.Articles()
	if err != nil {
		t.Fatal(err)
	}
	return infos
}

// Cancel in the real window: the batch runs on its own goroutine, the
// store under way when Cancel is pressed finishes, and no other begins.
func TestCancelInTheBackgroundStopsAfterTheStoreUnderWay(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	paths := writePages(t, t.TempDir(), 8, seite)
	entered, release := make(chan struct{}), make(chan struct{})
	var stores atomic.Int32
	store := a.importer.store
	a.importer.store = func(art *article.Article, o storage.ImportOptions) (storage.ImportResult, error) {
		if stores.Add(1) == 1 {
			close(entered)
			<-release
		}
		return store(art, o)
	}
	// The test driver runs each continuation on the goroutine that posts
	// it, not one after the other on the main goroutine as the window
	// does: opening the stored page and reading the list again would run
	// beside the strip's updates, so they are counted instead.
	var opened, listed atomic.Int32
	a.importer.imported = func(storage.ImportResult) { opened.Add(1) }
	a.importer.listChanged = func() { listed.Add(1) }
	a.shell.jobs.inline = false
	a.importer.dropped(fyne.Position{}, fileURIs(paths...))
	<-entered
	a.importer.progressView().batch.cancelByReader()
	close(release)
	a.shell.jobs.pending.Wait()
	if n := stores.Load(); n != 1 {
		t.Errorf("%d stores, want only the one under way at Cancel", n)
	}
	if got := articleTitles(t, lib); len(got) != 1 || got[0] != "Seoul warnt 0" {
		t.Errorf("library holds %q, want the page stored at Cancel", got)
	}
	if want := "Cancelled after 1 of 8: imported 1 page; 7 not imported"; !strings.HasPrefix(a.importer.progressView().name.Text, want) {
		t.Errorf("summary %q, want it to begin %q", a.importer.progressView().name.Text, want)
	}
	if opened.Load() != 0 || listed.Load() == 0 {
		t.Errorf("after a cancelled batch %d articles were opened and the list read %d times; want none opened, the list read again", opened.Load(), listed.Load())
	}
}

// A folder dropped gives its pages, in subfolders too, by the open dialog's
// extensions; hidden folders and other files are left alone, and pages of
// the same name are told apart by their folder.
func TestDroppingAFolderImportsThePagesInIt(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	root := filepath.Join(t.TempDir(), "korpus")
	writePages(t, root, 3, func(i int) string { return fmt.Sprintf("de_%d/source.html", i) })
	writePages(t, root, 1, func(int) string { return ".git/alt.html" })
	writePages(t, root, 1, func(int) string { return "bild.png" })
	var names []string
	store := a.importer.store
	a.importer.store = func(art *article.Article, o storage.ImportOptions) (storage.ImportResult, error) {
		names = append(names, a.importer.progressView().name.Text)
		return store(art, o)
	}
	a.importer.dropped(fyne.Position{}, fileURIs(root))
	if want := "de_0/source.html|de_1/source.html|de_2/source.html"; strings.Join(names, "|") != want {
		t.Errorf("the strip named %q, want %q", names, want)
	}
	if got := articleTitles(t, lib); len(got) != 3 {
		t.Errorf("library holds %q, want the folder's 3 pages", got)
	}
	if want := "Imported 3 pages; 1 other file in the folders not pages, left alone (0:00)."; a.importer.progressView().name.Text != want {
		t.Errorf("summary %q, want %q", a.importer.progressView().name.Text, want)
	}
}

// A quit during a batch: the store under way finishes, no other begins,
// and the closing window shows no summary and opens no article.
func TestQuitDuringBatchFinishesTheStoreAndShowsNothing(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	paths := writePages(t, t.TempDir(), 8, seite)
	var mu sync.Mutex
	started, finished := 0, 0
	entered, release := make(chan struct{}), make(chan struct{})
	store := a.importer.store
	a.importer.store = func(art *article.Article, o storage.ImportOptions) (storage.ImportResult, error) {
		mu.Lock()
		started++
		first := started == 1
		mu.Unlock()
		if first {
			close(entered)
		}
		<-release
		res, err := store(art, o)
		mu.Lock()
		finished++
		mu.Unlock()
		return res, err
	}
	var shown atomic.Int32
	a.importer.imported = func(storage.ImportResult) { shown.Add(1) }
	a.shell.jobs.inline = false
	a.importer.dropped(fyne.Position{}, fileURIs(paths...))
	<-entered
	a.quit()
	close(release)
	a.finish()
	a.shell.jobs.pending.Wait()
	mu.Lock()
	defer mu.Unlock()
	if started != 1 || finished != 1 {
		t.Errorf("%d stores begun, %d finished; want the one under way at the quit", started, finished)
	}
	if got := articleTitles(t, lib); len(got) != 1 {
		t.Errorf("library holds %q, want the page stored", got)
	}
	if p := a.importer.progressView(); p.cancel.Visible() == false || strings.HasPrefix(p.name.Text, "Imported") || shown.Load() != 0 {
		t.Errorf("the quitting window showed the summary %q or opened %d articles", p.name.Text, shown.Load())
	}
}

// Files dropped while a batch runs join it: one strip, one count.
func TestDroppingDuringABatchJoinsIt(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	dir := t.TempDir()
	first := writePages(t, dir, 3, seite)
	later := writePages(t, dir, 5, seite)[3:]
	joined := false
	store := a.importer.store
	a.importer.store = func(art *article.Article, o storage.ImportOptions) (storage.ImportResult, error) {
		if !joined {
			joined = true
			a.importer.dropped(fyne.Position{}, fileURIs(later...))
		}
		return store(art, o)
	}
	a.importer.dropped(fyne.Position{}, fileURIs(first...))
	if got := articleTitles(t, lib); len(got) != 5 {
		t.Errorf("library holds %q, want all 5 pages", got)
	}
	if want := "Imported 5 pages (0:00)."; a.importer.progressView().name.Text != want {
		t.Errorf("summary %q, want %q", a.importer.progressView().name.Text, want)
	}
}

func TestBatchSummary(t *testing.T) {
	for _, tc := range []struct {
		s    batchState
		want string
	}{
		{batchState{total: 200, imported: 180, updated: 5, skipped: 15, elapsed: 42 * time.Second},
			"Imported 180 pages, updated 5, skipped 15 (0:42)."},
		{batchState{total: 1, imported: 1, elapsed: time.Second}, "Imported 1 page (0:01)."},
		{batchState{total: 3, updated: 2, skipped: 1, elapsed: 61 * time.Second}, "Updated 2, skipped 1 (1:01)."},
		{batchState{total: 200, imported: 30, updated: 2, skipped: 5, cancelled: true, elapsed: 12 * time.Second},
			"Cancelled after 37 of 200: imported 30 pages, updated 2, skipped 5; 163 not imported (0:12)."},
		{batchState{total: 10, cancelled: true}, "Cancelled after 0 of 10: nothing imported; 10 not imported (0:00)."},
		{batchState{total: 50, imported: 7, stopped: "library file is damaged", elapsed: 3 * time.Second},
			"Import stopped after 7 of 50: imported 7 pages; 43 not imported (0:03)."},
		{batchState{total: 2, imported: 2, leftOut: 4}, "Imported 2 pages; 4 other files in the folders not pages, left alone (0:00)."},
		{batchState{}, "No pages found in what was dropped (0:00)."},
		{batchState{leftOut: 1}, "Nothing imported; 1 other file in the folders not pages, left alone (0:00)."},
	} {
		if got := batchSummary(tc.s); got != tc.want {
			t.Errorf("batchSummary(%+v)\n = %q\nwant %q", tc.s, got, tc.want)
		}
	}
}

func TestElapsedText(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                           "0:00",
		999 * time.Millisecond:      "0:00",
		7 * time.Second:             "0:07",
		155 * time.Second:           "2:35",
		time.Hour + 123*time.Second: "1:02:03",
	} {
		if got := elapsedText(d); got != want {
			t.Errorf("elapsedText(%v) = %q, want %q", d, got, want)
		}
	}
}

// A library that stops taking pages (damage found, read-only) ends the
// batch at once: the pages stored stay, the summary says how far it got,
// and a message says why, instead of one error per remaining page.
func TestBatchStopsWhenTheLibraryRefusesWrites(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	paths := writePages(t, t.TempDir(), 4, seite)
	stores := 0
	store := a.importer.store
	a.importer.store = func(art *article.Article, o storage.ImportOptions) (storage.ImportResult, error) {
		if stores++; stores == 2 {
			return storage.ImportResult{}, fmt.Errorf("writing the article: %w", storage.ErrDamaged)
		}
		return store(art, o)
	}
	a.importer.dropped(fyne.Position{}, fileURIs(paths...))
	if stores != 2 {
		t.Errorf("%d stores tried, want none after the refusal", stores)
	}
	if got := articleTitles(t, lib); len(got) != 1 {
		t.Errorf("library holds %q, want the one page stored before", got)
	}
	if want := "Import stopped after 1 of 4: imported 1 page; 3 not imported (0:00)."; a.importer.progressView().name.Text != want {
		t.Errorf("summary %q, want %q", a.importer.progressView().name.Text, want)
	}
	if ov := a.win.Canvas().Overlays().Top(); ov == nil || !strings.Contains(renderedText(ov), "library file is damaged") {
		t.Error("no message says why the import stopped")
	}
}
