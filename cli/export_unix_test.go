//go:build unix

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestExportRefusesTargets: --out never replaces the library (by its
// path, through a link or a hard link), a file Dramatis did not write, a
// link, a device or a pipe; an earlier export and an empty file may be
// replaced. A refused target is left byte for byte as it was.
func TestExportRefusesTargets(t *testing.T) {
	path, _ := seedLibrary(t)
	dir := t.TempDir()
	mine := filepath.Join(dir, "thesis.json")
	os.WriteFile(mine, []byte(`{"my":"work"}`), 0o644)
	link := filepath.Join(dir, "link.json")
	os.Symlink(filepath.Join(dir, "elsewhere.json"), link)
	libLink := filepath.Join(dir, "library-link.db")
	os.Symlink(path, libLink)
	hard := filepath.Join(dir, "library-hard.db")
	if err := os.Link(path, hard); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	libBefore, _ := os.ReadFile(path)
	for _, tc := range []struct{ format, out, why string }{
		{"backup", path, "the library itself"},
		{"w3c", path, "the library itself"},
		{"backup", hard, "the library itself"},
		{"backup", libLink, "symbolic link"},
		{"backup", link, "symbolic link"},
		{"backup", mine, "not an export of Dramatis"},
		{"w3c", mine, "not an export of Dramatis"},
		{"backup", "/dev/null", "not a regular file"},
		{"backup", fifo, "not a regular file"},
		{"md", path, "not a folder"},
	} {
		code, stdout, errs := exportCLI(t, path, "", "export", "--format", tc.format, "--out", tc.out)
		if code != 1 || stdout != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, tc.why) {
			t.Errorf("%s onto %s: exit %d, stdout %q, stderr %q", tc.format, tc.out, code, stdout, errs)
		}
	}
	if got, _ := os.ReadFile(mine); string(got) != `{"my":"work"}` {
		t.Errorf("the reader's file changed: %q", got)
	}
	if _, err := os.Lstat(filepath.Join(dir, "elsewhere.json")); !os.IsNotExist(err) {
		t.Error("an export was written through a link")
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, libBefore) {
		t.Error("the library file changed")
	}
	// An earlier export of either kind, or an empty file, is replaced.
	out := filepath.Join(dir, "export.json")
	for _, format := range []string{"w3c", "backup", "w3c", "backup"} {
		if code, _, errs := exportCLI(t, path, "", "export", "--format", format, "--out", out); code != 0 {
			t.Errorf("%s over an earlier export: %s", format, errs)
		}
	}
	empty := filepath.Join(dir, "empty.json")
	os.WriteFile(empty, nil, 0o644)
	if code, _, errs := exportCLI(t, path, "", "export", "--format", "backup", "--out", empty); code != 0 {
		t.Errorf("over an empty file: %s", errs)
	}
	if code, _, errs := exportCLI(t, path, "", "list"); code != 0 {
		t.Errorf("the library no longer opens: %s", errs)
	}
}

// TestExportFolderLinks: links in a notes folder are not followed. A
// note that is a link is skipped with one line naming the link and its
// target (no second note is written beside it); a .dramatis link stops
// the export with one line before anything is written. Nothing is
// written outside the folder either way.
func TestExportFolderLinks(t *testing.T) {
	for _, tc := range []struct {
		name string
		// link makes a link in the exported folder dir pointing into
		// outside; it returns the stderr line expected.
		link             func(t *testing.T, dir, outside string) string
		wantOut          string
		wantFilesOutside int
	}{
		{"a note", func(t *testing.T, dir, outside string) string {
			note := filepath.Join(dir, "Kim Wir sind bereit.md")
			os.Remove(note)
			if err := os.Symlink(filepath.Join(outside, "x.md"), note); err != nil {
				t.Fatal(err)
			}
			return "dramatis export: skipped: Kim Wir sind bereit.md is a link to " + filepath.Join(outside, "x.md") + ", which Dramatis does not follow"
		}, "0 notes written, 3 unchanged", 0},
		{"the record's folder", func(t *testing.T, dir, outside string) string {
			os.RemoveAll(filepath.Join(dir, ".dramatis"))
			if err := os.Symlink(outside, filepath.Join(dir, ".dramatis")); err != nil {
				t.Fatal(err)
			}
			return "dramatis export: " + filepath.Join(dir, ".dramatis") + " is a link to " + outside + ", which Dramatis does not follow"
		}, "", 0},
	} {
		path, _ := seedLibrary(t)
		dir, outside := filepath.Join(t.TempDir(), "vault"), t.TempDir()
		if code, _, errs := exportCLI(t, path, "", "export", "--actors", "--out", dir); code != 0 {
			t.Fatalf("%s: first export: %s", tc.name, errs)
		}
		want := tc.link(t, dir, outside)
		before, _ := os.ReadDir(dir)
		code, stdout, errs := exportCLI(t, path, "", "export", "--actors", "--out", dir)
		if code != 1 || !strings.HasPrefix(stdout, tc.wantOut) || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q, want %q", tc.name, code, stdout, errs, want)
		}
		if after, _ := os.ReadDir(dir); len(after) != len(before) {
			t.Errorf("%s: %d files in the folder, were %d", tc.name, len(after), len(before))
		}
		if es, _ := os.ReadDir(outside); len(es) != tc.wantFilesOutside {
			t.Errorf("%s: %d files written outside the folder", tc.name, len(es))
		}
	}
}
