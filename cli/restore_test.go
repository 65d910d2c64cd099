package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// restore given a JSON export says what the file is and, for a JSON
// backup, names import-backup, instead of calling it a damaged library;
// the library stays as it was.
func TestRestoreNamesJSONExports(t *testing.T) {
	l := newLibEnv(t)
	l.ok("import", l.page("nk.html", nkPage))
	dir := t.TempDir()
	all := filepath.Join(dir, "all.json")
	l.ok("export", "--format", "backup", "--out", all)
	indented := filepath.Join(dir, "indented.json")
	data, _ := os.ReadFile(all)
	os.WriteFile(indented, append([]byte("\uFEFF\n  "), data...), 0o644)
	w3c := filepath.Join(dir, "notes.jsonld")
	l.ok("export", "--format", "w3c", "--out", w3c)
	other := filepath.Join(dir, "other.json")
	os.WriteFile(other, []byte(`{"some": "json"}`), 0o644)
	before, _ := os.ReadFile(l.path)
	for _, tc := range []struct{ file, want string }{
		{all, "is a JSON backup (made by 'export --format backup'), not a copy of the library file: 'dramatis import-backup " + all + "'"},
		{indented, "'dramatis import-backup " + indented + "'"},
		{w3c, "is a W3C annotation export"},
		{other, "damaged"},
	} {
		code, _, errs := l.run("", "restore", tc.file)
		if code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, tc.want) {
			t.Errorf("restore %s: exit %d, %q (want %q)", filepath.Base(tc.file), code, errs, tc.want)
		}
	}
	if after, _ := os.ReadFile(l.path); !bytes.Equal(after, before) {
		t.Error("the library changed")
	}
}
