package cli

import "fmt"

// runBackup writes a consistent copy of the library file to FILE (safe
// while the library is in use by this process; written aside and renamed).
func runBackup(e *Env, args []string) error {
	fs := newFlagSet(e, "backup", "FILE")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one FILE to write the backup to, got %d", len(pos))
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
