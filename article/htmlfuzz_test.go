package article

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzCleanHTML feeds arbitrary bytes to CleanHTML: it must never panic,
// and whatever it returns must be valid, normalised UTF-8 with no empty
// blocks and no control characters outside preformatted text.
func FuzzCleanHTML(f *testing.F) {
	f.Add([]byte(`<html><body><article><h2>Head</h2><p>Some text, with a comma.</p><ul><li>one<li>two</ul></article></body></html>`), "")
	f.Add([]byte("<p>a<br><br>b<br><br><br>c</p><div>x<p>y</p>z</div>"), "text/html; charset=windows-1252")
	f.Add([]byte("\xef\xbb\xbf<meta charset=iso-8859-1><p>K\xf6ln \x84zitiert\x93</p>"), "")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "text/html; charset=utf-16")
	f.Add([]byte("<meta charset=\"utf-8\"><p>\xdcber Gr\xfc\xdfe aus K\xf6ln, \x84Gru\xdf\x93</p>"), "")
	f.Add([]byte("<p>\xdcber Gr\xfc\xdfe aus K\xf6ln</p><p>K\xc3\xb6ln \xe2\x80</p>"), "text/html; charset=utf-8")
	f.Add([]byte("<meta charset=utf-16><p>K\xf6ln</p>"), "")
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[{"name":"A"},"B und C"],"datePublished":"2024-01-02"}]}</script><table><tr><td>1<td>2</table>`), "")
	f.Add([]byte("<pre>  line\n\n\nline\x00\x01</pre><figure><figcaption>Caption. Foto: dpa</figcaption></figure>"), "")
	for _, name := range []string{"de-news.html", "de-windows-1252.html"} {
		if data, err := readFixtureBytes(name); err == nil {
			f.Add(data, "")
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		// A hang is a defect too: the fuzzer has no time limit per input,
		// so a watchdog turns one into a crash that records the input.
		watchdog := time.AfterFunc(10*time.Second, func() {
			panic(fmt.Sprintf("CleanHTML took over 10 s on %d bytes", len(data)))
		})
		defer watchdog.Stop()
		a, err := CleanHTMLContentType(data, contentType, "https://example.com/a")
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error has several lines: %q", err)
			}
			return
		}
		if len(a.Blocks) == 0 {
			t.Fatal("article without blocks and without error")
		}
		for _, s := range append([]string{a.Title, a.Kicker, a.Description, a.Site, a.URL, a.Lang}, a.Authors...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in metadata %q", s)
			}
		}
		for _, b := range a.Blocks {
			if b.Text == "" || !utf8.ValidString(b.Text) {
				t.Fatalf("bad block %+v", b)
			}
			if b.Type != Preformatted && strings.ContainsAny(b.Text, "\n\t\r\x00") {
				t.Fatalf("control characters in %+v", b)
			}
		}
		text := a.Text()
		b := *a
		b.Blocks = append([]Block(nil), a.Blocks...)
		b.Normalize()
		if b.Text() != text {
			t.Fatal("article is not normalised")
		}
	})
}
