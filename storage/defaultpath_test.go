package storage

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Each system's data folder, with the environment a reader may have.
func TestDefaultPathPerSystem(t *testing.T) {
	noHome := errors.New("$HOME is not defined")
	for _, tc := range []struct {
		goos    string
		env     map[string]string
		home    string
		homeErr error
		want    string // "" when an error is wanted
	}{
		{"linux", map[string]string{"XDG_DATA_HOME": "/tmp/xdg"}, "/home/leser", nil, "/tmp/xdg/dramatis/library.db"},
		{"linux", nil, "/home/leser", nil, "/home/leser/.local/share/dramatis/library.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "relative/data"}, "/home/leser", nil, "/home/leser/.local/share/dramatis/library.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "/data/"}, "", noHome, "/data/dramatis/library.db"},
		{"freebsd", nil, "/usr/home/leser", nil, "/usr/home/leser/.local/share/dramatis/library.db"},
		{"linux", nil, "", noHome, ""},
		{"linux", nil, "relative", nil, ""},
		{"windows", map[string]string{"APPDATA": `C:\Users\Leser\AppData\Roaming`}, `C:\Users\Leser`, nil, `C:\Users\Leser\AppData\Roaming\Dramatis\library.db`},
		{"windows", map[string]string{"APPDATA": `D:\Profile\Roaming\`}, `C:\Users\Leser`, nil, `D:\Profile\Roaming\Dramatis\library.db`},
		{"windows", map[string]string{"APPDATA": `\\server\profiles\leser`}, `C:\Users\Leser`, nil, `\\server\profiles\leser\Dramatis\library.db`},
		{"windows", map[string]string{"APPDATA": `C:relative`}, `C:\Users\Leser`, nil, `C:\Users\Leser\AppData\Roaming\Dramatis\library.db`},
		{"windows", nil, `C:\Users\Leser`, nil, `C:\Users\Leser\AppData\Roaming\Dramatis\library.db`},
		{"windows", map[string]string{"XDG_DATA_HOME": "/tmp/xdg"}, `C:\Users\Leser`, nil, `C:\Users\Leser\AppData\Roaming\Dramatis\library.db`},
		{"windows", nil, "", noHome, ""},
		{"darwin", nil, "/Users/leser", nil, "/Users/leser/Library/Application Support/Dramatis/library.db"},
		{"darwin", map[string]string{"XDG_DATA_HOME": "/tmp/xdg"}, "/Users/leser", nil, "/Users/leser/Library/Application Support/Dramatis/library.db"},
		{"darwin", nil, "", noHome, ""},
	} {
		getenv := func(k string) string { return tc.env[k] }
		got, err := defaultPath(tc.goos, getenv, tc.home, tc.homeErr)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("%s %v home %q: %q, want an error", tc.goos, tc.env, tc.home, got)
		case tc.want == "" && !strings.Contains(err.Error(), "--library"):
			t.Errorf("%s: error %q does not say how to choose a library", tc.goos, err)
		case tc.want != "" && (err != nil || got != tc.want):
			t.Errorf("%s %v home %q: %q, %v; want %q", tc.goos, tc.env, tc.home, got, err, tc.want)
		}
	}
}

// On this system DefaultPath follows the environment.
func TestDefaultPath(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the environment variables below are Linux's")
	}
	t.Setenv("XDG_DATA_HOME", "/tmp/xdg")
	if p, err := DefaultPath(); err != nil || p != filepath.FromSlash("/tmp/xdg/dramatis/library.db") {
		t.Fatalf("DefaultPath = %q, %v", p, err)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/leser")
	if p, err := DefaultPath(); err != nil || p != "/home/leser/.local/share/dramatis/library.db" {
		t.Fatalf("DefaultPath = %q, %v", p, err)
	}
}
