package storage

import (
	"os"
	"syscall"
)

// fileIdentity: see stat_linux.go.
func fileIdentity(fi os.FileInfo) (ino, dev uint64, ctimeNs int64) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return st.Ino, uint64(st.Dev), st.Ctimespec.Nano()
	}
	return 0, 0, 0
}

// freeSpace: see stat_linux.go.
func freeSpace(dir string) (uint64, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return uint64(st.Bavail) * uint64(st.Bsize), true
}
