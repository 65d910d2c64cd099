package app

import (
	"syscall"
	"time"
)

// rusageThread asks getrusage(2) for the calling thread (Linux only).
const rusageThread = 1

// cpuTimes returns the CPU time (user and system) the process and the
// calling thread have used so far. The start-up trace prints both beside
// the wall time, which on a shared machine grows with everyone else's
// load: the main goroutine runs on the main thread (Fyne's driver locks
// it there), and its CPU time is start-up's critical path.
func cpuTimes() (process, thread time.Duration, ok bool) {
	var p, t syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &p) != nil || syscall.Getrusage(rusageThread, &t) != nil {
		return 0, 0, false
	}
	return time.Duration(p.Utime.Nano() + p.Stime.Nano()), time.Duration(t.Utime.Nano() + t.Stime.Nano()), true
}
