package storage

import "errors"

// setFileSizeLimit fails: Windows has no per-process file size limit, so
// the disk-full tests that need one report it instead of passing.
func setFileSizeLimit(cur, max uint64) error {
	return errors.New("Windows has no per-process file size limit (RLIMIT_FSIZE)")
}

// ignoreFileSizeSignal does nothing: there is no SIGXFSZ on Windows.
func ignoreFileSizeSignal() {}
