//go:build !linux && !darwin

package storage

import "os"

// fileIdentity: size and modification time alone tell versions apart here.
func fileIdentity(fi os.FileInfo) (ino, dev uint64, ctimeNs int64) { return 0, 0, 0 }

// freeSpace is unknown here: the daily backup finds a full disk by trying.
func freeSpace(dir string) (uint64, bool) { return 0, false }
