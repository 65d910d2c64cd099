package clipboard

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// cfHTML builds a CF_HTML buffer around html as Windows browsers do, with
// the fragment between the markers; the offsets are counted, as a
// browser counts them, in bytes of the whole buffer. change (if any) may
// then change the offsets (StartHTML, EndHTML, StartFragment,
// EndFragment): each is written in ten characters, so the header's length
// stays.
func cfHTML(html string, change func(*[4]int), extra ...string) string {
	const form = "Version:0.9\r\nStartHTML:%010d\r\nEndHTML:%010d\r\nStartFragment:%010d\r\nEndFragment:%010d\r\n"
	header := fmt.Sprintf(form, 0, 0, 0, 0) + strings.Join(extra, "")
	start := len(header)
	offsets := [4]int{
		start, start + len(html),
		start + strings.Index(html, "<!--StartFragment-->") + len("<!--StartFragment-->"),
		start + strings.Index(html, "<!--EndFragment-->"),
	}
	if change != nil {
		change(&offsets)
	}
	return fmt.Sprintf(form, offsets[0], offsets[1], offsets[2], offsets[3]) + strings.Join(extra, "") + html
}

func TestParseCFHTML(t *testing.T) {
	page := "<html><head><title>Köln</title></head><body><!--StartFragment--><h1>Grüße</h1><p>Welt</p><!--EndFragment--></body></html>"
	fragment := "<h1>Grüße</h1><p>Welt</p>"
	whole := cfHTML(page, nil)
	const lfForm = "Version:1.0\nStartHTML:-1\nEndHTML:-1\nStartFragment:%04d\nEndFragment:%04d\n"
	lfHeader := len(fmt.Sprintf(lfForm, 0, 0))
	lfOnly := fmt.Sprintf(lfForm, lfHeader, lfHeader+len("<p>x</p>")) + "<p>x</p>"
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr error
	}{
		{"whole page", whole, page, nil},
		{"with SourceURL", cfHTML(page, nil, "SourceURL:https://example.org/a:b?c=1\r\n"), page, nil},
		{"LF line ends, fragment only", lfOnly, "<p>x</p>", nil},
		{"StartHTML and EndHTML -1: the fragment", cfHTML(page, func(o *[4]int) { o[0], o[1] = -1, -1 }), fragment, nil},
		{"trailing NULs of the global memory", whole + "\x00\x00\x00\x00", page, nil},
		{"EndHTML past the end: the fragment", cfHTML(page, func(o *[4]int) { o[1] += 1000 }), fragment, nil},
		{"StartHTML inside the header: the fragment", cfHTML(page, func(o *[4]int) { o[0] = 3 }), fragment, nil},
		{"StartHTML after EndHTML: the fragment", cfHTML(page, func(o *[4]int) { o[0], o[1] = o[1], o[0] }), fragment, nil},
		{"no valid range at all", cfHTML(page, func(o *[4]int) { o[0], o[3] = -1, o[3]+1000 }), "", ErrNoHTML},
		{"huge offsets", "Version:0.9\r\nStartHTML:99999999999999999999999\r\nEndHTML:-99999999999999999999\r\nStartFragment:9223372036854775807\r\nEndFragment:-9223372036854775808\r\n<p>x</p>", "", ErrNoHTML},
		{"no offsets", "Version:0.9\r\n<p>x</p>", "", ErrNoHTML},
		{"no header", "<html><body><p>x</p></body></html>", "", ErrNoHTML},
		{"only a header", "Version:0.9\r\nStartHTML:13\r\nEndHTML:13\r\n", "", ErrNoHTML},
		{"empty", "", "", ErrNoHTML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, source, err := parseCFHTML([]byte(tt.in))
			if string(got) != tt.want || !errors.Is(err, tt.wantErr) {
				t.Errorf("parseCFHTML(%.60q…) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.wantErr)
			}
			if want := tt.name == "with SourceURL"; (source == "https://example.org/a:b?c=1") != want {
				t.Errorf("SourceURL %q", source)
			}
		})
	}
}

// FuzzParseCFHTML checks that no buffer an owner hands over panics the
// parser, and that what it returns lies after the header, inside the
// buffer.
func FuzzParseCFHTML(f *testing.F) {
	page := "<html><body><!--StartFragment--><h1>Grüße</h1><!--EndFragment--></body></html>"
	f.Add([]byte(cfHTML(page, nil)))
	f.Add([]byte(cfHTML(page, nil, "SourceURL:https://example.org/\r\n")))
	f.Add([]byte("Version:0.9\r\nStartHTML:-1\r\nEndHTML:-1\r\nStartFragment:40\r\nEndFragment:10\r\n<p>"))
	f.Add([]byte("Version:1.0\nStartHTML:0\nEndHTML:99999999999999999999\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		got, _, err := parseCFHTML(in)
		if err != nil {
			if got != nil || !errors.Is(err, ErrNoHTML) {
				t.Fatalf("parseCFHTML(%q) = %q, %v; want nil and ErrNoHTML", in, got, err)
			}
			return
		}
		h, _ := cfHTMLHeader(in)
		headerLen := h.length
		if len(got) == 0 || !bytes.Contains(in[headerLen:], got) {
			t.Fatalf("parseCFHTML(%q) = %q: not a part of the buffer after its %d-byte header", in, got, headerLen)
		}
	})
}
