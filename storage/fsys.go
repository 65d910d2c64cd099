package storage

import (
	"io"
	"os"
	"path/filepath"

	"github.com/dramatis-app/dramatis/internal/osfile"
)

// fileSystem is every file operation the library makes outside bbolt:
// backups, restores, the state file, the cleaning of stale temporaries.
// The library uses osFS; the fault-injection tests put in one that fails
// writes, syncs and renames with ENOSPC or EIO at every step in turn.
type fileSystem interface {
	// OpenFile opens an existing file (the library) for writing.
	OpenFile(path string, flag int, perm os.FileMode) (*os.File, error)
	// CreateTemp creates a new temporary file (os.CreateTemp), locked
	// while it is open so that a cleaner can tell it from a stale one.
	CreateTemp(dir, pattern string) (tempFile, error)
	// ReopenTemp opens a temporary file this process made again, for
	// writing and locked like a new one (the compacted copy, after
	// bbolt let go of it).
	ReopenTemp(path string) (tempFile, error)
	Rename(from, to string) error
	Link(from, to string) error
	Remove(path string) error
	MkdirAll(path string, perm os.FileMode) error
	// SyncDir makes a folder's entries (a rename, a new file) durable.
	SyncDir(dir string) error
}

// tempFile is a file being written.
type tempFile interface {
	io.Writer
	io.WriterAt // the compacted copy's meta pages
	io.ReaderAt
	Sync() error
	Close() error
	Name() string
	Chmod(os.FileMode) error
}

// osFS is the real file system.
type osFS struct{}

func (osFS) CreateTemp(dir, pattern string) (tempFile, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	tryLock(f)
	return f, nil
}

func (osFS) ReopenTemp(path string) (tempFile, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	tryLock(f)
	return f, nil
}

func (osFS) OpenFile(path string, flag int, perm os.FileMode) (*os.File, error) {
	return os.OpenFile(path, flag, perm)
}

func (osFS) Rename(from, to string) error                 { return osfile.Rename(from, to) }
func (osFS) Link(from, to string) error                   { return os.Link(from, to) }
func (osFS) Remove(path string) error                     { return os.Remove(path) }
func (osFS) MkdirAll(path string, perm os.FileMode) error { return os.MkdirAll(path, perm) }

func (osFS) SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !isUnsupported(err) {
		return err
	}
	return nil
}

// writeAtomically writes path through a temporary sibling: written, synced,
// renamed over path, the folder synced. path never holds half a file, and
// once it returns nil the new file survives a crash. The temporary file is
// removed on any error.
func writeAtomically(fs fileSystem, path string, perm os.FileMode, write func(io.Writer) error) error {
	return writeChecked(fs, path, perm, write, nil)
}

// writeChecked is writeAtomically with a check of the written, synced
// temporary file (check, when not nil) before it takes path's name: a file
// that fails the check is removed and never seen under path. A daily
// backup is offered for restoring as soon as it has its name, so it must
// not have it before it is known to read back.
func writeChecked(fs fileSystem, path string, perm os.FileMode, write func(io.Writer) error, check func(tmp string) error) error {
	dir := filepath.Dir(path)
	f, err := fs.CreateTemp(dir, tempPattern(path))
	if err != nil {
		return err
	}
	tmp := f.Name()
	done := false
	defer func() {
		if !done {
			f.Close()
			fs.Remove(tmp)
		}
	}()
	if err := write(f); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Chmod(perm); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if check != nil {
		if err := check(tmp); err != nil {
			return err
		}
	}
	if err := fs.Rename(tmp, path); err != nil {
		return err
	}
	done = true
	return fs.SyncDir(dir)
}

// tempPattern names the temporary files written next to path:
// ".NAME.tmp…", which removeStaleTemps knows as Dramatis's own.
func tempPattern(path string) string {
	return "." + filepath.Base(path) + ".tmp*"
}
