//go:build unix

package article

import "syscall"

// openNonBlocking makes opening a named pipe return at once instead of
// waiting for a writer, so that openPageFile can look at what it opened.
const openNonBlocking = syscall.O_NONBLOCK
