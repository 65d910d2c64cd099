//go:build !linux

package storage

// ReleaseReadPages does nothing where the system keeps no account of a
// memory map's pages that matters (see the Linux version).
func (l *Library) ReleaseReadPages() {}
