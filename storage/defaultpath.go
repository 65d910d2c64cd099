package storage

import (
	"errors"
	"fmt"
	"os"
	"path"
	"runtime"
	"strings"
)

// DefaultPath is where the library lives when neither --library nor
// DRAMATIS_LIBRARY says otherwise: in the folder where each system keeps
// programs' data, so that it is backed up, synced and removed with them.
//
//	Linux, BSD  $XDG_DATA_HOME/dramatis/library.db (~/.local/share/dramatis/library.db)
//	Windows     %APPDATA%\Dramatis\library.db (C:\Users\NAME\AppData\Roaming\…)
//	macOS       ~/Library/Application Support/Dramatis/library.db
func DefaultPath() (string, error) {
	home, err := os.UserHomeDir()
	return defaultPath(runtime.GOOS, os.Getenv, home, err)
}

// defaultPath is DefaultPath for the system goos, its environment and
// home folder: a pure function, so that every system's rule is tested on
// any of them.
func defaultPath(goos string, getenv func(string) string, home string, homeErr error) (string, error) {
	noHome := func() (string, error) {
		if homeErr == nil {
			homeErr = errors.New("no home folder")
		}
		return "", fmt.Errorf("cannot find a place for the library (%w); give one with --library or DRAMATIS_LIBRARY", homeErr)
	}
	switch goos {
	case "windows":
		// Roaming AppData, as Fyne keeps the preferences: the library
		// follows the reader to another PC of the same domain.
		if d := getenv("APPDATA"); isAbsWindows(d) {
			return joinWindows(d, "Dramatis", "library.db"), nil
		}
		if !isAbsWindows(home) {
			return noHome()
		}
		return joinWindows(home, "AppData", "Roaming", "Dramatis", "library.db"), nil
	case "darwin", "ios":
		if !path.IsAbs(home) {
			return noHome()
		}
		return path.Join(home, "Library", "Application Support", "Dramatis", "library.db"), nil
	default:
		// The XDG base directory spec says to ignore a relative
		// XDG_DATA_HOME.
		if d := getenv("XDG_DATA_HOME"); path.IsAbs(d) {
			return path.Join(d, "dramatis", "library.db"), nil
		}
		if !path.IsAbs(home) {
			return noHome()
		}
		return path.Join(home, ".local", "share", "dramatis", "library.db"), nil
	}
}

// isAbsWindows reports whether p is an absolute Windows path: a drive
// letter with a separator (C:\, C:/) or a UNC path (\\server\share).
// "C:foo" is relative to the drive's current folder, "\foo" to the current
// drive: neither is a place to keep a library.
func isAbsWindows(p string) bool {
	isSep := func(c byte) bool { return c == '\\' || c == '/' }
	switch {
	case len(p) >= 3 && (p[0]|0x20 >= 'a' && p[0]|0x20 <= 'z') && p[1] == ':' && isSep(p[2]):
		return true
	case len(p) >= 5 && isSep(p[0]) && isSep(p[1]) && !isSep(p[2]):
		return strings.ContainsAny(p[3:], `\/`)
	}
	return false
}

// joinWindows joins a Windows folder and names with backslashes, as
// filepath.Join does there.
func joinWindows(dir string, names ...string) string {
	return strings.TrimRight(dir, `\/`) + `\` + strings.Join(names, `\`)
}
