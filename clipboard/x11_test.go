//go:build unix && !darwin && !ios && !android

package clipboard

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/article"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// xvfbAttempts is how often a test starts Xvfb before giving up: two
// servers started at once may pick the same free display, and the loser
// then does not answer; the next start picks another.
const xvfbAttempts = 3

// xvfbStartTimeout bounds the wait for Xvfb to name its display (it
// takes well under a second; a loaded CI machine may take several).
const xvfbStartTimeout = 30 * time.Second

// ownerSetupTimeout bounds the wait for a test's owner to take the
// clipboard (xclip does in milliseconds).
const ownerSetupTimeout = 10 * time.Second

// startXvfb starts an X server of the test's own, killed when the test
// ends, and returns its display. -displayfd lets Xvfb pick a free display
// itself, so the test runs beside other Xvfb users (the smoke test, other
// helpers) without taking theirs. -noreset keeps the server from
// resetting when its last client leaves, which drops the connections made
// meanwhile (each case's owner and reader connect anew).
func startXvfb(t testing.TB) string {
	t.Helper()
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Skip("Xvfb is not on PATH: install the xvfb package (scripts/deps test does) to run the X11 clipboard tests")
	}
	var errs []error
	for range xvfbAttempts {
		display, err := tryXvfb(t)
		if err == nil {
			return display
		}
		errs = append(errs, err)
	}
	t.Fatalf("Xvfb did not start: %v", errors.Join(errs...))
	return ""
}

// tryXvfb starts Xvfb once and checks that its display answers.
func tryXvfb(t testing.TB) (string, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return "", err
	}
	defer r.Close()
	logPath := filepath.Join(t.TempDir(), "xvfb.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return "", err
	}
	defer logFile.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-nolisten", "tcp", "-noreset", "-screen", "0", "64x64x24")
	cmd.ExtraFiles = []*os.File{w}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	err = cmd.Start()
	w.Close()
	if err != nil {
		return "", err
	}
	stop := func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }
	_ = r.SetReadDeadline(time.Now().Add(xvfbStartTimeout))
	line, err := bufio.NewReader(r).ReadString('\n')
	if err == nil {
		display := ":" + strings.TrimSpace(line)
		var conn *xgb.Conn
		if conn, err = xgb.NewConnDisplay(display); err == nil {
			conn.Close()
			t.Cleanup(stop)
			return display, nil
		}
	}
	stop()
	log, _ := os.ReadFile(logPath)
	return "", fmt.Errorf("%v (Xvfb said: %s)", err, bytes.TrimSpace(log))
}

// xclipOwner makes xclip, a foreign implementation of the owner's side,
// hold data on display's clipboard as target ("" for xclip's default,
// plain text), killed when the test ends.
func xclipOwner(t testing.TB, display, target string, data []byte) {
	t.Helper()
	if _, err := exec.LookPath("xclip"); err != nil {
		t.Skip("xclip is not on PATH: install the xclip package (scripts/deps test does) to run the X11 clipboard tests")
	}
	watch := newWatcher(t, display)
	args := []string{"-selection", "clipboard", "-quiet", "-i"}
	if target != "" {
		args = append(args, "-t", target)
	}
	cmd := exec.Command("xclip", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	cmd.Stdin = bytes.NewReader(data)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	watch.waitOwned(t)
}

// watcher notices when someone new owns the clipboard.
type watcher struct {
	conn      *xgb.Conn
	clipboard xproto.Atom
	before    xproto.Window
}

// newWatcher connects to display and notes the clipboard's owner now.
func newWatcher(t testing.TB, display string) *watcher {
	t.Helper()
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Close)
	w := &watcher{conn: conn, clipboard: internAtom(t, conn, "CLIPBOARD")}
	w.before = w.owner(t)
	return w
}

// owner is the clipboard's owner now.
func (w *watcher) owner(t testing.TB) xproto.Window {
	t.Helper()
	r, err := xproto.GetSelectionOwner(w.conn, w.clipboard).Reply()
	if err != nil {
		t.Fatal(err)
	}
	return r.Owner
}

// waitOwned waits until another window than the one noted owns the
// clipboard.
func (w *watcher) waitOwned(t testing.TB) {
	t.Helper()
	deadline := time.Now().Add(ownerSetupTimeout)
	for w.owner(t) == w.before {
		if time.Now().After(deadline) {
			t.Fatalf("the test's owner did not take the clipboard within %v", ownerSetupTimeout)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// internAtom looks up name's atom.
func internAtom(t testing.TB, conn *xgb.Conn, name string) xproto.Atom {
	t.Helper()
	r, err := xproto.InternAtom(conn, false, uint16(len(name)), name).Reply()
	if err != nil {
		t.Fatal(err)
	}
	return r.Atom
}

// testPage is HTML as a browser copies it, with text beyond ASCII.
func testPage(paragraphs int) []byte {
	var b bytes.Buffer
	b.WriteString("<meta charset='utf-8'><h1>Grüße aus Köln</h1>")
	for i := range paragraphs {
		fmt.Fprintf(&b, "<p>Absatz %d: Straße, 東京, <a href=\"https://example.org/%d\">ein Link</a></p>\n", i, i)
	}
	return b.Bytes()
}

// TestHTMLFromX11 puts HTML on a real X server's clipboard, held by xclip
// and by owners written here for what xclip cannot play, and reads it back.
func TestHTMLFromX11(t *testing.T) {
	display := startXvfb(t)
	t.Setenv("DISPLAY", display)
	small := []byte("<h1>Hallo</h1><p>Welt</p>")
	page := testPage(40000) // 3.4 MB: above xclip's and browsers' single-transfer sizes
	tests := []struct {
		name     string
		own      func(t *testing.T)
		want     []byte
		wantErr  error
		wantINCR bool // the transfer came in chunks
	}{
		{name: "empty clipboard", own: func(*testing.T) {}, wantErr: ErrNoHTML},
		{name: "xclip, small UTF-8 HTML", own: func(t *testing.T) { xclipOwner(t, display, "text/html", small) }, want: small},
		{name: "xclip, 3 MB page (INCR)", own: func(t *testing.T) { xclipOwner(t, display, "text/html", page) }, want: page, wantINCR: true},
		{name: "xclip, plain text only", own: func(t *testing.T) { xclipOwner(t, display, "", []byte("$ ls -l\n")) }, wantErr: ErrNoHTML},
		{name: "xclip, UTF8_STRING only", own: func(t *testing.T) { xclipOwner(t, display, "UTF8_STRING", small) }, wantErr: ErrNoHTML},
		{name: "UTF-16LE with BOM (old Firefox)", own: func(t *testing.T) {
			newOwner(t, display, ownerPlay{data: utf16Bytes(string(small), binary.LittleEndian, 0xFF, 0xFE)})
		}, want: small},
		{name: "UTF-16LE without BOM", own: func(t *testing.T) {
			newOwner(t, display, ownerPlay{data: utf16Bytes(string(small), binary.LittleEndian)})
		}, want: small},
		{name: "INCR in 64 kB chunks", own: func(t *testing.T) {
			newOwner(t, display, ownerPlay{data: page, chunk: 64 << 10})
		}, want: page, wantINCR: true},
		{name: "INCR of one byte at a time", own: func(t *testing.T) {
			newOwner(t, display, ownerPlay{data: small, chunk: 1})
		}, want: small, wantINCR: true},
		{name: "owner lists no TARGETS but converts", own: func(t *testing.T) {
			newOwner(t, display, ownerPlay{data: small, noTargets: true})
		}, want: small},
		{name: "owner lists text/html but refuses it", own: func(t *testing.T) {
			newOwner(t, display, ownerPlay{data: small, refuse: true})
		}, wantErr: ErrNoHTML},
		{name: "owner never answers", own: func(t *testing.T) {
			newOwner(t, display, ownerPlay{data: small, silent: true})
		}, wantErr: ErrNoAnswer},
		{name: "owner stops in the middle of INCR", own: func(t *testing.T) {
			newOwner(t, display, ownerPlay{data: page, chunk: 64 << 10, stallAfter: 3})
		}, wantErr: ErrNoAnswer},
	}
	// The page's address, as Firefox (UTF-16) and Chromium (UTF-8) offer
	// it beside the HTML; a file's path is none to cite.
	sources := []struct {
		name, target string
		data         []byte
		want         string
	}{
		{"Firefox, whose text/x-moz-url-priv is the origin only", "text/x-moz-url-priv", utf16Bytes("https://zeitung.example", binary.LittleEndian), ""},
		{"a UTF-16 address", "text/x-moz-url-priv", utf16Bytes("https://zeitung.example/politik/a", binary.LittleEndian), "https://zeitung.example/politik/a"},
		{"Chromium", "chromium/x-source-url", []byte("https://zeitung.example/b?x=1"), "https://zeitung.example/b?x=1"},
		{"a saved file", "chromium/x-source-url", []byte("file:///home/leser/seite.html"), ""},
		{"an unknown target", "text/x-other-url", []byte("https://zeitung.example/c"), ""},
	}
	for _, src := range sources {
		tests = append(tests, struct {
			name     string
			own      func(t *testing.T)
			want     []byte
			wantErr  error
			wantINCR bool
		}{name: "page address from " + src.name, own: func(t *testing.T) {
			newOwner(t, display, ownerPlay{data: small, source: src.data, sourceTarget: src.target})
			t.Cleanup(func() {
				if p, err := Read(context.Background()); err != nil || p.Source != src.want {
					t.Errorf("Read() source %q, %v; want %q", p.Source, err, src.want)
				}
			})
		}, want: small})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.own(t)
			got, err := HTML(context.Background())
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && !bytes.Equal(got, tt.want)) {
				t.Fatalf("HTML() = %d bytes %.80q…, %v; want %d bytes %.80q…, %v", len(got), got, err, len(tt.want), tt.want, tt.wantErr)
			}
			if tt.wantErr != nil {
				return
			}
			sel, err := readX11(context.Background(), display, MaxBytes, func() {})
			if err != nil || (sel.chunks > 1) != tt.wantINCR {
				t.Errorf("readX11 = %d chunks, %v; want INCR %v", sel.chunks, err, tt.wantINCR)
			}
		})
	}
}

// TestX11Limits checks that a selection above the limit is refused as too
// large, whether it comes in one piece or in INCR chunks (the INCR head
// announcing the size, or an owner announcing too little).
func TestX11Limits(t *testing.T) {
	display := startXvfb(t)
	page := testPage(2000)
	limit := len(page) / 2
	tests := []struct {
		name string
		play ownerPlay
	}{
		{"one piece", ownerPlay{data: page}},
		{"INCR", ownerPlay{data: page, chunk: 16 << 10}},
		{"INCR announcing too little", ownerPlay{data: page, chunk: 16 << 10, announce: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newOwner(t, display, tt.play)
			_, err := readX11(context.Background(), display, limit, func() {})
			if !errors.Is(err, article.ErrTooLarge) {
				t.Fatalf("readX11 of %d bytes with limit %d: %v; want %v", len(page), limit, err, article.ErrTooLarge)
			}
			sel, err := readX11(context.Background(), display, len(page), func() {})
			if err != nil || !bytes.Equal(sel.data, page) {
				t.Fatalf("readX11 with a limit of its size: %d bytes, %v; want %d bytes", len(sel.data), err, len(page))
			}
		})
	}
}

// TestX11Stopped checks that the caller's ctx ends a wait for a silent
// owner, and that the error says so.
func TestX11Stopped(t *testing.T) {
	display := startXvfb(t)
	t.Setenv("DISPLAY", display)
	owner := newOwner(t, display, ownerPlay{silent: true})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		// Cancel once the reader waits: its request has reached the owner.
		<-owner.requested
		cancel()
	}()
	_, err := HTML(ctx)
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrNoAnswer) {
		t.Fatalf("HTML with a cancelled ctx: %v; want %v", err, context.Canceled)
	}
}

// TestX11NoDisplay checks the errors without a reachable X display.
func TestX11NoDisplay(t *testing.T) {
	t.Setenv("DISPLAY", "")
	if _, err := HTML(context.Background()); !errors.Is(err, ErrUnsupported) {
		t.Errorf("HTML without $DISPLAY: %v; want %v", err, ErrUnsupported)
	}
	t.Setenv("DISPLAY", filepath.Join(t.TempDir(), "no-server")+":0")
	if _, err := HTML(context.Background()); !errors.Is(err, ErrUnsupported) {
		t.Errorf("HTML with a display that is not there: %v; want %v", err, ErrUnsupported)
	}
}

// BenchmarkHTMLFromX11 measures reading a 3.4 MB page that xclip holds
// (in INCR chunks), the measure behind OwnerTimeout.
func BenchmarkHTMLFromX11(b *testing.B) {
	display := startXvfb(b)
	b.Setenv("DISPLAY", display)
	page := testPage(40000)
	xclipOwner(b, display, "text/html", page)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if got, err := HTML(context.Background()); err != nil || len(got) != len(page) {
			b.Fatalf("HTML() = %d bytes, %v; want %d bytes", len(got), err, len(page))
		}
	}
}
