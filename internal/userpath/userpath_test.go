package userpath

import (
	"strings"
	"testing"
)

func TestIsAbs(t *testing.T) {
	for _, tc := range []struct {
		goos, p string
		want    bool
	}{
		{"windows", `C:\Users\me\Notes`, true},
		{"windows", `c:/Users/me`, true},
		{"windows", `D:\`, true},
		{"windows", `\\server\share\Notes`, true},
		{"windows", `//server/share`, true},
		{"windows", `C:`, false},
		{"windows", `C:Notes`, false},
		{"windows", `\Notes`, false},
		{"windows", `/home/me`, false},
		{"windows", `\\server`, false},
		{"windows", `\\\x\y`, false},
		{"windows", `Notes\2024`, false},
		{"windows", `~\Notes`, false},
		{"windows", ``, false},
		{"linux", `/home/me/Notes`, true},
		{"linux", `C:\Users\me`, false},
		{"linux", `\\server\share`, false},
		{"linux", `Notes`, false},
		{"darwin", `/Users/me`, true},
	} {
		if got := IsAbs(tc.goos, tc.p); got != tc.want {
			t.Errorf("IsAbs(%s, %q) = %v, want %v", tc.goos, tc.p, got, tc.want)
		}
	}
}

func TestExpandHome(t *testing.T) {
	for _, tc := range []struct {
		goos, home, p, want string
	}{
		{"windows", `C:\Users\me`, `~\Notes\Dramatis`, `C:\Users\me\Notes\Dramatis`},
		{"windows", `C:\Users\me`, `~/Notes`, `C:\Users\me\Notes`},
		{"windows", `C:\Users\me`, `~`, `C:\Users\me`},
		{"windows", `C:\Users\me`, `~me\Notes`, `~me\Notes`}, // no other users' homes
		{"windows", `C:\Users\me`, `D:\Notes`, `D:\Notes`},
		{"linux", "/home/me", "~/Notes", "/home/me/Notes"},
		{"linux", "/home/me/", "~/Notes", "/home/me/Notes"},
		{"linux", "/home/me", `~\Notes`, `~\Notes`}, // a name with a backslash, as the shell would leave it
		{"linux", "/home/me", "~", "/home/me"},
		{"darwin", "/Users/me", "~/Notes", "/Users/me/Notes"},
	} {
		got, err := ExpandHome(tc.goos, tc.home, tc.p)
		if err != nil || got != tc.want {
			t.Errorf("ExpandHome(%s, %q, %q) = %q, %v; want %q", tc.goos, tc.home, tc.p, got, err, tc.want)
		}
	}
	if _, err := ExpandHome("windows", "", `~\Notes`); err == nil {
		t.Error("no home folder: no error")
	}
}

func TestExampleIsAbsolute(t *testing.T) {
	for goos, want := range map[string]string{"windows": `C:\Users\me\Notes`, "linux": "/home/me/Notes", "darwin": "/Users/me/Notes", "freebsd": "/home/me/Notes"} {
		got := Example(goos, "Notes")
		if got != want || !IsAbs(goos, got) {
			t.Errorf("Example(%s) = %q, want %q, absolute", goos, got, want)
		}
	}
}

// A Windows path given to --out on Linux would make a folder named
// "C:\Notes" in the current folder; on Windows it is an ordinary path.
func TestForeign(t *testing.T) {
	for _, tc := range []struct {
		goos, p string
		foreign bool
	}{
		{"linux", `C:\Users\me\Notes`, true},
		{"linux", `c:/notes`, true},
		{"linux", `D:`, false}, // a name; D:\ would be a drive
		{"linux", `\\nas\share\Notes`, true},
		{"linux", `/home/me/C:\odd`, false},
		{"linux", `Notes`, false},
		{"linux", `a:b`, false},
		{"darwin", `C:\Notes`, true},
		{"windows", `C:\Users\me\Notes`, false},
		{"windows", `\\nas\share`, false},
	} {
		err := Foreign(tc.goos, tc.p)
		if (err != nil) != tc.foreign {
			t.Errorf("Foreign(%s, %q) = %v, want foreign %v", tc.goos, tc.p, err, tc.foreign)
		}
		if err != nil && !strings.Contains(err.Error(), Example(tc.goos, "Notes")) {
			t.Errorf("Foreign(%s, %q) = %q does not show a path of this system", tc.goos, tc.p, err)
		}
	}
}

func TestQuote(t *testing.T) {
	for _, tc := range []struct{ p, want string }{
		{"/home/me/.local/share/dramatis/backups/library-2026-12-03.db", "/home/me/.local/share/dramatis/backups/library-2026-12-03.db"},
		{"/home/me/My Library/library.db", "'/home/me/My Library/library.db'"},
		{"/tmp/O'Brien/library.db", `'/tmp/O'\''Brien/library.db'`},
		{"/tmp/$HOME/x.db", "'/tmp/$HOME/x.db'"},
		{"~/library.db", "'~/library.db'"},
		{"", "''"},
	} {
		if got := Quote(tc.p); got != tc.want {
			t.Errorf("Quote(%q) = %s, want %s", tc.p, got, tc.want)
		}
	}
}
