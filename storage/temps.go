package storage

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// A temporary file is left behind (stale) when nobody has it locked and it
// has not been written for staleAfter: the library's writers hold a lock
// on theirs while they work (osFS.CreateTemp, and bbolt's own lock while
// it migrates a restore's copy), and the age covers the moments between a
// file's close and its rename, and writers that lock nothing (export's
// ".dramatis-*.tmp", written in one go). Where files cannot be locked, only
// age tells, and it must be longer than any copy takes.
const (
	staleAfter         = 10 * time.Second
	staleUnlockedAfter = time.Hour
)

// removeStaleTemps deletes the temporary files a killed export, backup or
// restore left in dir: ".NAME.tmp…" (writeAtomically, library creation,
// restore) when base is "" or NAME starts with base, and ".dramatis-*.tmp"
// (export). A file its writer still has open is locked and stays; one that
// is a second name of the library itself (a new library linked into place
// whose temporary name could not be removed) goes whatever its lock.
func removeStaleTemps(fs fileSystem, dir, base string, library os.FileInfo) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	removed := 0
	for _, e := range entries {
		n := e.Name()
		if !e.Type().IsRegular() || !isOurTemp(n, base) {
			continue
		}
		p := filepath.Join(dir, n)
		info, err := e.Info()
		if err != nil {
			continue
		}
		if !(library != nil && os.SameFile(info, library)) && !isStale(p, time.Since(info.ModTime())) {
			continue
		}
		if fs.Remove(p) == nil {
			removed++
		}
	}
	return removed
}

// isOurTemp reports whether a file name is one of Dramatis's temporary
// files (of the library file base, when given): the library's own
// (".library.db.tmp…") or its state marker's ("..library.db.state.tmp…").
func isOurTemp(name, base string) bool {
	if strings.HasPrefix(name, ".dramatis-") && strings.HasSuffix(name, ".tmp") {
		return true
	}
	if !strings.HasPrefix(name, ".") {
		return false
	}
	i := strings.LastIndex(name, ".tmp")
	if i < 0 {
		return false
	}
	return base == "" || strings.HasPrefix(name[1:], base) || strings.HasPrefix(name[1:], "."+base+".state")
}

// isStale reports whether the temporary file at p, last written age ago,
// was left behind.
func isStale(p string, age time.Duration) bool {
	if !tempLocks {
		return age > staleUnlockedAfter
	}
	if age < staleAfter {
		return false
	}
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	return tryLock(f)
}
