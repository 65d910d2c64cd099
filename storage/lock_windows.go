package storage

import (
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// bboltLockRange is the byte bbolt locks with LockFileEx: the last
// possible offset, which no read or write touches (Windows locks are
// mandatory, so locking the data would block the checks' reads).
func bboltLockRange() *windows.Overlapped {
	return &windows.Overlapped{Offset: ^uint32(0), OffsetHigh: ^uint32(0)}
}

// lockFile takes bbolt's lock on f before Open reads anything, shared for
// readers and exclusive for the writer, waiting up to wait: without it a
// second Dramatis would check a file the first is writing, and could take
// a half-written page for damage.
func lockFile(f *os.File, exclusive bool, wait time.Duration) error {
	flags := uint32(windows.LOCKFILE_FAIL_IMMEDIATELY)
	if exclusive {
		flags |= windows.LOCKFILE_EXCLUSIVE_LOCK
	}
	return retryLock(func() error {
		return windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, 1, 0, bboltLockRange())
	}, wait)
}

// handOver lets go of lockFile's lock just before bbolt takes it on the
// same handle: Windows locks are not re-entrant, even on one handle, and
// bbolt would wait for itself. Another process taking the lock in between
// makes bbolt's open fail with ErrInUse, as it should.
func handOver(f *os.File) {
	windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, bboltLockRange())
}

// tryLock reports true: temporary files are judged by age here (a second
// lock kind on them would need its own range).
func tryLock(f *os.File) bool { return true }

// tempLocks says whether the library's temporary files are locked while
// written, so that an unlocked one is known to be left behind.
const tempLocks = false

// canReplaceOpenFile is false: Windows refuses to rename over a file that
// is open, even by the process renaming.
const canReplaceOpenFile = false
