package article

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// TestLoadBadInput checks the one-line errors for files that are not
// articles: empty, binary, too large, missing, a directory, no text.
func TestLoadBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	png := write("photo.html", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"))
	empty := write("empty.html", nil)
	blank := write("blank.txt", []byte("  \n\n \t"))
	nav := write("nav.html", []byte(`<!doctype html><html><body><nav><a href="/">Home</a></nav><footer>© 2024</footer></body></html>`))
	pdf := write("doc.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"))
	big := filepath.Join(dir, "big.html")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 50 MB file: the size check must refuse it before reading.
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()

	tests := []struct {
		source string
		want   string
		is     error
	}{
		{png, "photo.html is not a web page or text (looks like image/png)", nil},
		{pdf, "doc.pdf is not a web page or text (looks like application/pdf)", nil},
		{empty, "empty.html is empty", nil},
		{blank, "blank.txt is empty", nil},
		{nav, "no article text found in " + nav, ErrNoText},
		{big, "big.html is 50.0 MB, too large to be a web page (limit 32.0 MB)", ErrTooLarge},
		{filepath.Join(dir, "missing.html"), "missing.html: no such file", nil},
		{dir, "is a directory", nil},
	}
	for _, tt := range tests {
		_, err := Load(context.Background(), tt.source, nil)
		if err == nil {
			t.Errorf("%s: no error", tt.source)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %q, want one line with %q", tt.source, err, tt.want)
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%s: %v does not wrap %v", tt.source, err, tt.is)
		}
	}
}

// TestLoadSniffs checks that HTML and page copies are told apart by content
// whatever the file is called, and that stdin works.
func TestLoadSniffs(t *testing.T) {
	page := readFixture(t, "de-news.html")
	a, err := Load(context.Background(), "-", strings.NewReader(string(page)))
	if err != nil {
		t.Fatal(err)
	}
	if a.Kicker != "Geopolitik" {
		t.Errorf("stdin HTML not cleaned as HTML: %+v", a.Title)
	}
	// HTML that starts with a comment and has no doctype is still HTML.
	b, err := LoadBytes([]byte("<!-- saved -->\n<div><p>"+strings.Repeat("A sentence of the article, long enough to count. ", 20)+"</p></div>"), "page.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.Text(), "<") {
		t.Errorf("markup left in text: %q", firstWords(b.Text(), 10))
	}
	// A page copy with a few lines of markup (what a browser copies of
	// <noscript> without JavaScript) is a page copy; an HTML file that
	// opens with a line of text is still HTML.
	for _, tc := range []struct {
		name, data, want string
	}{
		{"copy with noscript lines", "Menu\nSearch\n\nHeadline of the page\n\n<div class=\"alert\"><p>JavaScript is off.</p></div>\n\n" + strings.Repeat("A sentence of the article, long enough to count. ", 20) + "\n\nHome\nContact\n<img src=\"https://t.example/p.gif\">\n", "text"},
		{"HTML after a line of text", "Warning: cache miss\n<html>\n<head><title>T</title></head>\n<body>\n<div>\n<p>Text.</p>\n</div>\n</body>\n</html>\n", "html"},
		{"copy opening with a line of markup", "<div><img src=\"https://t.example/p.gif\"></div>\nHome\nNews\n\nHeadline of the page\n\n" + strings.Repeat("A sentence of the article, long enough to count. ", 20) + "\n\nContact\n", "text"},
		{"HTML opening with a style sheet", "<style>\n.a { color: red; }\n.b {\n  margin: 0;\n}\n.c {\n  margin: 0;\n}\n</style>\n<div><p>Text.</p></div>\n", "html"},
		{"one long line of HTML after text", "saved page <html><head><title>T</title></head><body><div><p>Text.</p></div></body></html>", "html"},
	} {
		if got, err := sniff([]byte(tc.data), ""); got != tc.want || err != nil {
			t.Errorf("%s: sniffed %q (%v), want %q", tc.name, got, err, tc.want)
		}
	}
	seed, err := os.ReadFile("../../shared/seeds/000_dcb08cbd2e7ce4f1.txt")
	if err != nil {
		t.Skipf("seed not available: %v", err)
	}
	c, err := LoadBytes(seed, "seed.html", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.Text(), "Shanghai, Tokio.") || strings.Contains(c.Text(), "Artikel anhören") || len(c.Blocks) < 10 {
		t.Errorf("page copy not cleaned as text: %d blocks, %q", len(c.Blocks), firstWords(c.Text(), 12))
	}
}

// A page saved as UTF-16 with a byte order mark is HTML too, and reads
// exactly like the same page in UTF-8 (its tags have zero bytes between the
// letters, so the sniffer must look at it decoded).
func TestLoadUTF16HTML(t *testing.T) {
	page := readFixture(t, "de-news.html")
	want, err := LoadBytes(page, "page.html", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		enc  encoding.Encoding
	}{
		{"UTF-16LE", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)},
		{"UTF-16BE", unicode.UTF16(unicode.BigEndian, unicode.UseBOM)},
	} {
		data, err := tc.enc.NewEncoder().Bytes(page)
		if err != nil {
			t.Fatal(err)
		}
		got, err := LoadBytes(data, "page.html", "")
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got.Title != want.Title || got.Text() != want.Text() {
			t.Errorf("%s: title %q and %d characters, want %q and %d", tc.name, got.Title, len(got.Text()), want.Title, len(want.Text()))
		}
	}
}

// Pages and text copies saved as UTF-16 without a byte order mark (some
// Windows tools write them) read like the same file in UTF-8; they used to
// be refused as binary.
func TestLoadUTF16WithoutBOM(t *testing.T) {
	page := readFixture(t, "de-news.html")
	want, err := LoadBytes(page, "page.html", "")
	if err != nil {
		t.Fatal(err)
	}
	text := []byte("Nordkorea feuert Raketen ab\n\nSeoul (dpa) – Nordkorea hat nach Angaben des südkoreanischen Militärs erneut ballistische Raketen abgefeuert. " +
		"Die Geschosse seien ins Meer gestürzt, teilte der Generalstab in Seoul mit. Japan und die USA verurteilten den Start.\n\n" +
		"Es ist bereits der dritte Start in diesem Monat. Beobachter rechnen mit weiteren Tests, sagte ein Sprecher der Regierung.\n")
	wantText, err := LoadBytes(text, "copy.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name        string
		enc         encoding.Encoding
		contentType string
	}{
		{"UTF-16LE", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), ""},
		{"UTF-16BE", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), ""},
		{"UTF-16LE served as utf-16", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "; charset=utf-16"},
	} {
		for _, src := range []struct {
			data []byte
			want *Article
			mime string
		}{{page, want, "text/html"}, {text, wantText, "text/plain"}} {
			data, err := tc.enc.NewEncoder().Bytes(src.data)
			if err != nil {
				t.Fatal(err)
			}
			if hasBOM(data) {
				t.Fatalf("%s: the test data has a BOM", tc.name)
			}
			contentType := ""
			if tc.contentType != "" {
				contentType = src.mime + tc.contentType
			}
			got, err := LoadBytes(data, "page", contentType)
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
				continue
			}
			if got.Title != src.want.Title || got.Text() != src.want.Text() {
				t.Errorf("%s: title %q and %d characters, want %q and %d", tc.name, got.Title, len(got.Text()), src.want.Title, len(src.want.Text()))
			}
		}
	}
	// Binary data with many zero bytes is still not text.
	bin := make([]byte, 4096)
	for i := range bin {
		if i%2 == 0 {
			bin[i] = byte(i / 2 % 7) // small 16-bit numbers: high bytes zero, low bytes mostly control codes
		}
	}
	if _, err := LoadBytes(bin, "table.bin", ""); err == nil || !strings.Contains(err.Error(), "is not a web page or text") {
		t.Errorf("16-bit binary data: %v", err)
	}
}

// A named pipe, a device or a socket given as a source is refused at once
// with a message saying what it is; a pipe used to block forever, waiting
// for a writer.
func TestLoadRefusesNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "page.html")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	sock := filepath.Join(dir, "s")
	if ln, err := net.Listen("unix", sock); err == nil {
		defer ln.Close()
	} else {
		sock = ""
	}
	for src, want := range map[string]string{
		fifo:        "page.html is a named pipe, not a page file",
		"/dev/null": "/dev/null is a device, not a page file",
		sock:        "/s is a socket, not a page file",
	} {
		if src == "" {
			continue
		}
		done := make(chan error, 1)
		go func() {
			_, err := Load(context.Background(), src, nil)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %v, want %q", src, err, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Load still blocks after 5 s", src)
		}
	}
}

// TestSniffCorpus checks every page and every page copy of the corpora:
// a page is sniffed as HTML, its browser copy as text, including the
// copies holding <noscript> markup and the pages that open with a style
// sheet.
func TestSniffCorpus(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../shared/corpus/readability/*/*", "../../shared/corpus/trafilatura-dev/*/*"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("corpora not available in ../shared")
	}
	want := map[string]string{"source.html": "html", "pagecopy.txt": "text"}
	for _, f := range files {
		w, ok := want[filepath.Base(f)]
		if !ok {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(bytes.TrimSpace(data)) == 0 {
			continue
		}
		if got, err := sniff(data, ""); got != w {
			t.Errorf("%s: sniffed %q (%v), want %q", f, got, err, w)
		}
	}
}
