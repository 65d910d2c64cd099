package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
)

// libraryWithHighlight makes a closed library at dir/library.db with one
// article and one highlight, and returns the path and the article's id.
func libraryWithHighlight(t *testing.T, dir string) (string, string) {
	t.Helper()
	p := filepath.Join(dir, "library.db")
	l, err := OpenWith(p, Options{StartBackup: func(string) {}})
	if err != nil {
		t.Fatal(err)
	}
	a := newArticle("https://example.org/h", "H", sampleParagraphs...)
	res, err := l.ImportArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	s, e := span(t, a, "Kim Jong Un")
	if _, err := l.AddHighlight(annotation.Highlight{ArticleID: res.ID, Start: s, End: e}); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return p, res.ID
}

// spoilHighlight overwrites the article's highlight record with bytes that
// do not decode, through bbolt, as a tool other than Dramatis would.
func spoilHighlight(t *testing.T, p, articleID string) {
	t.Helper()
	db, err := bolt.Open(p, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		c := tx.Bucket(bHighlights).Cursor()
		k, _ := c.Seek(articlePrefix(articleID))
		return tx.Bucket(bHighlights).Put(k, []byte(`{"id":`))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestOpenReadsTheWholeFileOnlyWhenItMayHaveChanged: a library closed
// cleanly opens without the whole-file check; one whose session never
// closed (killed), or that something else wrote, is checked.
func TestOpenReadsTheWholeFileOnlyWhenItMayHaveChanged(t *testing.T) {
	p, _ := libraryWithHighlight(t, t.TempDir())
	open := func() bool {
		t.Helper()
		l, err := OpenWith(p, Options{StartBackup: func(string) {}})
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		return l.checkedWhole
	}
	if open() {
		t.Error("a cleanly closed library was checked whole")
	}
	if r, err := OpenWith(p, Options{ReadOnly: true}); err != nil || r.checkedWhole {
		t.Errorf("read-only open: checked whole = %v, %v", r != nil && r.checkedWhole, err)
	} else {
		r.Close()
	}
	// A session that never closed leaves no state.
	l, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(statePath(p)); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("an open writing session left the clean state in place")
	}
	addActor(t, l, "China")
	l.db.DB.Close() // as if killed: no Close, no state
	l.file.Close()
	if !open() {
		t.Error("a library whose writer never closed was not checked whole")
	}
	// Changed by something else: mtime and size differ from the state.
	db, err := bolt.Open(p, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bPrefs).Put([]byte("x"), []byte("y")) })
	db.Close()
	if !open() {
		t.Error("a library another program wrote was not checked whole")
	}
	if open() {
		t.Error("checked whole twice")
	}
}

// TestUnreadableRecordIsDamageFoundAtOpen: one highlight record that does
// not decode makes the library damaged when it opens (the file changed
// since Dramatis closed it, so it is read whole): not opened for writing,
// not written, whatever command.
func TestUnreadableRecordIsDamageFoundAtOpen(t *testing.T) {
	p, id := libraryWithHighlight(t, t.TempDir())
	spoilHighlight(t, p, id)
	before := fileHash(t, p)
	for _, o := range []Options{{}, {ReadOnly: true}, {FallBackToReadOnly: true}} {
		_, err := OpenWith(p, o)
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "in highlights, record") {
			t.Fatalf("OpenWith(%+v) = %v, want ErrDamaged naming the record", o, err)
		}
	}
	if fileHash(t, p) != before {
		t.Fatal("the damaged library was written")
	}
}

// TestDamageFoundWhileReadingStopsWrites: damage that came without the file
// changing as Dramatis can see (a disk's own fault) is found when the
// record is read: that read fails, every later write is refused, the file
// is not written, and the next Open refuses at once.
func TestDamageFoundWhileReadingStopsWrites(t *testing.T) {
	p, id := libraryWithHighlight(t, t.TempDir())
	spoilHighlight(t, p, id)
	// Pretend the state was written after the damage: the check is
	// skipped, as it would be for bit rot.
	f, _ := os.Open(p)
	fi, _ := f.Stat()
	pf, err := openPageFile(f, fi.Size())
	if err != nil {
		t.Fatal(err)
	}
	st, _ := stateOf(f, pf.meta)
	f.Close()
	if err := writeState(osFS{}, p, st); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, p)
	l, err := OpenWith(p, Options{StartBackup: func(string) {}})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if l.checkedWhole {
		t.Fatal("the test needs Open to skip the whole-file check")
	}
	if _, err := l.Highlights(id); !errors.Is(err, ErrDamaged) {
		t.Fatalf("Highlights of the damaged record: %v", err)
	}
	if l.Damaged() == nil {
		t.Fatal("the library does not know it is damaged")
	}
	if _, err := l.AddActor(annotation.Actor{Name: "China"}); !errors.Is(err, ErrDamaged) {
		t.Fatalf("a write after the damage: %v, want ErrDamaged", err)
	}
	if _, _, err := l.Article(id); err != nil {
		t.Errorf("what still reads does not: %v", err)
	}
	l.Close()
	if fileHash(t, p) != before {
		t.Fatal("the damaged library was written")
	}
	if _, err := Open(p); !errors.Is(err, ErrDamaged) {
		t.Fatalf("the next Open: %v, want ErrDamaged", err)
	}
}

// An empty file, or any file that is not a library, at the library path
// is damaged: never taken for a new library, never written.
func TestEmptyOrForeignFileIsNeverANewLibrary(t *testing.T) {
	for name, content := range map[string][]byte{
		"empty":      nil,
		"text":       []byte("Notizen\n"),
		"one zero":   {0},
		"zero pages": make([]byte, 16384),
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "library.db")
			if err := os.WriteFile(p, content, 0o600); err != nil {
				t.Fatal(err)
			}
			before := fileHash(t, p)
			for _, o := range []Options{{}, {ReadOnly: true}} {
				if _, err := OpenWith(p, o); !errors.Is(err, ErrDamaged) {
					t.Fatalf("OpenWith(%+v) = %v, want ErrDamaged", o, err)
				}
			}
			if fileHash(t, p) != before {
				t.Fatal("written")
			}
		})
	}
}

// Reading never creates anything: no folder, no library, no backup.
func TestReadOnlyOpenCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "missing", "library.db")
	if _, err := OpenWith(p, Options{ReadOnly: true}); !errors.Is(err, ErrNoLibrary) {
		t.Fatalf("read-only open of nothing: %v, want ErrNoLibrary", err)
	}
	if _, err := os.Stat(filepath.Dir(p)); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("the folder was created")
	}
	p, _ = libraryWithHighlight(t, dir)
	os.RemoveAll(BackupDir(p))
	os.Remove(statePath(p))
	l, err := OpenWith(p, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddActor(annotation.Actor{Name: "China"}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("a write on a read-only library: %v", err)
	}
	if l.ReadOnly() == "" {
		t.Error("ReadOnly() says nothing")
	}
	l.Close()
	if _, err := os.Stat(BackupDir(p)); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a reading open made a backup")
	}
}

// A library whose file may not be written opens read-only for the window
// (which then says so) and refuses with ErrReadOnly for a writing command.
func TestUnwritableLibraryFallsBackToReadOnly(t *testing.T) {
	p, id := libraryWithHighlight(t, t.TempDir())
	fs := &faultFS{fs: osFS{}, readOnlyFiles: true}
	if _, err := OpenWith(p, Options{fs: fs}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("writing open of an unwritable library: %v", err)
	}
	l, err := OpenWith(p, Options{fs: fs, FallBackToReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if l.ReadOnly() == "" {
		t.Fatal("not read-only")
	}
	if hs, err := l.Highlights(id); err != nil || len(hs) != 1 {
		t.Fatalf("reading a read-only library: %v, %v", hs, err)
	}
}

// A library reached through a symbolic link keeps its backups and state
// next to the file itself.
func TestSymlinkedLibraryKeepsItsFilesNextToTheTarget(t *testing.T) {
	real, _ := libraryWithHighlight(t, t.TempDir())
	linkDir := t.TempDir()
	link := filepath.Join(linkDir, "library.db")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	l, err := Open(link)
	if err != nil {
		t.Fatal(err)
	}
	addActor(t, l, "China")
	l.Close()
	if BackupDir(link) != BackupDir(real) {
		t.Fatalf("BackupDir(link) = %s, want %s", BackupDir(link), BackupDir(real))
	}
	if bs, _ := backups(real); len(bs) != 1 {
		t.Fatalf("backups next to the target: %v", bs)
	}
	if entries, _ := os.ReadDir(linkDir); len(entries) != 1 {
		t.Fatalf("files next to the link: %v", entries)
	}
	dangling := filepath.Join(linkDir, "gone.db")
	os.Symlink(filepath.Join(linkDir, "nowhere", "x.db"), dangling)
	if _, err := Open(dangling); err == nil || !strings.Contains(err.Error(), "which does not exist") {
		t.Fatalf("a link to nothing: %v", err)
	}
}

func TestExpandPath(t *testing.T) {
	t.Setenv("HOME", "/home/leser")
	for in, want := range map[string]string{"~/x.db": "/home/leser/x.db", "~": "/home/leser", "a/~/b": "a/~/b", "/abs/x.db": "/abs/x.db"} {
		if got, err := ExpandPath(in); err != nil || got != want {
			t.Errorf("ExpandPath(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, empty := range []string{"", " "} {
		if _, err := ExpandPath(empty); !errors.Is(err, ErrInvalid) {
			t.Errorf("ExpandPath(%q): %v", empty, err)
		}
	}
}

// The rotation never deletes the newest backup that holds more than the
// library: a library emptied (or replaced by an empty one) keeps its last
// good copy however many days pass.
func TestRotationKeepsTheLastRicherBackup(t *testing.T) {
	dir := t.TempDir()
	p, _ := libraryWithHighlight(t, dir)
	day := time.Date(2030, 3, 1, 9, 0, 0, 0, time.Local)
	at := func(i int) Options {
		d := day.AddDate(0, 0, i)
		return Options{now: func() time.Time { return d }}
	}
	// Day 0: a backup of the library with its article.
	l, err := OpenWith(p, at(0))
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	good, _ := LatestBackup(p)
	// The library is replaced by one without articles; every day after,
	// something small changes.
	os.Remove(p)
	os.Remove(statePath(p))
	for i := 1; i <= 12; i++ {
		l, err := OpenWith(p, at(i))
		if err != nil {
			t.Fatal(err)
		}
		addActor(t, l, "Akteur "+string(rune('A'+i)))
		l.Close()
	}
	bs, _ := backups(p)
	found := false
	for _, b := range bs {
		found = found || b == good
	}
	if !found {
		t.Fatalf("the last backup holding the article was rotated away: %v", bs)
	}
	if len(bs) != keepBackups+1 {
		t.Errorf("%d backups, want %d and the richer one", len(bs), keepBackups)
	}
}

// Stale temporary files of Dramatis's own naming are removed by the next
// writing Open; files in use and other files stay.
func TestStaleTemporaryFilesAreRemoved(t *testing.T) {
	p, _ := libraryWithHighlight(t, t.TempDir())
	dir := filepath.Dir(p)
	os.MkdirAll(BackupDir(p), 0o700)
	old := time.Now().Add(-time.Hour)
	stale := []string{filepath.Join(dir, ".library.db.tmp123"), filepath.Join(dir, ".dramatis-9.tmp"),
		filepath.Join(BackupDir(p), ".library-2030-01-01.db.tmp77")}
	keep := []string{filepath.Join(dir, "notes.tmp"), filepath.Join(dir, ".other.db.tmp1"), filepath.Join(dir, ".library.db.tmp-fresh")}
	for _, f := range append(append([]string(nil), stale...), keep...) {
		if err := os.WriteFile(f, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(f, "fresh") {
			os.Chtimes(f, old, old)
		}
	}
	// One in use by a live writer: locked.
	busy := filepath.Join(dir, ".library.db.tmp-busy")
	bf, err := osFS{}.CreateTemp(dir, ".library.db.tmp-busy*")
	if err != nil {
		t.Fatal(err)
	}
	busy = bf.Name()
	defer bf.Close()
	os.Chtimes(busy, old, old)
	keep = append(keep, busy)
	l, err := OpenWith(p, Options{StartBackup: func(string) {}})
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	for _, f := range stale {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s was not removed", filepath.Base(f))
		}
	}
	for _, f := range keep {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed", filepath.Base(f))
		}
	}
}

// --wait: a second writer waits for the first to let go instead of giving
// up after a second.
func TestOpenWaitsForTheLock(t *testing.T) {
	p, _ := libraryWithHighlight(t, t.TempDir())
	first, err := OpenWith(p, Options{StartBackup: func(string) {}})
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(1500 * time.Millisecond)
		first.Close()
	}()
	began := time.Now()
	second, err := OpenWith(p, Options{Wait: 10 * time.Second, StartBackup: func(string) {}})
	if err != nil {
		t.Fatalf("waiting open: %v", err)
	}
	second.Close()
	if d := time.Since(began); d < time.Second {
		t.Errorf("the second open did not wait (%v)", d)
	}
}

// The window opens a library that needs the whole-file check (after a
// crash) at once and checks it beside the reader: changes wait for the
// check; damage it finds is told, and nothing is written.
func TestCheckLaterHoldsChangesUntilChecked(t *testing.T) {
	t.Run("damaged", func(t *testing.T) {
		p, id := libraryWithHighlight(t, t.TempDir())
		spoilHighlight(t, p, id) // also what a crash looks like: no state matches
		before := fileHash(t, p)
		told := make(chan error, 4)
		l, err := OpenWith(p, Options{CheckLater: true, StartBackup: func(string) {}, OnProblem: func(err error) { told <- err }})
		if err != nil {
			t.Fatalf("open with the check put off: %v", err)
		}
		if _, _, err := l.Article(id); err != nil {
			t.Errorf("reading while the check runs: %v", err)
		}
		if _, err := l.AddActor(annotation.Actor{Name: "China"}); !errors.Is(err, ErrDamaged) {
			t.Fatalf("a change on a library the check finds damaged: %v", err)
		}
		select {
		case err := <-told:
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("told %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("the damage was not told")
		}
		l.Close()
		if fileHash(t, p) != before {
			t.Fatal("the damaged library was written")
		}
	})
	t.Run("sound", func(t *testing.T) {
		p, _ := libraryWithHighlight(t, t.TempDir())
		os.Remove(statePath(p)) // killed last time
		l, err := OpenWith(p, Options{CheckLater: true, StartBackup: func(string) {}})
		if err != nil {
			t.Fatal(err)
		}
		checking := l.Checking()
		if checking == nil {
			t.Fatal("no check put off after an unclean shutdown")
		}
		if _, err := l.AddActor(annotation.Actor{Name: "China"}); err != nil {
			t.Fatalf("a change after the check: %v", err)
		}
		select {
		case <-checking:
		default:
			t.Error("a change was saved before the check ended")
		}
		l.Close()
		l, err = OpenWith(p, Options{CheckLater: true, StartBackup: func(string) {}})
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		if l.checkedWhole || l.Checking() != nil {
			t.Error("checked again: the finished check was not remembered")
		}
	})
}
