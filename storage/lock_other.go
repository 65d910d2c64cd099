//go:build !unix && !windows

package storage

import (
	"os"
	"time"
)

// lockFile does nothing where the system has no lock bbolt shares (Plan 9,
// WebAssembly): bbolt opens such files unlocked too.
func lockFile(f *os.File, exclusive bool, wait time.Duration) error { return nil }

// handOver has no lock to hand over.
func handOver(f *os.File) {}

// tryLock reports true: without locks, temporary files are judged by age.
func tryLock(f *os.File) bool { return true }

// tempLocks says whether the library's temporary files are locked while
// written, so that an unlocked one is known to be left behind.
const tempLocks = false

// canReplaceOpenFile: assume not, as on Windows.
const canReplaceOpenFile = false
