package storage

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// keepBackups is how many automatic backups are kept next to a library: a
// week of daily ones.
const keepBackups = 7

// spaceMargin is the room a daily backup leaves free on its disk beyond
// its own size, so that it never takes the last bytes the library itself
// needs to go on writing.
const spaceMargin = 16 << 20

// BackupDir is the folder of a library's automatic backups: "backups" next
// to the library file (next to the file a symbolic link points to).
func BackupDir(libraryPath string) string {
	return filepath.Join(filepath.Dir(realPath(libraryPath)), "backups")
}

// backupBase is the file name stem automatic backups of a library share.
func backupBase(libraryPath string) string {
	b := filepath.Base(realPath(libraryPath))
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// Backup writes a consistent copy of the library to path (bbolt's copy
// inside a read transaction, so writes may go on meanwhile). The copy is
// written to a temporary file and renamed into place: path never holds a
// half-written library. Then the copy is read whole: a library damaged
// since it was last checked gives a copy that says so, and the error
// (ErrDamaged) says that the copy holds the damage too.
func (l *Library) Backup(path string) error {
	if realPath(absPath(path)) == realPath(absPath(l.path)) {
		return errorf(ErrInvalid, "cannot back the library up onto itself")
	}
	removeStaleTemps(l.fs, filepath.Dir(path), filepath.Base(path), nil)
	err := l.db.View(func(tx *bolt.Tx) error {
		return writeAtomically(l.fs, path, 0o600, func(w io.Writer) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("backing up to %s: %w", path, err)
	}
	rep, err := checkPath(path)
	if err == nil {
		err = rep.Err()
	}
	if err != nil {
		derr := damagedFile(l.path, err)
		l.noteDamage(derr)
		return fmt.Errorf("%w; the copy at %s holds the damage too", derr, path)
	}
	return nil
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return filepath.Clean(a)
	}
	return filepath.Clean(p)
}

// backupBeforeMigration keeps a copy of a library of an older schema
// before it is migrated; the migration does not run without one.
func (l *Library) backupBeforeMigration(version int) error {
	target := filepath.Join(BackupDir(l.real), fmt.Sprintf("%s-%s-schema%d.db", backupBase(l.real), l.now().Format("2006-01-02"), version))
	if _, err := os.Stat(target); err == nil {
		return nil
	}
	if err := l.fs.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return fmt.Errorf("the library was not upgraded: no backup of it could be made: %w", err)
	}
	if err := l.Backup(target); err != nil {
		return fmt.Errorf("the library was not upgraded: no backup of it could be made: %w", err)
	}
	return nil
}

// dailyName is the daily backup of the library file real made on day.
func dailyName(real string, day time.Time) string {
	return filepath.Join(BackupDir(real), backupBase(real)+"-"+day.Format("2006-01-02")+".db")
}

// backupDue reports whether the library file real, whose newest meta page
// (in the page file pf) is described, needs its daily backup: none was
// made today, the library changed since the newest backup, and it holds
// something (a new, empty library needs none). It returns an error when a
// backup is due but cannot be made for want of space.
func backupDue(real string, pf *pageFile, now time.Time) (bool, error) {
	if _, err := os.Stat(dailyName(real, now)); err == nil {
		return false, nil
	}
	all, _ := backups(real)
	newest := ""
	for i := len(all) - 1; i >= 0 && newest == ""; i-- {
		if !strings.Contains(filepath.Base(all[i]), "-before-restore-") {
			newest = all[i]
		}
	}
	if newest == "" && pf.holdsNothing() {
		return false, nil
	}
	if newest != "" {
		if m, err := metaOfFile(newest); err == nil && m == pf.meta {
			return false, nil // unchanged since the newest backup
		}
	}
	need := pf.meta.hwm * uint64(pf.meta.pageSize)
	dir := BackupDir(real)
	if _, err := os.Stat(dir); err != nil {
		dir = filepath.Dir(dir)
	}
	if free, ok := freeSpace(dir); ok && free < need+spaceMargin {
		return false, fmt.Errorf("the daily backup was not made: the disk of %s has %s free, the copy needs %s",
			dir, sizeString(free), sizeString(need+spaceMargin))
	}
	return true, nil
}

// holdsNothing reports whether the library has no article and no actor,
// from the buckets' roots alone (a bucket with anything in it has a key in
// its root page).
func (f *pageFile) holdsNothing() bool {
	for _, b := range [][]byte{bArticles, bActors} {
		if !f.bucketEmpty(b) {
			return false
		}
	}
	return true
}

// bucketEmpty reports whether a top-level bucket holds no key (false when
// it cannot tell).
func (f *pageFile) bucketEmpty(bucket []byte) bool {
	v, isBucket, err := f.lookup(f.meta.root, nil, bucket, 0)
	if err != nil || !isBucket || len(v) < bucketHeader+pageHeaderSize {
		return false
	}
	if root := binary.LittleEndian.Uint64(v); root != 0 {
		p, _, err := f.readPage(root, nil)
		return err == nil && p.flags == flagLeaf && p.count == 0
	}
	return binary.LittleEndian.Uint16(v[bucketHeader+10:]) == 0
}

// metaOfFile reads the newest meta page of a library or backup file.
func metaOfFile(path string) (metaPage, error) {
	f, err := os.Open(path)
	if err != nil {
		return metaPage{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return metaPage{}, err
	}
	return readMetaPages(f, fi.Size())
}

func sizeString(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d kB", n>>10)
}

// scheduleDailyBackup arranges the day's backup when it is due: in a
// goroutine here, or by Options.StartBackup at Close. A full disk is
// said once (BackupProblem, OnProblem).
func (l *Library) scheduleDailyBackup(ctx context.Context) {
	if p := takeBackupProblem(l.fs, l.real, l.now()); p != nil {
		l.backupErr = p // one a background backup left for us to say
	}
	fi, err := l.file.Stat()
	if err != nil {
		return
	}
	pf, err := openPageFile(l.file, fi.Size())
	if err != nil {
		return
	}
	due, err := backupDue(l.real, pf, l.now())
	if err != nil {
		if noteBackupProblem(l.fs, l.real, l.now(), err, true) {
			l.backupErr = err
		}
		return
	}
	if !due {
		return
	}
	if l.startBackup != nil {
		l.backupDue = true
		return
	}
	// The snapshot is taken now, so that the backup holds the library as
	// it was opened, before this session changed anything.
	tx, err := l.db.DB.Begin(false)
	if err != nil {
		return
	}
	l.bg.Add(1)
	go func() {
		defer l.bg.Done()
		err := l.makeDailyBackup(ctx, tx)
		switch {
		case err == nil || ctx.Err() != nil:
		case errors.Is(err, ErrDamaged):
			// The library itself is damaged: that is told as damage, not
			// as a missing backup (the backups folder keeps the last good
			// copy, the one to restore), and nothing is noted for tomorrow.
			if l.onProblem != nil {
				l.onProblem(err)
			}
		case noteBackupProblem(l.fs, l.real, l.now(), err, l.onProblem != nil) && l.onProblem != nil:
			l.onProblem(err)
		}
	}()
}

// makeDailyBackup copies the snapshot tx of the open library (a read
// transaction: the window goes on writing meanwhile) into the day's backup,
// checks the copy and rotates the backups. It ends tx. A library known to
// be damaged, before or while it is copied, is not backed up: the error is
// then its damage (ErrDamaged), so that a damaged copy never joins the
// rotation that holds the good ones.
func (l *Library) makeDailyBackup(ctx context.Context, tx *bolt.Tx) (err error) {
	defer l.recoverDamage(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer tx.Rollback()
	stop := l.stopBackup(ctx)
	if err := stop(); err != nil {
		return err
	}
	target := dailyName(l.real, l.now())
	if err := l.fs.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return fmt.Errorf("the daily backup was not made: %w", err)
	}
	var found counts
	pause := checkPause(ctx)
	err = writeChecked(l.fs, target, 0o600, func(w io.Writer) error {
		_, err := tx.WriteTo(stopWriter{stop, w})
		return err
	}, dailyCheck(func() error { return errors.Join(stop(), pause()) }, &found))
	if err != nil {
		if derr := l.damageBehind(ctx, tx, err); derr != nil {
			return derr
		}
		return dailyBackupError(err)
	}
	return finishDailyBackup(l.fs, l.real, found)
}

// stopBackup is what stops a daily backup under way: its context ending,
// or the library found damaged meanwhile (by the background check, or a
// read), which no backup may copy.
func (l *Library) stopBackup(ctx context.Context) func() error {
	return func() error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return l.Damaged()
	}
}

// damageBehind tells whether a daily backup that failed with err failed
// because the library is damaged, and returns that damage (nil when it is
// not). A copy that does not read back may be the copy's fault (a disk
// that lost what was written) or the library's (the copy holds its pages
// as they are): the library itself is read whole to tell (checkSnapshot,
// which makes damage it finds the library's), a second check paid only on
// this rare path. The snapshot tx is ended first.
func (l *Library) damageBehind(ctx context.Context, tx *bolt.Tx, err error) error {
	if d := l.Damaged(); d != nil || !errors.Is(err, errCopyUnreadable) {
		return d
	}
	tx.Rollback()
	if cerr := l.checkSnapshot(ctx, checkPause(ctx)); errors.Is(cerr, ErrDamaged) {
		return l.Damaged()
	}
	return nil
}

// stopWriter stops a long copy as soon as stop gives a reason.
type stopWriter struct {
	stop func() error
	w    io.Writer
}

func (s stopWriter) Write(p []byte) (int, error) {
	if err := s.stop(); err != nil {
		return 0, err
	}
	return s.w.Write(p)
}

// errCopyUnreadable: a new daily backup failed its check; it was removed
// before it took its name, so it is never in the rotation nor offered.
var errCopyUnreadable = errors.New("the copy does not read back")

// dailyCheck is the complete check a new daily backup passes, as a
// temporary file, before it takes its name (pause paces it beside the
// window); what it found goes to found, for the rotation.
func dailyCheck(pause func() error, found *counts) func(tmp string) error {
	return func(tmp string) error {
		rep, err := checkPathPaced(tmp, pause)
		if err == nil {
			err = rep.Err()
		}
		if err != nil {
			return fmt.Errorf("%w (%v)", errCopyUnreadable, err)
		}
		*found = counts{rep.Articles, rep.Highlights}
		return nil
	}
}

// dailyBackupError words why no daily backup was kept today.
func dailyBackupError(err error) error {
	if errors.Is(err, errCopyUnreadable) {
		return fmt.Errorf("the daily backup was not kept: %w", err)
	}
	return fmt.Errorf("the daily backup was not made: %w", err)
}

// finishDailyBackup ends a daily backup that passed its check: the
// problem note goes, and the backups are rotated.
func finishDailyBackup(fs fileSystem, real string, found counts) error {
	clearBackupProblem(fs, real)
	return pruneBackups(fs, real, found)
}

// checkPath runs the full check on the file at path.
func checkPath(path string) (checkReport, error) {
	return checkPathPaced(path, nil)
}

// checkPathPaced is checkPath with a pause between pages (checkPause), for
// a check beside the window.
func checkPathPaced(path string, pause func() error) (checkReport, error) {
	f, err := os.Open(path)
	if err != nil {
		return checkReport{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return checkReport{}, err
	}
	return checkFile(f, fi.Size(), nil, pause)
}

// MakeDailyBackup makes the daily backup of the library at libraryPath if
// it is due, in a process of its own ('dramatis backup --auto', started by
// a command that has finished its work). It does not lock the library, so
// that the next command never waits for it: it copies the file as it is
// and uses the copy only if no transaction was committed meanwhile
// (bbolt never overwrites the pages of the newest transaction before the
// next one is committed), trying again a few times otherwise. After a
// backup it compacts the library when that pays and nobody has it open
// (compact.go). It reports whether a backup was made; an error after one
// was made is the compaction's, which left the library as it was. With no
// library file at libraryPath it fails with ErrNoLibrary (nothing to back
// up; ErrInvalid for a folder) and notes nothing beside it.
func MakeDailyBackup(libraryPath string) (bool, error) {
	return makeDailyBackupUnlocked(osFS{}, libraryPath, time.Now)
}

// unlockedCopyTries is how often an unlocked copy is tried when the
// library keeps changing under it; unlockedCopyPause is the wait between.
const (
	unlockedCopyTries = 4
	unlockedCopyPause = 2 * time.Second
)

func makeDailyBackupUnlocked(fs fileSystem, libraryPath string, now func() time.Time) (bool, error) {
	p, err := ExpandPath(libraryPath)
	if err != nil {
		return false, err
	}
	real := realPath(p)
	if err := libraryFileProblem(p, real); err != nil {
		return false, err // not noted: the next Open tells it as it is
	}
	made, _, err := dailyBackupThenCompact(fs, real, now)
	return made, err
}

// dailyBackupThenCompact makes the daily backup of the library file real
// when it is due, then compacts the library from it when that pays. It
// reports whether the backup was made and whether the library was
// compacted; a problem is noted for the next Open to tell.
func dailyBackupThenCompact(fs fileSystem, real string, now func() time.Time) (made, compacted bool, err error) {
	var lastErr error
	for try := 0; try < unlockedCopyTries; try++ {
		if try > 0 {
			time.Sleep(unlockedCopyPause)
		}
		day := now()
		made, err := copyUnlocked(fs, real, day)
		if !errors.Is(err, errChanged) {
			if err == nil && made {
				compacted, err = compactAfterBackup(fs, real, dailyName(real, day), now)
			}
			if err != nil {
				noteBackupProblem(fs, real, now(), err, false)
			}
			return made, compacted, err
		}
		lastErr = err
	}
	return false, false, fmt.Errorf("the daily backup was not made: %w", lastErr)
}

// errChanged: the library was written during an unlocked copy.
var errChanged = errors.New("the library changed during the copy; the next command tries again")

// copyUnlocked makes one attempt of MakeDailyBackup.
func copyUnlocked(fs fileSystem, real string, day time.Time) (bool, error) {
	f, err := os.Open(real)
	if err != nil {
		return false, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return false, err
	}
	pf, err := openPageFile(f, fi.Size())
	if err != nil {
		return false, err
	}
	due, err := backupDue(real, pf, day)
	if err != nil || !due {
		return false, err
	}
	target := dailyName(real, day)
	if err := fs.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return false, fmt.Errorf("the daily backup was not made: %w", err)
	}
	var found counts
	err = writeChecked(fs, target, 0o600, func(w io.Writer) error {
		return copySnapshot(w, f, pf.meta)
	}, dailyCheck(nil, &found))
	if err != nil {
		if errors.Is(err, errChanged) {
			return false, err
		}
		return false, dailyBackupError(err)
	}
	return true, finishDailyBackup(fs, real, found)
}

// copySnapshot writes the pages of transaction m (both meta pages made
// from m, as bbolt's own copy does, then every page below its high water
// mark) and fails with errChanged if a newer transaction was committed
// while it read.
func copySnapshot(w io.Writer, f io.ReaderAt, m metaPage) error {
	ps := int64(m.pageSize)
	metaBuf := make([]byte, ps)
	if _, err := f.ReadAt(metaBuf, int64(m.txid%2)*ps); err != nil {
		return err
	}
	for id := uint64(0); id < 2; id++ {
		page := append([]byte(nil), metaBuf...)
		binary.LittleEndian.PutUint64(page[0:], id)
		// meta 1 says one transaction less, as in bbolt's Tx.WriteTo.
		binary.LittleEndian.PutUint64(page[pageHeaderSize+48:], m.txid-id)
		h := fnv.New64a()
		h.Write(page[pageHeaderSize : pageHeaderSize+metaSize])
		binary.LittleEndian.PutUint64(page[pageHeaderSize+metaSize:], h.Sum64())
		if _, err := w.Write(page); err != nil {
			return err
		}
	}
	if _, err := io.Copy(w, io.NewSectionReader(f, 2*ps, int64(m.hwm)*ps-2*ps)); err != nil {
		return err
	}
	fi, ok := f.(interface{ Stat() (os.FileInfo, error) })
	size := int64(m.hwm) * ps
	if ok {
		if st, err := fi.Stat(); err == nil {
			size = st.Size()
		}
	}
	now, err := readMetaPages(f, size)
	if err != nil || now.txid != m.txid {
		return errChanged
	}
	return nil
}

// backups lists a library's automatic backups and kept copies, oldest
// first.
func backups(libraryPath string) ([]string, error) {
	dir := BackupDir(libraryPath)
	entries, err := os.ReadDir(dir)
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
			out = append(out, filepath.Join(dir, n))
		}
	}
	sort.Strings(out) // dates in the names sort by time
	return out, nil
}

// counts is what a library or backup holds, for the rotation.
type counts struct{ articles, highlights int }

// holdsMore reports whether c holds articles or highlights that lib does
// not have room for: more of either.
func (c counts) holdsMore(lib counts) bool {
	return c.articles > lib.articles || c.highlights > lib.highlights
}

// pruneBackups keeps the newest keepBackups backups and deletes older
// ones, except the newest of those that holds more than the library does
// now (lib): a library that lost its contents (emptied, replaced, a bad
// import) must never rotate the last good copy away, however many days
// pass.
func pruneBackups(fs fileSystem, real string, lib counts) error {
	all, err := backups(real)
	if err != nil {
		return err
	}
	if len(all) <= keepBackups {
		return nil
	}
	old := all[:len(all)-keepBackups]
	keptRicher := false
	for i := len(old) - 1; i >= 0; i-- {
		if !keptRicher {
			if c, err := countsOfFile(old[i]); err == nil && c.holdsMore(lib) {
				keptRicher = true
				continue
			}
		}
		if err := fs.Remove(old[i]); err != nil {
			return fmt.Errorf("removing an old backup: %w", err)
		}
	}
	return nil
}

// countsOfFile counts the articles and highlights of a library file from
// its leaf page headers, without reading a record.
func countsOfFile(path string) (counts, error) {
	pf, f, err := pageFileAt(path)
	if err != nil {
		return counts{}, err
	}
	defer f.Close()
	a, err := pf.countKeys(bArticles)
	if err != nil {
		return counts{}, err
	}
	h, err := pf.countKeys(bHighlights)
	return counts{a, h}, err
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

// backupProblem is the note a failed daily backup leaves next to the
// library (".NAME.backup-problem"), so that it is said once: by whoever
// met it when they could tell the reader, else by the next Open.
type backupProblem struct {
	Day      string `json:"day"`
	Message  string `json:"message"`
	Reported bool   `json:"reported"`
}

func problemPath(real string) string {
	return filepath.Join(filepath.Dir(real), "."+filepath.Base(real)+".backup-problem")
}

func readBackupProblem(real string) (backupProblem, bool) {
	data, err := os.ReadFile(problemPath(real))
	if err != nil || len(data) > maxStateSize {
		return backupProblem{}, false
	}
	var p backupProblem
	return p, json.Unmarshal(data, &p) == nil
}

// noteBackupProblem records that the daily backup failed with err today
// and reports whether the reader is to be told now (told: the caller can
// tell; the same problem already told today stays quiet).
func noteBackupProblem(fs fileSystem, real string, now time.Time, err error, told bool) bool {
	day := now.Format("2006-01-02")
	if p, ok := readBackupProblem(real); ok && p.Day == day && p.Reported && p.Message == err.Error() {
		return false
	}
	p := backupProblem{Day: day, Message: err.Error(), Reported: told}
	data, _ := json.Marshal(p)
	_ = writeAtomically(fs, problemPath(real), 0o600, func(w io.Writer) error { _, err := w.Write(data); return err })
	return told
}

// takeBackupProblem returns a problem a backup in another process left
// untold, marking it told.
func takeBackupProblem(fs fileSystem, real string, now time.Time) error {
	p, ok := readBackupProblem(real)
	if !ok || p.Reported {
		return nil
	}
	p.Reported = true
	data, _ := json.Marshal(p)
	_ = writeAtomically(fs, problemPath(real), 0o600, func(w io.Writer) error { _, err := w.Write(data); return err })
	msg := p.Message
	if p.Day != now.Format("2006-01-02") {
		msg += " (on " + p.Day + ")"
	}
	if rest, ok := strings.CutPrefix(msg, ErrNotCompacted.Error()); ok {
		return fmt.Errorf("%w%s", ErrNotCompacted, rest) // told as what it is: nothing lost
	}
	return errors.New(msg)
}

// clearBackupProblem forgets a problem once a backup succeeded.
func clearBackupProblem(fs fileSystem, real string) {
	if _, err := os.Stat(problemPath(real)); err == nil {
		fs.Remove(problemPath(real))
	}
}
