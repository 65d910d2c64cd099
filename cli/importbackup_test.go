package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/storage"
)

// TestImportBackupLeavesOutWhatWasDeletedSince: a highlight deleted after
// the backup stays deleted and the summary line says so and how to bring
// it back; --include-deleted brings it back and says that.
func TestImportBackupLeavesOutWhatWasDeletedSince(t *testing.T) {
	path, _ := seedLibrary(t)
	code, b, errs := exportCLI(t, path, "", "export", "--format", "backup")
	if code != 0 {
		t.Fatal(errs)
	}
	file := filepath.Join(t.TempDir(), "backup.json")
	if err := os.WriteFile(file, []byte(b), 0o644); err != nil {
		t.Fatal(err)
	}
	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	arts, _ := lib.Articles()
	var gone string
	for _, a := range arts {
		if hs, _ := lib.Highlights(a.ID); len(hs) > 0 && gone == "" {
			gone = hs[0].ID
		}
	}
	err = lib.DeleteHighlight(gone)
	lib.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		says string
		kept bool
	}{
		{[]string{"import-backup", file}, "; left out as deleted since the backup: 1 highlight (--include-deleted brings them back)", false},
		{[]string{"import-backup", "--include-deleted", file}, "; brought back as asked, though deleted since the backup: 1 highlight", true},
		{[]string{"import-backup", file}, "; nothing deleted since the backup", true},
	} {
		code, out, errs := exportCLI(t, path, "", tc.args...)
		if code != 0 || !strings.HasSuffix(strings.TrimSpace(out), tc.says) || strings.Count(out, "\n") != 1 {
			t.Fatalf("%v: exit %d, %q %s; want one line ending %q", tc.args, code, out, errs, tc.says)
		}
		lib, err := storage.OpenWith(path, storage.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		_, err = lib.Highlight(gone)
		lib.Close()
		if (err == nil) != tc.kept {
			t.Fatalf("%v: the deleted highlight there %v, want %v", tc.args, err == nil, tc.kept)
		}
	}
}

// TestImportBackupKeepsDeletionsAcrossARebuild: a library rebuilt from a
// newer backup (B2, on a new machine) and then merged with an older one
// (B1) leaves out what the reader deleted between the two, as the
// library the backups came from would: the backup carries the records.
func TestImportBackupKeepsDeletionsAcrossARebuild(t *testing.T) {
	for _, tc := range []struct {
		name string
		// del deletes something in the library at path and returns a
		// check that it is gone from another library.
		del  func(t *testing.T, path string) func(*storage.Library) bool
		says string
	}{
		{"a highlight", func(t *testing.T, path string) func(*storage.Library) bool {
			art, h := firstHighlight(t, path)
			mustRun(t, path, "highlight", "delete", art, h)
			return func(l *storage.Library) bool { _, err := l.Highlight(h); return err != nil }
		}, "left out as deleted since the backup: 1 highlight "},
		{"an article", func(t *testing.T, path string) func(*storage.Library) bool {
			art, _ := firstHighlight(t, path)
			mustRun(t, path, "delete", art, "--yes")
			return func(l *storage.Library) bool { _, _, err := l.Article(art); return err != nil }
		}, "left out as deleted since the backup: 1 article (with "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, _ := seedLibrary(t)
			b1 := backupFile(t, path, "b1.json")
			gone := tc.del(t, path)
			b2 := backupFile(t, path, "b2.json")
			rebuilt := filepath.Join(t.TempDir(), "new.db")
			out := mustRun(t, rebuilt, "import-backup", b2)
			if !strings.Contains(out, "; 1 record of deletions taken from the backup") {
				t.Errorf("restoring B2: %q", out)
			}
			out = mustRun(t, rebuilt, "import-backup", b1)
			if !strings.Contains(out, tc.says) || strings.Contains(out, "records of deletions") || strings.Count(out, "\n") != 1 {
				t.Errorf("merging B1: %q, want one line with %q", out, tc.says)
			}
			lib, err := storage.OpenWith(rebuilt, storage.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer lib.Close()
			if !gone(lib) {
				t.Errorf("what was deleted between B1 and B2 is back")
			}
		})
	}
}

// firstHighlight is an article of the library at path with a highlight,
// and that highlight's id. It returns once the clock is past every time
// the library holds: a library opened again stamps from the clock, and
// seeding stamps several records in a millisecond, each a millisecond
// after the last, so the seeded times may run ahead of the clock; a
// deletion stamped before them would not be "since" the backup.
func firstHighlight(t *testing.T, path string) (string, string) {
	t.Helper()
	lib, err := storage.OpenWith(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	arts, _ := lib.Articles()
	var art, h string
	var latest time.Time
	for _, a := range arts {
		latest = maxTime(latest, maxTime(a.Added, a.Updated))
		hs, _ := lib.Highlights(a.ID)
		for _, x := range hs {
			latest = maxTime(latest, maxTime(x.Created, x.Updated))
		}
		if len(hs) > 0 && art == "" {
			art, h = a.ID, hs[0].ID
		}
	}
	if art == "" {
		t.Fatal("no highlight")
	}
	for !time.Now().After(latest.Add(time.Millisecond)) {
		time.Sleep(time.Millisecond)
	}
	return art, h
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// mustRun runs a command on the library at path and returns its output.
func mustRun(t *testing.T, path string, args ...string) string {
	t.Helper()
	code, out, errs := exportCLI(t, path, "", args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	return out
}

// backupFile writes the backup of the library at path to a file.
func backupFile(t *testing.T, path, name string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	mustRun(t, path, "export", "--format", "backup", "--out", file)
	return file
}
