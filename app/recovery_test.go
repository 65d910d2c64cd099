package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/storage"
)

func TestDamagedLibraryOffersLatestBackup(t *testing.T) {
	fa := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := importDemo(lib); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	// Opening an existing library makes the day's automatic backup.
	if lib, err = storage.Open(path); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	if err := os.WriteFile(path, []byte(strings.Repeat("not a library ", 1000)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, openErr := storage.Open(path)
	if !errors.Is(openErr, storage.ErrDamaged) {
		t.Fatalf("open of a damaged file: %v", openErr)
	}
	got := make(chan *storage.Library, 1)
	p := showLibraryProblem(fa, nil, path, openErr, nil, nil, func(l *storage.Library) { got <- l })
	p.win.Show()
	if txt := renderedText(p.win.Content()); !strings.Contains(txt, "damaged") {
		t.Errorf("window does not give the store's message: %q", txt)
	}
	btn := findButton(p.win.Content(), "Restore Latest Backup")
	if btn == nil {
		t.Fatal("no Restore Latest Backup button")
	}
	test.Tap(btn)
	select {
	case l := <-got:
		defer l.Close()
		infos, err := l.Articles()
		if err != nil || len(infos) != 1 {
			t.Errorf("restored library has %v, %v; want the demo article", infos, err)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("restore did not finish: %q", renderedText(p.win.Content()))
	}
}

func TestLibraryInUseSaysSo(t *testing.T) {
	fa := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "library.db")
	err := fmtErrInUse(path)
	p := showLibraryProblem(fa, nil, path, err, []string{"seite.html"}, nil, nil)
	txt := renderedText(p.win.Content())
	if !strings.Contains(txt, "Dramatis is already open with this library") || !strings.Contains(txt, "Not opened here: seite.html") {
		t.Errorf("window says %q", txt)
	}
	// It goes away by itself, counting down. (The text is read where the
	// countdown writes it: the test driver runs fyne.Do on the caller.)
	quit := make(chan string)
	p.quitAfter(1500*time.Millisecond, func() { quit <- renderedText(p.win.Content()) })
	select {
	case txt := <-quit:
		if !strings.Contains(txt, "This window closes in 1 s") {
			t.Errorf("no countdown before quitting: %q", txt)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the second instance's window did not quit")
	}
}

func fmtErrInUse(path string) error {
	return errors.Join(errors.New(path), storage.ErrInUse)
}

// findButton finds a button by its label in a tree.
func findButton(o fyne.CanvasObject, label string) *widget.Button {
	return findFirst(o, func(b *widget.Button) bool { return b.Text == label })
}

// Without a display the window cannot start: one clear line, before the
// library is touched.
func TestNoDisplayIsOneClearError(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("these systems always have a display")
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	err := checkDisplay()
	if err == nil || !strings.Contains(err.Error(), "no display") || strings.Contains(err.Error(), "\n") {
		t.Errorf("checkDisplay without a display = %v", err)
	}
	t.Setenv("WAYLAND_DISPLAY", "wayland-0")
	if err := checkDisplay(); err != nil {
		t.Errorf("checkDisplay on Wayland = %v", err)
	}
}

// The window says, above the toolbar, that a library is read-only, that the
// daily backup could not be made, and that damage was found while it was
// open, each once, in words for the reader.
func TestNoticesAboveTheToolbar(t *testing.T) {
	fa := test.NewTempApp(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := importDemo(lib); err != nil {
		t.Fatal(err)
	}
	lib.Close()

	// Read-only.
	ro, err := storage.OpenWith(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	notices := &libraryNotices{}
	a := newApp(fa, ro, Options{NoDemo: true}, true, nil)
	notices.attach(a.notices, ro)
	if txt := renderedText(a.notices.box); !strings.Contains(txt, "This library is read-only") {
		t.Errorf("read-only notice: %q", txt)
	}
	a.win.Close()
	ro.Close()

	// The daily backup fails in the background (its folder is a file):
	// the notice comes when the window is there, once.
	if err := os.WriteFile(storage.BackupDir(path), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	notices = &libraryNotices{}
	rw, err := notices.open(path)
	if err != nil {
		t.Fatal(err)
	}
	a = newApp(fa, rw, Options{NoDemo: true}, true, nil)
	notices.attach(a.notices, rw)
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(renderedText(a.notices.box), "daily backup was not made") {
		if time.Now().After(deadline) {
			t.Fatalf("no backup notice: %q", renderedText(a.notices.box))
		}
		time.Sleep(20 * time.Millisecond)
	}
	// Damage found while the window is open.
	notices.problem(fmt.Errorf("%w: the library %s is damaged: page 7 is referenced twice", storage.ErrDamaged, path))
	txt := renderedText(a.notices.box)
	if !strings.Contains(txt, "page 7 is referenced twice") || !strings.Contains(txt, "Nothing more will be written") {
		t.Errorf("damage notice: %q", txt)
	}
	if n := len(a.notices.box.Objects); n != 2 {
		t.Errorf("%d notices, want the backup and the damage one", n)
	}
	// Dismissed, it goes.
	dismiss := findFirst(a.notices.box, func(b *widget.Button) bool { return b.Text == "" })
	test.Tap(dismiss)
	if n := len(a.notices.box.Objects); n != 1 {
		t.Errorf("%d notices after dismissing one", n)
	}
	a.win.Close()
	rw.Close()
}

// While the whole-file check after an unclean shutdown runs, the bar says
// why changes wait; the notice goes when the check is done.
func TestCheckingNoticeStaysUntilTheCheckIsDone(t *testing.T) {
	test.NewTempApp(t)
	bar := newNoticeBar()
	bar.showChecking(nil)
	closed := make(chan struct{})
	close(closed)
	bar.showChecking(closed)
	if txt := renderedText(bar.box); txt != "" {
		t.Fatalf("a notice without a check under way: %q", txt)
	}
	done := make(chan struct{})
	gone := bar.showChecking(done)
	if txt := renderedText(bar.box); !strings.Contains(txt, "not closed properly") || !strings.Contains(txt, "saved once the check is done") {
		t.Fatalf("while checking: %q", txt)
	}
	close(done)
	select {
	case <-gone:
	case <-time.After(5 * time.Second):
		t.Fatal("the notice did not go when the check ended")
	}
	if txt := renderedText(bar.box); txt != "" {
		t.Fatalf("after the check: %q", txt)
	}
}

// A daily backup that failed in a command's process ('backup --auto') is
// told by the window when it next opens the library, once.
func TestWindowTellsABackupProblemACommandLeft(t *testing.T) {
	fa := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := importDemo(lib); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	os.RemoveAll(storage.BackupDir(path))
	if err := os.WriteFile(storage.BackupDir(path), []byte("x"), 0o600); err != nil {
		t.Fatal(err) // the backups folder is a file: no copy can be made
	}
	if made, err := storage.MakeDailyBackup(path); made || err == nil {
		t.Fatalf("the command's daily backup: made %v, %v", made, err)
	}
	for i, want := range []bool{true, false} {
		notices := &libraryNotices{}
		rw, err := notices.open(path)
		if err != nil {
			t.Fatal(err)
		}
		a := newApp(fa, rw, Options{NoDemo: true}, true, nil)
		notices.attach(a.notices, rw)
		time.Sleep(200 * time.Millisecond) // the window's own attempt, told or not
		if got := strings.Contains(renderedText(a.notices.box), "daily backup was not made"); got != want {
			t.Errorf("window %d: backup notice shown = %v, want %v: %q", i+1, got, want, renderedText(a.notices.box))
		}
		a.win.Close()
		rw.Close()
	}
}

// A compaction that failed in its own process is told for what it is:
// nothing lost, no backup missing.
func TestWindowTellsACompactionProblem(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct {
		err       error
		want, not string
	}{
		{fmt.Errorf("%w: write: no space left on device", storage.ErrNotCompacted), "Nothing was lost", "day's copy"},
		{errors.New("the daily backup was not made: no space left on device"), "day's copy", "Nothing was lost"},
	} {
		bar := newNoticeBar()
		bar.showProblem(c.err)
		if got := renderedText(bar.box); !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("%v: the notice says %q", c.err, got)
		}
	}
}
