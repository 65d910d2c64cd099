package cli

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/dramatis-app/dramatis/backup"
)

// importHeapLimit is the Go heap an import-backup aims to stay under
// (debug.SetMemoryLimit, a soft limit: the collector runs sooner as the
// heap nears it, never failing an allocation). An import's live heap is
// its batch (the articles of one transaction, the index postings they
// add, the backup's JSON being decoded): about 90 MB at its peak at
// 50,000 articles, while the collector's default headroom let the heap
// grow to 200 MB, the most of the process's 293 MiB peak RSS.
const importHeapLimit = 160 << 20

// runImportBackup merges a JSON backup (export --format backup) into the
// library by id, without duplicates (see backup.Checked.Import), leaving
// out what the reader deleted after the backup was made unless
// --include-deleted asks for it: a deletion is the reader's work too. The whole
// file is checked before the library is opened; a backup of any size is
// read and written without being held in memory.
func runImportBackup(e *Env, args []string) error {
	fs := newFlagSet(e, "import-backup")
	libFlag := addLibraryFlag(fs)
	includeDeleted := fs.Bool("include-deleted", false, "also bring back what was deleted after the backup was made")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("give exactly one backup FILE (or - for stdin)")
	}
	f, cleanup, err := openBackupFile(e, files[0])
	if err != nil {
		return err
	}
	defer cleanup()
	debug.SetMemoryLimit(importHeapLimit)
	checked, err := backup.Check(f)
	if err != nil {
		return fmt.Errorf("%s: %w", files[0], err)
	}
	lib, err := openLibrary(e, *libFlag)
	if err != nil {
		return err
	}
	defer lib.Close()
	plan, err := checked.ImportWith(lib, backup.MergeOptions{IncludeDeleted: *includeDeleted})
	if err != nil {
		return fmt.Errorf("importing %s: %w", files[0], err)
	}
	fmt.Fprintf(e.Stdout, "imported %s: %s\n", files[0], plan.Summary())
	return nil
}

// openBackupFile opens a backup file, or copies stdin ("-") to a
// temporary file: an import reads the backup twice. cleanup closes (and
// removes) it.
func openBackupFile(e *Env, name string) (*os.File, func(), error) {
	if name != "-" {
		// A pipe or device would block the open or the second reading.
		if fi, err := os.Stat(name); err == nil && !fi.Mode().IsRegular() {
			return nil, nil, fmt.Errorf("%s is not a backup file (a folder, pipe or device)", name)
		}
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, fmt.Errorf("opening the backup: %w", err)
		}
		return f, func() { f.Close() }, nil
	}
	f, err := os.CreateTemp("", "dramatis-import-*.json")
	if err != nil {
		return nil, nil, fmt.Errorf("keeping the backup from stdin: %w", err)
	}
	cleanup := func() { f.Close(); os.Remove(f.Name()) }
	if _, err := io.Copy(f, e.Stdin); err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("reading the backup from stdin: %w", err)
	}
	return f, cleanup, nil
}
