package app

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
	"github.com/dramatis-app/dramatis/widgets"
)

// buildLibrary fills a library with n generated news articles of about
// 6 KB each, with a few highlights in every tenth, and returns its path.
func buildLibrary(tb testing.TB, dir string, n int) string {
	tb.Helper()
	path := filepath.Join(dir, "library.db")
	lib, err := storage.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer lib.Close()
	act, err := lib.AddActor(annotation.Actor{Name: "Nordkorea", Kind: annotation.KindState, Aliases: []string{"Pjöngjang"}})
	if err != nil {
		tb.Fatal(err)
	}
	para := strings.Repeat("Pjöngjang hat nach Angaben aus Seoul erneut Raketen getestet, während Moskau und Peking zur Zurückhaltung mahnen. ", 5)
	for i := 0; i < n; i++ {
		art := &article.Article{Title: fmt.Sprintf("Artikel %d über Nordkorea", i), Site: "example.org",
			URL: fmt.Sprintf("https://example.org/a/%d", i), Published: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)}
		for j := 0; j < 10; j++ {
			art.Blocks = append(art.Blocks, article.Block{Type: article.Paragraph, Text: fmt.Sprintf("%d. %s", j, para)})
		}
		art.Normalize()
		res, err := lib.ImportArticle(art)
		if err != nil {
			tb.Fatal(err)
		}
		if i%10 == 0 {
			for k := 0; k < 3; k++ {
				if _, err := lib.AddHighlight(annotation.Highlight{ArticleID: res.ID, Start: k * 700, End: k*700 + 40,
					Actors: []annotation.ActorRef{{ActorID: act.ID, Role: annotation.RoleSpeaker}}}); err != nil {
					tb.Fatal(err)
				}
			}
		}
	}
	return path
}

// BenchmarkStartup measures start-up with the headless driver: opening a
// library of 1,000 articles, building the window, listing the library and
// showing the article read last with its highlights.
func BenchmarkStartup(b *testing.B) {
	path := buildLibrary(b, b.TempDir(), 1000)
	fa := test.NewTempApp(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lib, err := storage.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		shown := false
		a := newApp(fa, lib, Options{}, true, func() { shown = true })
		if !shown || a.ctl.art == nil || len(a.library.ids) != 1000 {
			b.Fatalf("start-up did not show the last article (shown=%v, %d listed)", shown, len(a.library.ids))
		}
		b.StopTimer()
		a.win.Close()
		lib.Close()
		b.StartTimer()
	}
}

// TestWriteStartupLibrary writes the 1,000-article library used to time the
// real window under Xvfb: DRAMATIS_STARTUP_LIBRARY=/tmp/dir go test -run WriteStartup.
func TestWriteStartupLibrary(t *testing.T) {
	dir := os.Getenv("DRAMATIS_STARTUP_LIBRARY")
	if dir == "" {
		t.Skip("set DRAMATIS_STARTUP_LIBRARY to a folder to write the start-up library there")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Log(buildLibrary(t, dir, 1000))
}

// BenchmarkStartupScale times the window's start-up, from opening the
// library to the first article on screen (headless), on the libraries of
// the search benchmark (1k, 10k and 50k libgen articles with a complete
// index; DRAMATIS_SEARCH_SCALE_CACHE names the folder holding
// libgen-N/library.db, made by the root package's BenchmarkSearchScale).
// Each iteration starts on every size in turn; medians and ratios to the
// smallest are reported (issue 13: under 400 ms at 50k).
func BenchmarkStartupScale(b *testing.B) {
	dir := os.Getenv("DRAMATIS_SEARCH_SCALE_CACHE")
	if dir == "" {
		b.Skip("set DRAMATIS_SEARCH_SCALE_CACHE to the folder of the search benchmark's libraries")
	}
	var names, paths []string
	for _, n := range []string{"1000", "10000", "50000"} {
		p := filepath.Join(dir, "libgen-"+n, "library.db")
		if _, err := os.Stat(p); err == nil {
			names, paths = append(names, n), append(paths, p)
		}
	}
	if len(paths) == 0 {
		b.Skip("no libgen-N/library.db in " + dir)
	}
	fa := test.NewTempApp(b)
	samples := make([][]time.Duration, len(paths))
	for i := 0; i < b.N; i++ {
		for j, p := range paths {
			began := time.Now()
			lib, err := storage.OpenWith(p, storage.Options{StartBackup: func(string) {}})
			if err != nil {
				b.Fatal(err)
			}
			shown, took := false, time.Duration(0)
			a := newApp(fa, lib, Options{NoDemo: true}, true, func() { shown, took = true, time.Since(began) })
			if !shown || a.ctl.art == nil || len(a.library.ids) == 0 {
				b.Fatalf("start-up did not show an article (shown=%v, %d listed)", shown, len(a.library.ids))
			}
			samples[j] = append(samples[j], took)
			a.win.Close()
			lib.Close()
		}
	}
	var base time.Duration
	for j, n := range names {
		s := append([]time.Duration(nil), samples[j]...)
		slices.Sort(s)
		m := s[len(s)/2]
		if j == 0 {
			base = m
		}
		b.ReportMetric(float64(m.Microseconds())/1000, "ms-"+n)
		if j > 0 {
			b.ReportMetric(float64(m)/float64(base), "x"+n)
		}
	}
}

// TestStartShowsTheArticleWhenTheLibraryIsSlow: when the library's first
// screenful is not read within the wait, the window is built without it
// and the article is shown when it is read (the late path of finishStart,
// through the real background runner).
func TestStartShowsTheArticleWhenTheLibraryIsSlow(t *testing.T) {
	path := buildLibrary(t, t.TempDir(), 20)
	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	fa := test.NewTempApp(t)
	shown := make(chan struct{})
	a := newApp(fa, lib, Options{NoDemo: true, startWait: time.Nanosecond}, false, func() { close(shown) })
	select {
	case <-shown:
	case <-time.After(30 * time.Second):
		t.Fatal("the first article was never shown")
	}
	a.shell.jobs.pending.Wait()
	var title string
	var listed int
	fyne.DoAndWait(func() { title, listed = a.ctl.art.Title, len(a.library.ids) })
	if listed != 20 || !strings.HasPrefix(title, "Artikel 19") {
		t.Errorf("after a slow start: %d articles listed, %q shown; want 20 and the newest", listed, title)
	}
	a.win.Close()
}

// TestWarmFontsBesideTheMainGoroutine: loading the fonts on another
// goroutine leaves text measuring as it was, and is safe (run with
// -race) as Run uses it: the main goroutine measures nothing until
// wait returns. Fyne's MeasureText is not safe beside itself (go-text's
// faces cache glyph extents unlocked), so measuring during the warm-up,
// as this test once did, is a data race.
func TestWarmFontsBesideTheMainGoroutine(t *testing.T) {
	test.NewTempApp(t)
	var sizes []fyne.Size
	for _, st := range firstScreenStyles() {
		sizes = append(sizes, fyne.MeasureText("Pjöngjang", theme.TextSize(), st))
	}
	wait := warmFonts(theme.Current(), widgets.NewFonts())
	wait()
	for i, st := range firstScreenStyles() {
		if again := fyne.MeasureText("Pjöngjang", theme.TextSize(), st); again != sizes[i] || again.Width <= 0 {
			t.Errorf("style %+v measures %v after warming, %v before", st, again, sizes[i])
		}
	}
}

// TestStartRequestIsTheNewPanesRequest: Run reads the first listing with
// startRequest before the library pane exists; it must be the request of
// the pane once built, in either order the reader chose last.
func TestStartRequestIsTheNewPanesRequest(t *testing.T) {
	fa := test.NewTempApp(t)
	sh := newShell(fa, test.NewTempWindow(t, nil), true)
	for _, order := range []string{"", sortAdded, sortPublished, "no such order"} {
		if order != "" {
			fa.Preferences().SetString(prefSort, order)
		}
		p := newLibraryPane(sh, libraryActions{})
		if got, want := startRequest(fa.Preferences()), p.request(); !reflect.DeepEqual(got, want) {
			t.Errorf("order %q: startRequest %+v, the new pane asks %+v", order, got, want)
		}
	}
}

// TestStartFromAPreload: the window shows what Run began to read as soon
// as the library was open (Options.preload), and the library remembers
// the article shown when it was not the one remembered (here: none, so
// the newest), as when the window reads it itself.
func TestStartFromAPreload(t *testing.T) {
	path := buildLibrary(t, t.TempDir(), 20)
	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	fa := test.NewTempApp(t)
	opts := Options{NoDemo: true}
	opts.preload = preloadStart(lib, opts, startRequest(fa.Preferences()))
	shown := false
	a := newApp(fa, lib, opts, true, func() { shown = true })
	defer a.win.Close()
	if !shown || len(a.library.ids) != 20 || !strings.HasPrefix(a.ctl.art.Title, "Artikel 19") {
		t.Fatalf("from a preload: shown=%v, %d listed, %q; want the newest of 20", shown, len(a.library.ids), a.ctl.art.Title)
	}
	if b, err := lib.GetPreference(libPrefLastArticle); err != nil || string(b) != a.ctl.current {
		t.Errorf("the library remembers %q (%v), want the article shown, %q", b, err, a.ctl.current)
	}
}

// TestRowLabelIsACutLabel: a library row's label has the size of a Label
// with fyne.TextTruncateEllipsis and draws the same text at every width
// (the list lays out and looks as before).
func TestRowLabelIsACutLabel(t *testing.T) {
	test.NewTempApp(t)
	fit := widgets.NewEllipsis(nil)
	const title = "Pjöngjang testet erneut Raketen – Moskau und Peking mahnen zur Zurückhaltung"
	for _, c := range []struct {
		style fyne.TextStyle
		size  fyne.ThemeSizeName
	}{{fyne.TextStyle{Bold: true}, theme.SizeNameText}, {fyne.TextStyle{}, theme.SizeNameCaptionText}} {
		row := newRowLabel(fit, c.style, c.size)
		row.SetText(title)
		want := widget.NewLabel(title)
		want.TextStyle, want.SizeName, want.Truncation = c.style, c.size, fyne.TextTruncateEllipsis
		test.NewTempWindow(t, container.NewVBox(row, want))
		if row.MinSize() != want.MinSize() {
			t.Errorf("%+v: row MinSize %v, a cut Label's %v", c.style, row.MinSize(), want.MinSize())
		}
		for w := float32(20); w < 700; w += 23 {
			size := fyne.NewSize(w, want.MinSize().Height)
			row.Resize(size)
			want.Resize(size)
			if got, exp := drawnText(row), drawnText(want); got != exp {
				t.Errorf("%+v at %v: the row draws %q, a cut Label %q", c.style, w, got, exp)
			}
		}
	}
}

// drawnText is the text an object's canvas.Texts draw, joined.
func drawnText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range test.LaidOutObjects(o) {
		if t, ok := x.(*canvas.Text); ok && x.Visible() {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}
