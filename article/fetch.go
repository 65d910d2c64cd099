package article

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"time"
)

// Fetching limits. A news page answers within seconds; a server that takes
// longer than FetchTimeout is not going to deliver a page worth waiting for.
const (
	FetchTimeout = 30 * time.Second
	MaxRedirects = 10
)

// userAgent is sent with every fetch. News sites serve reduced or blocked
// pages to unknown clients, so Dramatis presents itself like a desktop
// browser, as reader-mode tools do.
const userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"

// Fetcher downloads web pages. The zero value is not usable; NewFetcher
// returns one with the default limits, which tests may lower.
type Fetcher struct {
	Timeout  time.Duration
	MaxBytes int64
	// Progress, when set, is called on the fetching goroutine each time
	// part of a page's body arrives, with the bytes received so far and
	// the size the server announced (-1 when it did not; once the body
	// is complete, the size received), so that a window or a terminal
	// can tell a slow site from a dead one, and a download from cleaning.
	Progress func(received, total int64)

	guard *netGuard
	// public fetches what the reader typed when it is on the internet:
	// it refuses every connection to a private address (see netGuard).
	// private fetches an address the reader typed that is itself private.
	public, private *http.Client
}

// NewFetcher returns a fetcher with Dramatis's limits: FetchTimeout for the
// whole exchange, MaxPageBytes of body, MaxRedirects redirects with loops
// reported as such, and no way from a page on the internet into this
// computer or a private network.
func NewFetcher() *Fetcher {
	f := &Fetcher{Timeout: FetchTimeout, MaxBytes: MaxPageBytes, guard: newNetGuard()}
	// Cookies are kept for the fetcher's lifetime: news sites commonly
	// redirect through a consent or session check that sets a cookie and
	// sends the browser back to the same address.
	jar, _ := cookiejar.New(nil)
	f.public = &http.Client{CheckRedirect: checkRedirect, Jar: jar, Transport: f.guard.transport(false)}
	f.private = &http.Client{CheckRedirect: checkRedirect, Jar: jar, Transport: f.guard.transport(true)}
	return f
}

// errRedirectLoop and errTooManyRedirects explain why a fetch stopped
// following redirects.
var (
	errRedirectLoop     = errors.New("redirects in a loop")
	errTooManyRedirects = fmt.Errorf("more than %d redirects", MaxRedirects)
)

// checkRedirect bounds redirects and tells a loop from a long chain, and
// refuses redirects to schemes other than http(s). An address may come
// back once (after a cookie was set on the way); a third visit is a loop.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
	}
	seen := 0
	for _, v := range via {
		if v.URL.String() == req.URL.String() {
			seen++
		}
	}
	if seen >= 2 {
		return errRedirectLoop
	}
	if len(via) >= MaxRedirects {
		return errTooManyRedirects
	}
	return nil
}

// fetchedPage is a downloaded page: its bytes, Content-Type and the URL it was
// finally served from (after redirects).
type fetchedPage struct {
	Data        []byte
	ContentType string
	URL         string
}

// IsURL reports whether source is meant as a web address (it has a URL
// scheme such as "https:"), as opposed to a file name.
func IsURL(source string) bool {
	i := strings.Index(source, "://")
	if i <= 0 {
		return false
	}
	for _, r := range source[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

// fetch downloads rawURL. Errors are one line, name the URL (shortened
// when long) and say what went wrong in words for the reader (see
// FetchError).
func (f *Fetcher) fetch(ctx context.Context, rawURL string) (*fetchedPage, error) {
	name := shortSource(rawURL)
	u, err := url.Parse(rawURL)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // its text repeats the whole URL
		}
		return nil, fmt.Errorf("%s is not a valid URL: %w", name, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("cannot fetch %s: only http and https URLs are supported, not %q", name, u.Scheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%s has no host name", name)
	}
	if f.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, f.Timeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fetchError(rawURL, err, f.Timeout)
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
	req.Header.Set("Accept-Language", "de,en;q=0.8")
	req.Header.Set("Accept-Encoding", acceptEncoding)
	client := f.public
	if f.guard.typedIsPrivate(ctx, u.Hostname()) {
		client = f.private
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fetchError(rawURL, err, f.Timeout)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("fetching %s: the server answered %s", name, resp.Status)
	}
	data, err := f.readBody(resp, rawURL)
	if err != nil {
		return nil, err
	}
	return &fetchedPage{Data: data, ContentType: resp.Header.Get("Content-Type"), URL: resp.Request.URL.String()}, nil
}

// readBody reads a response's body within the size limit, decoding its
// Content-Encoding and reporting progress.
func (f *Fetcher) readBody(resp *http.Response, rawURL string) ([]byte, error) {
	limit := f.maxBytes()
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("fetching %s: the page is %s, %w (limit %s)", shortSource(rawURL), SizeString(resp.ContentLength), ErrTooLarge, SizeString(limit))
	}
	var body io.Reader = resp.Body
	if f.Progress != nil { // counts the bytes as they arrive, before decompression
		body = &progressReader{r: body, total: resp.ContentLength, report: f.Progress}
	}
	body, err := decodeBody(body, resp.Header.Get("Content-Encoding"))
	if err != nil {
		return nil, fetchError(rawURL, err, f.Timeout)
	}
	// The limit bounds the decoded page, so a small compressed bomb is
	// refused like a huge page.
	data, err := io.ReadAll(io.LimitReader(body, limit+1))
	if err != nil {
		return nil, fetchError(rawURL, err, f.Timeout)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("fetching %s: the page is larger than %s, %w", shortSource(rawURL), SizeString(limit), ErrTooLarge)
	}
	return data, nil
}

// progressReader reports the bytes read so far after every read.
type progressReader struct {
	r        io.Reader
	received int64
	total    int64
	report   func(received, total int64)
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if n > 0 {
		p.received += int64(n)
		p.report(p.received, p.total)
	}
	if err == io.EOF && p.total != p.received {
		p.total = p.received // the size is known now: say the download is complete
		p.report(p.received, p.total)
	}
	return n, err
}
