package cli

import (
	"errors"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// The I/O priority 'backup --auto' runs at: the lowest level of the
// best-effort class, below the level its nice value alone gives (6), not
// the idle class. An idle-class process gets the disk only when nobody
// else has used it for a while, however long it waits, and the compaction
// takes the library's lock to put its copy in place: starved of the disk
// while holding it, it would keep the very window that is busy reading
// from opening the library. (Only the BFQ and CFQ disk schedulers heed
// I/O priorities; under others this changes nothing.)
const (
	ioprioWhoProcess      = 1 // IOPRIO_WHO_PROCESS: one thread, by its id
	ioprioClassShift      = 13
	ioprioClassBestEffort = 2
	ioprioClassIdle       = 3
	backgroundIOLevel     = 7 // the lowest of the best-effort levels (0-7)
	backgroundIOPriority  = ioprioClassBestEffort<<ioprioClassShift | backgroundIOLevel
)

// lowerPasses bounds how often lowerPriority reads the list of threads
// again; one pass more than the threads the runtime might start while it
// runs is plenty.
const lowerPasses = 8

// lowerPriority lowers this process's CPU priority to backgroundNice and
// its I/O priority to backgroundIOPriority, where it is not lower
// already. On Linux both belong to each thread, not to the process
// (setpriority and ioprio_set with an id of 0 change the calling thread
// only), and a new thread takes its creator's; the Go runtime has started
// several threads before main runs, and starts more as it likes. So
// every thread is lowered, by its id, and the list read again until a
// pass finds none left to lower: one started meanwhile by a thread not
// yet lowered is lowered in the next, and every thread started after
// that comes from a lowered one.
func lowerPriority() error {
	var errs error
	for range lowerPasses {
		lowered, err := lowerThreads()
		errs = errors.Join(errs, err)
		if !lowered {
			break
		}
	}
	return errs
}

// lowerThreads lowers every thread of this process that is not lowered
// yet, and reports whether it lowered any.
func lowerThreads() (bool, error) {
	entries, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return false, err
	}
	lowered := false
	var errs error
	for _, e := range entries {
		tid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		did, err := lowerThread(tid)
		if errors.Is(err, unix.ESRCH) {
			continue // the thread ended meanwhile
		}
		lowered = lowered || did
		errs = errors.Join(errs, err)
	}
	return lowered, errs
}

// lowerThread lowers the CPU and I/O priority of the thread tid where
// they are higher than the background's, and reports whether it changed
// either. A failure of one does not keep the other from being tried.
func lowerThread(tid int) (bool, error) {
	lowered := false
	// The system call returns 20 - nice (glibc's wrapper undoes that; the
	// raw call does not).
	prio, err := unix.Getpriority(unix.PRIO_PROCESS, tid)
	if err == nil && 20-prio < backgroundNice {
		err = unix.Setpriority(unix.PRIO_PROCESS, tid, backgroundNice)
		lowered = err == nil
	}
	io, ioErr := ioPriorityOf(tid)
	if ioErr == nil && io != backgroundIOPriority && io>>ioprioClassShift != ioprioClassIdle {
		ioErr = setIOPriority(tid, backgroundIOPriority)
		lowered = lowered || ioErr == nil
	}
	return lowered, errors.Join(err, ioErr)
}

// ioPriorityOf is the I/O priority of the thread tid (ioprio_get, which
// x/sys/unix does not wrap).
func ioPriorityOf(tid int) (int, error) {
	r, _, errno := unix.Syscall(unix.SYS_IOPRIO_GET, ioprioWhoProcess, uintptr(tid), 0)
	if errno != 0 {
		return 0, errno
	}
	return int(r), nil
}

// setIOPriority sets the I/O priority of the thread tid (ioprio_set).
func setIOPriority(tid, prio int) error {
	if _, _, errno := unix.Syscall(unix.SYS_IOPRIO_SET, ioprioWhoProcess, uintptr(tid), uintptr(prio)); errno != 0 {
		return errno
	}
	return nil
}
