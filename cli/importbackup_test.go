package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/storage"
)

// TestImportBackupLeavesOutWhatWasDeletedSince: a highlight deleted after
// the backup stays deleted and the summary line says so and how to bring
// it back; --include-deleted brings it back and says that.
func TestImportBackupLeavesOutWhatWasDeletedSince(t *testing.T) {
	path, _ := seedLibrary(t)
	code, b, errs := exportCLI(t, path, "", "export", "--format", "backup")
	if code != 0 {
		t.Fatal(errs)
	}
	file := filepath.Join(t.TempDir(), "backup.json")
	if err := os.WriteFile(file, []byte(b), 0o644); err != nil {
		t.Fatal(err)
	}
	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	arts, _ := lib.Articles()
	var gone string
	for _, a := range arts {
		if hs, _ := lib.Highlights(a.ID); len(hs) > 0 && gone == "" {
			gone = hs[0].ID
		}
	}
	err = lib.DeleteHighlight(gone)
	lib.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		says string
		kept bool
	}{
		{[]string{"import-backup", file}, "; left out as deleted since the backup: 1 highlight (--include-deleted brings them back)", false},
		{[]string{"import-backup", "--include-deleted", file}, "; brought back as asked, though deleted since the backup: 1 highlight", true},
		{[]string{"import-backup", file}, "; nothing deleted since the backup", true},
	} {
		code, out, errs := exportCLI(t, path, "", tc.args...)
		if code != 0 || !strings.HasSuffix(strings.TrimSpace(out), tc.says) || strings.Count(out, "\n") != 1 {
			t.Fatalf("%v: exit %d, %q %s; want one line ending %q", tc.args, code, out, errs, tc.says)
		}
		lib, err := storage.OpenWith(path, storage.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		_, err = lib.Highlight(gone)
		lib.Close()
		if (err == nil) != tc.kept {
			t.Fatalf("%v: the deleted highlight there %v, want %v", tc.args, err == nil, tc.kept)
		}
	}
}
