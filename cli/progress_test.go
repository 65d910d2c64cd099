package cli

import (
	"bytes"
	"net"
	"strings"
	"testing"
	"time"
)

// The status line appears only for a slow download, shows sizes as they
// arrive and is erased at the end, leaving the terminal as it was.
func TestProgressLine(t *testing.T) {
	var b bytes.Buffer
	p := newProgressLine(&b, "https://example.com/"+strings.Repeat("x", 200))
	stop := p.start(time.Hour, time.Millisecond)
	stop()
	if b.Len() != 0 {
		t.Errorf("a quick download printed %q", b.String())
	}
	p.update(3<<20, 12<<20)
	if got := p.text(); got != "dramatis: fetching https://example.com/xxxxxxxxxxxxxxxxxxxxxxxxxxxxx…… 3.0 MB of 12.0 MB" {
		t.Errorf("text = %q", got)
	}
	p.update(12<<20, 12<<20)
	if got := p.text(); !strings.HasPrefix(got, "dramatis: cleaning https://example.com/") || !strings.HasSuffix(got, " (12.0 MB)…") {
		t.Errorf("text once the page is in = %q", got)
	}
	p.update(40<<10, -1)
	if got := p.text(); !strings.HasSuffix(got, "… 40 kB received") {
		t.Errorf("text without a total = %q", got)
	}
	b.Reset()
	stop = p.start(0, time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	stop()
	out := b.String()
	if !strings.Contains(out, "40 kB received") || !strings.HasSuffix(out, "\r\x1b[K") || strings.Contains(out, "\n") {
		t.Errorf("a slow download drew %q; want redrawn lines, erased at the end, no newline", out)
	}
}

// `dramatis clean` on an address nobody answers says so in plain words,
// not "dial tcp 127.0.0.1:…: connect: connection refused".
func TestCleanNetworkErrorInPlainWords(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	u := "http://" + ln.Addr().String() + "/artikel"
	ln.Close()
	code, _, errs := runCLI(t, "", "clean", u)
	want := "dramatis clean: fetching " + u + ": the site refused the connection; it may be down\n"
	if code != 1 || errs != want {
		t.Errorf("exit %d, stderr %q; want %q", code, errs, want)
	}
}
