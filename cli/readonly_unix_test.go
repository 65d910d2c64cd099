//go:build unix

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/internal/unprivileged"
)

// A library its reader may not write (a read-only file in a read-only
// folder, as on a read-only mount or in another user's home) still lists,
// shows, exports and backs up, with the real commands in a process of
// their own; a writing command says in one line why it cannot; nothing is
// created beside the library and the file is not touched.
func TestReadingCommandsWorkOnALibraryTheyMayNotWrite(t *testing.T) {
	if os.Getenv(cliCorruptChild) != "" {
		t.Skip("in the child")
	}
	l := newLibEnv(t)
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	l.ok("annotate", id, "--quote", "Kim Jong Un", "--actor", "Kim Jong Un:speaker", "--note", "Drohung")
	dir := unprivileged.Dir(t)
	lib := unprivileged.ReadOnlyCopy(t, dir, l.path)
	out := unprivileged.Writable(t, dir, "out")
	before := fileHash(t, lib)
	run := func(args ...string) (int, string, string) {
		t.Helper()
		cmd := unprivileged.Command(t, dir, "-test.run=^TestCLICorruptChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), cliCorruptChild+"="+strings.Join(args, "\t"), "DRAMATIS_LIBRARY="+lib, "HOME="+out, "LANG=C.UTF-8")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := cmd.ProcessState.ExitCode()
		if err != nil && code < 0 {
			t.Fatalf("dramatis %s: %v", strings.Join(args, " "), err)
		}
		return code, stdout.String(), stderr.String()
	}
	for _, c := range []struct {
		args []string
		want string // on stdout
	}{
		{[]string{"list"}, "Raketen"},
		{[]string{"show", id}, "Drohung"},
		{[]string{"actors"}, "Kim Jong Un"},
		{[]string{"export", "--format", "w3c"}, "Drohung"},
		{[]string{"export", "--out", filepath.Join(out, "notes")}, ""},
		{[]string{"backup", filepath.Join(out, "copy.db")}, ""},
	} {
		code, stdout, stderr := run(c.args...)
		if code != 0 || !strings.Contains(stdout, c.want) {
			t.Errorf("dramatis %s on a library it may not write: exit %d, stdout %q, stderr %q",
				strings.Join(c.args, " "), code, stdout, stderr)
		}
	}
	if fi, err := os.Stat(filepath.Join(out, "copy.db")); err != nil || fi.Size() == 0 {
		t.Errorf("backup wrote no copy: %v", err)
	}
	notes, _ := filepath.Glob(filepath.Join(out, "notes", "*.md"))
	if len(notes) != 1 {
		t.Errorf("export --out wrote %d notes, want 1", len(notes))
	}
	code, stdout, stderr := run("annotate", id, "--quote", "Seoul")
	oneLineErr(t, "annotate", code, stdout, stderr, 1, "cannot write the library", "reading commands still work")
	entries, _ := os.ReadDir(filepath.Dir(lib))
	if len(entries) != 1 {
		t.Errorf("files were made beside the library: %v", entries)
	}
	if fileHash(t, lib) != before {
		t.Error("the library was written")
	}
}
