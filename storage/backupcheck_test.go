package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// blankingFS writes every page after the two meta pages of a daily
// backup's copy as zeros (a disk that loses the data under a successful
// write) and records the names files were renamed to, so that a test can
// tell whether an unreadable copy ever stood under a backup's name.
type blankingFS struct {
	osFS
	mu      sync.Mutex
	renamed []string
}

func (f *blankingFS) CreateTemp(dir, pattern string) (tempFile, error) {
	t, err := f.osFS.CreateTemp(dir, pattern)
	if err != nil || !strings.Contains(pattern, backupBase("library.db")+"-") {
		return t, err
	}
	return &blankingFile{tempFile: t}, nil
}

func (f *blankingFS) Rename(from, to string) error {
	f.mu.Lock()
	f.renamed = append(f.renamed, filepath.Base(to))
	f.mu.Unlock()
	return f.osFS.Rename(from, to)
}

// blankingFile writes zeros from byte keepBytes on.
type blankingFile struct {
	tempFile
	off int64
}

// keepBytes is the two meta pages of a library with 4 KiB pages: what
// follows them (the root, the freelist, every record) is lost.
const keepBytes = 2 * 4096

func (f *blankingFile) Write(p []byte) (int, error) {
	q := append([]byte(nil), p...)
	for i := range q {
		if f.off+int64(i) >= keepBytes {
			q[i] = 0
		}
	}
	f.off += int64(len(p))
	return f.tempFile.Write(q)
}

// TestUnreadableDailyBackupNeverTakesItsName: a daily backup whose copy
// does not read back is removed before it is renamed to its name, so the
// window never offers it for restoring (LatestBackup), and a process
// killed during the check leaves only a temporary file that the next open
// clears, not a damaged backup in the rotation. Both ways of making it:
// in a command's own process (unlocked) and beside the window (locked).
func TestUnreadableDailyBackupNeverTakesItsName(t *testing.T) {
	for _, c := range []struct {
		name string
		make func(t *testing.T, fs *blankingFS, p string) error
	}{
		{"unlocked", func(t *testing.T, fs *blankingFS, p string) error {
			made, err := makeDailyBackupUnlocked(fs, p, time.Now)
			if made {
				t.Errorf("an unreadable copy was reported as made")
			}
			return err
		}},
		{"locked", func(t *testing.T, fs *blankingFS, p string) error {
			var told []error
			l, err := OpenWith(p, Options{fs: fs, OnProblem: func(err error) { told = append(told, err) }})
			if err != nil {
				t.Fatal(err)
			}
			l.Close() // waits for the backup made in the background
			if d := l.Damaged(); d != nil {
				t.Errorf("a copy the disk spoiled made the sound library damaged: %v", d)
			}
			return errors.Join(append(told, l.BackupProblem())...)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "library.db")
			l, err := Open(p)
			if err != nil {
				t.Fatal(err)
			}
			addActor(t, l, "China")
			l.Close()
			if err := os.RemoveAll(BackupDir(p)); err != nil {
				t.Fatal(err)
			}
			fs := &blankingFS{}
			err = c.make(t, fs, p)
			if err == nil || !strings.Contains(err.Error(), "the daily backup was not kept: the copy does not read back") {
				t.Fatalf("an unreadable copy: %v", err)
			}
			for _, n := range fs.renamed {
				if strings.HasPrefix(n, backupBase(p)+"-") {
					t.Errorf("the unreadable copy was renamed to %s before it was found unreadable", n)
				}
			}
			if b, err := LatestBackup(p); err == nil {
				t.Errorf("the unreadable copy is offered as the latest backup: %s", b)
			}
			left, _ := os.ReadDir(BackupDir(p))
			for _, e := range left {
				t.Errorf("left in backups/: %s", e.Name())
			}
		})
	}
}

// TestDamagedLibraryIsNotBackedUpButToldDamaged: a library damaged where
// nothing Dramatis can see changed (bit rot: its state says it closed
// cleanly, so Open reads it no further) is found damaged by the window's
// daily backup, whose copy does not read back. That is told as the
// damage it is (ErrDamaged, through OnProblem), not as a missing backup;
// no copy joins the backups, nothing is noted as a backup problem, the
// library takes no more writes, and the next Open refuses it at once.
func TestDamagedLibraryIsNotBackedUpButToldDamaged(t *testing.T) {
	p, id := libraryWithHighlight(t, t.TempDir())
	spoilHighlight(t, p, id)
	markClosedCleanly(t, p)
	if err := os.RemoveAll(BackupDir(p)); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var told []error
	l, err := OpenWith(p, Options{OnProblem: func(err error) { mu.Lock(); told = append(told, err); mu.Unlock() }})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if l.checkedWhole {
		t.Fatal("the test needs Open to skip the whole-file check")
	}
	l.Close() // waits for the backup made in the background
	if len(told) == 0 {
		t.Fatal("the damage the backup met was not told")
	}
	for _, err := range told {
		if !errors.Is(err, ErrDamaged) || strings.Contains(err.Error(), "daily backup") {
			t.Errorf("told %q, want the library's damage", err)
		}
	}
	if err := l.BackupProblem(); err != nil {
		t.Errorf("a backup problem is kept for a damaged library: %v", err)
	}
	if _, ok := readBackupProblem(l.real); ok {
		t.Error("a backup problem was noted for the next Open to tell")
	}
	if l.Damaged() == nil {
		t.Error("the library is not marked damaged")
	}
	if left, _ := os.ReadDir(BackupDir(p)); len(left) != 0 {
		t.Errorf("left in backups/: %v", left)
	}
	if _, err := OpenWith(p, Options{StartBackup: func(string) {}}); !errors.Is(err, ErrDamaged) || strings.Count(err.Error(), "is damaged") != 1 {
		t.Errorf("the next Open: %v, want ErrDamaged at once, said once", err)
	}
}

// markClosedCleanly writes the state a clean close leaves for the library
// as it now is, so that Open does not read it whole (as after bit rot).
func markClosedCleanly(t *testing.T, p string) {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	pf, err := openPageFile(f, fi.Size())
	if err != nil {
		t.Fatal(err)
	}
	st, err := stateOf(f, pf.meta)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeState(osFS{}, p, st); err != nil {
		t.Fatal(err)
	}
}
