//go:build !linux

package app

import "time"

// cpuTimes is not measured here; the start-up trace prints wall time only.
func cpuTimes() (process, thread time.Duration, ok bool) { return 0, 0, false }
