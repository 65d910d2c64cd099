package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// A Windows path given to --out or --library on Linux or macOS is refused
// in one line instead of becoming a folder or file named "C:\Notes" in the
// current folder; nothing is created.
func TestWindowsPathsRefusedElsewhere(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("there these are ordinary paths")
	}
	page, err := filepath.Abs(fixture)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	lib := filepath.Join(dir, "library.db")
	if code, _, errs := runCLI(t, "", "import", "--library", lib, page); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errs)
	}
	for _, args := range [][]string{
		{"export", "--library", lib, "--out", `C:\Users\me\Notes`},
		{"export", "--library", lib, "--format", "backup", "--out", `\\nas\share\all.json`},
		{"list", "--library", `C:\Users\me\AppData\Roaming\Dramatis\library.db`},
	} {
		code, _, errs := runCLI(t, "", args...)
		if code == 0 || !strings.Contains(errs, "is a Windows path") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("dramatis %s: exit %d, %q; want one line saying it is a Windows path", strings.Join(args, " "), code, errs)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.ContainsAny(e.Name(), `\:`) {
			t.Errorf("created %q", e.Name())
		}
	}
}
