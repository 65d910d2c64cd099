package testkit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// childEnv makes the test binary TestRunUntilKilled's child.
const childEnv = "TESTKIT_CHILD"

// TestMain runs the child of TestRunUntilKilled when childEnv is set:
// it prints numbered lines until it is killed. In TestMain, not in a
// test of its own, the child is no test that skips itself in every
// ordinary run.
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		for i := 0; ; i++ {
			os.Stdout.WriteString(fmt.Sprintf("line %d\n", i))
			time.Sleep(time.Millisecond)
		}
	}
	os.Exit(m.Run())
}

// TestRunUntilKilled: the child runs, prints, is killed (it would print
// forever) and every line it printed comes back, in order.
func TestRunUntilKilled(t *testing.T) {
	lines := RunUntilKilled(t, "^$", 300*time.Millisecond, childEnv+"=1")
	if len(lines) == 0 {
		t.Fatal("the child printed nothing")
	}
	for i, ln := range lines {
		if ln != fmt.Sprintf("line %d", i) {
			t.Fatalf("line %d is %q", i, ln)
		}
	}
}

// TestCachedLibrary: a library is built once, in a folder beside its
// final one, and found the next time, with the files it keeps beside
// itself; a failed build leaves nothing to be taken for one.
func TestCachedLibrary(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TESTKIT_CACHE", dir)
	builds := 0
	build := func(p string) error {
		builds++
		if filepath.Base(filepath.Dir(p)) != "libgen-7.building" {
			t.Errorf("built at %s, not beside the final folder", p)
		}
		if err := os.WriteFile(p+".state", []byte("state"), 0o600); err != nil {
			return err
		}
		return os.WriteFile(p, []byte("lib"), 0o600)
	}
	p1 := CachedLibrary(t, "TESTKIT_CACHE", 7, build)
	p2 := CachedLibrary(t, "TESTKIT_CACHE", 7, build)
	if p1 != p2 || p1 != filepath.Join(dir, "libgen-7", "library.db") || builds != 1 {
		t.Fatalf("paths %s %s after %d builds", p1, p2, builds)
	}
	if _, err := os.Stat(p1 + ".state"); err != nil {
		t.Fatalf("the library's own side file is not beside it: %v", err)
	}
	failing := &recorder{TB: t}
	func() {
		defer func() { recover() }()
		CachedLibrary(failing, "TESTKIT_CACHE", 8, func(p string) error {
			os.WriteFile(p, []byte("half"), 0o600)
			return errors.New("disk full")
		})
	}()
	if _, err := os.Stat(filepath.Join(dir, "libgen-8", "library.db")); err == nil || !failing.failed {
		t.Fatalf("a failed build left a library (failed %v)", failing.failed)
	}
}

// TestFunctionsFit: a function over MaxFuncLines is named; this package's
// own functions fit.
func TestFunctionsFit(t *testing.T) {
	FunctionsFit(t, "golden.go", "child.go", "cachedlibrary.go", "funclen.go")
	long := filepath.Join(t.TempDir(), "long.go")
	body := "package x\n\nfunc long() {\n" + strings.Repeat("\t_ = 1\n", MaxFuncLines) + "}\n"
	if err := os.WriteFile(long, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &recorder{TB: t}
	FunctionsFit(r, long)
	if !r.failed || !strings.Contains(r.msg, "long is 82 lines long") {
		t.Fatalf("a function of %d lines passed: %q", MaxFuncLines+2, r.msg)
	}
}

// recorder is a testing.TB that records a failure instead of failing.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.failed, r.msg = true, fmt.Sprintf(format, args...)
}

func (r *recorder) Fatal(args ...any) {
	r.failed, r.msg = true, fmt.Sprint(args...)
	panic("fatal")
}
