package article

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// FuzzLoadBytes feeds any bytes, with any Content-Type, through the source
// sniffing, the UTF-16 and charset detection and both cleaners: one-line
// errors or a normalised article, never a panic or a hang.
func FuzzLoadBytes(f *testing.F) {
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("<html><body><p>Köln und Düsseldorf, 👨\u200d👩\u200d👧</p></body></html>"))
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("Nordkorea feuert Raketen ab.\n\nSeoul (dpa) – Es ist der dritte Start."))
	for _, seed := range []struct {
		data []byte
		ct   string
	}{
		{utf16le, ""},
		{utf16be, "text/plain; charset=utf-16"},
		{append([]byte{0xff, 0xfe}, utf16le...), "text/html"},
		{[]byte("\x00\x01\x00\x02\x00\x03"), ""},
		{[]byte("<?xml version=\"1.0\"?><p>x</p>"), "application/xhtml+xml"},
		{[]byte("\xdcber Gr\xfc\xdfe aus K\xf6ln.\n\nK\xf6ln (dpa) \x96 Es ist der dritte Start."), "text/plain; charset=utf-8"},
		{[]byte("<meta charset=\"utf-8\"><p>\xdcber Gr\xfc\xdfe aus K\xf6ln</p>"), "text/html; charset=utf-8"},
		{[]byte("Text mit می\u200cخواهم und \u200dZWJ\u200c."), "text/plain"},
		{[]byte("<title>" + strings.Repeat("Titel ", 200) + "</title><p>kurz</p>"), ""},
	} {
		f.Add(seed.data, seed.ct)
	}
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		watchdog := time.AfterFunc(10*time.Second, func() {
			panic(fmt.Sprintf("LoadBytes took over 10 s on %d bytes", len(data)))
		})
		defer watchdog.Stop()
		a, err := LoadBytes(data, "page", contentType)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error has several lines: %q", err)
			}
			return
		}
		if utf8.RuneCountInString(a.Title) > maxTitleRunes || !utf8.ValidString(a.Text()) {
			t.Fatalf("title of %d characters, or invalid UTF-8 text", utf8.RuneCountInString(a.Title))
		}
		for _, b := range a.Blocks {
			if b.Type != Preformatted && CleanInline(b.Text) != b.Text {
				t.Fatalf("block not normalised: %q", b.Text)
			}
		}
	})
}

// FuzzDecodeBody decodes any bytes under any Content-Encoding: an error or
// bytes, never a panic; what decodes is bounded by the reader's limit.
func FuzzDecodeBody(f *testing.F) {
	f.Add([]byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"), "gzip")
	f.Add([]byte("\x78\x9c\x4b\x04\x00\x00\x62\x00\x62"), "deflate")
	f.Add([]byte("\x0b\x02\x80\x61\x03"), "br")
	f.Add([]byte("plain"), "identity, gzip")
	f.Add([]byte{}, "zstd")
	f.Fuzz(func(t *testing.T, data []byte, coding string) {
		r, err := decodeBody(bytes.NewReader(data), coding)
		if err != nil {
			return
		}
		if _, err := io.ReadAll(io.LimitReader(r, 1<<20)); err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("error has several lines: %q", err)
		}
	})
}
