package main

import (
	"os"
	"os/exec"
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
