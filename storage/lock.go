package storage

import (
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
