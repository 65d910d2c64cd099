//go:build !unix

package storage

import (
	"os"
	"time"
)

// lockFile does nothing where bbolt's lock cannot be taken twice on one
// handle (Windows locks are not re-entrant): bbolt takes it when it opens
// the file, just after the checks.
func lockFile(f *os.File, exclusive bool, wait time.Duration) error { return nil }

// tryLock reports true: without locks, temporary files are judged by age.
func tryLock(f *os.File) bool { return true }

// tempLocks says whether the library's temporary files are locked while
// written, so that an unlocked one is known to be left behind.
const tempLocks = false
