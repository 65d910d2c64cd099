package storage

import (
	"os"
	"syscall"
)

// fileIdentity returns what tells one file (and one version of it) from
// another besides size and modification time: inode, device and the
// change time, which no tool can set back.
func fileIdentity(fi os.FileInfo) (ino, dev uint64, ctimeNs int64) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return st.Ino, uint64(st.Dev), st.Ctim.Nano()
	}
	return 0, 0, 0
}

// freeSpace returns the bytes an unprivileged user may still write on the
// file system holding dir.
func freeSpace(dir string) (uint64, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return uint64(st.Bavail) * uint64(st.Bsize), true
}
