package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// 'dramatis backup FILE' never writes over a file that is not a copy of a
// library (someone's text, a JSON export, a link) nor over another library
// in use, and leaves it byte for byte as it was; an empty file and an
// earlier copy are replaced, also after a restore from that copy.
func TestBackupRefusesForeignFiles(t *testing.T) {
	l := newLibEnv(t)
	l.ok("import", l.page("nk.html", nkPage))
	other := newLibEnv(t)
	other.ok("import", other.page("summit.html", otherPage))
	dir := t.TempDir()
	thesis := filepath.Join(dir, "thesis.txt")
	os.WriteFile(thesis, []byte("thesis\n"), 0o644)
	jsonExport := filepath.Join(dir, "all.json")
	l.ok("export", "--format", "backup", "--out", jsonExport)
	short := filepath.Join(dir, "short.db")
	os.WriteFile(short, []byte{0xED}, 0o644)
	refused := []struct{ target, why string }{
		{thesis, "exists and is not a copy of a Dramatis library"},
		{jsonExport, "exists and is not a copy of a Dramatis library"},
		{short, "exists and is not a copy of a Dramatis library"},
		{other.path, "is a Dramatis library in use, not a copy"},
		{l.path, "is a Dramatis library in use, not a copy"},
	}
	// Windows lets only some users make links.
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(filepath.Join(dir, "elsewhere.db"), link); err == nil {
		refused = append(refused, struct{ target, why string }{link, "symbolic link"})
	}
	for _, tc := range refused {
		before, _ := os.ReadFile(tc.target)
		code, out, errs := l.run("", "backup", tc.target)
		if code != 1 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, tc.why) {
			t.Errorf("backup onto %s: exit %d, stdout %q, stderr %q (want %q)", filepath.Base(tc.target), code, out, errs, tc.why)
		}
		if after, _ := os.ReadFile(tc.target); !bytes.Equal(after, before) {
			t.Errorf("%s changed", tc.target)
		}
	}
	if _, err := os.Lstat(filepath.Join(dir, "elsewhere.db")); !os.IsNotExist(err) {
		t.Error("a copy was written through a link")
	}
	if !strings.Contains(other.ok("list"), "Summit") {
		t.Error("the other library lost its article")
	}
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)
	copyPath := filepath.Join(dir, "copy.db")
	for _, target := range []string{empty, copyPath, copyPath} {
		if code, _, errs := l.run("", "backup", target); code != 0 {
			t.Errorf("backup onto %s: exit %d, %s", filepath.Base(target), code, errs)
		}
	}
	l.ok("restore", copyPath)
	if code, _, errs := l.run("", "backup", copyPath); code != 0 {
		t.Errorf("backup onto the copy restored from: exit %d, %s", code, errs)
	}
}
