package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dramatis-app/dramatis/storage"
)

// runBackup writes a consistent copy of the library file to FILE (safe
// while the library is in use by this process; written aside and renamed).
// With --auto it makes the daily backup into the backups folder if one is
// due: what a command starts in the background after it has changed the
// library, and what a scheduler (cron) may run. --auto --compact also
// compacts the library when no backup is due (what the window starts when
// it closes a library with many free pages).
func runBackup(e *Env, args []string) error {
	fs := newFlagSet(e, "backup")
	auto := fs.Bool("auto", false, "make the daily backup in the backups folder next to the library, if the library changed since the last one")
	compact := fs.Bool("compact", false, "with --auto: also compact the library file when many of its pages are free, without a backup due (nobody may have it open)")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *auto {
		if len(pos) != 0 {
			return usagef("--auto writes into the backups folder and takes no FILE")
		}
		return runAutoBackup(e, *libFlag, *compact)
	}
	if *compact {
		return usagef("--compact goes with --auto")
	}
	if len(pos) != 1 {
		return usagef("want one FILE to write the backup to, got %d", len(pos))
	}
	if err := checkBackupTarget(pos[0]); err != nil {
		return err
	}
	lib, err := openLibraryToRead(e, *libFlag)
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

// runAutoBackup is 'dramatis backup --auto [--compact]': work nobody
// waits for, started behind the reader's back (by a command, by the
// window as it closes, by a scheduler), so it first lowers its own
// priority (Env.LowerPriority; where that fails it runs as it was
// started, slower for others but no less right). A library that is not
// there is nothing to do, not a failure: said in one line, exit status 0
// (a detached run may find the library moved away since it was started;
// a manual 'backup FILE' still fails, as every reading command does).
func runAutoBackup(e *Env, lf libraryFlags, compact bool) error {
	if e.LowerPriority != nil {
		_ = e.LowerPriority()
	}
	run := runDailyBackup
	if compact {
		run = runIdleCompaction
	}
	err := run(e, lf)
	if errors.Is(err, storage.ErrNoLibrary) {
		fmt.Fprintf(e.Stderr, "dramatis backup: %s, so there is nothing to back up or compact\n", oneLine(err.Error()))
		return nil
	}
	return err
}

// runDailyBackup is 'dramatis backup --auto'.
func runDailyBackup(e *Env, lf libraryFlags) error {
	p, err := libraryPath(e, lf)
	if err != nil {
		return err
	}
	made, err := storage.MakeDailyBackup(p)
	if made {
		// Said also when the compaction after it failed (err).
		latest, _ := storage.LatestBackup(p)
		fmt.Fprintf(e.Stderr, "dramatis backup: daily backup written to %s\n", latest)
	}
	if err != nil {
		return err
	}
	if !made {
		fmt.Fprintf(e.Stderr, "dramatis backup: no daily backup needed (one was made today, or the library has not changed since the last)\n")
	}
	return nil
}

// checkBackupTarget refuses a folder as FILE (the copy would fail late with
// a rename error naming a temporary file) and a FILE in a folder that does
// not exist (a mistyped path would otherwise create folders silently).
func checkBackupTarget(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a folder; give the copy a file name, e.g. %s", path, filepath.Join(path, "library-copy.db"))
	}
	if err := refuseOverwrite(path); err != nil {
		return err
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
