package cli

import (
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/storage"
)

// oneLineErr checks a failed command's output: the exit status, nothing on
// stdout, one line on stderr containing each of want.
func oneLineErr(t *testing.T, what string, code int, out, errs string, wantCode int, want ...string) {
	t.Helper()
	if code != wantCode || out != "" || strings.Count(errs, "\n") != 1 {
		t.Fatalf("%s: exit %d, stdout %q, stderr %q; want exit %d and one line", what, code, out, errs, wantCode)
	}
	for _, w := range want {
		if !strings.Contains(errs, w) {
			t.Fatalf("%s: %q lacks %q", what, errs, w)
		}
	}
}

// Reading commands on a library in a folder that does not exist say there
// is no library, and create nothing: no folder, no file.
func TestReadingCommandsCreateNothing(t *testing.T) {
	l := newLibEnv(t)
	l.path = filepath.Join(l.dir, "missing", "deeper", "library.db")
	for _, args := range [][]string{
		{"list"}, {"show", "01ABC"}, {"export", "--format", "w3c"}, {"backup", filepath.Join(l.dir, "copy.db")},
		{"actors"}, {"actors", "suggest", "01ABC"},
	} {
		code, out, errs := l.run("", args...)
		oneLineErr(t, strings.Join(args, " "), code, out, errs, 1, "no library at")
	}
	if _, err := os.Stat(filepath.Join(l.dir, "missing")); !os.IsNotExist(err) {
		t.Fatal("a reading command created the library's folder")
	}
	if _, err := os.Stat(filepath.Join(l.dir, "copy.db")); !os.IsNotExist(err) {
		t.Fatal("backup of nothing wrote a file")
	}
}

// --library "" is a mistake, not the default library; "~/x.db" is in the
// home folder, not in a folder named "~".
func TestLibraryFlagValues(t *testing.T) {
	l := newLibEnv(t)
	code, out, errs := l.run("", "list", "--library", "")
	if code != 2 || out != "" || !strings.Contains(errs, "--library") || !strings.Contains(errs, "empty") {
		t.Fatalf("--library \"\": exit %d, %q, %q", code, out, errs)
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(l.dir)
	page := l.page("nk.html", nkPage)
	if code, _, errs := l.run("", "import", "--library", "~/notes/x.db", page); code != 0 {
		t.Fatalf("import --library ~/notes/x.db: exit %d, %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(home, "notes", "x.db")); err != nil {
		t.Fatalf("the library is not in the home folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(l.dir, "~")); !os.IsNotExist(err) {
		t.Fatal("a folder named ~ was created")
	}
}

// A damaged library: every command says so in one line, names the latest
// backup and the command that restores it, and writes nothing.
func TestDamagedLibraryNamesTheWayBack(t *testing.T) {
	l := newLibEnv(t)
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	l.ok("annotate", id, "--quote", "Kim Jong Un", "--actor", "Kim Jong Un")
	if code, _, errs := l.run("", "backup", "--auto"); code != 0 || !strings.Contains(errs, "daily backup written") {
		t.Fatalf("backup --auto: exit %d, %q", code, errs)
	}
	backup, err := storage.LatestBackup(l.path)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(l.path)
	clear(data[4096 : 4096+64]) // the second meta page: harmless alone
	root := 2 * 4096
	for i := root; i < len(data); i += 4096 {
		data[i+20] ^= 0x04 // one bit in every page's first element
	}
	os.WriteFile(l.path, data, 0o600)
	before := fileHash(t, l.path)
	for _, args := range [][]string{{"list"}, {"show", id}, {"annotate", id, "--quote", "Seoul"}, {"actors", "add", "China"}} {
		code, out, errs := l.run("", args...)
		oneLineErr(t, strings.Join(args, " "), code, out, errs, 1, "is damaged", "Nothing was written", backup, "dramatis restore ")
	}
	// export saves what still reads and says what it skipped, a line each.
	if code, _, errs := l.run("", "export"); code != 1 || !oneLinePerMessage(errs, "export") || !strings.Contains(errs, "damaged") {
		t.Fatalf("export of the damaged library: exit %d, %q", code, errs)
	}
	if fileHash(t, l.path) != before {
		t.Fatal("a command wrote to the damaged library")
	}
	code, _, errs := l.run("", "restore", backup)
	if code != 0 {
		t.Fatalf("restore: exit %d, %s", code, errs)
	}
	if out := l.ok("show", id); !strings.Contains(out, "Kim Jong Un") {
		t.Fatalf("after the restore: %q", out)
	}
}

// An empty file at the library path is damaged, never a new library.
func TestEmptyLibraryFileIsDamaged(t *testing.T) {
	l := newLibEnv(t)
	os.MkdirAll(filepath.Dir(l.path), 0o700)
	os.WriteFile(l.path, nil, 0o600)
	for _, args := range [][]string{{"list"}, {"import", l.page("nk.html", nkPage)}} {
		code, out, errs := l.run("", args...)
		if code != 1 || out != "" || !strings.Contains(errs, "is empty (0 bytes)") {
			t.Fatalf("%s: exit %d, %q, %q", args[0], code, out, errs)
		}
	}
	if fi, _ := os.Stat(l.path); fi.Size() != 0 {
		t.Fatal("the empty file was written")
	}
}

// restore refuses a backup that does not read, in one line, and leaves the
// library as it was.
func TestRestoreRefusesADamagedBackup(t *testing.T) {
	l := newLibEnv(t)
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	copyPath := filepath.Join(l.dir, "copy.db")
	l.ok("backup", copyPath)
	data, _ := os.ReadFile(copyPath)
	for i := 2 * 4096; i < len(data); i += 4096 {
		data[i+8] ^= 0x08 // every page's type
	}
	os.WriteFile(copyPath, data, 0o600)
	before := fileHash(t, l.path)
	code, out, errs := l.run("", "restore", copyPath)
	oneLineErr(t, "restore", code, out, errs, 1, "cannot be restored")
	if fileHash(t, l.path) != before {
		t.Fatal("a refused restore changed the library")
	}
	l.ok("show", id)
}

// --wait: a command waits for the window (or another command) to let go of
// the library instead of failing after a second.
func TestWaitForTheLibrary(t *testing.T) {
	l := newLibEnv(t)
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	held, err := storage.Open(l.path)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := l.run("", "annotate", id, "--quote", "Seoul")
	oneLineErr(t, "annotate without --wait", code, out, errs, 1, "in use", "--wait")
	go func() {
		time.Sleep(1500 * time.Millisecond)
		held.Close()
	}()
	began := time.Now()
	code, _, errs = l.run("", "annotate", id, "--quote", "Seoul", "--wait", "20s")
	if code != 0 {
		t.Fatalf("annotate --wait 20s: exit %d, %s", code, errs)
	}
	if time.Since(began) < time.Second {
		t.Error("it did not wait")
	}
	if code, _, _ := l.run("", "list", "--wait", "soon"); code != 2 {
		t.Errorf("--wait soon: exit %d, want a usage error", code)
	}
}

// A daily backup that failed in its own process is said by the next
// command that writes, once.
func TestFailedDailyBackupIsSaidOnce(t *testing.T) {
	l := newLibEnv(t)
	l.ok("import", l.page("nk.html", nkPage))
	if err := os.MkdirAll(filepath.Dir(storage.BackupDir(l.path)), 0o700); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(storage.BackupDir(l.path), []byte("x"), 0o600) // no backups folder can be made
	if code, _, errs := l.run("", "backup", "--auto"); code != 1 || !strings.Contains(errs, "daily backup was not made") {
		t.Fatalf("backup --auto: exit %d, %q", code, errs)
	}
	_, _, errs := l.run("", "actors", "add", "China")
	if !strings.Contains(errs, "warning: the daily backup was not made") {
		t.Fatalf("the next command did not say it: %q", errs)
	}
	_, _, errs = l.run("", "actors", "add", "Russland")
	if strings.Contains(errs, "warning") {
		t.Fatalf("said twice: %q", errs)
	}
}

// A command that changed the library starts the daily backup in a process
// of its own, once it is done; a reading command starts nothing.
func TestCommandsStartTheDailyBackupAfterwards(t *testing.T) {
	l := newLibEnv(t)
	l.ok("import", l.page("nk.html", nkPage)) // a new library: nothing to back up yet
	var started [][]string
	run := func(args ...string) {
		e := &Env{Stdin: strings.NewReader(""), Stdout: new(strings.Builder), Stderr: new(strings.Builder),
			Getenv: func(k string) string {
				if k == "DRAMATIS_LIBRARY" {
					return l.path
				}
				return ""
			},
			StartBackground: func(a ...string) error { started = append(started, a); return nil }}
		if code := Run(e, args); code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
	}
	run("list")
	if len(started) != 0 {
		t.Fatalf("a reading command started %v", started)
	}
	run("actors", "add", "China")
	if len(started) != 1 || strings.Join(started[0], " ") != "backup --auto --library "+l.path {
		t.Fatalf("started %v", started)
	}
}

// A command that writes the library hands storage a compaction starter,
// which starts 'backup --auto --compact' for the library as the daily
// backup's starter starts 'backup --auto' (storage calls it at Close when
// the command left many pages free and no backup was due).
func TestCommandsStartACompactionAfterwards(t *testing.T) {
	var started [][]string
	e := &Env{Stderr: new(strings.Builder), StartBackground: func(a ...string) error { started = append(started, a); return nil }}
	o := writingOptions(e)
	if o.StartCompaction == nil || o.StartBackup == nil {
		t.Fatal("a writing command's options start no backup or no compaction")
	}
	o.StartCompaction("/lib/library.db")
	if len(started) != 1 || strings.Join(started[0], " ") != "backup --auto --compact --library /lib/library.db" {
		t.Fatalf("started %v", started)
	}
	failing := &Env{Stderr: new(strings.Builder), StartBackground: func(...string) error { return errors.New("no such file") }}
	writingOptions(failing).StartCompaction("/lib/library.db")
	if got := failing.Stderr.(*strings.Builder).String(); !strings.Contains(got, "compaction was not started: no such file") {
		t.Fatalf("a compaction that could not start says %q", got)
	}
}

func fileHash(t *testing.T, p string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// A library of an older schema is upgraded by the first command, even one
// that only reads (this build cannot read the old layout), after a backup.
func TestReadingCommandUpgradesAnOldLibraryOnce(t *testing.T) {
	l := newLibEnv(t)
	os.MkdirAll(filepath.Dir(l.path), 0o700)
	writeSchema2Library(t, l.path)
	out := l.ok("show", "01ARTICLE0000000000000000A")
	if !strings.Contains(out, "Ein alter Text über Seoul.") {
		t.Fatalf("show after the upgrade: %q", out)
	}
	bs, _ := filepath.Glob(filepath.Join(storage.BackupDir(l.path), "*-schema2.db"))
	if len(bs) != 1 {
		t.Fatalf("no backup of the old library: %v", bs)
	}
}

// writeSchema2Library writes a library as Dramatis wrote it at schema 2:
// one article, its text as JSON blocks.
func writeSchema2Library(t *testing.T, path string) {
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range []string{"meta", "articles", "texts", "highlights", "actors", "prefs", "url_index", "hash_index", "actor_names", "highlight_ids", "actor_highlights"} {
			if _, err := tx.CreateBucket([]byte(b)); err != nil {
				return err
			}
		}
		const id = "01ARTICLE0000000000000000A"
		tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 2})
		tx.Bucket([]byte("articles")).Put([]byte(id), []byte(`{"id":"`+id+`","title":"Alt","hash":"h","added":"2025-03-01T12:00:00Z"}`))
		return tx.Bucket([]byte("texts")).Put([]byte(id), []byte(`[{"type":"paragraph","text":"Ein alter Text über Seoul."}]`))
	})
	if err != nil {
		t.Fatal(err)
	}
}
