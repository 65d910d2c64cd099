package clipboard

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// utf16Bytes encodes s as UTF-16 in order, after the given prefix (a BOM
// or nothing).
func utf16Bytes(s string, order binary.AppendByteOrder, prefix ...byte) []byte {
	out := append([]byte(nil), prefix...)
	for _, u := range utf16.Encode([]rune(s)) {
		out = order.AppendUint16(out, u)
	}
	return out
}

func TestRepairEncoding(t *testing.T) {
	const page = "<meta charset='utf-8'><h1>Grüße aus Köln</h1><p>Straße, 東京 😀</p>"
	const cjk = "<p>東京都の知事は記者会見で新しい計画を発表した。東京都の知事は記者会見で新しい計画を発表した。</p>"
	le, be := binary.LittleEndian, binary.BigEndian
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"UTF-8 as it is", []byte(page), page},
		{"UTF-8 BOM dropped", append([]byte{0xEF, 0xBB, 0xBF}, page...), page},
		{"UTF-16LE with BOM (old Firefox)", utf16Bytes(page, le, 0xFF, 0xFE), page},
		{"UTF-16LE without BOM", utf16Bytes(page, le), page},
		{"UTF-16BE with BOM", utf16Bytes(page, be, 0xFE, 0xFF), page},
		{"UTF-16BE without BOM", utf16Bytes(page, be), page},
		{"UTF-16LE, CJK after a tag", utf16Bytes(cjk, le), cjk},
		{"UTF-16LE with a terminating NUL", utf16Bytes(page+"\x00", le, 0xFF, 0xFE), page},
		{"UTF-16LE cut in a code unit", utf16Bytes(page, le, 0xFF, 0xFE)[:2+2*5+1], "<meta"},
		{"UTF-16LE unpaired surrogate", append(utf16Bytes("<p>a", le, 0xFF, 0xFE), 0x00, 0xD8, 'b', 0), "<p>a\uFFFDb"},
		{"UTF-16LE surrogate at the end", append(utf16Bytes("<p>a", le, 0xFF, 0xFE), 0x00, 0xD8), "<p>a\uFFFD"},
		{"UTF-8 with a terminating NUL", []byte("<b>x</b>\x00"), "<b>x</b>"},
		{"UTF-8 with a stray NUL inside", []byte("<p>one\x00two and a good deal more text after it</p>"), "<p>one\x00two and a good deal more text after it</p>"},
		{"invalid UTF-8 repaired", []byte("<p>caf\xe9 \xff\xfe ok</p>"), "<p>caf\uFFFD \uFFFD ok</p>"},
		{"Latin-1 byte after a UTF-8 BOM", []byte("\xEF\xBB\xBF<p>\xe9</p>"), "<p>\uFFFD</p>"},
		{"empty", nil, ""},
		{"only a BOM", []byte{0xFF, 0xFE}, ""},
		{"only NULs", []byte{0, 0, 0, 0}, ""},
		{"one byte", []byte("<"), "<"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(repairEncoding(tt.in)); got != tt.want {
				t.Errorf("repairEncoding(% x…)\n got %q\nwant %q", tt.in[:min(len(tt.in), 16)], got, tt.want)
			}
		})
	}
}

// FuzzRepairEncoding checks that any owner's bytes come out as valid
// UTF-8, and that valid UTF-8 without NULs or a BOM is kept as it is.
func FuzzRepairEncoding(f *testing.F) {
	f.Add([]byte("<h1>Hallo</h1><p>Welt</p>"))
	f.Add(utf16Bytes("<h1>Grüße</h1>", binary.LittleEndian, 0xFF, 0xFE))
	f.Add(utf16Bytes("<h1>Grüße</h1>", binary.LittleEndian))
	f.Add(utf16Bytes("<h1>😀</h1>", binary.BigEndian, 0xFE, 0xFF))
	f.Add([]byte("\xEF\xBB\xBF<p>\xe9\x00</p>\x00"))
	f.Fuzz(func(t *testing.T, in []byte) {
		out := repairEncoding(in)
		if !utf8.Valid(out) {
			t.Fatalf("repairEncoding(%q) = %q, not valid UTF-8", in, out)
		}
		if utf8.Valid(in) && bytes.IndexByte(in, 0) < 0 && !bytes.HasPrefix(in, []byte{0xEF, 0xBB, 0xBF}) &&
			!bytes.Equal(out, in) {
			t.Fatalf("repairEncoding changed valid UTF-8 %q into %q", in, out)
		}
	})
}

func TestIdleContext(t *testing.T) {
	silent := errors.New("silent")
	ctx, progress, stop := idleContext(context.Background(), time.Millisecond, silent)
	defer stop()
	progress()
	<-ctx.Done()
	if err := context.Cause(ctx); !errors.Is(err, silent) {
		t.Errorf("an idle ctx ended with %v; want its cause %v", err, silent)
	}
	ctx, _, stop = idleContext(context.Background(), time.Hour, silent)
	stop()
	<-ctx.Done()
	if err := context.Cause(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("a stopped idle ctx ended with %v; want %v", err, context.Canceled)
	}
	parent, cancel := context.WithCancelCause(context.Background())
	ctx, _, stop = idleContext(parent, time.Hour, silent)
	defer stop()
	cancel(ErrNoAnswer)
	<-ctx.Done()
	if err := stopped(ctx); !errors.Is(err, ErrNoAnswer) {
		t.Errorf("an idle ctx whose parent ended for the owner: %v; want %v", err, ErrNoAnswer)
	}
}

func TestPageAddress(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://zeitung.example/politik/a", "https://zeitung.example/politik/a"},
		{"  http://zeitung.example/a?b=1#c \n", "http://zeitung.example/a?b=1#c"},
		{"https://zeitung.example/a\nDer Titel der Seite", "https://zeitung.example/a"}, // text/x-moz-url
		{"file:///home/leser/seite.html", ""},
		{"javascript:alert(1)", ""},
		{"https://", ""},
		{"about:blank", ""},
		{"http://127.0.0.1:8766", ""},         // Firefox's text/x-moz-url-priv: the origin only
		{"https://zeitung.example/", ""},      // the home page is no article's address
		{"https://zeitung.example/?p=12", ""}, // nor is a query on it, for this purpose
		{"", ""},
		{"https://zeitung.example/" + strings.Repeat("a", maxSourceBytes), ""},
	}
	for _, tt := range tests {
		if got := pageAddress(tt.in); got != tt.want {
			t.Errorf("pageAddress(%.60q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
