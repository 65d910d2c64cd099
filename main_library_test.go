package main

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// dramatis --library "" (the window) is a mistake said in one line, not
// the default library opened quietly.
func TestWindowWithEmptyLibraryFlag(t *testing.T) {
	cmd := exec.Command(os.Args[0], "--library", "")
	cmd.Env = append(os.Environ(), runMainEnv+"=1", "DISPLAY=", "WAYLAND_DISPLAY=")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 || !strings.Contains(string(out), "--library is empty") {
		t.Fatalf("dramatis --library \"\": %v, %q", err, out)
	}
}
