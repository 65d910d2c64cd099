//go:build unix

package storage

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// lockPoll is how often a waiting Open tries the lock again.
const lockPoll = 25 * time.Millisecond

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
	deadline := time.Now().Add(wait)
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return err
		}
		if time.Now().After(deadline) {
			return ErrInUse
		}
		time.Sleep(lockPoll)
	}
}

// tryLock takes an exclusive lock on f if nobody holds one, without
// waiting: a temporary file whose writer is alive stays locked.
func tryLock(f *os.File) bool {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}

// tempLocks says whether the library's temporary files are locked while
// written, so that an unlocked one is known to be left behind.
const tempLocks = true
