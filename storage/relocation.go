package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// ErrMoved: the library's file was moved, renamed, replaced or deleted by
// something else while the library was open.
var ErrMoved = errors.New("the library file was moved, replaced or deleted while Dramatis had it open")

// relocation is what the library did on finding that its path no longer
// names the file it has open.
//
// The open file is still the reader's library: every change so far is in
// it. But a file moved away is not where Dramatis looks next time (the
// next start would begin an empty library at the old place), and a file
// deleted or replaced (a sync tool renaming its own copy over it) lives
// only until it is closed: everything written to it since would be gone.
// So, once, a consistent copy of the open library is written where the
// reader's library belongs, the path itself when nothing is there now,
// else a rescue file beside what is; from then on nothing more is written
// to the lost file (changes are refused with ErrMoved, said in one line)
// and no backup or compaction is started for a path that is not its own.
type relocation struct {
	mu  sync.Mutex
	err error // ErrMoved, worded with where the copy went; nil until found
}

// checkPlace returns ErrMoved (and makes the rescue copy, the first time)
// when the path no longer names the open file, else nil. Read-only opens
// are not checked: they write nothing to lose, and a restore may replace
// the file under a reading command on purpose.
func (l *Library) checkPlace() error {
	if l.readOnly != "" || l.file == nil {
		return nil
	}
	l.moved.mu.Lock()
	if l.moved.err != nil || !movedAway(l.file, l.real) {
		defer l.moved.mu.Unlock()
		return l.moved.err
	}
	err := l.rescue()
	l.moved.err = err
	l.moved.mu.Unlock()
	if l.onProblem != nil {
		l.onProblem(err)
	}
	return err
}

// movedAway reports whether path no longer names the file f: it names
// another file, or nothing. An error other than "not there" (a folder
// that cannot be read) is not taken as a move.
func movedAway(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return true
	}
	return err == nil && !os.SameFile(a, b)
}

// rescue writes a copy of the open library where the reader's library
// belongs and returns the ErrMoved that says where it went.
func (l *Library) rescue() error {
	target := l.real
	if _, err := os.Lstat(target); err == nil {
		target = rescueName(l.real, l.now().Format("2006-01-02-150405"))
	}
	err := l.db.View(func(tx *bolt.Tx) error {
		return writeAtomically(l.fs, target, 0o600, func(w io.Writer) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("%w (%s); copying what it held back failed: %v; nothing more is saved: keep Dramatis open and copy your notes out with an export", ErrMoved, l.path, err)
	}
	if target == l.real {
		return fmt.Errorf("%w (%s); a copy of all of it was put back there, and nothing more is saved until Dramatis is started again", ErrMoved, l.path)
	}
	return fmt.Errorf("%w (%s holds another file now); a copy of your library was saved as %s, and nothing more is saved until Dramatis is started again", ErrMoved, l.path, target)
}

// rescueName is the rescue copy's name beside the library file real.
func rescueName(real, stamp string) string {
	ext := filepath.Ext(real)
	return filepath.Join(filepath.Dir(real), filepath.Base(real[:len(real)-len(ext)])+"-rescued-"+stamp+ext)
}
