package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestAutoBackupWithoutALibrary: 'backup --auto' and 'backup --auto
// --compact' (started detached, or by a scheduler) on a path where there
// is no library say so in one line and end with status 0, as nothing is
// left to do, and write nothing beside it (no problem note for the next
// Open to tell, no backups folder). A folder where the library should be
// is a mistake (status 1), said as one, not as a damaged library; a
// manual 'backup FILE' fails as every reading command does.
func TestAutoBackupWithoutALibrary(t *testing.T) {
	for _, tc := range []struct {
		name   string
		folder bool // a folder stands at the library's path
		args   []string
		code   int
		want   []string
	}{
		{"daily", false, []string{"backup", "--auto"}, 0, []string{"there is no library at", "nothing to back up"}},
		{"compaction", false, []string{"backup", "--auto", "--compact"}, 0, []string{"there is no library at", "nothing to back up or compact"}},
		{"manual", false, []string{"backup", "COPY"}, 1, []string{"there is no library at"}},
		{"daily of a folder", true, []string{"backup", "--auto"}, 1, []string{"is a folder, not a file"}},
		{"compaction of a folder", true, []string{"backup", "--auto", "--compact"}, 1, []string{"is a folder, not a file"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := newLibEnv(t)
			if err := os.MkdirAll(filepath.Dir(l.path), 0o700); err != nil {
				t.Fatal(err)
			}
			var before []string
			if tc.folder {
				if err := os.Mkdir(l.path, 0o700); err != nil {
					t.Fatal(err)
				}
				before = []string{filepath.Base(l.path)}
			}
			args := slices.Clone(tc.args)
			if i := slices.Index(args, "COPY"); i >= 0 {
				args[i] = filepath.Join(l.dir, "copy.db")
			}
			code, out, errs := l.run("", args...)
			oneLineErr(t, strings.Join(args, " "), code, out, errs, tc.code, append([]string{l.path}, tc.want...)...)
			if strings.Contains(errs, "damaged") || strings.Contains(errs, "no such file") {
				t.Errorf("%q says more than that there is no library", errs)
			}
			if got := dirNames(t, filepath.Dir(l.path)); !slices.Equal(got, before) {
				t.Errorf("the library's folder holds %q afterwards, want %q", got, before)
			}
		})
	}
}

// dirNames lists the names in the folder dir, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
