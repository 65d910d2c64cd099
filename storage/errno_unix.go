//go:build unix

package storage

import (
	"errors"
	"strings"
	"syscall"
)

// isUnsupported reports errors of file systems that cannot do an operation
// at all (fsync on a folder, hard links), which the library then does
// without.
func isUnsupported(err error) bool {
	return errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOTSUP) ||
		errors.Is(err, syscall.EOPNOTSUPP) || errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.EXDEV)
}

// isNoSpace reports a full disk or quota.
func isNoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EFBIG)
}

// noSpaceCause returns the system's words for a full disk, quota or
// file-size limit when err is one, also where bbolt formatted the cause
// into its own text ("file resize error: truncate …: file too large",
// written with %s, so errors.Is cannot see it), else "".
func noSpaceCause(err error) string {
	if err == nil {
		return ""
	}
	for _, e := range [...]syscall.Errno{syscall.ENOSPC, syscall.EDQUOT, syscall.EFBIG} {
		if errors.Is(err, e) || strings.HasSuffix(err.Error(), ": "+e.Error()) {
			return e.Error()
		}
	}
	return ""
}

// isReadOnlyFS reports a write refused by the file system or permissions.
func isReadOnlyFS(err error) bool {
	return errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EPERM)
}
