//go:build unix

package storage

import (
	"os"
	"syscall"
	"time"
)

// lockFile takes bbolt's lock on f (flock: shared for readers, exclusive
// for the writer) before Open reads anything, waiting up to wait. bbolt
// takes the same lock on the same file when it opens it, which then
// succeeds at once; holding it from the start means no writer can change
// the file between the checks and the open.
func lockFile(f *os.File, exclusive bool, wait time.Duration) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	return retryLock(func() error { return syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB) }, wait)
}

// handOver readies f for bbolt's own lock: nothing to do, flock is
// re-entrant on one open file.
func handOver(f *os.File) {}

// tryLock takes an exclusive lock on f if nobody holds one, without
// waiting: a temporary file whose writer is alive stays locked.
func tryLock(f *os.File) bool {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}

// tempLocks says whether the library's temporary files are locked while
// written, so that an unlocked one is known to be left behind.
const tempLocks = true

// canReplaceOpenFile says whether a file may be renamed over while it is
// open (here by the restore holding the library's lock).
const canReplaceOpenFile = true
