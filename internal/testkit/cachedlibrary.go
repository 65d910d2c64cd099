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
// it builds beside the final name and renames, so that a run stopped half
// way never leaves a half-built library to be taken for a whole one.
func CachedLibrary(b testing.TB, cacheEnv string, n int, build func(path string) error) string {
	b.Helper()
	dir := os.Getenv(cacheEnv)
	if dir == "" {
		dir = b.TempDir()
	}
	path := filepath.Join(dir, fmt.Sprintf("libgen-%d", n), "library.db")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		b.Fatal(err)
	}
	tmp := path + ".building"
	os.Remove(tmp)
	if err := build(tmp); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}
