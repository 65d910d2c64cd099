package storage

import (
	"errors"
	"fmt"
	"runtime/debug"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// ErrFull: a change could not be stored because the library file may not
// grow (a full disk, a quota, a file-size limit). bbolt rolled it back.
var ErrFull = errors.New("the library file cannot grow: the disk is full or a size limit is reached")

// guardedDB is the library's bbolt handle. Every transaction goes through
// it, and it is where damage met while reading is caught:
//
//   - bbolt follows page ids and sizes from the file inside its memory
//     map; on a damaged page that is a fault (SIGSEGV, SIGBUS), which Go
//     turns into a recoverable panic only for goroutines that asked for it
//     (debug.SetPanicOnFault), or a panic of bbolt's own assertions. Both
//     become ErrDamaged here instead of ending the process.
//   - A record that does not decode returns ErrDamaged from the library's
//     own code.
//
// Either way the library is damaged from then on: every later write is
// refused before bbolt is asked (a damaged library is never written), and
// reads go on, so that what is readable can still be shown and exported.
type guardedDB struct {
	*bolt.DB
	lib *Library
}

// View runs a read transaction with faults caught.
func (g guardedDB) View(fn func(*bolt.Tx) error) (err error) {
	defer g.lib.recoverDamage(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	err = g.DB.View(fn)
	g.lib.noteDamage(err)
	return err
}

// Update runs a write transaction with faults caught, unless the library
// is damaged or read-only.
func (g guardedDB) Update(fn func(*bolt.Tx) error) (err error) {
	if g.lib.unchecked != nil {
		<-g.lib.unchecked // a put-off whole-file check runs (CheckLater)
	}
	if err := g.lib.writable(); err != nil {
		return err
	}
	defer g.lib.recoverDamage(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	err = g.DB.Update(func(tx *bolt.Tx) error {
		if err := fn(tx); err != nil || g.lib.searchStale.Load() {
			return err
		}
		return stampSearch(tx)
	})
	g.lib.noteDamage(err)
	if cause := noSpaceCause(err); cause != "" {
		return fmt.Errorf("%w (%s); nothing was changed: free some space and try again", ErrFull, cause)
	}
	if errors.Is(err, berrors.ErrDatabaseReadOnly) {
		return g.lib.writable()
	}
	return err
}

// recoverDamage turns a panic inside a transaction (a fault on a damaged
// page, a bbolt assertion) into ErrDamaged and marks the library damaged.
// bbolt's own deferred rollback has run by then, so its locks are free.
func (l *Library) recoverDamage(err *error) {
	r := recover()
	if r == nil {
		return
	}
	*err = fmt.Errorf("%w: %s cannot be read (%v)", ErrDamaged, l.path, r)
	l.noteDamage(*err)
}

// noteDamage marks the library damaged when err says a record or page is.
func (l *Library) noteDamage(err error) {
	if err != nil && errors.Is(err, ErrDamaged) {
		l.damage.CompareAndSwap(nil, &err)
	}
}

// Damaged returns the damage found in the library since it was opened (a
// record that does not read, a damaged page, or the background check's
// findings), or nil. A damaged library refuses every change; what can be
// read still reads.
func (l *Library) Damaged() error {
	if p := l.damage.Load(); p != nil {
		return *p
	}
	return nil
}

// writable returns why the library must not be written, or nil.
func (l *Library) writable() error {
	if d := l.Damaged(); d != nil {
		return fmt.Errorf("%w; nothing was changed", d)
	}
	if l.readOnly != "" {
		return errorf(ErrReadOnly, "the library is open read-only (%s); nothing was changed", l.readOnly)
	}
	if err := l.checkPlace(); err != nil {
		return fmt.Errorf("%w; nothing was changed", err)
	}
	return nil
}

// damageFlag holds the first damage found; a pointer so that it can be
// set once from any goroutine.
type damageFlag = atomic.Pointer[error]

// guardWorker is deferred by goroutines that read pages of an open
// transaction on the library's behalf (the parallel highlight decoding):
// they need the fault guard of their own, which a goroutine does not
// inherit.
func guardWorker(err *error) func() {
	old := debug.SetPanicOnFault(true)
	return func() {
		debug.SetPanicOnFault(old)
		if r := recover(); r != nil {
			*err = fmt.Errorf("%w: a record cannot be read (%v)", ErrDamaged, r)
		}
	}
}
