package article

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFetchErrorWords checks the wording of each failure a reader meets,
// for errors as the HTTP client returns them.
func TestFetchErrorWords(t *testing.T) {
	dns := &net.DNSError{Err: "no such host", Name: "nonexistent.invalid", IsNotFound: true}
	dnsDown := &net.DNSError{Err: "server misbehaving", Name: "example.org", IsTemporary: true}
	wrap := func(err error) error { return fmt.Errorf("Get \"https://x/\": %w", err) }
	for _, tc := range []struct {
		err  error
		want string
	}{
		{wrap(dns), "the site nonexistent.invalid was not found; check the address and the internet connection"},
		{wrap(dnsDown), "the name example.org could not be looked up; check the internet connection"},
		{wrap(&net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}), "the site refused the connection"},
		{wrap(context.DeadlineExceeded), "no complete answer within 30s"},
		{wrap(context.Canceled), "cancelled"},
		{wrap(syscall.ENETUNREACH), "the site cannot be reached"},
		{wrap(syscall.ECONNRESET), "the connection broke off"},
	} {
		err := fetchError("https://x/", tc.err, 30*time.Second)
		if got := err.Error(); got != "fetching https://x/: "+tc.want && !strings.HasPrefix(got, "fetching https://x/: "+tc.want) {
			t.Errorf("%v: %q, want it to say %q", tc.err, got, tc.want)
		}
		if !errors.Is(err, errors.Unwrap(tc.err)) {
			t.Errorf("%v: the wording hides the underlying error", tc.err)
		}
	}
}

// TestFetchPlainWordsEndToEnd fetches from servers that fail in the ways
// readers meet (nobody listening, a certificate nobody signed, plain HTTP
// on an https:// address, a connection dropped mid-answer): each error is
// one line in plain words, without Go's "dial tcp" or "Get" jargon.
func TestFetchPlainWordsEndToEnd(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := "http://" + ln.Addr().String() + "/"
	ln.Close()
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer tlsSrv.Close()
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake is expected
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/drop" {
			w.Header().Set("Content-Length", "5000")
			w.Write([]byte("<html><body><p>The first part of the page"))
			panic(http.ErrAbortHandler) // the connection is cut mid-body
		}
	}))
	defer plain.Close()
	f := NewFetcher()
	f.Timeout = 5 * time.Second
	for _, tc := range []struct{ url, want string }{
		{refused, "the site refused the connection"},
		{tlsSrv.URL + "/", "the site's security certificate is not valid (no known authority signed it)"},
		{strings.Replace(plain.URL, "http:", "https:", 1) + "/", "the site does not speak HTTPS at this address"},
		{plain.URL + "/drop", "the connection broke off before the page arrived"},
	} {
		_, err := f.fetch(context.Background(), tc.url)
		if err == nil {
			t.Errorf("%s: no error", tc.url)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "fetching "+tc.url+": "+tc.want) {
			t.Errorf("%s: %q, want %q", tc.url, msg, tc.want)
		}
		for _, jargon := range []string{"dial tcp", "Get \"", "x509", "tls:"} {
			if strings.Contains(msg, jargon) {
				t.Errorf("%s: %q speaks programmer (%q)", tc.url, msg, jargon)
			}
		}
	}
}

// TestFetchProgress checks that Progress sees the body arrive, up to its
// whole length, with the announced total.
func TestFetchProgress(t *testing.T) {
	body := strings.Repeat("<p>Seoul und Peking verhandeln weiter.</p>\n", 4000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		w.Write([]byte(body))
	}))
	defer srv.Close()
	f := NewFetcher()
	var calls int
	var last, total int64
	f.Progress = func(n, tot int64) { calls, last, total = calls+1, n, tot }
	if _, err := f.fetch(context.Background(), srv.URL); err != nil {
		t.Fatal(err)
	}
	if calls == 0 || last != int64(len(body)) || total != int64(len(body)) {
		t.Errorf("progress: %d calls, last %d of %d; want the body's %d bytes", calls, last, total, len(body))
	}
	// Without a Content-Length the total is unknown until the body ends.
	srv2 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 4 {
			w.Write([]byte(body))
			w.(http.Flusher).Flush()
		}
	}))
	defer srv2.Close()
	var unknown bool
	f.Progress = func(n, tot int64) { last, total, unknown = n, tot, unknown || tot < 0 }
	if _, err := f.fetch(context.Background(), srv2.URL); err != nil {
		t.Fatal(err)
	}
	if !unknown || last != int64(4*len(body)) || total != last {
		t.Errorf("progress without a length: last %d of %d (unknown before: %v); want %d of %d at the end", last, total, unknown, 4*len(body), 4*len(body))
	}
}

// TestLongURLShortenedInErrors: a 100 kB address (or file name) pasted by
// mistake gives an error line of a few hundred characters, not 100 kB.
func TestLongURLShortenedInErrors(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	long := srv.URL + "/" + strings.Repeat("a", 100<<10)
	for _, u := range []string{long, "ftp://" + strings.Repeat("b", 100<<10), "http://[" + strings.Repeat("c", 100<<10),
		strings.Repeat("d", 100<<10) + ".html", "/tmp/" + strings.Repeat("e/", 50<<10) + "page.html"} {
		_, err := Load(context.Background(), u, nil)
		if err == nil {
			t.Fatalf("%.40s…: no error", u)
		}
		if n := len(err.Error()); n > 2*maxEchoedSource+100 {
			t.Errorf("%.40s…: the error line is %d bytes: %.120s…", u, n, err)
		}
	}
}
