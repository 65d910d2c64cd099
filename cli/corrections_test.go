package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The reader's corrections survive a restore from a backup: correct an
// article, back up, import the backup into a new library, back that up
// (the same bytes), then import the page again there: what the reader
// set wins over what the page says, also the address the page came from.
func TestCorrectionsSurviveBackupAndReimport(t *testing.T) {
	l := newLibEnv(t)
	page := l.page("nk.html", nkPage)
	id := strings.TrimSpace(l.ok("import", page))
	l.ok("annotate", id, "--quote", "Kim Jong Un sagte", "--actor", "Kim Jong Un:speaker")
	l.ok("edit", id, "--title", "Nordkorea testet erneut Raketen", "--site", "Beispiel-Zeitung", "--url", "https://zeitung.example/nk",
		"--published", "2024-11-08T12:22", "--author", "Anna Müller", "--lang", "de", "--section", "Asien")
	b1 := l.ok("export", "--format", "backup")
	if !strings.Contains(b1, `"corrected": {`) || !strings.Contains(b1, `"pageURL": "https://example.org/nk"`) {
		t.Fatalf("the backup does not carry the corrections:\n%s", b1)
	}
	file := filepath.Join(l.dir, "backup.json")
	if err := os.WriteFile(file, []byte(b1), 0o644); err != nil {
		t.Fatal(err)
	}

	fresh := newLibEnv(t)
	fresh.ok("import-backup", file)
	if b2 := fresh.ok("export", "--format", "backup"); b2 != b1 {
		t.Errorf("backup → new library → backup changed the bytes:\n%s\n---\n%s", b1, b2)
	}
	code, out, errs := fresh.run("", "import", page)
	if code != 0 || strings.TrimSpace(out) != id {
		t.Fatalf("re-import of the page: exit %d, %q (want the restored article %s): %s", code, out, id, errs)
	}
	show := fresh.ok("show", id)
	for _, want := range []string{"Asien\nNordkorea testet erneut Raketen\n", "Beispiel-Zeitung · Anna Müller · 2024-11-08", "https://zeitung.example/nk\n"} {
		if !strings.Contains(show, want) {
			t.Errorf("after the re-import the page's metadata won; want %q in:\n%s", want, show)
		}
	}
}
