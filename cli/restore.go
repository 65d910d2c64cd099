package cli

import (
	"fmt"

	"github.com/dramatis-app/dramatis/storage"
)

// runRestore replaces the library with a copy made by 'dramatis backup' (or
// an automatic backup). The copy is checked first; the library must not be
// open elsewhere; the replaced library is kept in the backups folder.
func runRestore(e *Env, args []string) error {
	fs := newFlagSet(e, "restore")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one backup FILE, got %d", len(pos))
	}
	path, err := libraryPath(e, *libFlag)
	if err != nil {
		return err
	}
	if err := storage.Restore(path, pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "dramatis restore: %s restored from %s (the previous library is kept in %s)\n", path, pos[0], storage.BackupDir(path))
	return nil
}
