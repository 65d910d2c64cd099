package storage

import (
	"errors"
	"fmt"
	"os"
	"path"
	"runtime"

	"github.com/dramatis-app/dramatis/internal/userpath"
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
		if d := getenv("APPDATA"); userpath.IsAbs("windows", d) {
			return userpath.Join("windows", d, "Dramatis", "library.db"), nil
		}
		if !userpath.IsAbs("windows", home) {
			return noHome()
		}
		return userpath.Join("windows", home, "AppData", "Roaming", "Dramatis", "library.db"), nil
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
