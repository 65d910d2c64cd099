// Package storage keeps a Dramatis library (articles, their texts,
// highlights and actors) in one bbolt file. Every user action is one
// read-write transaction, committed (fsynced) before the call returns, and
// every index (highlights by article, by id and by actor; articles by URL,
// source and text hash; actors by name) is kept in step inside that same
// transaction.
//
// Layout (schema 4; see migration.go for the bucket names):
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
//	url_index, source_index, hash_index
//	                  URL / import source / text hash \0 article id → ""
//	versions          article id \0 BE32(n) → JSON: an earlier version's metadata
//	version_text      article id \0 BE32(n) → its text record (versions.go)
//	prefs             key → bytes
//
// Open checks an existing file read-only first (size against its meta page,
// bbolt's consistency check, schema version), so a damaged or newer file is
// refused without a byte written; then it takes the write lock (a second
// process gets ErrInUse after a second), makes the day's backup in
// backups/ next to the file, and migrates older schemas (migration.go).
package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
)

// lockTimeout is how long Open waits for another process to let go of the
// file before it reports ErrInUse: long enough to ride out a CLI command
// finishing, short enough that nobody waits on a hang.
const lockTimeout = time.Second

// Library is an open Dramatis library file. Its methods are safe for
// concurrent use (bbolt serialises writers and isolates readers).
type Library struct {
	db   *bolt.DB
	path string
	now  func() time.Time
	// stampMu guards lastStamp, the newest time handed out by stamp.
	stampMu   sync.Mutex
	lastStamp time.Time
	// backupErr is why the automatic backup at Open failed, if it did.
	backupErr error
}

// BackupProblem returns why the automatic backup made when the library was
// opened failed (a full disk, an unwritable folder), or nil. The library
// works regardless; the reader should be told.
func (l *Library) BackupProblem() error {
	return l.backupErr
}

// DefaultPath is where the library lives when neither --library nor
// DRAMATIS_LIBRARY says otherwise: $XDG_DATA_HOME/dramatis/library.db, or
// ~/.local/share/dramatis/library.db (the platform's data directory elsewhere).
func DefaultPath() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "dramatis", "library.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find a place for the library (no home directory): %w", err)
	}
	return filepath.Join(home, ".local", "share", "dramatis", "library.db"), nil
}

// Open opens the library at path, creating it (and its directory) when it
// does not exist. An existing file is first checked read-only, so that a
// damaged file or one from a newer Dramatis is reported (ErrDamaged,
// ErrTooNew) without a single byte written. Then it is opened for writing,
// backed up once a day into backups/ next to it, and migrated from an older
// schema if needed. A second process gets ErrInUse within about a second.
func Open(path string) (*Library, error) {
	if path == "" {
		return nil, errorf(ErrInvalid, "no library path given")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the library folder: %w", err)
	}
	existing := false
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return nil, errorf(ErrInvalid, "library path %s is a folder, not a file", path)
		}
		existing = st.Size() > 0
	}
	version := 0
	if existing {
		v, err := inspect(path)
		if err != nil {
			return nil, err
		}
		version = v
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		return nil, openError(path, err)
	}
	l := &Library{db: db, path: path, now: time.Now}
	if existing {
		if err := l.autoBackup(version); err != nil {
			if version < SchemaVersion {
				// Never migrate without a copy of the old file.
				db.Close()
				return nil, err
			}
			// A failed daily backup must not lock the reader out of the
			// library; BackupProblem tells the GUI to say so.
			l.backupErr = err
		}
	}
	if err := l.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	return l, nil
}

// openError turns bbolt's open errors into the library's one-line errors.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return fmt.Errorf("%s: %w", path, ErrInUse)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum),
		errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrInvalidMapping):
		return fmt.Errorf("%w: %s is not a readable Dramatis library (%v)", ErrDamaged, path, err)
	case errors.Is(err, os.ErrPermission):
		return fmt.Errorf("cannot open the library %s: permission denied: %w", path, err)
	}
	return fmt.Errorf("cannot open the library %s: %w", path, err)
}

// inspect opens an existing file read-only and checks that it is a bbolt
// file whose pages are all consistent and whose schema this build can read.
// It returns the schema version found (0 for a file without Dramatis
// buckets). bbolt may panic on some corrupt pages; that is caught and
// reported as ErrDamaged.
func inspect(path string) (version int, err error) {
	if err := checkFileSize(path); err != nil {
		return 0, err
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: lockTimeout})
	if err != nil {
		return 0, openError(path, err)
	}
	defer db.Close()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %s cannot be read (%v)", ErrDamaged, path, r)
		}
	}()
	err = db.View(func(tx *bolt.Tx) error {
		for cerr := range tx.Check() {
			// Drain the channel so its goroutine ends, keep the first error.
			if err == nil {
				detail := strings.TrimPrefix(strings.TrimPrefix(cerr.Error(), "panic: "), "assertion failed: ")
				err = fmt.Errorf("%w: %s fails its consistency check (bbolt: %s)", ErrDamaged, path, detail)
			}
		}
		if err != nil {
			return err
		}
		v, verr := readVersion(tx)
		if verr != nil {
			return fmt.Errorf("%s: %w", path, verr)
		}
		version = v
		return nil
	})
	return version, err
}

// errorf formats a message for the reader and classifies it as kind for
// errors.Is, without appending the kind's own words ("…: not found").
func errorf(kind error, format string, args ...any) error {
	return classified{kind: kind, err: fmt.Errorf(format, args...)}
}

type classified struct{ kind, err error }

func (c classified) Error() string   { return c.err.Error() }
func (c classified) Unwrap() []error { return []error{c.err, c.kind} }

// Close releases the file (and its lock).
func (l *Library) Close() error {
	return l.db.Close()
}

// Path is the library file's path.
func (l *Library) Path() string {
	return l.path
}
