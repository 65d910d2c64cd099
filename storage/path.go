package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/dramatis-app/dramatis/internal/userpath"
)

// ExpandPath turns a library path as the reader gave it into the path to
// use: "~" and "~/…" name the home folder (a shell expands them, but not
// in --library=~/x.db or DRAMATIS_LIBRARY="~/x.db", which would otherwise
// make a folder named "~"). An empty path is an error, never the default.
func ExpandPath(p string) (string, error) {
	if strings.TrimSpace(p) == "" {
		return "", errorf(ErrInvalid, "the library path is empty; give a file, or leave --library out for the default")
	}
	if err := userpath.Foreign(runtime.GOOS, p); err != nil {
		return "", errorf(ErrInvalid, "%v", err)
	}
	if p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, "~"+string(filepath.Separator)) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("cannot expand %s: no home folder: %w", p, err)
		}
		return filepath.Join(home, p[1:]), nil
	}
	return p, nil
}

// resolveLibraryPath follows symbolic links to the library file itself,
// so that its backups, state and temporary files are made next to it, not
// next to a link to it. A link to nothing is an error: creating a library
// there would put it somewhere the reader did not choose.
func resolveLibraryPath(p string) (string, error) {
	fi, err := os.Lstat(p)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return p, nil
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		target, _ := os.Readlink(p)
		if errors.Is(err, fs.ErrNotExist) {
			return "", errorf(ErrInvalid, "the library %s is a link to %s, which does not exist", p, target)
		}
		return "", fmt.Errorf("cannot follow the link %s: %w", p, err)
	}
	return real, nil
}

// realPath is p with symbolic links resolved where possible.
func realPath(p string) string {
	if r, err := resolveLibraryPath(p); err == nil {
		return r
	}
	return p
}
