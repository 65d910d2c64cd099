package article

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// newsPage is a small article page in windows-1252 (umlauts as single
// bytes); its charset is only given by the HTTP header.
var newsPage = "<html><head><title>K\xf6ln</title></head><body><article>" +
	strings.Repeat("<p>Die B\xfcrger in K\xf6ln \xe4u\xdferten sich zufrieden, hie\xdf es am Montag aus dem Rathaus der Stadt.</p>", 8) +
	"</article></body></html>"

func newTestServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.UserAgent(), "Mozilla/5.0") {
			http.Error(w, "browsers only", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write([]byte(newsPage))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop-a", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop-b", http.StatusFound)
	})
	mux.HandleFunc("/loop-b", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop-a", http.StatusFound)
	})
	mux.HandleFunc("/consent", func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("consent"); err != nil {
			http.SetCookie(w, &http.Cookie{Name: "consent", Value: "1", Path: "/"})
			http.Redirect(w, r, "/consent", http.StatusFound) // back to itself, now with the cookie
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write([]byte(newsPage))
	})
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path+"x", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>more and more text</p>", 400))
		for i := 0; i < 1000; i++ { // 10 MB, no Content-Length
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetcherLoad(t *testing.T) {
	srv := newTestServer(t)
	f := NewFetcher()
	f.Timeout = 500 * time.Millisecond
	f.MaxBytes = 1 << 20
	ctx := context.Background()

	a, err := f.Load(ctx, srv.URL+"/moved", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != srv.URL+"/article" {
		t.Errorf("URL %q, want the final URL after redirects", a.URL)
	}
	if !strings.Contains(a.Text(), "Die Bürger in Köln äußerten sich zufrieden, hieß es") {
		t.Errorf("charset from the HTTP header not applied: %q", firstWords(a.Text(), 12))
	}

	if _, err := f.Load(ctx, srv.URL+"/consent", nil); err != nil {
		t.Errorf("redirect through a cookie check: %v", err)
	}

	tests := []struct {
		path string
		want string
		is   error
	}{
		{"/missing", "404 Not Found", nil},
		{"/loop-a", "redirects in a loop", errRedirectLoop},
		{"/chain/", "more than 10 redirects", errTooManyRedirects},
		{"/slow", "no complete answer within 500ms", context.DeadlineExceeded},
		{"/huge", "larger than 1.0 MB", ErrTooLarge},
		{"/image", "is not a web page or text (looks like image/png)", nil},
	}
	for _, tt := range tests {
		start := time.Now()
		_, err := f.Load(ctx, srv.URL+tt.path, nil)
		if err == nil {
			t.Errorf("%s: no error", tt.path)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, tt.want) || !strings.Contains(msg, srv.URL+tt.path) || strings.Contains(msg, "\n") {
			t.Errorf("%s: error %q, want one line naming the URL and saying %q", tt.path, msg, tt.want)
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%s: error %v does not wrap %v", tt.path, err, tt.is)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%s: took %v", tt.path, d)
		}
	}
}

func TestFetchRefusesOtherSchemes(t *testing.T) {
	for _, u := range []string{"ftp://example.com/a.html", "file:///etc/passwd", "gopher://x/"} {
		_, err := Load(context.Background(), u, nil)
		if err == nil || !strings.Contains(err.Error(), "only http and https") {
			t.Errorf("%s: got %v", u, err)
		}
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{
		"https://example.com/": true, "http://x": true, "ftp://x": true,
		"page.html": false, "/tmp/a://b": false, "-": false, "C:\\page.html": false,
	} {
		if IsURL(s) != want {
			t.Errorf("IsURL(%q) = %v", s, !want)
		}
	}
}
