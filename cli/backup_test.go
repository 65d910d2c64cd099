package cli

import (
	"fmt"
	"os"
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
	lib, err := storage.OpenWith(l.path, storage.Options{StartBackup: func(string) {}})
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
	before := l.ok("export", "--format", "backup")
	fi, _ := os.Stat(l.path)
	if code, _, errs := l.run("", "backup", "--auto"); code != 0 || !strings.Contains(errs, "daily backup written") {
		t.Fatalf("backup --auto: exit %d, %q", code, errs)
	}
	after, _ := os.Stat(l.path)
	if os.SameFile(fi, after) || after.Size() >= fi.Size() {
		t.Fatalf("not compacted: %d bytes, %d before", after.Size(), fi.Size())
	}
	if got := l.ok("export", "--format", "backup"); got != before {
		t.Fatalf("the compacted library exports differently:\n%s\nwas\n%s", got, before)
	}
	t.Logf("compacted from %d to %d bytes; the full export (%d bytes) is the same", fi.Size(), after.Size(), len(before))
}
