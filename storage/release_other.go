//go:build !linux

package storage

import bolt "go.etcd.io/bbolt"

// ReleaseReadPages does nothing where the system keeps no account of a
// memory map's pages that matters (see the Linux version).
func (l *Library) ReleaseReadPages() {}

// releaseTxPages does nothing, as ReleaseReadPages.
func releaseTxPages(*bolt.Tx) {}
