package backup

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/dramatis-app/dramatis/export"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
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

// fixtureLibrary is the export package's test library (hostile text
// everywhere, an orphan, an actor with a Windows device name for a
// title), kept here in its backup form: testdata/backup.json.
func fixtureLibrary() *export.Library {
	data, err := os.ReadFile(filepath.Join("testdata", "backup.json"))
	if err != nil {
		panic(err)
	}
	lib, err := Read(bytes.NewReader(data))
	if err != nil {
		panic(err)
	}
	return lib
}
