//go:build !unix

package export

import "os"

// processAlive reports whether a process with this id exists: on Windows
// FindProcess opens it and fails when there is none. Where the system
// cannot tell, it says alive, and the file is left to the age rule.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
