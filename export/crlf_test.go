package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A note the reader edited on Windows comes back with CRLF line endings
// (Notepad before 2018, many editors and git's autocrlf write them).
// Exporting again must keep every line the reader wrote, update
// Dramatis's part in place instead of writing a second note, and not mix
// line endings in the reader's lines.
func TestFolderReexportKeepsCRLFNote(t *testing.T) {
	for _, tc := range []struct{ name, nl string }{{"CRLF", "\r\n"}, {"LF", "\n"}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			lib := fixtureLibrary()
			if _, err := WriteFolder(dir, lib, PerActor); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "Kim Wir sind bereit – Nordkorea, Russland & China.md")
			fm, body, _ := splitFrontMatter(readFile(t, path))
			edited := "---\n" + fm + "rating: 5\n---\nMy summary above.\n" + strings.TrimPrefix(body, "\n") + "\n## My thoughts\n\nKeep this!\n"
			edited = strings.ReplaceAll(edited, "\n", tc.nl)
			if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			files := len(listDir(t, dir))

			lib.Articles[1].Title = "Neuer Titel"
			rep, err := WriteFolder(dir, lib, PerActor)
			if err != nil || len(rep.Skipped) != 0 {
				t.Fatalf("re-export: %+v %v", rep, err)
			}
			got := readFile(t, path)
			for _, keep := range []string{"rating: 5", "My summary above.", "## My thoughts", "Keep this!", "# Neuer Titel", "title: Neuer Titel"} {
				if !strings.Contains(got, keep) {
					t.Errorf("lost %q:\n%q", keep, got)
				}
			}
			if strings.Count(got, "dramatis:begin") != 1 || strings.Count(got, "dramatis:end") != 1 {
				t.Errorf("markers doubled:\n%q", got)
			}
			if n := len(listDir(t, dir)); n != files {
				t.Errorf("re-export made %d files, there were %d: %q", n, files, listDir(t, dir))
			}
			for _, reader := range []string{"My summary above.", "Keep this!"} {
				if !strings.Contains(got, reader+tc.nl) {
					t.Errorf("the reader's line %q lost its %q ending:\n%q", reader, tc.nl, got)
				}
			}
		})
	}
}
