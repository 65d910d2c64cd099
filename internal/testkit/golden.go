package testkit

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// update is -update, which every test binary that imports testkit has:
// Golden then rewrites the golden files instead of comparing. It is a
// flag, set once when the test binary starts, like the standard library's
// own -update flags.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// Golden compares got with the golden file testdata/name (of the package
// under test), or rewrites it with -update.
func Golden(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}
