package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
)

// AtomicFile is a file written aside and put in place whole: writes go to
// a temporary file beside the target, and Commit syncs it and renames it
// over the target. Until Commit returns, the target holds what it held
// before; a killed process leaves only a temporary file, which
// RemoveStaleTemps clears later. A large export (a backup) is streamed
// through it without being held in memory.
type AtomicFile struct {
	fs   fileSystem
	f    tempFile
	path string
	err  error
	done bool
}

// CreateAtomic starts writing path. A replaced file keeps its
// permissions; a new one gets 0644.
func CreateAtomic(path string) (*AtomicFile, error) {
	return createAtomic(osFS{}, path)
}

func createAtomic(fs fileSystem, path string) (*AtomicFile, error) {
	f, err := fs.CreateTemp(filepath.Dir(path), tempPattern())
	if err != nil {
		return nil, err
	}
	a := &AtomicFile{fs: fs, f: f, path: path}
	// A temporary file is private; an export is as readable as the file
	// it replaces, or as any new file.
	mode := newFileMode
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	if err := f.Chmod(mode); err != nil {
		a.Abort()
		return nil, err
	}
	return a, nil
}

// Write writes to the temporary file. After an error every later write
// and the Commit fail with it.
func (a *AtomicFile) Write(p []byte) (int, error) {
	if a.err != nil {
		return 0, a.err
	}
	n, err := a.f.Write(p)
	a.err = err
	return n, err
}

// Commit syncs the temporary file, renames it over the target and syncs
// the folder. On any error the temporary file is removed and the target
// is as it was.
func (a *AtomicFile) Commit() error {
	if a.done {
		return errors.New("the file was already committed or abandoned")
	}
	err := a.err
	if err == nil {
		err = a.f.Sync()
	}
	if cerr := a.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = a.fs.Rename(a.f.Name(), a.path)
	}
	a.done = true
	if err != nil {
		a.fs.Remove(a.f.Name())
		return err
	}
	return a.fs.SyncDir(filepath.Dir(a.path))
}

// Abort abandons the file: the temporary file is removed and the target
// left as it was. It does nothing after Commit.
func (a *AtomicFile) Abort() {
	if a.done {
		return
	}
	a.done = true
	a.f.Close()
	a.fs.Remove(a.f.Name())
}

// WriteFile writes data to path through an AtomicFile, so that a note or
// export is never left half-written.
func WriteFile(path string, data []byte) error {
	return writeFile(osFS{}, path, data)
}

func writeFile(fs fileSystem, path string, data []byte) error {
	a, err := createAtomic(fs, path)
	if err != nil {
		return err
	}
	if _, err := a.Write(data); err != nil {
		a.Abort()
		return err
	}
	return a.Commit()
}

// WriteWith writes path through an AtomicFile, streaming what write
// writes: a file already there stays whole if write or the commit fails.
func WriteWith(path string, write func(io.Writer) error) error {
	f, err := CreateAtomic(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}
