package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// runBackup writes a consistent copy of the library file to FILE (safe
// while the library is in use by this process; written aside and renamed).
func runBackup(e *Env, args []string) error {
	fs := newFlagSet(e, "backup")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one FILE to write the backup to, got %d", len(pos))
	}
	if err := checkBackupTarget(pos[0]); err != nil {
		return err
	}
	lib, err := openLibrary(e, *libFlag)
	if err != nil {
		return err
	}
	defer lib.Close()
	if err := lib.Backup(pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "dramatis backup: library copied to %s\n", pos[0])
	return nil
}

// checkBackupTarget refuses a folder as FILE (the copy would fail late with
// a rename error naming a temporary file) and a FILE in a folder that does
// not exist (a mistyped path would otherwise create folders silently).
func checkBackupTarget(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a folder; give the copy a file name, e.g. %s", path, filepath.Join(path, "library-copy.db"))
	}
	return checkParentFolder(path)
}

// checkParentFolder says, in one line, why a file cannot be written at path
// because of its folder (missing, or not a folder), before any temporary
// file with an odd name could show up in the error instead.
func checkParentFolder(path string) error {
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("the folder %s does not exist; create it first or choose another place for %s", dir, filepath.Base(path))
	case err != nil:
		return fmt.Errorf("cannot write %s: %w", path, err)
	case !fi.IsDir():
		return fmt.Errorf("%s is not a folder, so %s cannot be written there", dir, filepath.Base(path))
	}
	return nil
}
