package testkit

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// CachedLibrary returns the path of a generated library of n articles:
// DIR/libgen-N/library.db, where DIR is the folder the environment
// variable cacheEnv names (kept between runs: a 50k library is about 2 GB
// and takes minutes to build), else the benchmark's temporary folder.
// build makes the library at the path it is given when it is not there;
// it builds in a folder beside the final one and renames the folder, so
// that a run stopped half way never leaves a half-built library to be
// taken for a whole one, and the files a library keeps beside itself (its
// state file, its backups) carry the final name.
func CachedLibrary(b testing.TB, cacheEnv string, n int, build func(path string) error) string {
	b.Helper()
	dir := os.Getenv(cacheEnv)
	if dir == "" {
		dir = b.TempDir()
	}
	final := filepath.Join(dir, fmt.Sprintf("libgen-%d", n))
	path := filepath.Join(final, "library.db")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	building := final + ".building"
	if err := os.RemoveAll(building); err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(building, 0o700); err != nil {
		b.Fatal(err)
	}
	if err := build(filepath.Join(building, "library.db")); err != nil {
		b.Fatal(err)
	}
	if err := os.RemoveAll(final); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(building, final); err != nil {
		b.Fatal(err)
	}
	return path
}
