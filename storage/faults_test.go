package storage

import (
	"fmt"
	"io"
	"os"
	"sync"
	"syscall"
)

// faultFS is a fileSystem that fails one operation on purpose, in the
// manner of bbolt's failpoint tests: every operation (creating, each
// write, sync, chmod, close, rename, link, remove, mkdir, folder sync) is
// counted, and the failAt-th fails with err (a write writes half its bytes
// first, as a full disk does). A run with failAt 0 counts the steps of a
// scenario; the tests then fail each step in turn.
type faultFS struct {
	fs     fileSystem
	failAt int
	err    error
	// kill makes the failAt-th step kill the process (SIGKILL) instead of
	// failing: everything before it done, nothing after (the kill tests).
	kill bool
	// readOnlyFiles makes opening the library for writing fail with EROFS
	// (a read-only disk, without needing one).
	readOnlyFiles bool

	mu       sync.Mutex
	steps    int
	injected int
	what     string // the step that failed
}

func (f *faultFS) step(what string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.steps++
	if f.failAt > 0 && f.steps == f.failAt && f.kill {
		if p, err := os.FindProcess(os.Getpid()); err == nil {
			p.Kill()
			select {} // the kill is on its way
		}
	}
	if f.failAt > 0 && f.steps == f.failAt {
		f.injected++
		f.what = what
		return f.err
	}
	return nil
}

func (f *faultFS) OpenFile(path string, flag int, perm os.FileMode) (*os.File, error) {
	if f.readOnlyFiles && flag&(os.O_RDWR|os.O_WRONLY) != 0 {
		return nil, &os.PathError{Op: "open", Path: path, Err: syscall.EROFS}
	}
	return f.fs.OpenFile(path, flag, perm)
}

func (f *faultFS) CreateTemp(dir, pattern string) (tempFile, error) {
	if err := f.step("create " + pattern); err != nil {
		return nil, err
	}
	t, err := f.fs.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &faultFile{tempFile: t, fs: f}, nil
}

func (f *faultFS) ReopenTemp(path string) (tempFile, error) {
	if err := f.step("reopen"); err != nil {
		return nil, err
	}
	t, err := f.fs.ReopenTemp(path)
	if err != nil {
		return nil, err
	}
	return &faultFile{tempFile: t, fs: f}, nil
}

func (f *faultFS) Rename(from, to string) error {
	if err := f.step("rename"); err != nil {
		return err
	}
	return f.fs.Rename(from, to)
}

func (f *faultFS) Link(from, to string) error {
	if err := f.step("link"); err != nil {
		return err
	}
	return f.fs.Link(from, to)
}

func (f *faultFS) Remove(path string) error {
	if err := f.step("remove"); err != nil {
		return err
	}
	return f.fs.Remove(path)
}

func (f *faultFS) MkdirAll(path string, perm os.FileMode) error {
	if err := f.step("mkdir"); err != nil {
		return err
	}
	return f.fs.MkdirAll(path, perm)
}

func (f *faultFS) SyncDir(dir string) error {
	if err := f.step("sync folder"); err != nil {
		return err
	}
	return f.fs.SyncDir(dir)
}

// faultFile is a temporary file whose writes, sync, chmod and close count
// as steps.
type faultFile struct {
	tempFile
	fs *faultFS
}

func (f *faultFile) Write(p []byte) (int, error) {
	if err := f.fs.step("write"); err != nil {
		n, _ := f.tempFile.Write(p[:len(p)/2])
		return n, err
	}
	return f.tempFile.Write(p)
}

func (f *faultFile) WriteAt(p []byte, off int64) (int, error) {
	if err := f.fs.step("write"); err != nil {
		n, _ := f.tempFile.WriteAt(p[:len(p)/2], off)
		return n, err
	}
	return f.tempFile.WriteAt(p, off)
}

func (f *faultFile) ReadFrom(r io.Reader) (int64, error) {
	return io.Copy(struct{ io.Writer }{f}, r) // every write a step
}

func (f *faultFile) Sync() error {
	if err := f.fs.step("sync"); err != nil {
		return err
	}
	return f.tempFile.Sync()
}

func (f *faultFile) Chmod(m os.FileMode) error {
	if err := f.fs.step("chmod"); err != nil {
		return err
	}
	return f.tempFile.Chmod(m)
}

func (f *faultFile) Close() error {
	err := f.tempFile.Close()
	if ferr := f.fs.step("close"); ferr != nil {
		return ferr
	}
	return err
}

func (f *faultFS) String() string {
	return fmt.Sprintf("fault at step %d (%s): %v", f.failAt, f.what, f.err)
}
