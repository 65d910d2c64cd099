package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// keepBackups is how many automatic backups are kept next to a library.
const keepBackups = 7

// BackupDir is the folder of a library's automatic backups.
func BackupDir(libraryPath string) string {
	return filepath.Join(filepath.Dir(libraryPath), "backups")
}

// backupBase is the file name stem automatic backups of a library share.
func backupBase(libraryPath string) string {
	b := filepath.Base(libraryPath)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// Backup writes a consistent copy of the library to path (bbolt's copy
// inside a read transaction, so writes may go on meanwhile). The copy is
// written to a temporary file and renamed into place: path never holds a
// half-written library.
func (l *Library) Backup(path string) error {
	if abs1, abs2 := absPath(path), absPath(l.path); abs1 == abs2 {
		return errorf(ErrInvalid, "cannot back the library up onto itself")
	}
	err := l.db.View(func(tx *bolt.Tx) error {
		return writeAtomically(path, func(w io.Writer) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("backing up to %s: %w", path, err)
	}
	return nil
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return filepath.Clean(a)
	}
	return filepath.Clean(p)
}

// writeAtomically writes a file through a temporary sibling, fsyncs it and
// renames it over path, then fsyncs the folder.
func writeAtomically(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := write(f); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// autoBackup makes the day's automatic backup if there is none yet, and
// always one before a schema migration, then keeps only the newest few.
// It runs on open, so a backup holds the library as it was before the
// session changed it.
func (l *Library) autoBackup(version int) error {
	dir := BackupDir(l.path)
	name := backupBase(l.path) + "-" + l.now().Format("2006-01-02")
	if version < SchemaVersion {
		name += fmt.Sprintf("-schema%d", version)
	}
	target := filepath.Join(dir, name+".db")
	if _, err := os.Stat(target); err == nil {
		return nil
	}
	if err := l.Backup(target); err != nil {
		return fmt.Errorf("automatic backup: %w", err)
	}
	return pruneBackups(l.path)
}

// backups lists a library's automatic backups, oldest first.
func backups(libraryPath string) ([]string, error) {
	entries, err := os.ReadDir(BackupDir(libraryPath))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	prefix := backupBase(libraryPath) + "-"
	var out []string
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() && strings.HasPrefix(n, prefix) && strings.HasSuffix(n, ".db") {
			out = append(out, filepath.Join(BackupDir(libraryPath), n))
		}
	}
	sort.Strings(out) // dates in the names sort by time
	return out, nil
}

func pruneBackups(libraryPath string) error {
	removeStaleTemps(BackupDir(libraryPath))
	all, err := backups(libraryPath)
	if err != nil {
		return err
	}
	for len(all) > keepBackups {
		if err := os.Remove(all[0]); err != nil {
			return fmt.Errorf("removing an old backup: %w", err)
		}
		all = all[1:]
	}
	return nil
}

// LatestBackup returns the newest automatic backup of the library.
func (l *Library) LatestBackup() (string, error) {
	return LatestBackup(l.path)
}

// LatestBackup returns the newest automatic backup of the library at
// libraryPath, which need not open (the way back from a damaged file).
// Copies Restore kept of replaced libraries are not offered.
func LatestBackup(libraryPath string) (string, error) {
	all, err := backups(libraryPath)
	if err != nil {
		return "", fmt.Errorf("looking for backups of %s: %w", libraryPath, err)
	}
	for i := len(all) - 1; i >= 0; i-- {
		if !strings.Contains(filepath.Base(all[i]), "-before-restore-") {
			return all[i], nil
		}
	}
	return "", errorf(ErrNotFound, "no automatic backup of %s yet", libraryPath)
}

// Restore replaces the library at libraryPath with the backup file at
// backupPath. The backup is checked first (a damaged or too new file is
// refused); the library must not be open elsewhere (ErrInUse); the current
// library is kept in backups/ as "…-before-restore-…" so the restore can be
// undone; the new file is written aside and renamed into place.
func Restore(libraryPath, backupPath string) error {
	if absPath(libraryPath) == absPath(backupPath) {
		return errorf(ErrInvalid, "the backup is the library itself")
	}
	if _, err := os.Stat(backupPath); err != nil {
		return fmt.Errorf("cannot read the backup: %w", err)
	}
	if _, err := inspect(backupPath); err != nil {
		return fmt.Errorf("the backup cannot be restored: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(libraryPath), 0o700); err != nil {
		return err
	}
	if _, err := os.Stat(libraryPath); err == nil {
		if _, err := inspect(libraryPath); errors.Is(err, ErrDamaged) {
			// bbolt cannot open (or lock) what it cannot read, and nobody
			// can have it open: keep its bytes by moving it aside.
			return restoreOverDamaged(libraryPath, backupPath)
		} else if errors.Is(err, ErrInUse) {
			return err
		}
	}
	// Hold the library's lock while replacing it.
	cur, err := bolt.Open(libraryPath, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		return openError(libraryPath, err)
	}
	defer cur.Close()
	err = cur.View(func(tx *bolt.Tx) error {
		if tx.Size() <= int64(4*cur.Info().PageSize) && isEmpty(tx) {
			return nil // a new, empty file: nothing to keep
		}
		return writeAtomically(keptPath(libraryPath, ""), func(w io.Writer) error { _, err := tx.WriteTo(w); return err })
	})
	if err != nil {
		return fmt.Errorf("keeping the current library before restoring: %w", err)
	}
	return copyBackup(libraryPath, backupPath)
}

// keptPath is where Restore keeps the library it replaces, in backups/ and
// named so that LatestBackup never offers it: "<name>-<date>-before-restore-
// <time>[-damaged].db".
func keptPath(libraryPath, suffix string) string {
	return filepath.Join(BackupDir(libraryPath), backupBase(libraryPath)+"-"+
		time.Now().Format("2006-01-02-before-restore-150405")+suffix+".db")
}

// restoreOverDamaged moves a library bbolt cannot read into backups/ and
// writes the backup in its place.
func restoreOverDamaged(libraryPath, backupPath string) error {
	if err := os.MkdirAll(BackupDir(libraryPath), 0o700); err != nil {
		return fmt.Errorf("keeping the damaged library before restoring: %w", err)
	}
	if err := os.Rename(libraryPath, keptPath(libraryPath, "-damaged")); err != nil {
		return fmt.Errorf("keeping the damaged library before restoring: %w", err)
	}
	return copyBackup(libraryPath, backupPath)
}

// copyBackup writes a consistent copy of the backup file to libraryPath.
func copyBackup(libraryPath, backupPath string) error {
	src, err := bolt.Open(backupPath, 0o600, &bolt.Options{ReadOnly: true, Timeout: lockTimeout})
	if err != nil {
		return openError(backupPath, err)
	}
	defer src.Close()
	err = src.View(func(tx *bolt.Tx) error {
		return writeAtomically(libraryPath, func(w io.Writer) error { _, err := tx.WriteTo(w); return err })
	})
	if err != nil {
		return fmt.Errorf("restoring %s: %w", backupPath, err)
	}
	return nil
}

func isEmpty(tx *bolt.Tx) bool {
	empty := true
	_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
	return empty
}

// removeStaleTemps deletes temporary files an interrupted backup left
// behind (writeAtomically names them ".NAME.tmp…"), once they are an hour
// old, so no running backup loses its file.
func removeStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if !strings.HasPrefix(n, ".") || !strings.Contains(n, ".tmp") || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
			os.Remove(filepath.Join(dir, n))
		}
	}
}
