//go:build unix && !linux

package cli

import "golang.org/x/sys/unix"

// lowerPriority lowers this process's CPU priority to backgroundNice,
// where it is not lower already. Here the nice value is the process's,
// for all its threads (Linux keeps one per thread: see priority_linux.go),
// and getpriority returns it as it is.
func lowerPriority() error {
	nice, err := unix.Getpriority(unix.PRIO_PROCESS, 0)
	if err != nil || nice >= backgroundNice {
		return err
	}
	return unix.Setpriority(unix.PRIO_PROCESS, 0, backgroundNice)
}
