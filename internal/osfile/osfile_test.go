package osfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestLockedAndBusy(t *testing.T) {
	wrapped := func(e error) error { return &fs.PathError{Op: "lock", Path: `C:\x\library.db`, Err: e} }
	for _, tc := range []struct {
		goos         string
		err          error
		locked, busy bool
	}{
		{"windows", winLockViolation, true, true},
		{"windows", wrapped(winLockViolation), true, true},
		{"windows", winSharingViolation, false, true},
		{"windows", fmt.Errorf("rename: %w", winAccessDenied), false, true},
		{"windows", syscall.Errno(2), false, false}, // ERROR_FILE_NOT_FOUND
		{"windows", unixWouldBlock, false, false},   // 11 is ERROR_BAD_FORMAT there
		{"windows", errors.New("lock violation"), false, false},
		{"windows", nil, false, false},
		{"linux", unixWouldBlock, true, false},
		{"linux", wrapped(unixWouldBlock), true, false},
		{"linux", winLockViolation, false, false}, // 33 is EDOM on Linux
		{"linux", winSharingViolation, false, false},
		{"linux", syscall.Errno(5), false, false}, // EIO
		{"darwin", syscall.Errno(35), true, false},
		{"darwin", unixWouldBlock, false, false}, // 11 is EDEADLK there
		{"freebsd", syscall.Errno(35), true, false},
	} {
		if got := Locked(tc.goos, tc.err); got != tc.locked {
			t.Errorf("Locked(%s, %v) = %v, want %v", tc.goos, tc.err, got, tc.locked)
		}
		if got := Busy(tc.goos, tc.err); got != tc.busy {
			t.Errorf("Busy(%s, %v) = %v, want %v", tc.goos, tc.err, got, tc.busy)
		}
	}
}

// On Windows a note open in an editor, or a new file a virus scanner is
// reading, cannot be renamed over: Rename waits for a scanner to let go,
// and says plainly which file is held when an editor keeps it.
func TestRenameRetriesWhileHeld(t *testing.T) {
	held := &os.LinkError{Op: "rename", Old: `C:\Notes\.tmp1`, New: `C:\Notes\Kim.md`, Err: winSharingViolation}
	for _, tc := range []struct {
		name       string
		goos       string
		fails      int   // how many renames fail with err before one succeeds
		err        error // what the failing renames return
		wantCalls  int
		wantInUse  bool
		wantSlept  time.Duration
		wantErrSub string
	}{
		{"free at once", "windows", 0, held, 1, false, 0, ""},
		{"scanner lets go", "windows", 3, held, 4, false, 3 * replacePause, ""},
		{"editor keeps it", "windows", 100, held, replaceTries, true, replaceTries * replacePause, `cannot replace C:\Notes\Kim.md: another program has it open`},
		{"other error at once", "windows", 100, &os.LinkError{Op: "rename", Err: syscall.Errno(3)}, 1, false, 0, "rename"},
		{"linux never waits", "linux", 100, &os.LinkError{Op: "rename", Err: syscall.Errno(16)}, 1, false, 0, "rename"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			calls := 0
			var slept time.Duration
			osRename := func(from, to string) error {
				calls++
				if calls <= tc.fails {
					return tc.err
				}
				return nil
			}
			err := rename(tc.goos, osRename, func(d time.Duration) { slept += d }, `C:\Notes\.tmp1`, `C:\Notes\Kim.md`)
			if calls != tc.wantCalls || slept != tc.wantSlept {
				t.Errorf("%d renames, slept %v; want %d, %v", calls, slept, tc.wantCalls, tc.wantSlept)
			}
			var inUse *InUseError
			if errors.As(err, &inUse) != tc.wantInUse {
				t.Errorf("err = %v, want InUseError %v", err, tc.wantInUse)
			}
			if tc.wantInUse && !errors.Is(err, winSharingViolation) {
				t.Errorf("InUseError hides the system's error: %v", errors.Unwrap(err))
			}
			switch {
			case tc.wantErrSub == "" && err != nil:
				t.Errorf("err = %v", err)
			case tc.wantErrSub != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErrSub)):
				t.Errorf("err = %v, want it to say %q", err, tc.wantErrSub)
			}
		})
	}
}

// On this system Rename is os.Rename.
func TestRenameReplaces(t *testing.T) {
	dir := t.TempDir()
	from, to := dir+"/new", dir+"/note.md"
	if err := os.WriteFile(from, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Rename(from, to); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(to); string(b) != "new" {
		t.Fatalf("note holds %q", b)
	}
}
