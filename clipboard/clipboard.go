// Package clipboard reads the HTML flavour of the system clipboard.
//
// A browser that copies a selection puts its HTML on the clipboard beside
// the plain text (text/html on X11, "HTML Format" on Windows, public.html
// on macOS). The HTML carries what the plain text has lost: which line is
// the <h1>, where paragraphs end, where links point. Fyne's clipboard
// offers text only, so this package asks the system itself, in pure Go on
// every platform (no cgo, and no helper program at run time except
// macOS's own osascript).
//
// The package knows nothing of Fyne or of the library: it returns bytes,
// and the window decides what to make of them.
package clipboard

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/article"
)

// OwnerTimeout is how long HTML waits for the program that owns the
// clipboard to answer, or to hand over the next piece of a large
// selection: an owner answers within milliseconds, so one silent for 2 s
// has hung or gone, and the reader pressed Ctrl+V and is waiting. The
// clock restarts with each piece, as a page of many megabytes takes its
// time as a whole: Chromium's copy of a 2.7 MB page is 16.6 MB of HTML
// (every element's style inline), in 16 chunks, read here in 94-290 ms.
const OwnerTimeout = 2 * time.Second

// ReadTimeout bounds a whole read, however steadily the owner answers:
// MaxBytes at the slowest rate measured (the 16.6 MB copy above, 290 ms)
// takes under 1 s, so an owner still sending after 10 s trickles, and the
// reader would rather paste the plain text.
const ReadTimeout = 10 * time.Second

// MaxBytes is the most HTML that HTML returns: the article cleaner's own
// limit, so a copy that reads is never cut short and one that could not be
// cleaned is refused before it is all in memory.
const MaxBytes = article.MaxPageBytes

// ErrNoHTML is returned (wrapped, with the reason) when the clipboard
// holds no HTML: it is empty, or holds text copied from a program that
// offers plain text only (a terminal, an editor). The caller falls back
// to the plain text.
var ErrNoHTML = errors.New("the clipboard holds no HTML")

// ErrUnsupported is returned (wrapped, with the reason) where this package
// cannot read the clipboard: a system it has no reader for, or a Linux
// session without an X display.
var ErrUnsupported = errors.New("reading HTML from the clipboard is not possible here")

// ErrNoAnswer is returned (wrapped, with the time waited) when the
// clipboard's owner fell silent for OwnerTimeout, or had not handed its
// HTML over whole within ReadTimeout.
var ErrNoAnswer = errors.New("the program holding the clipboard did not answer")

// reply is what a platform reader hands back to Read.
type reply struct {
	data   []byte
	source string
	err    error
}

// Page is what a browser put on the clipboard beside the text of a copy.
type Page struct {
	// HTML is the copied selection as HTML, in UTF-8.
	HTML []byte
	// Source is the address of the page it was copied from, where the
	// browser said it (Firefox and Chromium on X11, Windows' CF_HTML),
	// else "".
	Source string
}

// maxSourceBytes bounds a page's address: browsers cap theirs at 2 MB,
// but an address of more than 8 kB is no page a reader cites.
const maxSourceBytes = 8 << 10

// HTML is Read's HTML alone.
func HTML(ctx context.Context) ([]byte, error) {
	p, err := Read(ctx)
	return p.HTML, err
}

// Read returns the HTML flavour of the system clipboard as UTF-8 (invalid
// bytes repaired, UTF-16 converted), at most MaxBytes of it, and the
// address of the page it was copied from when the browser gave it. Its
// error says in one line why there is no HTML: it wraps ErrNoHTML,
// ErrUnsupported, ErrNoAnswer, article.ErrTooLarge, or the cause of ctx's
// end.
//
// Read returns by ctx's deadline, OwnerTimeout of silence or ReadTimeout,
// whichever comes first, whatever the owner or the system does: the
// platform reader runs on a goroutine of its own and is told through ctx
// to give up (it then frees its connection or handle as soon as the
// system lets it).
func Read(ctx context.Context) (Page, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, ReadTimeout,
		fmt.Errorf("%w: its HTML was not all there within %v", ErrNoAnswer, ReadTimeout))
	defer cancel()
	ctx, progress, stop := idleContext(ctx, OwnerTimeout,
		fmt.Errorf("%w within %v", ErrNoAnswer, OwnerTimeout))
	defer stop()
	got := make(chan reply, 1)
	go func() { got <- readGuarded(ctx, progress) }()
	var r reply
	select {
	case r = <-got:
	case <-ctx.Done():
		return Page{}, stopped(ctx)
	}
	if r.err != nil {
		if ctx.Err() != nil {
			return Page{}, stopped(ctx)
		}
		return Page{}, r.err
	}
	out := repairEncoding(r.data)
	if len(out) > MaxBytes {
		return Page{}, tooLarge(len(out))
	}
	return Page{HTML: out, Source: pageAddress(r.source)}, nil
}

// pageAddress is the page's address in what a browser gave for it: the
// first line (Firefox's text/x-moz-url may add the page's title on a
// second), if it is an http(s) address with a path. A file's path is no
// address to cite, and a site's bare origin is not the page's: Firefox's
// text/x-moz-url-priv names only the origin of the page's principal
// ("https://zeitung.example"), and taken as the page's address it would
// make every article pasted from that site the same article.
func pageAddress(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	s = strings.TrimSpace(s)
	if len(s) > maxSourceBytes || !article.IsPageAddress(s) {
		return ""
	}
	return s
}

// readGuarded runs the platform reader and turns a panic in it into an
// error: it runs on a goroutine of its own, where a panic (in the parsing
// of an owner's reply, ours or a library's) would end the whole program,
// window and unsaved work included, for a paste that can simply fall back
// to plain text.
func readGuarded(ctx context.Context, progress func()) (r reply) {
	defer func() {
		if p := recover(); p != nil {
			r = reply{err: fmt.Errorf("%w: reading it failed (%v)", ErrNoHTML, p)}
		}
	}()
	data, source, err := readHTML(ctx, MaxBytes, progress)
	return reply{data: data, source: source, err: err}
}

// idleContext returns a ctx that ends with cause once progress was not
// called for idle, and the progress and stop functions.
func idleContext(parent context.Context, idle time.Duration, cause error) (context.Context, func(), context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(parent)
	timer := time.AfterFunc(idle, func() { cancel(cause) })
	progress := func() { timer.Reset(idle) }
	stop := func() {
		timer.Stop()
		cancel(context.Canceled)
	}
	return ctx, progress, stop
}

// stopped is the error for a read that ctx ended: the owner's silence or
// slowness (ErrNoAnswer), else whatever ended the caller's ctx.
func stopped(ctx context.Context) error {
	cause := context.Cause(ctx)
	if errors.Is(cause, ErrNoAnswer) {
		return cause
	}
	return fmt.Errorf("reading the clipboard was stopped: %w", cause)
}

// tooLarge is the error for HTML of n bytes, more than MaxBytes.
func tooLarge(n int) error {
	return fmt.Errorf("the clipboard's HTML is %s, %w (limit %s)",
		article.SizeString(int64(n)), article.ErrTooLarge, article.SizeString(MaxBytes))
}

// tooLargeStream is the error for HTML that arrives in pieces and passed
// MaxBytes before its end, so its whole size is unknown.
func tooLargeStream() error {
	return fmt.Errorf("the clipboard's HTML is more than %s, %w",
		article.SizeString(MaxBytes), article.ErrTooLarge)
}

// utf16Lead is how many code units at the start decide whether HTML
// without a BOM is UTF-16: every HTML flavour opens with markup, which is
// ASCII, and ASCII in UTF-16 is a letter and a zero byte, in an order that
// gives the byte order away. UTF-8 HTML never has a zero as its second
// byte (HTML has no U+0000), so two such units are no accident, while one
// more would reject "<p>東京" in UTF-16.
const utf16Lead = 2

// repairEncoding returns data as valid UTF-8. Browsers put UTF-8 on the
// clipboard, but older Firefox put UTF-16LE on X11 as text/html, with or
// without a BOM (Mozilla bug 1497580), so a BOM or a UTF-16 pattern is
// converted; a UTF-8 BOM is dropped; trailing NULs (C-string terminators
// that some owners send along) are cut; any other invalid byte becomes
// U+FFFD, as a browser would show it, rather than failing the paste.
func repairEncoding(data []byte) []byte {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		data = decodeUTF16(data[2:], binary.LittleEndian)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		data = decodeUTF16(data[2:], binary.BigEndian)
	default:
		if order, ok := utf16Order(data); ok {
			data = decodeUTF16(data, order)
		}
	}
	data = bytes.TrimRight(data, "\x00")
	if utf8.Valid(data) {
		return data // what browsers give: checking is 2-3 times faster than copying
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD"))
}

// utf16Order reports whether data without a BOM is UTF-16, and in which
// byte order: its first utf16Lead code units are ASCII, the zero byte
// second (little-endian) or first (big-endian).
func utf16Order(data []byte) (binary.ByteOrder, bool) {
	if len(data) < 2*utf16Lead {
		return nil, false
	}
	for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		ascii := true
		for i := 0; i < utf16Lead && ascii; i++ {
			u := order.Uint16(data[2*i:])
			ascii = u != 0 && u < utf8.RuneSelf
		}
		if ascii {
			return order, true
		}
	}
	return nil, false
}

// decodeUTF16 converts UTF-16 in the given byte order to UTF-8; unpaired
// surrogates become U+FFFD, and an odd last byte (a cut transfer) is
// dropped.
func decodeUTF16(data []byte, order binary.ByteOrder) []byte {
	out := make([]byte, 0, len(data)*3/2)
	for i := 0; i+1 < len(data); i += 2 {
		r := rune(order.Uint16(data[i:]))
		if utf16.IsSurrogate(r) {
			r2 := utf8.RuneError
			if i+3 < len(data) {
				r2 = rune(order.Uint16(data[i+2:]))
			}
			if r = utf16.DecodeRune(r, r2); r != utf8.RuneError {
				i += 2 // the pair's second half is read
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}
