package app

import (
	"bytes"
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
	// Dismissed, it goes.
	dismiss := findFirst(a.notices.box, func(b *widget.Button) bool { return b.Text == "" })
	test.Tap(dismiss)
	if n := len(a.notices.box.Objects); n != 0 {
		t.Errorf("%d notices after dismissing the only one", n)
	}
	notices.problem(errors.New("the daily backup was not made: no space left on device"))
	// Damage found while the window is open: its notice is the one word
	// on the library, and no backup notice contradicts it, before or after.
	notices.problem(fmt.Errorf("%w: the library %s is damaged: page 7 is referenced twice", storage.ErrDamaged, path))
	notices.problem(errors.New("the daily backup was not made: no space left on device"))
	txt := renderedText(a.notices.box)
	if !strings.Contains(txt, "page 7 is referenced twice") || !strings.Contains(txt, "stopped writing to it") || strings.Contains(txt, "saved as always") {
		t.Errorf("damage notice: %q", txt)
	}
	if n := len(a.notices.box.Objects); n != 1 {
		t.Errorf("%d notices, want the damage one alone: %q", n, txt)
	}
	a.win.Close()
	rw.Close()
}

// The damage notice says what happened, that nothing more is at risk, and
// the way back: the latest backup, by starting again or by 'dramatis
// restore' naming the library and the backup; without a backup, exporting
// what still reads.
func TestDamageNoticeNamesTheWayBack(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "My Library")
	path := filepath.Join(dir, "library.db")
	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := importDemo(lib); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	damage := fmt.Errorf("%w: the library %s is damaged: page 7 is referenced twice", storage.ErrDamaged, path)
	without := damageNotice(damage, path)
	if lib, err = storage.Open(path); err != nil { // makes the day's backup
		t.Fatal(err)
	}
	lib.Close()
	backup, err := storage.LatestBackup(path)
	if err != nil {
		t.Fatal(err)
	}
	with := damageNotice(damage, path)
	for _, c := range []struct {
		name, text string
		want       []string
		not        string
	}{
		{"no backup", without, []string{"The library " + path + " is damaged: page 7", "nothing more can be lost", "no automatic backup", "File ▸ Export Notes to Folder…"}, "dramatis restore"},
		{"a backup", with, []string{"The library " + path + " is damaged: page 7", "nothing more can be lost", filepath.Base(backup),
			"dramatis restore --library '" + path + "' '" + backup + "'"}, "no automatic backup"},
	} {
		for _, w := range c.want {
			if !strings.Contains(c.text, w) {
				t.Errorf("%s: the notice lacks %q: %q", c.name, w, c.text)
			}
		}
		if strings.Contains(c.text, c.not) {
			t.Errorf("%s: the notice says %q: %q", c.name, c.not, c.text)
		}
	}
}

// A library damaged under a clean state (bytes of a record overwritten, as
// a failing disk does) and opened by the window: the damage is told in one
// notice, with no backup notice beside it, and no daily backup is kept
// of it nor noted as missing.
func TestDamagedLibraryInTheWindowIsOneNoticeAndNoBackup(t *testing.T) {
	fa := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	_, hid, err := importDemo(lib)
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	os.RemoveAll(storage.BackupDir(path))
	overwriteInFile(t, path, []byte(`{"id":"`+hid+`"`), '#')
	notices := &libraryNotices{}
	rw, err := notices.open(path)
	if err != nil {
		t.Fatal(err)
	}
	a := newApp(fa, rw, Options{NoDemo: true}, true, nil)
	notices.attach(a.notices, rw)
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(renderedText(a.notices.box), "is damaged") {
		if time.Now().After(deadline) {
			t.Fatalf("no damage notice: %q", renderedText(a.notices.box))
		}
		time.Sleep(20 * time.Millisecond)
	}
	rw.Close() // waits for the backup under way
	time.Sleep(100 * time.Millisecond)
	txt := renderedText(a.notices.box)
	if n := len(a.notices.box.Objects); n != 1 || strings.Contains(txt, "backup was not") {
		t.Errorf("%d notices, want the damage one alone: %q", n, txt)
	}
	if left, _ := os.ReadDir(storage.BackupDir(path)); len(left) != 0 {
		t.Errorf("a damaged library was backed up: %v", left)
	}
	a.win.Close()
}

// overwriteInFile replaces the first byte of the first occurrence of what
// in the file at path with b, as a failing disk would.
func overwriteInFile(t *testing.T, path string, what []byte, b byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, what)
	if i < 0 {
		t.Fatalf("%q is not in %s", what, path)
	}
	data[i] = b
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// While the whole-file check after an unclean shutdown runs, the bar says
// why changes wait; the notice goes when the check is done.
func TestCheckingNoticeStaysUntilTheCheckIsDone(t *testing.T) {
	test.NewTempApp(t)
	bar := newNoticeBar(fyne.Do)
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

// A problem the library finds in the background is told for what it is: a
// compaction that failed in its own process (nothing lost, no backup
// missing), a missing day's copy, a library file moved away (start again).
func TestWindowTellsACompactionProblem(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct {
		err       error
		want, not string
	}{
		{fmt.Errorf("%w: write: no space left on device", storage.ErrNotCompacted), "Nothing was lost", "day's copy"},
		{errors.New("the daily backup was not made: no space left on device"), "day's copy", "Nothing was lost"},
		{fmt.Errorf("%w (/x/library.db); a copy of all of it was put back there, and nothing more is saved until Dramatis is started again", storage.ErrMoved), "The library file was moved", "day's copy"},
	} {
		bar := newNoticeBar(fyne.Do)
		bar.showProblem(c.err)
		if got := renderedText(bar.box); !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("%v: the notice says %q", c.err, got)
		}
	}
}

// A problem the library finds while the window quits is not shown: the
// bar's changes go through the window's runner, which drops them from the
// quit on (Fyne would run them on the library's goroutine then). Before
// the quit, the same problem is shown.
func TestANoticeDuringTheQuitIsDropped(t *testing.T) {
	test.NewTempApp(t)
	for _, quitting := range []bool{false, true} {
		jobs := newRunner(false)
		n := &libraryNotices{bar: newNoticeBar(jobs.do)}
		if quitting {
			jobs.quit()
		}
		n.problem(errors.New("the daily backup was not made: no space left on device"))
		got := renderedText(n.bar.box)
		if shown := strings.Contains(got, "day's copy"); shown == quitting {
			t.Errorf("quitting %v: the bar shows %q", quitting, got)
		}
	}
}
