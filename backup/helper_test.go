package backup

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/dramatis-app/dramatis/export"
)

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
