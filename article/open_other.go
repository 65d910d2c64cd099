//go:build !unix

package article

// openNonBlocking is 0 where opening a file cannot wait for a writer
// (Windows has no named pipes in the file system).
const openNonBlocking = 0
