package article

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
)

// acceptEncoding is the Accept-Encoding the fetcher sends: exactly the
// compressions decodeBody decodes, no more. (Go's client would ask for gzip
// only, and pass a page compressed otherwise through undecoded.)
const acceptEncoding = "gzip, deflate, br"

// errUnknownEncoding is wrapped when a page comes in a compression Dramatis
// cannot decode; reading it as text would give mojibake.
var errUnknownEncoding = errors.New("a compression Dramatis cannot read")

// decodeError is a compressed body that does not decode.
type decodeError struct {
	coding string
	err    error
}

func (e *decodeError) Error() string {
	return fmt.Sprintf("the page's %s-compressed data is damaged (%v)", e.coding, e.err)
}

func (e *decodeError) Unwrap() error { return e.err }

// decodeBody undoes the Content-Encoding of a body: gzip, deflate (zlib as
// the standard says, or raw deflate as some servers send it) and br, also
// stacked ("gzip, br" is undone from the right). An encoding it does not
// know is an error naming it.
func decodeBody(body io.Reader, contentEncoding string) (io.Reader, error) {
	codings := strings.Split(contentEncoding, ",")
	for i := len(codings) - 1; i >= 0; i-- {
		c := strings.ToLower(strings.TrimSpace(codings[i]))
		var err error
		switch c {
		case "", "identity":
			continue
		case "gzip", "x-gzip":
			body, err = gzip.NewReader(body)
		case "deflate":
			body, err = newDeflateReader(body)
		case "br":
			body = brotli.NewReader(body)
		default:
			return nil, fmt.Errorf("the server sent the page in %q, %w", c, errUnknownEncoding)
		}
		if err != nil {
			return nil, &decodeError{coding: c, err: err}
		}
		body = decodeErrors{r: body, coding: c}
	}
	return body, nil
}

// newDeflateReader reads "deflate" bodies: zlib-wrapped, or raw deflate
// as some servers send it, told apart by the zlib header's check bits.
func newDeflateReader(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, err := br.Peek(2)
	if err == nil && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// decodeErrors marks the errors of a decoder, so that a damaged page is
// not reported as a broken connection. Errors of the connection below it
// pass through unchanged; a stream cut short (io.ErrUnexpectedEOF) is
// taken for a broken connection, as it almost always is one.
type decodeErrors struct {
	r      io.Reader
	coding string
}

func (d decodeErrors) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	var de *decodeError
	switch {
	case err == nil, err == io.EOF, errors.As(err, &de):
	case isCorrupt(err):
		err = &decodeError{coding: d.coding, err: err}
	}
	return n, err
}

// isCorrupt reports whether err is a decoder's complaint about its input.
func isCorrupt(err error) bool {
	var ce flate.CorruptInputError
	return errors.As(err, &ce) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) ||
		errors.Is(err, zlib.ErrChecksum) || errors.Is(err, zlib.ErrHeader) || strings.HasPrefix(err.Error(), "brotli: ")
}
