package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/internal/testkit"
)

// priorityChildEnv makes the test binary the child of
// TestAutoBackupRunsAtLowPriority: it runs 'backup --auto --compact' on
// the library the variable names.
const priorityChildEnv = "DRAMATIS_PRIORITY_CHILD"

// childThreads is how many threads the child starts after the command,
// each locked to a goroutine of its own, so that the runtime has to start
// new ones: they must come out lowered too.
const childThreads = 4

// TestMain runs the child of TestAutoBackupRunsAtLowPriority when
// priorityChildEnv is set. In TestMain, not in a test of its own, the
// child is no test that skips itself in every ordinary run.
func TestMain(m *testing.M) {
	if p := os.Getenv(priorityChildEnv); p != "" {
		runPriorityChild(p)
	}
	os.Exit(m.Run())
}

// runPriorityChild runs 'backup --auto --compact' in this process, with
// the environment main gives a command (its output on standard error,
// which the test shows, and nothing started in the background), starts
// childThreads more threads, prints the command's exit status and waits
// to be killed, so that the test can read its priorities from outside.
func runPriorityChild(library string) {
	e := OSEnv() // as main runs it
	e.Stdout, e.StartBackground = os.Stderr, nil
	code := Run(e, []string{"backup", "--auto", "--compact", "--library", library})
	for range childThreads {
		go func() {
			runtime.LockOSThread()
			select {}
		}()
	}
	time.Sleep(100 * time.Millisecond) // the locked goroutines take their threads
	fmt.Printf("exit %d\n", code)
	time.Sleep(time.Hour)
}

// TestAutoBackupRunsAtLowPriority: a process that ran 'backup --auto
// --compact' has lowered every one of its threads, those it had and those
// it started after, to nice backgroundNice and the lowest best-effort I/O
// level, read from outside it (/proc/PID/task/TID/stat, ioprio_get), as
// the reader's window would meet it. A child started at a lower priority
// than that (the test run under nice(1)) keeps its own.
func TestAutoBackupRunsAtLowPriority(t *testing.T) {
	l := newLibEnv(t)
	l.ok("import", l.page("nk.html", nkPage))
	self := os.Getpid()
	started := niceOf(t, self, self)
	want := max(started, backgroundNice)
	c := testkit.StartChild(t, "^$", priorityChildEnv+"="+l.path)
	defer c.Kill(t)
	select {
	case ln := <-c.Lines:
		if ln != "exit 0" {
			t.Fatalf("the child said %q", ln)
		}
	case <-time.After(time.Minute):
		t.Fatal("the child did not finish the command")
	}
	pid := c.Cmd.Process.Pid
	tids := threadsOf(t, pid)
	if len(tids) <= childThreads {
		t.Fatalf("the child has %d threads, want more than the %d it started after the command", len(tids), childThreads)
	}
	for _, tid := range tids {
		if nice := niceOf(t, pid, tid); nice != want {
			t.Errorf("thread %d of %d runs at nice %d, want %d (started at %d)", tid, len(tids), nice, want, started)
		}
		io, err := ioPriorityOf(tid)
		if err != nil {
			t.Fatal(err)
		}
		if io != backgroundIOPriority {
			t.Errorf("thread %d of %d has I/O priority class %d level %d, want best-effort (%d) level %d",
				tid, len(tids), io>>ioprioClassShift, io&(1<<ioprioClassShift-1), ioprioClassBestEffort, backgroundIOLevel)
		}
	}
	t.Logf("%d threads at nice %d (started at %d), I/O best-effort level %d", len(tids), want, started, backgroundIOLevel)
}

// threadsOf lists the thread ids of process pid.
func threadsOf(t *testing.T, pid int) []int {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join("/proc", strconv.Itoa(pid), "task"))
	if err != nil {
		t.Fatal(err)
	}
	var tids []int
	for _, e := range entries {
		tid, err := strconv.Atoi(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		tids = append(tids, tid)
	}
	return tids
}

// niceOf reads the nice value of thread tid of process pid from its stat
// file: the 19th field, the 17th after the command name in parentheses
// (which may hold spaces and parentheses itself).
func niceOf(t *testing.T, pid, tid int) int {
	t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/stat", pid, tid))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(fields) < 17 {
		t.Fatalf("stat of thread %d: %q", tid, s)
	}
	nice, err := strconv.Atoi(fields[16])
	if err != nil {
		t.Fatal(err)
	}
	return nice
}
