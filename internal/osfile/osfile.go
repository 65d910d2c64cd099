// Package osfile holds the file rules that differ between systems and that
// the library and the exports share: telling "another program holds this
// file" from other errors, and replacing a file another program may have
// open. Windows is where they differ: its file locks are mandatory and not
// re-entrant, and a file that is open cannot be renamed over. The rules
// take the system's name as an argument, so that every system's are tested
// on any of them.
package osfile

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"syscall"
	"time"
)

// Error numbers of Windows (winerror.h) that mean "another process has
// it", as syscall.Errno values. Kept here as numbers because
// golang.org/x/sys/windows builds only on Windows.
const (
	winAccessDenied     = syscall.Errno(5)  // ERROR_ACCESS_DENIED: renaming over a file that is open
	winSharingViolation = syscall.Errno(32) // ERROR_SHARING_VIOLATION: opened without sharing
	winLockViolation    = syscall.Errno(33) // ERROR_LOCK_VIOLATION: LockFileEx on a locked range
)

// Error numbers of Linux and the BSDs for a lock that is taken (flock with
// LOCK_NB): EWOULDBLOCK, which is EAGAIN on all of them.
const unixWouldBlock = syscall.Errno(0xb) // EAGAIN on Linux

// Locked reports whether err, from taking a lock on goos (flock,
// LockFileEx), means another process holds it, so that waiting may help.
func Locked(goos string, err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	switch goos {
	case "windows":
		return errno == winLockViolation
	case "linux", "android":
		return errno == unixWouldBlock
	default: // darwin and the BSDs: EWOULDBLOCK is 35
		return errno == syscall.Errno(35)
	}
}

// Busy reports whether err, from opening, renaming or removing a file on
// goos, means another program has the file open: only Windows refuses
// those for an open file (a virus scanner or the search indexer holds
// new files for a moment, an editor may hold a note).
func Busy(goos string, err error) bool {
	var errno syscall.Errno
	if goos != "windows" || !errors.As(err, &errno) {
		return false
	}
	return errno == winAccessDenied || errno == winSharingViolation || errno == winLockViolation
}

// InUseError says that a file could not be replaced because another
// program has it open.
type InUseError struct {
	Path string
	Err  error
}

func (e *InUseError) Error() string {
	return fmt.Sprintf("cannot replace %s: another program has it open (or it is read-only); close it there and try again", e.Path)
}

func (e *InUseError) Unwrap() error { return e.Err }

// Replace retries: a scanner or indexer lets go of a new file within
// a second; an editor that holds it longer gets InUseError.
const (
	replaceTries = 10
	replacePause = 100 * time.Millisecond
)

// Rename renames from to to, replacing to, like os.Rename. Where to (or
// from) is held by another program it tries again for about a second, then
// returns an *InUseError naming to.
func Rename(from, to string) error {
	return rename(runtime.GOOS, os.Rename, time.Sleep, from, to)
}

func rename(goos string, osRename func(string, string) error, sleep func(time.Duration), from, to string) error {
	var err error
	for try := 0; try < replaceTries; try++ {
		if err = osRename(from, to); err == nil || !Busy(goos, err) {
			return err
		}
		sleep(replacePause)
	}
	return &InUseError{Path: to, Err: err}
}
