package storage

import (
	"errors"
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
