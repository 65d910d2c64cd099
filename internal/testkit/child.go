package testkit

import (
	"bufio"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// childLines is how many lines of a child's output wait for the test to
// read them before the child blocks on its next write: far more than a
// child prints in the second or so it runs, so that a child is stopped by
// the kill, not by a full pipe.
const childLines = 1 << 16

// Child is the test binary run again as a child process: the half of a
// crash test that writes until it is killed, while the test checks what
// it left.
type Child struct {
	Cmd *exec.Cmd
	// Lines are the child's standard output, line by line; closed when
	// it ends.
	Lines <-chan string
}

// StartChild runs the test binary again, running only the tests that run
// matches ("^$" for none, when the child's work is in TestMain), with env
// ("NAME=value") added to this process's environment. Its standard error
// is this process's, so that what it says on failing is seen.
func StartChild(t testing.TB, run string, env ...string) *Child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run="+run, "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, childLines)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	return &Child{Cmd: cmd, Lines: lines}
}

// Kill stops the child with SIGKILL, as a power cut or the system's
// out-of-memory killer would (nothing runs after it: no deferred call, no
// flush), waits for it to end and returns the lines it printed that the
// test had not read from Lines.
func (c *Child) Kill(t testing.TB) []string {
	t.Helper()
	if err := c.Cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	var rest []string
	for ln := range c.Lines {
		rest = append(rest, ln)
	}
	c.Cmd.Wait()
	return rest
}

// RunUntilKilled starts a child (StartChild), lets it run for d, kills it
// and returns every line it printed.
func RunUntilKilled(t testing.TB, run string, d time.Duration, env ...string) []string {
	t.Helper()
	c := StartChild(t, run, env...)
	time.Sleep(d)
	return c.Kill(t)
}
