package storage

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Open waits for a lock another process holds, on every system with its
// own "taken" error (flock's EWOULDBLOCK, LockFileEx's
// ERROR_LOCK_VIOLATION), and then says the library is in use; any other
// error is reported as it is, at once.
func TestRetryLockPerSystem(t *testing.T) {
	const wait = time.Second
	for _, tc := range []struct {
		name  string
		goos  string
		taken error // what the lock call returns while another process holds it
		held  int   // how many calls find it taken
		want  error
		calls int
	}{
		{"linux free", "linux", syscall.Errno(11), 0, nil, 1},
		{"linux let go", "linux", syscall.Errno(11), 5, nil, 6},
		{"linux in use", "linux", syscall.Errno(11), 1000, ErrInUse, int(wait/lockPoll) + 2},
		{"windows let go", "windows", syscall.Errno(33), 5, nil, 6},
		{"windows in use", "windows", syscall.Errno(33), 1000, ErrInUse, int(wait/lockPoll) + 2},
		{"darwin in use", "darwin", syscall.Errno(35), 1000, ErrInUse, int(wait/lockPoll) + 2},
		{"windows other error", "windows", syscall.Errno(6), 1000, syscall.Errno(6), 1}, // ERROR_INVALID_HANDLE
		{"linux other error", "linux", syscall.Errno(9), 1000, syscall.Errno(9), 1},     // EBADF
	} {
		t.Run(tc.name, func(t *testing.T) {
			clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			calls := 0
			try := func() error {
				calls++
				if calls <= tc.held {
					return tc.taken
				}
				return nil
			}
			err := retryLockOn(tc.goos, try, wait, func() time.Time { return clock }, func(d time.Duration) { clock = clock.Add(d) })
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
			if calls != tc.calls {
				t.Errorf("%d lock calls, want %d", calls, tc.calls)
			}
		})
	}
}

// CheckFree says whether a writer could open the library now, and holds
// nothing afterwards: free (or not there yet) is nil, held by another
// open is ErrInUse with Open's wording.
func TestCheckFree(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	if err := CheckFree(path, time.Millisecond); err != nil {
		t.Fatalf("no library yet: %v", err)
	}
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	err = CheckFree(path, 10*time.Millisecond)
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "(waited 10ms; a command's --wait sets how long)") {
		t.Fatalf("a library held open: %v", err)
	}
	lib.Close()
	if err := CheckFree(path, time.Millisecond); err != nil {
		t.Fatalf("a closed library: %v", err)
	}
	lib, err = OpenWith(path, Options{Wait: time.Millisecond})
	if err != nil {
		t.Fatalf("CheckFree kept the lock: %v", err)
	}
	lib.Close()
}
