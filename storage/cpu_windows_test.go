package storage

import (
	"time"

	"golang.org/x/sys/windows"
)

// processCPU is the user and kernel CPU time this process has used
// (Windows has no getrusage; FILETIMEs count 100 ns).
func processCPU() time.Duration {
	var creation, exit, kernel, user windows.Filetime
	windows.GetProcessTimes(windows.CurrentProcess(), &creation, &exit, &kernel, &user)
	ticks := func(f windows.Filetime) int64 { return int64(f.HighDateTime)<<32 | int64(f.LowDateTime) }
	return time.Duration((ticks(kernel) + ticks(user)) * 100)
}
