package export

import (
	"os"

	"github.com/dramatis-app/dramatis/internal/osfile"
)

// fileSystem is what writing an export needs of the file system. osFS is
// the operating system's; tests put faults into their own (a full disk, an
// I/O error at any write, sync or rename) and check that every note stays
// whole.
type fileSystem interface {
	// CreateTemp creates a new temporary file in dir (os.CreateTemp).
	CreateTemp(dir, pattern string) (tempFile, error)
	Rename(from, to string) error
	Remove(name string) error
	// SyncFiles makes the data of the closed files named durable, in one
	// step where the system allows (syncfs on Linux).
	SyncFiles(dir string, names []string) error
	// SyncDir makes the names in dir durable (after renames).
	SyncDir(dir string) error
}

// tempFile is an open temporary file.
type tempFile interface {
	Name() string
	Write(p []byte) (int, error)
	Chmod(mode os.FileMode) error
	Sync() error
	Close() error
}

// osFS is the operating system's file system.
type osFS struct{}

func (osFS) CreateTemp(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }
func (osFS) Rename(from, to string) error                     { return osfile.Rename(from, to) }
func (osFS) Remove(name string) error                         { return os.Remove(name) }
func (osFS) SyncFiles(dir string, names []string) error       { return syncFiles(dir, names) }

func (osFS) SyncDir(dir string) error { return syncDir(dir) }

// fsyncEach syncs the named files one by one, where no one-step sync of a
// whole file system exists.
func fsyncEach(names []string) error {
	for _, n := range names {
		f, err := os.OpenFile(n, os.O_RDWR, 0)
		if err != nil {
			return err
		}
		err = f.Sync()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}
