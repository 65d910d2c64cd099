// Package userpath reads the paths readers type (--out, the notes folder
// and the library location in the window) by the rules of the system they
// run on, which differ: Windows has drive letters, UNC paths (\\server\share)
// and both slashes; the others one root and "/". Every function takes the
// system's name (runtime.GOOS), so each system's rules are table-tested on
// any of them.
package userpath

import (
	"fmt"
	"strings"
)

// isSep reports whether c separates folders on goos.
func isSep(goos string, c byte) bool {
	return c == '/' || goos == "windows" && c == '\\'
}

// volumeLen is the length of a Windows path's volume: "C:" or
// "\\server\share"; 0 when there is none.
func volumeLen(p string) int {
	switch {
	case len(p) >= 2 && p[1] == ':' && (p[0]|0x20 >= 'a' && p[0]|0x20 <= 'z'):
		return 2
	case len(p) >= 5 && isSep("windows", p[0]) && isSep("windows", p[1]) && !isSep("windows", p[2]):
		// \\server\share: up to the separator after the share's name.
		i := strings.IndexAny(p[2:], `\/`)
		if i < 0 {
			return 0
		}
		j := strings.IndexAny(p[2+i+1:], `\/`)
		if i == 0 || j == 0 {
			return 0
		}
		if j < 0 {
			return len(p)
		}
		return 2 + i + 1 + j
	}
	return 0
}

// IsAbs reports whether p names one place whatever the current folder is:
// on Windows a drive with a separator (C:\, C:/) or a UNC path; "C:x" is
// relative to the drive's current folder and "\x" to the current drive.
func IsAbs(goos, p string) bool {
	if goos != "windows" {
		return strings.HasPrefix(p, "/")
	}
	n := volumeLen(p)
	switch {
	case n == 0:
		return false
	case n > 2: // UNC
		return true
	}
	return len(p) > 2 && isSep(goos, p[2])
}

// Join joins names onto dir with goos's separator, as filepath.Join does
// there (without cleaning "..").
func Join(goos, dir string, names ...string) string {
	sep := "/"
	if goos == "windows" {
		sep = `\`
	}
	return strings.TrimRight(dir, sep+"/") + sep + strings.Join(names, sep)
}

// ExpandHome replaces a leading "~" with home, as a shell would: readers
// type ~/Notes, and a program started from the desktop has no shell to do
// it. "~\Notes" counts on Windows too. Other paths come back as they are.
func ExpandHome(goos, home, p string) (string, error) {
	if p != "~" && !(len(p) > 1 && p[0] == '~' && isSep(goos, p[1])) {
		return p, nil
	}
	if home == "" {
		return "", fmt.Errorf("cannot expand %s: no home folder", p)
	}
	if p == "~" {
		return home, nil
	}
	return Join(goos, home, strings.TrimLeft(p[2:], `\/`)), nil
}

// Example is a full path in goos's form for messages that ask for one:
// Example("windows", "Notes") is C:\Users\me\Notes.
func Example(goos string, names ...string) string {
	switch goos {
	case "windows":
		return Join(goos, `C:\Users\me`, names...)
	case "darwin":
		return Join(goos, "/Users/me", names...)
	}
	return Join(goos, "/home/me", names...)
}

// Foreign returns why p cannot be meant for goos, or nil: a Windows path
// (C:\Notes, \\server\share) typed on another system would become a file
// or folder of that odd name in the current folder.
func Foreign(goos, p string) error {
	if goos == "windows" || !IsAbs("windows", p) {
		return nil
	}
	return fmt.Errorf("%s is a Windows path; here paths look like %s", p, Example(goos, "Notes"))
}

// Quote writes a path for a command the reader may paste into a shell (the
// way back from a damaged library, named by the commands and the window
// alike): as it is when no character in it means something to a shell,
// else in single quotes.
func Quote(p string) string {
	if p != "" && !strings.ContainsAny(p, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return p
	}
	return "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
}
