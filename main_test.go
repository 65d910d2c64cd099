package main

import (
	"errors"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// TestLocaleChild is the child of TestNoLocaleErrorUnderCUTF8: it only has to
// start, so that package initialisation (where Fyne reads the locale) runs.
func TestLocaleChild(t *testing.T) {
	if os.Getenv("DRAMATIS_LOCALE_CHILD") == "" {
		t.Skip("run by TestNoLocaleErrorUnderCUTF8")
	}
}

// Under LANG=C.UTF-8, the locale of most containers and CI machines, every
// headless command used to print a "Fyne error" line before its own output.
func TestNoLocaleErrorUnderCUTF8(t *testing.T) {
	for _, loc := range []string{"C.UTF-8", "C", "de_DE.UTF-8"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestLocaleChild$")
		cmd.Env = append(os.Environ(), "DRAMATIS_LOCALE_CHILD=1", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=", "LANG="+loc)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("LANG=%s: child failed: %v\n%s", loc, err, out)
		}
		if strings.Contains(string(out), "locale") {
			t.Errorf("LANG=%s: start-up printed:\n%s", loc, out)
		}
	}
}

// TestMainChild runs main with the arguments in DRAMATIS_MAIN_ARGS, for
// tests that need the real dispatch and exit status.
func TestMainChild(t *testing.T) {
	args := os.Getenv("DRAMATIS_MAIN_ARGS")
	if args == "" {
		t.Skip("run by TestUnknownCommand")
	}
	os.Args = append([]string{"dramatis"}, strings.Fields(args)...)
	main()
}

// A word that is no command, file or URL is an unknown command, said on the
// command line: it used to open the window to import a file of that name
// ("no display" without one).
func TestUnknownCommand(t *testing.T) {
	for args, want := range map[string]string{
		"frobnicate": `dramatis: unknown command "frobnicate" (see 'dramatis help')`,
		"clena x":    `dramatis: unknown command "clena" (did you mean "clean"? see 'dramatis help')`,
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMainChild$")
		cmd.Env = append(os.Environ(), "DRAMATIS_MAIN_ARGS="+args, "DISPLAY=", "WAYLAND_DISPLAY=")
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 2 || strings.TrimSpace(string(out)) != want {
			t.Errorf("dramatis %s: %v, output %q; want exit 2 and %q", args, err, out, want)
		}
	}
}

// --version prints the version and build of FyneApp.toml, the commit and
// the Go release, on one line, and exits 0 without opening a window.
func TestVersion(t *testing.T) {
	for _, arg := range []string{"--version", "version"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMainChild$")
		cmd.Env = append(os.Environ(), "DRAMATIS_MAIN_ARGS="+arg, "DISPLAY=", "WAYLAND_DISPLAY=")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("dramatis %s: %v\n%s", arg, err, out)
		}
		got := strings.TrimSpace(string(out))
		want := regexp.MustCompile(`^dramatis \d+\.\d+\.\d+ \(build \d+\), commit (unknown|[0-9a-f]{12}(\+changes)?), go\S+ \w+/\w+$`)
		if !want.MatchString(got) {
			t.Errorf("dramatis %s printed %q", arg, got)
		}
	}
}
