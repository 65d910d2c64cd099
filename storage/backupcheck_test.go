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
