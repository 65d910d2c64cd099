package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// bigParagraphs × bigParagraphSize is an article big enough that deleting
// it frees more pages than the daily backup's compaction waits for.
const (
	bigParagraphs    = 6000
	bigParagraphSize = 1000
)

// TestDailyBackupCompactsAndKeepsEverything: after a big article came and
// went (its pages left free), 'backup --auto' makes the daily backup and
// compacts the library, which then holds exactly what it held: the full
// export is the same, byte for byte, and the file is smaller.
func TestDailyBackupCompactsAndKeepsEverything(t *testing.T) {
	l := newLibEnv(t)
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	l.ok("annotate", id, "--quote", "Kim Jong Un", "--actor", "Kim Jong Un")
	l.ok("annotate", id, "--quote", "Russland", "--actor", "Russland")
	bigSession(t, l.path, storage.Options{StartBackup: func(string) {}})
	before := l.ok("export", "--format", "backup")
	fi, _ := os.Stat(l.path)
	if code, _, errs := l.run("", "backup", "--auto"); code != 0 || !strings.Contains(errs, "daily backup written") {
		t.Fatalf("backup --auto: exit %d, %q", code, errs)
	}
	checkCompactedExport(t, l, fi, before)
}

// checkCompactedExport checks that the library file fi was replaced by a
// smaller one whose full export is before, byte for byte.
func checkCompactedExport(t *testing.T, l *libEnv, fi os.FileInfo, before string) {
	t.Helper()
	after, _ := os.Stat(l.path)
	if os.SameFile(fi, after) || after.Size() >= fi.Size() {
		t.Fatalf("not compacted: %d bytes, %d before", after.Size(), fi.Size())
	}
	if got := l.ok("export", "--format", "backup"); got != before {
		t.Fatalf("the compacted library exports differently:\n%s\nwas\n%s", got, before)
	}
	t.Logf("compacted from %d to %d bytes; the full export (%d bytes) is the same", fi.Size(), after.Size(), len(before))
}

// bigSession opens the library at path with o, imports a big article and
// deletes it again (its pages left free), and closes it.
func bigSession(t *testing.T, path string, o storage.Options) {
	t.Helper()
	lib, err := storage.OpenWith(path, o)
	if err != nil {
		t.Fatal(err)
	}
	big := &article.Article{Title: "Groß", URL: "https://example.org/big", Lang: "de"}
	for i := 0; i < bigParagraphs; i++ {
		big.Blocks = append(big.Blocks, article.Block{Type: article.Paragraph,
			Text: fmt.Sprintf("Absatz %d: %s", i, strings.Repeat("Sanktionen gegen Pjöngjang. ", bigParagraphSize/28))})
	}
	res, err := lib.ImportArticle(big)
	if err == nil {
		err = lib.DeleteArticle(res.ID)
	}
	if cerr := lib.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestIdleCompactionAfterTheWindow: a window session (its daily backup
// made as it opened) leaves many pages free; its Close asks for a
// compaction, which 'backup --auto' alone does not do (no backup is due)
// and 'backup --auto --compact' does, keeping the full export byte for
// byte.
func TestIdleCompactionAfterTheWindow(t *testing.T) {
	l := newLibEnv(t)
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	l.ok("annotate", id, "--quote", "Kim Jong Un", "--actor", "Kim Jong Un")
	var started []string
	bigSession(t, l.path, storage.Options{StartCompaction: func(p string) { started = append(started, p) }})
	if len(started) != 1 {
		t.Fatalf("the window's Close started compaction %d times", len(started))
	}
	before := l.ok("export", "--format", "backup")
	fi, _ := os.Stat(l.path)
	if code, _, errs := l.run("", "backup", "--auto"); code != 0 || !strings.Contains(errs, "no daily backup needed") {
		t.Fatalf("backup --auto: exit %d, %q", code, errs)
	}
	if now, _ := os.Stat(l.path); !os.SameFile(fi, now) {
		t.Fatal("backup --auto compacted without a backup")
	}
	code, _, errs := l.run("", compactionArgs(started[0])...) // what StartCompaction runs
	if code != 0 || !strings.Contains(errs, "the library was compacted") {
		t.Fatalf("backup --auto --compact: exit %d, %q", code, errs)
	}
	checkCompactedExport(t, l, fi, before)
	if code, _, errs := l.run("", "backup", "--auto", "--compact"); code != 0 || !strings.Contains(errs, "not compacted") {
		t.Fatalf("backup --auto --compact again: exit %d, %q", code, errs)
	}
	if code, _, errs := l.run("", "backup", "--compact", filepath.Join(l.dir, "copy.db")); code != 2 || !strings.Contains(errs, "--compact goes with --auto") {
		t.Fatalf("backup --compact FILE: exit %d, %q", code, errs)
	}
}
