//go:build unix

package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/unprivileged"
	"github.com/dramatis-app/dramatis/storage"
)

// readOnlyWindowChild names the library the child of
// TestUnwritableLibraryOpensReadOnlyInTheWindow opens.
const readOnlyWindowChild = "DRAMATIS_APP_READONLY_CHILD"

// The window opens a library its reader may not write (a read-only file in
// a read-only folder) for reading, and says so in the bar, instead of
// refusing it; changes are refused. The window runs in a process of its
// own, as a user for whom the file modes hold.
func TestUnwritableLibraryOpensReadOnlyInTheWindow(t *testing.T) {
	if p := os.Getenv(readOnlyWindowChild); p != "" {
		readOnlyWindow(t, p)
		return
	}
	src := filepath.Join(t.TempDir(), "library.db")
	lib, err := storage.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := importDemo(lib); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	dir := unprivileged.Dir(t)
	p := unprivileged.ReadOnlyCopy(t, dir, src)
	home := unprivileged.Writable(t, dir, "home")
	cmd := unprivileged.Command(t, dir, "-test.run=^TestUnwritableLibraryOpensReadOnlyInTheWindow$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), readOnlyWindowChild+"="+p, "HOME="+home, "XDG_CONFIG_HOME="+home, "LANG=C.UTF-8")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS") {
		t.Fatalf("the window on a library it may not write: %v\n%s", err, out)
	}
	if entries, _ := os.ReadDir(filepath.Dir(p)); len(entries) != 1 {
		t.Errorf("files were made beside the library: %v", entries)
	}
}

// readOnlyWindow is the child's part: the library opened as the window
// opens it, the bar, a refused change.
func readOnlyWindow(t *testing.T, path string) {
	fa := test.NewTempApp(t)
	notices := &libraryNotices{}
	lib, err := notices.open(path)
	if err != nil {
		t.Fatalf("the window did not open a library it may read: %v", err)
	}
	defer lib.Close()
	a := newApp(fa, lib, Options{NoDemo: true}, true, nil)
	defer a.win.Close()
	notices.attach(a.notices, lib)
	if txt := renderedText(a.notices.box); !strings.Contains(txt, "This library is read-only") {
		t.Errorf("read-only notice: %q", txt)
	}
	if arts, err := lib.Articles(); err != nil || len(arts) == 0 {
		t.Errorf("reading it: %d articles, %v", len(arts), err)
	}
	if _, err := lib.AddActor(annotation.Actor{Name: "China"}); !errors.Is(err, storage.ErrReadOnly) {
		t.Errorf("a change: %v, want ErrReadOnly", err)
	}
}
