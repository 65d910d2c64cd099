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
		releaseTxPages(tx)
		return nil
	})
}

// releaseTxPages is ReleaseReadPages inside a transaction tx, read or
// write (a write transaction remaps only as it allocates pages, which it
// does when it commits). What tx holds of the file stays valid: a
// released page that is read again is mapped again from the page cache,
// with the same bytes, since bbolt never writes a page of the tree a
// transaction reads while it is open.
func releaseTxPages(tx *bolt.Tx) {
	size := int(tx.Size()) &^ (unix.Getpagesize() - 1)
	if size <= 0 {
		return
	}
	_, _, _ = unix.Syscall(unix.SYS_MADVISE, tx.DB().Info().Data, uintptr(size), unix.MADV_DONTNEED)
}
