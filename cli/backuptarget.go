package cli

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/dramatis-app/dramatis/storage"
)

// bboltMagic is the number a bbolt file (a library, or a copy of one) has
// at bboltMagicOffset, in its first meta page, after the page header.
const (
	bboltMagic       = 0xED0CDAED
	bboltMagicOffset = 16
)

// refuseOverwrite says why 'dramatis backup FILE' must not replace an
// existing FILE, or nil when it may: when nothing is there, when an empty
// file is, or when an earlier copy of a library is (repeating 'dramatis
// backup copy.db' is the point of the command, and that file holds
// nothing a copy made now does not). It refuses any other file (someone's
// thesis: the copy replaced it whole), a symbolic link (the copy would
// replace the link, not write where it points) and a library Dramatis has
// used as one (its state file is beside it), which may be another library
// with work of its own.
func refuseOverwrite(path string) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("cannot check %s before writing over it: %w", path, err)
	case fi.Mode()&os.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link; give the path of a new file or of an earlier copy", path)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file (a device, pipe or socket); give the path of a new file", path)
	case fi.Size() == 0:
		return nil
	}
	lib, err := isBboltFile(path)
	switch {
	case err != nil:
		return fmt.Errorf("cannot check %s before writing over it: %w", path, err)
	case !lib:
		return fmt.Errorf("%s exists and is not a copy of a Dramatis library; move it away or choose another name", path)
	case storage.UsedAsLibrary(path):
		return fmt.Errorf("%s is a Dramatis library in use, not a copy; choose another name for the backup", path)
	}
	return nil
}

// isBboltFile reports whether the file at path begins as a bbolt file.
func isBboltFile(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, bboltMagicOffset+4)
	if _, err := io.ReadFull(f, head); err != nil {
		return false, nil // shorter than a page header: not a library
	}
	return binary.LittleEndian.Uint32(head[bboltMagicOffset:]) == bboltMagic, nil
}
