package app

import (
	"sync"

	"fyne.io/fyne/v2"
)

// runner runs disk and network work off the main goroutine and hands the
// result back to it with fyne.Do, so that the window never waits.
type runner struct {
	// inline runs the work synchronously; tests set it so that a flow is
	// deterministic without sleeping.
	inline bool
	// pending counts work still running (tests wait for it).
	pending sync.WaitGroup
}

// run does work off the main goroutine and then applies its result on it.
// Either function may be nil. Errors are the work's business to report.
func (r *runner) run(work, then func()) {
	if r.inline {
		if work != nil {
			work()
		}
		if then != nil {
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
			fyne.Do(then)
		}
	}()
}
