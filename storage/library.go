// Package storage keeps a Dramatis library (articles, their texts,
// highlights and actors) in one bbolt file. Every user action is one
// read-write transaction, committed (fsynced) before the call returns, and
// every index (highlights by article, by id and by actor; articles by URL,
// source and text hash; actors by name) is kept in step inside that same
// transaction.
//
// Layout (schema 7, without the search index's buckets (searchindex.go);
// see migration.go for the bucket names):
//
//	meta              "schema" → uint32 BE
//	articles          article id → JSON metadata, hash, added (no text)
//	article_text      article id → text record: raw text, chunk index, blocks (text.go)
//	highlights        article id \0 flag BE32(start) BE32(end) highlight id → compact JSON
//	                  (flag 0 anchored, 1 orphaned: a prefix scan lists one
//	                  article in reading order, orphans last)
//	highlight_ids     highlight id → its key in highlights
//	actor_highlights  actor id \0 highlight id → ""
//	actors            actor id → JSON annotation.Actor
//	actor_names       case-folded name → actor id
//	topics            topic id → JSON annotation.Topic
//	topic_names       case-folded name → topic id
//	topic_highlights  topic id \0 highlight id → ""
//	url_index, source_index, hash_index
//	                  URL / import source / text hash \0 article id → ""
//	versions          article id \0 BE32(n) → JSON: an earlier version's metadata
//	version_text      article id \0 BE32(n) → its text record (versions.go)
//	prefs             key → bytes
//	deleted           kind byte, id → BE64 Unix ms, merged-into id: the reader's
//	                  deletions, so a backup merge does not bring them back
//	                  (tombstones.go)
//
// Opening is cheap whatever the library's size (see OpenWith): the whole
// file is read only when it may have changed without Dramatis closing it
// cleanly (state.go); damage met later, in a page or a record, is caught
// as it is read (guard.go) and stops all writing. The daily backup is
// made beside the reader's work, never before it (backup.go).
package storage

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Errors callers can test for with errors.Is. Messages are written for the
// person who reads them.
var (
	// ErrInUse: another process holds the library open.
	ErrInUse = errors.New("library is in use by another Dramatis process")
	// ErrDamaged: the file is not a readable Dramatis library.
	ErrDamaged = errors.New("library file is damaged")
	// ErrTooNew: the file was written by a newer Dramatis.
	ErrTooNew = errors.New("library was written by a newer version of Dramatis")
	// ErrNotFound: no such article, highlight or actor.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: a value given to the library breaks its rules.
	ErrInvalid = errors.New("invalid")
	// ErrAmbiguous: an id prefix names more than one article.
	ErrAmbiguous = errors.New("ambiguous")
	// ErrReadOnly: the library is open read-only (a reading command, or a
	// file or folder Dramatis may not write) and a change was asked for.
	ErrReadOnly = errors.New("library is read-only")
	// ErrNoLibrary: a reading command found no library file (it never
	// creates one).
	ErrNoLibrary = errors.New("no library yet")
	// ErrNeedsUpgrade: a library of an older schema was opened read-only;
	// it must be opened for writing once (which migrates it, after a
	// backup) before it can be read.
	ErrNeedsUpgrade = errors.New("library needs an upgrade")
)

// lockTimeout is how long Open waits for another process to let go of the
// file before it reports ErrInUse: long enough to ride out a CLI command
// finishing, short enough that nobody waits on a hang.
const lockTimeout = time.Second

// Library is an open Dramatis library file. Its methods are safe for
// concurrent use (bbolt serialises writers and isolates readers).
type Library struct {
	db   guardedDB
	path string   // as given, "~" expanded
	real string   // path with symbolic links resolved: the file itself
	file *os.File // the file bbolt works on
	fs   fileSystem
	now  func() time.Time
	// stampMu guards lastStamp, the newest time handed out by stamp.
	stampMu   sync.Mutex
	lastStamp time.Time
	// readOnly says why the library is open read-only, or is "".
	readOnly string
	damage   damageFlag
	// state is what Open knew of the file; its Checked time is carried
	// into the state Close writes. checkedWhole says whether Open read
	// the whole file.
	state        fileState
	checkedWhole bool
	// unchecked, when not nil, is closed once the whole-file check that
	// Options.CheckLater put off is done; writes wait for it.
	unchecked chan struct{}
	checkDone bool // that check finished (else Close keeps no state)
	// backupErr is why the daily backup cannot be made (a full disk), to
	// be said once (BackupProblem).
	backupErr error
	// startBackup, backupDue: see Options.StartBackup.
	startBackup func(string)
	backupDue   bool
	// startCompaction: see Options.StartCompaction.
	startCompaction func(string)
	onProblem       func(error)
	// moved is set when the path no longer names the open file
	// (relocation.go).
	moved relocation
	// searchStale is set when a read-only Open found the search index
	// stale: searches then read every article (see checkSearchIndex).
	searchStale atomic.Bool
	// bg runs the background backup, check and index build; ctx is theirs,
	// and stop cancels it.
	bg        sync.WaitGroup
	ctx       context.Context
	stop      context.CancelFunc
	closeOnce sync.Once
	closeErr  error
}

// Options say how OpenWith opens a library. The zero value opens it for
// writing, creating it if needed, and makes the daily backup in the
// background.
type Options struct {
	// ReadOnly opens the library for reading only: nothing is created or
	// written (no folder, no library, no backup), and other readers may
	// have it open at the same time. Reading commands use it.
	ReadOnly bool
	// Salvage opens a damaged library all the same, read-only (it
	// implies ReadOnly), for an export to save what still reads; Damaged
	// says what is wrong, and records that do not read are skipped by the
	// salvaging reads (SalvageArticle, SalvageActors).
	Salvage bool
	// FallBackToReadOnly opens the library read-only when its file or
	// folder may not be written (permissions, a read-only disk) instead of
	// failing; ReadOnly() then says why. The window uses it.
	FallBackToReadOnly bool
	// Wait is how long to wait for another process to let go of the
	// library before giving up with ErrInUse (default lockTimeout).
	Wait time.Duration
	// StartBackup, when set, makes the daily backup somebody else's work:
	// Close calls it, after the file is closed, when a backup is due, and
	// it starts 'dramatis backup --auto' in a process of its own, so that
	// no command waits for a copy of the whole library. Without it, a
	// goroutine makes the backup and Close waits for it to finish.
	StartBackup func(libraryPath string)
	// StartCompaction, when set, is called by Close, after the file is
	// closed, when the library was open for writing, is not known to be
	// damaged and has more free pages than compaction waits for
	// (compactMinFree), and no daily backup is started instead (which
	// compacts after it): it starts 'dramatis backup --auto --compact'
	// (CompactIdle) in a process of its own. The window sets it: it holds
	// the library all session, so its own daily backup never compacts.
	StartCompaction func(libraryPath string)
	// OnProblem is told, from another goroutine, what work in the
	// background found: a daily backup that could not be made, damage
	// found by the background check (errors.Is ErrDamaged).
	OnProblem func(error)
	// BackgroundCheck reads the whole file in the background after Open
	// when it was last checked more than checkInterval ago (the window,
	// which stays open long enough).
	BackgroundCheck bool
	// CheckLater does the whole-file check an unclean shutdown calls for
	// after Open instead of in it (the window: at 50,000 articles it takes
	// seconds, and the reader can read meanwhile): every write waits until
	// it is done, and damage it finds is told through OnProblem, after
	// which nothing is written.
	CheckLater bool

	fs  fileSystem       // tests inject faults here
	now func() time.Time // tests move the clock
}

// BackupProblem returns why the daily backup could not be made (a full
// disk, an unwritable folder) when the reader has not been told yet today,
// or nil. The library works regardless; the caller says so once.
func (l *Library) BackupProblem() error {
	return l.backupErr
}

// ReadOnly returns why the library is open read-only, or "" when it can
// be written.
func (l *Library) ReadOnly() string {
	return l.readOnly
}

// Checking returns a channel that is closed when the whole-file check
// Options.CheckLater put off is done, or nil when Open put none off: the
// window says meanwhile why a change it saves waits.
func (l *Library) Checking() <-chan struct{} {
	if l.unchecked == nil {
		return nil
	}
	return l.unchecked
}

// Open opens the library at path for writing, creating it (and its
// folder) when it does not exist; see OpenWith.
func Open(path string) (*Library, error) {
	return OpenWith(path, Options{})
}

// OpenWith opens the library at path. An existing file is locked, then
// checked before bbolt reads it: a file that is empty or not a Dramatis
// library, damaged (the whole file is checked when it may have changed
// since Dramatis last closed it) or from a newer Dramatis is refused
// (ErrDamaged, ErrTooNew) without a byte written. A writable library is
// migrated from an older schema after a backup of the old file. Another
// process holding the library gives ErrInUse after Options.Wait.
func OpenWith(path string, o Options) (*Library, error) {
	if o.Wait <= 0 {
		o.Wait = lockTimeout
	}
	if o.fs == nil {
		o.fs = osFS{}
	}
	if o.now == nil {
		o.now = time.Now
	}
	if o.Salvage {
		o.ReadOnly = true
	}
	p, err := ExpandPath(path)
	if err != nil {
		return nil, err
	}
	real, err := resolveLibraryPath(p)
	if err != nil {
		return nil, err
	}
	l := &Library{path: p, real: real, fs: o.fs, now: o.now, startBackup: o.StartBackup, startCompaction: o.StartCompaction, onProblem: o.OnProblem}
	version, err := l.openFile(o)
	if err != nil {
		return nil, err
	}
	if err := l.openBolt(o); err != nil {
		return nil, err
	}
	if l.readOnly == "" {
		forgetState(l.fs, l.real)
		fi, _ := l.file.Stat()
		removeStaleTemps(l.fs, filepath.Dir(l.real), filepath.Base(l.real), fi)
		removeStaleTemps(l.fs, BackupDir(l.real), "", nil)
	}
	if version < SchemaVersion && version > 0 {
		if l.readOnly != "" {
			l.db.Close()
			return nil, errorf(ErrNeedsUpgrade, "%s was written by an older Dramatis and must be upgraded first, which needs it writable (%s): open it once in the window or with a command that writes", l.path, l.readOnly)
		}
		if err := l.backupBeforeMigration(version); err != nil {
			l.db.Close()
			return nil, err
		}
	}
	if err := l.migrate(); err != nil {
		l.db.Close()
		return nil, err
	}
	if err := l.checkSearchIndex(); err != nil {
		l.db.Close()
		return nil, fmt.Errorf("%s: %w", l.path, err)
	}
	ctx, stop := context.WithCancel(context.Background())
	l.ctx, l.stop = ctx, stop
	migrated := version < SchemaVersion && version > 0
	if l.readOnly == "" && !migrated {
		// Close waits for a backup under way rather than stopping it: a
		// window closed soon after it opened still leaves the day's copy.
		// After a migration the copy made before it is the day's backup.
		l.scheduleDailyBackup(context.Background())
	}
	switch {
	case l.unchecked != nil:
		l.checkAfterOpen(ctx)
	case o.BackgroundCheck && l.now().Sub(l.state.Checked) > checkInterval:
		l.checkInBackground(ctx)
	}
	return l, nil
}

// checkInterval is how often the window reads the whole file in the
// background: daily, like the backup, so that damage that came without
// any change Dramatis could notice (a failing disk) is found within a day.
const checkInterval = 24 * time.Hour

// openFile opens, locks and checks the library file (creating a new
// library first when there is none and o allows it), leaving it in
// l.file. It returns the schema version found.
func (l *Library) openFile(o Options) (int, error) {
	for attempt := 0; ; attempt++ {
		f, err := l.openOrCreate(o)
		if err != nil {
			return 0, err
		}
		if err := lockFile(f, l.readOnly == "", o.Wait); err != nil {
			f.Close()
			if errors.Is(err, ErrInUse) {
				return 0, l.inUse(o.Wait)
			}
			return 0, fmt.Errorf("cannot lock the library %s: %w", l.path, err)
		}
		// A restore may have put a new file in place while this one
		// waited for the lock: work on the file at the path, not the old
		// one.
		if replaced(f, l.real) && attempt < 3 {
			f.Close()
			continue
		}
		l.file = f
		version, err := l.check(o)
		if err != nil {
			f.Close()
			return 0, err
		}
		return version, nil
	}
}

// inUse is the error for a library another process holds.
func (l *Library) inUse(wait time.Duration) error {
	return errorf(ErrInUse, "%s: %v (waited %s; a command's --wait sets how long)", l.path, ErrInUse, wait)
}

// libraryFileProblem says why there is no library file at real (path as
// it was given): nothing there (ErrNoLibrary), a folder or something else
// than a file (ErrInvalid), or what looking failed with; nil when there
// is a file.
func libraryFileProblem(path, real string) error {
	fi, err := os.Stat(real)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return errorf(ErrNoLibrary, "there is no library at %s", path)
	case err != nil:
		return fmt.Errorf("cannot open the library %s: %w", path, err)
	case fi.IsDir():
		return errorf(ErrInvalid, "the library path %s is a folder, not a file", path)
	case !fi.Mode().IsRegular():
		return errorf(ErrInvalid, "the library path %s is not a regular file", path)
	}
	return nil
}

// replaced reports whether the file at path is no longer f.
func replaced(f *os.File, path string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && !os.SameFile(a, b)
}

// openOrCreate opens the library file, creating a new library when there
// is none (never in read-only mode), and falls back to reading when the
// file may not be written and o allows it.
func (l *Library) openOrCreate(o Options) (*os.File, error) {
	err := libraryFileProblem(l.path, l.real)
	switch {
	case errors.Is(err, ErrNoLibrary):
		if o.ReadOnly {
			return nil, errorf(ErrNoLibrary, "there is no library at %s yet (importing an article starts one)", l.path)
		}
		if err := l.create(); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, err
	}
	if o.ReadOnly {
		l.readOnly = "opened for reading"
		return os.Open(l.real)
	}
	f, err := l.fs.OpenFile(l.real, os.O_RDWR, 0)
	if err == nil {
		return f, nil
	}
	if !isReadOnlyFS(err) {
		return nil, fmt.Errorf("cannot open the library %s: %w", l.path, err)
	}
	if !o.FallBackToReadOnly {
		return nil, errorf(ErrReadOnly, "cannot write the library %s (%v); reading commands still work", l.path, errors.Unwrap(err))
	}
	l.readOnly = "the file or its disk may not be written"
	return os.Open(l.real)
}

// openBolt hands the checked, locked file to bbolt. bbolt reads its
// freelist here, through its memory map, so a fault on a damaged page is
// caught as inside transactions.
func (l *Library) openBolt(o Options) (err error) {
	handed := false
	opts := &bolt.Options{Timeout: o.Wait, ReadOnly: l.readOnly != "",
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			if !handed {
				handed = true
				return l.file, nil
			}
			return os.OpenFile(name, flag, perm)
		}}
	defer func() {
		if r := recover(); r != nil {
			l.file.Close()
			err = damagedFile(l.path, fmt.Errorf("bbolt cannot read it (%v)", r))
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	handOver(l.file) // Windows: bbolt takes the lock again itself
	db, err := bolt.Open(l.real, 0o600, opts)
	if err != nil {
		if !handed {
			l.file.Close()
		}
		return openError(l.path, err)
	}
	l.db = guardedDB{DB: db, lib: l}
	return nil
}

// openError turns bbolt's open errors into the library's one-line errors.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return fmt.Errorf("%s: %w", path, ErrInUse)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum),
		errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrInvalidMapping):
		return damagedFile(path, fmt.Errorf("not a readable Dramatis library (%v)", err))
	case errors.Is(err, os.ErrPermission):
		return fmt.Errorf("cannot open the library %s: permission denied: %w", path, err)
	}
	return fmt.Errorf("cannot open the library %s: %w", path, err)
}

// create makes a new, empty library at l.real: built in a temporary file
// and linked into place, so that the path never holds a half-made library
// (an empty file there is damage, never a new library), and two processes
// creating it at once end up with one library.
func (l *Library) create() error {
	dir := filepath.Dir(l.real)
	if err := l.fs.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot create the library folder: %w", err)
	}
	f, err := l.fs.CreateTemp(dir, tempPattern(l.real))
	if err != nil {
		return fmt.Errorf("cannot create the library %s: %w", l.path, err)
	}
	tmp := f.Name()
	defer l.fs.Remove(tmp)
	if err := f.Close(); err != nil {
		return err
	}
	db, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		return fmt.Errorf("cannot create the library %s: %w", l.path, err)
	}
	err = db.Update(createLibrary)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("cannot create the library %s: %w", l.path, err)
	}
	if err := l.fs.Link(tmp, l.real); err != nil {
		switch {
		case errors.Is(err, os.ErrExist):
			return nil // another process made it first: use that one
		case isUnsupported(err):
			if _, serr := os.Stat(l.real); errors.Is(serr, os.ErrNotExist) {
				if err := l.fs.Rename(tmp, l.real); err != nil {
					return fmt.Errorf("cannot create the library %s: %w", l.path, err)
				}
				break
			}
			return nil
		default:
			return fmt.Errorf("cannot create the library %s: %w", l.path, err)
		}
	}
	return l.fs.SyncDir(dir)
}

// errorf formats a message for the reader and classifies it as kind for
// errors.Is, without appending the kind's own words ("…: not found").
func errorf(kind error, format string, args ...any) error {
	return classified{kind: kind, err: fmt.Errorf(format, args...)}
}

type classified struct{ kind, err error }

func (c classified) Error() string   { return c.err.Error() }
func (c classified) Unwrap() []error { return []error{c.err, c.kind} }

// Close stops the background check, waits for a daily backup under way,
// remembers the file's state (the
// clean-shutdown mark: see state.go) and releases the file and its lock.
// When the daily backup is due and Options.StartBackup was given, it is
// called last; else Options.StartCompaction, when compaction pays.
func (l *Library) Close() error {
	l.closeOnce.Do(func() {
		if l.stop != nil {
			l.stop()
		}
		l.bg.Wait()
		if l.checkPlace() != nil {
			// The path is not this file's any more (the rescue copy
			// is there or beside it): no state, backup or compaction
			// for it.
			l.closeErr = l.db.Close()
			return
		}
		l.saveState()
		compact := l.compactionPays()
		l.closeErr = l.db.Close()
		switch {
		case l.startBackup != nil && l.backupDue && l.Damaged() == nil:
			l.startBackup(l.real)
		case compact:
			l.startCompaction(l.real)
		}
	})
	return l.closeErr
}

// compactionPays reports whether Close is to start a compaction: the
// library was written in this session's right (writable, known sound: not
// damaged, its put-off check done), it can be replaced where it is, and
// its newest transaction leaves more pages free than compaction waits for
// (read from the freelist page's header: one page, whether or not this
// session wrote anything).
func (l *Library) compactionPays() bool {
	if l.startCompaction == nil || l.readOnly != "" || !canReplaceOpenFile || l.Damaged() != nil {
		return false
	}
	if l.unchecked != nil && !l.checkDone {
		return false
	}
	fi, err := l.file.Stat()
	if err != nil {
		return false
	}
	pf, err := openPageFile(l.file, fi.Size())
	if err != nil {
		return false
	}
	free, err := pf.freePages()
	return err == nil && worthCompacting(free)
}

// saveState writes the state a writing session ends with, or what a
// reading session found out (damage).
func (l *Library) saveState() {
	damage := l.Damaged()
	if l.readOnly != "" && damage == nil {
		return
	}
	if l.unchecked != nil && !l.checkDone && damage == nil {
		return // closed before the put-off check ended: the next Open checks
	}
	fi, err := l.file.Stat()
	if err != nil {
		return
	}
	pf, err := openPageFile(l.file, fi.Size())
	if err != nil {
		return
	}
	st, err := stateOf(l.file, pf.meta)
	if err != nil {
		return
	}
	st.Checked = l.state.Checked
	if damage != nil {
		st.Damage = damageDetail(damage)
	}
	_ = writeState(l.fs, l.real, st)
}

// Path is the library file's path.
func (l *Library) Path() string {
	return l.path
}
