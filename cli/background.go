package cli

import (
	"os"
	"os/exec"
	"time"
)

// startDetached starts this program again with args as a process of its
// own: no terminal, no inherited output (a script that reads this
// command's output must not wait for it), in its own session so that
// closing the terminal does not stop it. This process does not wait.
func startDetached(args ...string) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(exe, args...)
	cmd.SysProcAttr = detachedAttr()
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Process.Release()
}

// statTime returns a file's modification time.
func statTime(path string) (time.Time, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return time.Time{}, err
	}
	return fi.ModTime(), nil
}
