// Package handoff lets a second Dramatis window hand what it was asked to
// open to the window already running with the same library, and bring that
// window to the front, instead of only saying that one is open. The running
// window listens on a Unix socket next to the library file (which it holds
// locked); the second one connects, sends one request and waits for the
// answer.
package handoff

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"time"
)

// Request is what a second window asks of the running one.
type Request struct {
	// Open lists files (absolute paths) and URLs to import and show.
	Open []string `json:"open,omitempty"`
}

// Limits of one exchange: a request names a few files, never megabytes,
// and a peer that does not answer within ioTimeout is not a Dramatis that
// will.
const (
	maxRequest = 1 << 20
	ioTimeout  = 5 * time.Second
	// maxSocketPath is the longest socket path every Unix takes
	// (sun_path is 104 bytes on macOS and the BSDs, 108 on Linux).
	maxSocketPath = 100
)

// ack is the running window's answer to a request it took.
const ack = "ok"

// SocketPath is where the window of the library at libraryPath listens:
// beside the library file, or, when that path is too long for a socket, in
// the user's runtime (or temporary) folder under a name derived from it.
func SocketPath(libraryPath string) string {
	p, err := filepath.Abs(libraryPath)
	if err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real
		}
	}
	if s := p + ".sock"; len(s) <= maxSocketPath {
		return s
	}
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		dir = os.TempDir()
	}
	sum := sha256.Sum256([]byte(p))
	return filepath.Join(dir, "dramatis-"+hex.EncodeToString(sum[:8])+".sock")
}

// Listen serves requests on the socket at path until the returned closer
// is closed; each request goes to handle, on the listener's goroutine.
// Only the process holding the library's lock may listen, so a socket file
// left by a window that crashed is removed first. The socket is the user's
// alone.
func Listen(path string, handle func(Request)) (io.Closer, error) {
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("cannot replace the old socket %s: %w", path, err)
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("cannot listen for a second window at %s: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	go serve(ln, handle)
	return ln, nil
}

// serve answers connections until the listener is closed.
func serve(ln net.Listener, handle func(Request)) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return // closed
		}
		if req, err := readRequest(conn); err == nil {
			handle(req)
			_, _ = io.WriteString(conn, ack+"\n")
		}
		conn.Close()
	}
}

// readRequest reads one request line, bounded in size and time.
func readRequest(conn net.Conn) (Request, error) {
	var req Request
	_ = conn.SetDeadline(time.Now().Add(ioTimeout))
	line, err := bufio.NewReader(io.LimitReader(conn, maxRequest)).ReadBytes('\n')
	if err != nil {
		return req, err
	}
	return req, json.Unmarshal(line, &req)
}

// Listening reports whether a Dramatis window listens at path, that is,
// holds its library open: a command that finds the library in use can say
// that it is the window (which stays open for hours, so waiting does not
// help) rather than another command. The probe connects and hangs up
// without a request, which the window ignores.
func Listening(path string) bool {
	conn, err := net.DialTimeout("unix", path, probeTimeout)
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

// probeTimeout bounds Listening: a window answers a connection at once
// (the system accepts it before the window reads it).
const probeTimeout = time.Second

// Send hands a request to the window listening at path and waits for its
// answer. An error means no window took it (none listens, or it did not
// answer): the caller then says that the library is in use.
func Send(path string, req Request) error {
	conn, err := net.DialTimeout("unix", path, ioTimeout)
	if err != nil {
		return fmt.Errorf("no Dramatis window answers at %s: %w", path, err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(ioTimeout))
	b, err := json.Marshal(req)
	if err != nil {
		return err
	}
	if _, err := conn.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("the running Dramatis did not take the request: %w", err)
	}
	answer, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || answer != ack+"\n" {
		return fmt.Errorf("the running Dramatis did not answer (%q): %v", answer, err)
	}
	return nil
}
