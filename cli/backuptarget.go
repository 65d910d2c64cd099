package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/dramatis-app/dramatis/storage"
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
	lib, err := storage.HasBoltHeader(path)
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
