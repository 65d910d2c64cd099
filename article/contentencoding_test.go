package article

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// compress encodes data in one HTTP content coding.
func compress(t *testing.T, coding string, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	var w io.WriteCloser
	switch coding {
	case "gzip":
		w = gzip.NewWriter(&b)
	case "deflate":
		w = zlib.NewWriter(&b)
	case "raw-deflate":
		w, _ = flate.NewWriter(&b, flate.DefaultCompression)
	case "br":
		w = brotli.NewWriter(&b)
	default:
		t.Fatalf("no encoder for %s", coding)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// serveEncoded serves body under the given Content-Encoding header,
// encoded by the codings listed (applied left to right).
func serveEncoded(t *testing.T, header string, codings []string, body []byte) *httptest.Server {
	t.Helper()
	for _, c := range codings {
		body = compress(t, c, body)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Header().Set("Content-Encoding", header)
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// Pages compressed with deflate or brotli used to come out as mojibake:
// Go's client decodes only the gzip it asked for itself.
func TestFetchDecodesContentEncodings(t *testing.T) {
	for _, tc := range []struct {
		header  string
		codings []string
	}{
		{"gzip", []string{"gzip"}},
		{"x-gzip", []string{"gzip"}},
		{"deflate", []string{"deflate"}},
		{"deflate", []string{"raw-deflate"}},
		{"br", []string{"br"}},
		{"BR", []string{"br"}},
		{"gzip, br", []string{"gzip", "br"}},
		{"identity", nil},
	} {
		srv := serveEncoded(t, tc.header, tc.codings, []byte(newsPage))
		f := NewFetcher()
		a, err := f.Load(context.Background(), srv.URL, nil)
		if err != nil {
			t.Errorf("%s %v: %v", tc.header, tc.codings, err)
			continue
		}
		if !strings.Contains(a.Text(), "Die Bürger in Köln äußerten sich zufrieden") {
			t.Errorf("%s %v: text %q", tc.header, tc.codings, firstWords(a.Text(), 10))
		}
	}
}

// The fetcher asks only for codings it decodes, and each of them decodes.
func TestAcceptEncodingIsDecoded(t *testing.T) {
	var asked string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = r.Header.Get("Accept-Encoding")
		w.Write([]byte(newsPage))
	}))
	defer srv.Close()
	if _, err := NewFetcher().fetch(context.Background(), srv.URL); err != nil {
		t.Fatal(err)
	}
	if asked != acceptEncoding {
		t.Errorf("Accept-Encoding %q, want %q", asked, acceptEncoding)
	}
	for _, c := range strings.Split(asked, ",") {
		c = strings.TrimSpace(c)
		r, err := decodeBody(bytes.NewReader(compress(t, c, []byte("Köln"))), c)
		if err != nil {
			t.Errorf("%s is asked for but not decoded: %v", c, err)
			continue
		}
		if got, err := io.ReadAll(r); err != nil || string(got) != "Köln" {
			t.Errorf("%s: %q, %v", c, got, err)
		}
	}
}

// A coding Dramatis cannot decode, damaged compressed data and a small
// download that inflates past the size limit each give a clear error.
func TestFetchRefusesUndecodableBodies(t *testing.T) {
	bomb := compress(t, "gzip", make([]byte, 3<<20))
	damaged := compress(t, "gzip", []byte(newsPage))
	damaged[len(damaged)/2] ^= 0xff
	for _, tc := range []struct {
		header string
		body   []byte
		want   string
		is     error
	}{
		{"zstd", []byte(newsPage), `the server sent the page in "zstd", a compression Dramatis cannot read`, errUnknownEncoding},
		{"gzip", []byte(newsPage), "the page's gzip-compressed data is damaged", nil},
		{"gzip", damaged, "the page's gzip-compressed data is damaged", nil},
		{"br", []byte("\xff\xff\xff\xff not brotli"), "the page's br-compressed data is damaged", nil},
		{"gzip", bomb, "larger than 1.0 MB, too large to be a web page", ErrTooLarge},
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", tc.header)
			w.Write(tc.body)
		}))
		f := NewFetcher()
		f.MaxBytes = 1 << 20
		_, err := f.fetch(context.Background(), srv.URL)
		srv.Close()
		if err == nil || !strings.Contains(err.Error(), tc.want) || (tc.is != nil && !errors.Is(err, tc.is)) {
			t.Errorf("%s (%d bytes): %v, want %q", tc.header, len(tc.body), err, tc.want)
		}
	}
}
