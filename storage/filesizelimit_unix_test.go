//go:build unix

package storage

import (
	"os/signal"
	"syscall"
)

// setFileSizeLimit caps the size of files this process writes
// (RLIMIT_FSIZE): a full disk without filling one.
func setFileSizeLimit(cur, max uint64) error {
	return syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: cur, Max: max})
}

// ignoreFileSizeSignal makes a write past the limit fail with EFBIG
// instead of killing the process with SIGXFSZ.
func ignoreFileSizeSignal() { signal.Ignore(syscall.SIGXFSZ) }
