package export

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxFileNameBytes bounds a note's file name without its ".md" extension,
// well under the 255-byte limit of common file systems so that a suffix
// for uniqueness and the extension always fit.
const MaxFileNameBytes = 100

// forbiddenFileRunes cannot appear in file names on Windows, or are path
// separators, or mean something in an Obsidian link (# ^ [ ]).
const forbiddenFileRunes = `/\:*?"<>|#^[]`

// reservedWindowsNames are device names Windows refuses as file names,
// with or without an extension (CONIN$ and CONOUT$ are the console's).
var reservedWindowsNames = [...]string{
	"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
	"COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
	"LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
	"COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³",
}

// FileName turns a title into a file name (without extension) that every
// common OS accepts: NFC, forbidden characters and control characters
// replaced by spaces, whitespace collapsed, no "..", no leading or trailing
// dots and spaces, no reserved Windows device name, at most
// MaxFileNameBytes bytes cut on a rune boundary. An empty result becomes
// "Untitled".
func FileName(title string) string {
	title = norm.NFC.String(strings.ToValidUTF8(title, ""))
	var b strings.Builder
	for _, r := range title {
		switch {
		case unicode.IsControl(r) || r == utf8.RuneError || strings.ContainsRune(forbiddenFileRunes, r):
			b.WriteByte(' ')
		case unicode.In(r, unicode.Cf, unicode.Co, unicode.Cs):
			// Invisible formatting characters make names that look equal
			// but are not.
		default:
			b.WriteRune(r)
		}
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", ".")
	}
	s = trimName(s)
	if len(s) > MaxFileNameBytes {
		s = trimName(cutRunes(s, MaxFileNameBytes))
	}
	if s == "" {
		return "Untitled"
	}
	if isReservedName(s) {
		s = trimName(cutRunes("_"+s, MaxFileNameBytes))
	}
	return s
}

// trimName removes what Windows drops or refuses at the ends of a name:
// dots and spaces (a leading dot would also hide the file on Unix).
func trimName(s string) string {
	return strings.Trim(s, ". ")
}

// cutRunes returns the longest prefix of s of at most n bytes that ends on
// a rune boundary.
func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// isReservedName reports whether Windows treats name (before any
// extension) as a device.
func isReservedName(name string) bool {
	base := name
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	base = strings.TrimRight(base, " ")
	for _, r := range reservedWindowsNames {
		if strings.EqualFold(base, r) {
			return true
		}
	}
	return false
}

// uniqueName returns name, or name with the short id appended when folded
// (case- and normalisation-insensitively, as macOS and Windows compare) it
// is already taken. The result is marked as taken.
func uniqueName(name, id string, taken map[string]bool) string {
	if !taken[foldFileName(name)] {
		taken[foldFileName(name)] = true
		return name
	}
	short := shortID(id)
	for i := 0; ; i++ {
		suffix := " " + short
		if i > 0 {
			suffix += "-" + strconv.Itoa(i)
		}
		cand := trimName(cutRunes(name, MaxFileNameBytes-len(suffix))) + suffix
		if !taken[foldFileName(cand)] {
			taken[foldFileName(cand)] = true
			return cand
		}
	}
}

// foldFileName is how file systems that ignore case compare names.
func foldFileName(name string) string {
	return strings.ToLower(norm.NFC.String(name))
}

// shortID is the last 8 characters of an id in lower case: the random end
// of a ULID, distinct where the time-ordered start is shared.
func shortID(id string) string {
	id = FileName(strings.ToLower(id))
	if len(id) > 8 {
		id = id[len(id)-8:]
	}
	return id
}
