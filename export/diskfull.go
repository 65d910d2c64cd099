package export

import (
	"errors"
	"fmt"
	"syscall"

	"github.com/dramatis-app/dramatis/internal/plural"
)

// isDiskFull reports whether err says the disk (or the reader's quota, or
// the largest file allowed) has no room for what was written: no further
// note can be written either, so an export stops there instead of
// failing the same way for every note.
func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EFBIG) || platformDiskFull(err)
}

// errStopDiskFull is the cause an export's context is cancelled with when
// the disk is full.
var errStopDiskFull = errors.New("the disk is full")

// DiskFullError is a notes export that stopped at a full disk: the notes
// written before stay (each whole), the others are as they were, and no
// temporary file is left.
type DiskFullError struct {
	// Dir is the notes folder.
	Dir string
	// Written is how many notes were written before, of Total the export
	// covers.
	Written, Total int
	// Err is the system's error (ENOSPC, EDQUOT or EFBIG), without the
	// names of the temporary files it was met writing.
	Err error
}

func (e *DiskFullError) Error() string {
	done := "nothing was changed"
	if e.Written > 0 {
		done = "the others were left as they were"
	}
	return fmt.Sprintf("the disk holding %s is full: %d of %s written, %s; free space and export again",
		e.Dir, e.Written, plural.Of(e.Total, "note"), done)
}

func (e *DiskFullError) Unwrap() error { return e.Err }

// rootErr is the system's error inside err (a syscall.Errno), without the
// operation and path around it.
func rootErr(err error) error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno
	}
	return err
}
