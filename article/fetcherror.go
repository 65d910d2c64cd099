package article

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// maxEchoedSource bounds how much of a source (a URL or a file name) an
// error message repeats. Real addresses are shorter; a 100 kB URL pasted by
// mistake must not turn a one-line error into a screenful.
const maxEchoedSource = 200

// shortSource returns s for an error message: whole when short, else its
// first maxEchoedSource characters and an ellipsis.
func shortSource(s string) string {
	if len(s) <= maxEchoedSource {
		return s
	}
	n := 0
	for i := range s {
		if n == maxEchoedSource {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// FetchError is a failed download in words for the reader ("the site
// example.invalid was not found; check the address and the internet
// connection"). The programmer's error it replaces stays reachable with
// errors.Is and errors.As.
type FetchError struct {
	URL    string // the address as typed, shortened for the message
	Reason string // what went wrong, in plain words
	Err    error  // the underlying error
}

// Error is "fetching URL: reason".
func (e *FetchError) Error() string { return "fetching " + e.URL + ": " + e.Reason }

// Unwrap returns the underlying error.
func (e *FetchError) Unwrap() error { return e.Err }

// fetchError words a failed exchange for the reader: redirect trouble,
// timeouts, cancels, unknown or refusing hosts, broken connections and bad
// certificates each get their own message; anything else keeps the
// underlying error's own words without Go's "Get "…":" prefix.
func fetchError(rawURL string, err error, timeout time.Duration) error {
	fe := &FetchError{URL: shortSource(rawURL), Err: err}
	if reason, ok := plainReason(err, timeout); ok {
		fe.Reason = reason
		var nerr net.Error
		if errors.As(err, &nerr) && nerr.Timeout() && !errors.Is(err, context.DeadlineExceeded) {
			fe.Err = fmt.Errorf("%w: %w", context.DeadlineExceeded, err) // one way to ask "was it a timeout?"
		}
		return fe
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	fe.Reason = err.Error()
	return fe
}

// plainReason says in plain words why a fetch failed, when it is one of
// the failures a reader meets: reported false otherwise.
func plainReason(err error, timeout time.Duration) (string, bool) {
	var (
		dns     *net.DNSError
		nerr    net.Error
		private *privateAddressError
		damaged *decodeError
	)
	switch {
	case errors.As(err, &private):
		return private.Error(), true
	case errors.As(err, &damaged):
		return damaged.Error(), true
	case errors.Is(err, errUnknownEncoding):
		return err.Error(), true
	case errors.Is(err, errRedirectLoop):
		return "the server " + errRedirectLoop.Error(), true
	case errors.Is(err, errTooManyRedirects):
		return "gave up after " + errTooManyRedirects.Error(), true
	case errors.Is(err, context.Canceled):
		return "cancelled", true
	case errors.As(err, &dns) && dns.IsNotFound:
		return fmt.Sprintf("the site %s was not found; check the address and the internet connection", dns.Name), true
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &nerr) && nerr.Timeout():
		return fmt.Sprintf("no complete answer within %v; the site is slow or unreachable, try again later", timeout), true
	case errors.As(err, &dns):
		return fmt.Sprintf("the name %s could not be looked up; check the internet connection", dns.Name), true
	case errors.Is(err, syscall.ECONNREFUSED):
		return "the site refused the connection; it may be down", true
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return "the site cannot be reached; check the internet connection", true
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "the connection broke off before the page arrived; try again", true
	}
	if reason, ok := certificateReason(err); ok {
		return reason, true
	}
	return "", false
}

// errHTTPOnHTTPS is the text of the (untyped) error net/http returns when
// an https:// address answers in plain HTTP.
const errHTTPOnHTTPS = "server gave HTTP response to HTTPS client"

// certificateReason words the TLS failures a reader can act on (or at
// least recognise): a certificate for another site, an expired one, one
// no known authority signed, and a server that does not speak HTTPS.
func certificateReason(err error) (string, bool) {
	var (
		host    x509.HostnameError
		unknown x509.UnknownAuthorityError
		invalid x509.CertificateInvalidError
		header  tls.RecordHeaderError
		verify  *tls.CertificateVerificationError
	)
	const insecure = "the site's security certificate is not valid"
	switch {
	case errors.As(err, &host):
		return insecure + " (it was issued for another site)", true
	case errors.As(err, &unknown):
		return insecure + " (no known authority signed it)", true
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		return insecure + " (it has expired or is not valid yet; check the computer's clock)", true
	case errors.As(err, &invalid), errors.As(err, &verify):
		return insecure, true
	case errors.As(err, &header), strings.Contains(err.Error(), errHTTPOnHTTPS):
		return "the site does not speak HTTPS at this address; try http://", true
	}
	return "", false
}
