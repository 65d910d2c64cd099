package storage

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/dramatis-app/dramatis/internal/osfile"
)

// lockPoll is how often a waiting Open tries the lock again.
const lockPoll = 25 * time.Millisecond

// retryLock calls try, the system's non-blocking lock call, until it
// succeeds, fails for another reason than another process holding the
// lock (osfile.Locked), or wait has passed: then ErrInUse.
func retryLock(try func() error, wait time.Duration) error {
	return retryLockOn(runtime.GOOS, try, wait, time.Now, time.Sleep)
}

func retryLockOn(goos string, try func() error, wait time.Duration, now func() time.Time, sleep func(time.Duration)) error {
	deadline := now().Add(wait)
	for {
		err := try()
		if err == nil || !osfile.Locked(goos, err) {
			return err
		}
		if now().After(deadline) {
			return ErrInUse
		}
		sleep(lockPoll)
	}
}

// CheckFree waits up to wait (lockTimeout when 0) for the library at path
// to be free for writing, as OpenWith would, and lets go of it at once:
// nil when nobody holds it (or there is no library yet), ErrInUse with
// OpenWith's message when another process does. A command that works a
// long time before it opens the library (an import cleaning hundreds of
// pages) asks first, so that it does not do the work for nothing.
func CheckFree(path string, wait time.Duration) error {
	if wait <= 0 {
		wait = lockTimeout
	}
	p, err := ExpandPath(path)
	if err != nil {
		return err
	}
	real, err := resolveLibraryPath(p)
	if err != nil {
		return err
	}
	f, err := os.Open(real)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return nil // OpenWith says what is wrong with the file
	}
	defer f.Close()
	if err := lockFile(f, true, wait); err != nil {
		if errors.Is(err, ErrInUse) {
			return (&Library{path: p}).inUse(wait)
		}
		return fmt.Errorf("cannot lock the library %s: %w", p, err)
	}
	return nil
}
