package storage

import (
	bolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"
)

// ReleaseReadPages tells the system that the pages of the library file
// read so far are not needed again soon, so that reading the whole
// library (an export) keeps the process's resident memory to what it
// works on, not the size of the file: bbolt reads through a memory map,
// and every page touched stays resident, and counted, until unmapped.
// The pages stay in the page cache and are mapped again when read;
// nothing is lost. It runs inside a read transaction, while bbolt cannot
// remap, over exactly the part of the map the file's data fills.
func (l *Library) ReleaseReadPages() {
	_ = l.db.View(func(tx *bolt.Tx) error {
		size := int(tx.Size()) &^ (unix.Getpagesize() - 1)
		if size <= 0 {
			return nil
		}
		if _, _, errno := unix.Syscall(unix.SYS_MADVISE, l.db.Info().Data, uintptr(size), unix.MADV_DONTNEED); errno != 0 {
			return errno
		}
		return nil
	})
}
