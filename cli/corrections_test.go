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

// A text copy the reader gave an address and a site is found again after
// a restore (the backup keeps no file path): importing the same copy into
// the restored library updates that article, keeping the corrections,
// instead of adding a second one.
func TestCorrectedCopyIsFoundAfterARestore(t *testing.T) {
	l := newLibEnv(t)
	copyText := "Seoul warnt Pjöngjang vor neuen Tests\n\n" +
		"Südkorea hat Nordkorea am Dienstag vor weiteren Raketentests gewarnt. Ein Sprecher der Regierung in Seoul sagte, man beobachte die Lage sehr genau.\n\n" +
		"Nordkorea hatte in der vergangenen Woche mehrere ballistische Raketen ins Japanische Meer gefeuert. Die Vereinigten Staaten verurteilten die Tests scharf.\n"
	page := l.page("kopie.txt", copyText)
	id := strings.TrimSpace(l.ok("import", page))
	l.ok("edit", id, "--site", "Beispiel-Zeitung", "--url", "https://zeitung.example/seoul")
	file := filepath.Join(l.dir, "backup.json")
	if err := os.WriteFile(file, []byte(l.ok("export", "--format", "backup")), 0o644); err != nil {
		t.Fatal(err)
	}
	fresh := newLibEnv(t)
	fresh.ok("import-backup", file)
	if got := strings.TrimSpace(fresh.ok("import", page)); got != id {
		t.Fatalf("the copy became article %s, not the restored %s", got, id)
	}
	if show := fresh.ok("show", id); !strings.Contains(show, "Beispiel-Zeitung") || !strings.Contains(show, "https://zeitung.example/seoul") {
		t.Errorf("after the re-import:\n%s", show)
	}
}
