package cli

import (
	"fmt"

	"github.com/dramatis-app/dramatis/storage"
)

// runIdleCompaction is 'dramatis backup --auto --compact': the daily backup
// when it is due, and the library compacted when that pays, from the
// backup or, with none due, from the library itself (storage.CompactIdle).
// Its problems are noted beside the library for the next Open to tell, as
// the daily backup's are: nobody reads this process's output.
func runIdleCompaction(e *Env, lf libraryFlags) error {
	p, err := libraryPath(e, lf)
	if err != nil {
		return err
	}
	compacted, err := storage.CompactIdle(p)
	if err != nil {
		return err
	}
	if compacted {
		fmt.Fprintf(e.Stderr, "dramatis backup: the library was compacted\n")
	} else {
		fmt.Fprintf(e.Stderr, "dramatis backup: the library was not compacted (not worth it, in use, or changed meanwhile)\n")
	}
	return nil
}

// StartCompaction starts 'dramatis backup --auto --compact' for the library
// at libraryPath in a process of its own, which this one does not wait for:
// the window's storage.Options.StartCompaction. An error means it could
// not be started; the next Close that finds the library worth compacting
// tries again.
func StartCompaction(libraryPath string) error {
	return startDetached(compactionArgs(libraryPath)...)
}

// compactionArgs is the command line StartCompaction runs.
func compactionArgs(libraryPath string) []string {
	return []string{"backup", "--auto", "--compact", "--library", libraryPath}
}
