package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/dramatis-app/dramatis/backup"
	"github.com/dramatis-app/dramatis/internal/userpath"
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
	if err := refuseJSONExport(pos[0]); err != nil {
		return err
	}
	if err := storage.Restore(path, pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "dramatis restore: %s restored from %s (the previous library is kept in %s)\n", path, pos[0], storage.BackupDir(path))
	return nil
}

// jsonSniffBytes is how much of a file restore reads to tell a JSON export
// from a library copy: an export names its format in its first lines.
const jsonSniffBytes = 512

// refuseJSONExport says, instead of "damaged: no valid bbolt header", that
// a file given to restore is one of the JSON exports: a backup made by
// 'export --format backup' (which import-backup merges in) or the W3C
// annotations (which are not a library at all). Any other file is left to
// storage.Restore's check.
func refuseJSONExport(path string) error {
	p, err := storage.ExpandPath(path)
	if err != nil {
		return err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil // storage.Restore says why it cannot be read
	}
	defer f.Close()
	head, _ := io.ReadAll(io.LimitReader(f, jsonSniffBytes))
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\uFEFF")), " \t\r\n")
	if !bytes.HasPrefix(head, []byte("{")) {
		return nil
	}
	switch {
	case bytes.Contains(head, []byte(`"`+backup.Format+`"`)):
		return fmt.Errorf("%s is a JSON backup (made by 'export --format backup'), not a copy of the library file: "+
			"'dramatis import-backup %s' merges its articles into the library; restore takes a copy made by 'dramatis backup'", path, userpath.Quote(path))
	case bytes.Contains(head, []byte(`"AnnotationCollection"`)):
		return fmt.Errorf("%s is a W3C annotation export (made by 'export --format w3c'), not a copy of the library file, "+
			"and cannot be restored; restore takes a copy made by 'dramatis backup'", path)
	}
	return nil
}
