package analysis

import (
	"time"

	"golang.org/x/sys/windows"
)

// cpuTime is the process's user and kernel CPU time so far (Windows has
// no getrusage; FILETIMEs count 100 ns).
func cpuTime() time.Duration {
	var creation, exit, kernel, user windows.Filetime
	if windows.GetProcessTimes(windows.CurrentProcess(), &creation, &exit, &kernel, &user) != nil {
		return 0
	}
	ticks := func(f windows.Filetime) int64 { return int64(f.HighDateTime)<<32 | int64(f.LowDateTime) }
	return time.Duration((ticks(kernel) + ticks(user)) * 100)
}
