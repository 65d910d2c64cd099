package app

import (
	"context"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
)

// runner runs disk and network work off the main goroutine and hands the
// result back to it with fyne.Do, so that the window never waits.
//
// It also ends that work safely when the window quits. Once Fyne 2.7.1
// has begun shutting down, fyne.Do no longer runs its function on the main
// goroutine but directly on the caller's (internal/driver/glfw/loop.go:43),
// so continuations of several jobs would build the window's widgets at
// once on different goroutines (the harfbuzz panic of a quit during an
// import); and a function handed to the main loop while it drains its
// queue can be lost there, leaving Fyne's own stop hook waiting for it
// for ever with the library still locked. So, from quit on, continuations
// are dropped and no new call into the main loop is made (quit), and
// before the library closes, jobs that hold it finish and no new one
// starts (close).
type runner struct {
	// inline runs the work synchronously; tests set it so that a flow is
	// deterministic without sleeping.
	inline bool
	// pending counts work still running (tests wait for it).
	pending sync.WaitGroup

	// quitting is set when the window begins to quit: continuations and
	// posts to the main goroutine are dropped from then on.
	quitting atomic.Bool
	// ctx is cancelled at quit, for work that can stop early (fetches,
	// imports not yet stored).
	ctx    context.Context
	cancel context.CancelFunc

	// mu guards closed; held counts jobs that may use the library.
	mu     sync.Mutex
	closed bool
	held   sync.WaitGroup
}

// newRunner makes a runner; inline runs all work synchronously (tests).
func newRunner(inline bool) *runner {
	ctx, cancel := context.WithCancel(context.Background())
	return &runner{inline: inline, ctx: ctx, cancel: cancel}
}

// run does work off the main goroutine and then applies its result on it.
// Either function may be nil. Errors are the work's business to report.
// The work holds the library: close waits for it, and after close it does
// not run at all.
func (r *runner) run(work, then func()) {
	if !r.hold() {
		return
	}
	r.start(func() {
		defer r.release()
		if work != nil {
			work()
		}
	}, then)
}

// runLoose is run for work that holds the library only around its own
// calls to it (withLibrary): a long preparation (cleaning a page) then
// does not delay a quit, which waits only for what is being stored.
func (r *runner) runLoose(work, then func()) {
	if r.closedNow() {
		return
	}
	r.start(work, then)
}

// start runs work, then posts then; inline runs both here.
func (r *runner) start(work, then func()) {
	if r.inline {
		if work != nil {
			work()
		}
		if then != nil && !r.quitting.Load() {
			then()
		}
		return
	}
	r.pending.Add(1)
	go func() {
		defer r.pending.Done()
		if work != nil {
			work()
		}
		if then != nil {
			r.do(then)
		}
	}()
}

// do runs f on the main goroutine, unless the window is quitting (checked
// again when f's turn comes, as the quit may begin in between).
func (r *runner) do(f func()) {
	if r.quitting.Load() {
		return
	}
	fyne.Do(func() {
		if !r.quitting.Load() {
			f()
		}
	})
}

// withLibrary runs f, which uses the library, unless the runner is
// closed; it reports whether f ran. close waits for f.
func (r *runner) withLibrary(f func()) bool {
	if !r.hold() {
		return false
	}
	defer r.release()
	f()
	return true
}

// hold counts a job that uses the library, unless the runner is closed.
func (r *runner) hold() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return false
	}
	r.held.Add(1)
	return true
}

// release ends what hold began.
func (r *runner) release() { r.held.Done() }

// closedNow reports whether close has been called.
func (r *runner) closedNow() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.closed
}

// quit drops continuations from now on and cancels ctx. Jobs may still
// start (the window's last saves), and running ones go on.
func (r *runner) quit() {
	r.quitting.Store(true)
	r.cancel()
}

// close quits, refuses new jobs and waits for those that hold the
// library, so that it can be closed under none of them. It may be called
// more than once, from any goroutine.
func (r *runner) close() {
	r.quit()
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	r.held.Wait()
}
