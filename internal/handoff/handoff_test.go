package handoff

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSendReachesTheListener(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	path := SocketPath(lib)
	got := make(chan Request, 1)
	ln, err := Listen(path, func(r Request) { got <- r })
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("socket %v, %v; want it the user's alone", fi, err)
	}
	want := Request{Open: []string{"/home/me/Seite.html", "https://example.org/a"}}
	if err := Send(path, want); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-got:
		if strings.Join(r.Open, "|") != strings.Join(want.Open, "|") {
			t.Errorf("request %+v, want %+v", r, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the listener got nothing")
	}
}

// A socket file left by a window that crashed answers nothing: Send says
// so, and the next window's Listen replaces it.
func TestStaleSocket(t *testing.T) {
	path := SocketPath(filepath.Join(t.TempDir(), "library.db"))
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close()
	if err := Send(path, Request{}); err == nil {
		t.Fatal("Send to a dead socket succeeded")
	}
	l2, err := Listen(path, func(Request) {})
	if err != nil {
		t.Fatalf("Listen over a stale socket: %v", err)
	}
	l2.Close()
}

// A peer that sends garbage or nothing gets no answer and does not stop
// the listener.
func TestHostilePeers(t *testing.T) {
	path := SocketPath(filepath.Join(t.TempDir(), "library.db"))
	got := make(chan Request, 1)
	ln, err := Listen(path, func(r Request) { got <- r })
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	for _, junk := range []string{"not json\n", strings.Repeat("x", maxRequest+10), ""} {
		c, err := net.Dial("unix", path)
		if err != nil {
			t.Fatal(err)
		}
		c.Write([]byte(junk))
		c.(*net.UnixConn).CloseWrite()
		c.SetDeadline(time.Now().Add(ioTimeout + time.Second))
		b := make([]byte, 8)
		if n, _ := c.Read(b); n > 0 {
			t.Errorf("%.20q was answered %q", junk, b[:n])
		}
		c.Close()
	}
	if err := Send(path, Request{Open: []string{"/a"}}); err != nil {
		t.Fatalf("after hostile peers: %v", err)
	}
	<-got
}

func TestLongLibraryPathsGetAShortSocket(t *testing.T) {
	long := filepath.Join(t.TempDir(), strings.Repeat("sehr-langer-ordnername/", 8), "library.db")
	if p := SocketPath(long); len(p) > maxSocketPath || !strings.HasSuffix(p, ".sock") {
		t.Errorf("SocketPath = %q (%d bytes)", p, len(p))
	}
	if SocketPath(long) != SocketPath(long) {
		t.Error("SocketPath is not stable")
	}
}

// Listening is true for a window's socket, and a probe asks nothing of the
// window: no request reaches it, and a request after the probe does. A
// stale socket file (a window that crashed) or none is not a window.
func TestListening(t *testing.T) {
	path := SocketPath(filepath.Join(t.TempDir(), "library.db"))
	if Listening(path) {
		t.Fatal("Listening without a socket")
	}
	got := make(chan Request, 2)
	ln, err := Listen(path, func(r Request) { got <- r })
	if err != nil {
		t.Fatal(err)
	}
	if !Listening(path) {
		t.Fatal("Listening is false for a window's socket")
	}
	if err := Send(path, Request{Open: []string{"after"}}); err != nil {
		t.Fatal(err)
	}
	if r := <-got; len(r.Open) != 1 || r.Open[0] != "after" {
		t.Fatalf("the window got %+v first, not the request after the probe", r)
	}
	ln.Close()
	stale, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	stale.(*net.UnixListener).SetUnlinkOnClose(false)
	stale.Close()
	if Listening(path) {
		t.Fatal("Listening is true for a stale socket file")
	}
}
