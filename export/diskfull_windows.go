package export

import (
	"errors"
	"syscall"
)

// Windows's own codes for a full disk (ERROR_HANDLE_DISK_FULL, 39, and
// ERROR_DISK_FULL, 112): it does not report ENOSPC.
const (
	errorHandleDiskFull syscall.Errno = 39
	errorDiskFull       syscall.Errno = 112
)

// platformDiskFull reports Windows's full-disk errors.
func platformDiskFull(err error) bool {
	return errors.Is(err, errorHandleDiskFull) || errors.Is(err, errorDiskFull)
}
