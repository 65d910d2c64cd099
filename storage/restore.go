package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Restore replaces the library at libraryPath with the backup file at
// backupPath. Nothing is touched until the backup has proved itself: it
// is read completely (every page and record), copied next to the library,
// migrated there to this build's schema when it is older, and the migrated
// copy read completely again. Then, holding the library's lock (ErrInUse
// while Dramatis has it open), the current file is kept in backups/ as
// "…-before-restore-…" (so the restore can be undone) and the copy is
// renamed over it: at every moment the path holds either the old library
// or the new one, whole.
func Restore(libraryPath, backupPath string) error {
	return restore(osFS{}, libraryPath, backupPath, time.Now)
}

func restore(fs fileSystem, libraryPath, backupPath string, now func() time.Time) error {
	lp, err := ExpandPath(libraryPath)
	if err != nil {
		return err
	}
	real, err := resolveLibraryPath(lp)
	if err != nil {
		return err
	}
	bp, err := ExpandPath(backupPath)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(bp); err != nil {
		return fmt.Errorf("cannot read the backup: %w", err)
	} else if !fi.Mode().IsRegular() {
		return errorf(ErrInvalid, "the backup %s is not a file", bp)
	}
	if a, b := realPath(absPath(bp)), absPath(real); a == b {
		return errorf(ErrInvalid, "the backup is the library itself")
	}
	if err := checkBackup(bp); err != nil {
		return err
	}
	dir := filepath.Dir(real)
	if err := fs.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot create the library folder: %w", err)
	}
	removeStaleTemps(fs, dir, filepath.Base(real), nil)
	tmp, err := prepareRestore(fs, real, bp, now)
	if err != nil {
		return err
	}
	defer fs.Remove(tmp) // gone after the rename; removed on any failure
	return swapIn(fs, real, lp, tmp, now)
}

// checkBackup reads a backup completely before anything is done with it.
func checkBackup(path string) error {
	rep, err := checkPath(path)
	switch {
	case errors.Is(err, ErrTooNew):
		return fmt.Errorf("the backup cannot be restored: %w", err)
	case err != nil:
		return fmt.Errorf("the backup cannot be read: %w", err)
	case rep.Err() != nil:
		return fmt.Errorf("the backup cannot be restored: %w", damagedFile(path, rep.Err()))
	case rep.Version == 0:
		return errorf(ErrInvalid, "the backup %s is an empty library; restoring it would only lose the current one", path)
	}
	return nil
}

// prepareRestore copies the backup next to the library, migrates the copy
// and reads it completely, returning the copy's path.
func prepareRestore(fs fileSystem, real, backup string, now func() time.Time) (string, error) {
	src, err := os.Open(backup)
	if err != nil {
		return "", fmt.Errorf("cannot read the backup: %w", err)
	}
	defer src.Close()
	f, err := fs.CreateTemp(filepath.Dir(real), tempPattern(real))
	if err != nil {
		return "", fmt.Errorf("cannot write next to the library: %w", err)
	}
	tmp := f.Name()
	_, err = io.Copy(f, src)
	if err == nil {
		err = f.Sync()
	}
	if err == nil {
		err = f.Chmod(0o600)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = migrateCopy(fs, tmp, now)
	}
	if err == nil {
		err = checkLocked(tmp)
	}
	if err != nil {
		fs.Remove(tmp)
		return "", fmt.Errorf("the backup was not restored (the library is unchanged): %w", err)
	}
	return tmp, nil
}

// checkLocked reads the copy whole while holding a lock on it, so that no
// cleaner takes it for a stale file while it is being read.
func checkLocked(tmp string) error {
	f, err := os.Open(tmp)
	if err != nil {
		return err
	}
	defer f.Close()
	tryLock(f)
	return checkBackup(tmp)
}

// migrateCopy brings the copy at path to this build's schema, as Open
// would, but on the copy: a backup that cannot be migrated is found out
// before the library is touched.
func migrateCopy(fs fileSystem, path string, now func() time.Time) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		return openError(path, err)
	}
	l := &Library{path: path, real: path, fs: fs, now: now}
	l.db = guardedDB{DB: db, lib: l}
	err = l.migrate()
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// swapIn replaces the library file real with the prepared copy tmp while
// holding the library's lock, keeping the current file in backups/.
func swapIn(fs fileSystem, real, shown, tmp string, now func() time.Time) error {
	cur, err := os.OpenFile(real, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return installRestored(fs, real, tmp, now)
	}
	if err != nil {
		if cur, err = os.Open(real); err != nil {
			return fmt.Errorf("cannot open the library %s: %w", shown, err)
		}
	}
	defer cur.Close()
	if err := lockFile(cur, true, lockTimeout); err != nil {
		if errors.Is(err, ErrInUse) {
			return errorf(ErrInUse, "%s: %v; close Dramatis first", shown, ErrInUse)
		}
		return err
	}
	if err := keepCurrent(fs, cur, real, now); err != nil {
		return fmt.Errorf("keeping the current library before restoring (nothing was changed): %w", err)
	}
	if !canReplaceOpenFile {
		// Windows renames over no open file, ours included: let go of it.
		// A Dramatis opening the library in this moment makes the rename
		// fail (osfile.InUseError) with the library unchanged.
		cur.Close()
	}
	return installRestored(fs, real, tmp, now)
}

// keepCurrent keeps the library being replaced in backups/, named so that
// LatestBackup never offers it: "<name>-<date>-before-restore-<time>.db",
// with "-damaged" when it does not read. A new library holding nothing is
// not kept.
func keepCurrent(fs fileSystem, cur *os.File, real string, now func() time.Time) error {
	fi, err := cur.Stat()
	if err != nil {
		return err
	}
	suffix := ""
	pf, perr := openPageFile(cur, fi.Size())
	if st, ok := readState(real); perr != nil || (ok && st.Damage != "") {
		suffix = "-damaged"
	} else if pf.holdsNothing() {
		return nil
	}
	if fi.Size() == 0 {
		suffix = "-damaged"
	}
	stem := filepath.Join(BackupDir(real), backupBase(real)+"-"+now().Format("2006-01-02-before-restore-150405"))
	if err := fs.MkdirAll(filepath.Dir(stem), 0o700); err != nil {
		return err
	}
	kept := stem + suffix + ".db"
	for n := 2; fileExists(kept); n++ { // two restores in one second
		kept = fmt.Sprintf("%s-%d%s.db", stem, n, suffix)
	}
	// A second name for the same file costs nothing and cannot fail half
	// way; where links are not possible, copy.
	if err := fs.Link(real, kept); err == nil {
		return fs.SyncDir(filepath.Dir(kept))
	} else if !isUnsupported(err) {
		return err
	}
	return writeAtomically(fs, kept, 0o600, func(w io.Writer) error {
		_, err := io.Copy(w, io.NewSectionReader(cur, 0, fi.Size()))
		return err
	})
}

// installRestored renames the checked copy over the library and remembers
// it as checked, so that the next Open need not read it all again.
func installRestored(fs fileSystem, real, tmp string, now func() time.Time) error {
	if err := fs.Rename(tmp, real); err != nil {
		return fmt.Errorf("the backup was not restored (the library is unchanged): %w", err)
	}
	if err := fs.SyncDir(filepath.Dir(real)); err != nil {
		return fmt.Errorf("the backup was restored but may not survive a power cut: %w", err)
	}
	forgetState(fs, real)
	rememberChecked(fs, real, now)
	return nil
}

func fileExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
