package article

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
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
	Client   *http.Client
	Timeout  time.Duration
	MaxBytes int64
}

// NewFetcher returns a fetcher with Dramatis's limits: FetchTimeout for the
// whole exchange, MaxPageBytes of body, MaxRedirects redirects with loops
// reported as such.
func NewFetcher() *Fetcher {
	f := &Fetcher{Timeout: FetchTimeout, MaxBytes: MaxPageBytes}
	// Cookies are kept for the fetcher's lifetime: news sites commonly
	// redirect through a consent or session check that sets a cookie and
	// sends the browser back to the same address.
	jar, _ := cookiejar.New(nil)
	f.Client = &http.Client{CheckRedirect: checkRedirect, Jar: jar}
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

// isURL reports whether source is meant as a web address (it has a URL
// scheme such as "https:"), as opposed to a file name.
func isURL(source string) bool {
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

// fetch downloads rawURL. Errors are one line and name the URL.
func (f *Fetcher) fetch(ctx context.Context, rawURL string) (*fetchedPage, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("%s is not a valid URL: %w", rawURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("cannot fetch %s: only http and https URLs are supported, not %q", rawURL, u.Scheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%s has no host name", rawURL)
	}
	if f.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, f.Timeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
	req.Header.Set("Accept-Language", "de,en;q=0.8")
	resp, err := f.Client.Do(req)
	if err != nil {
		return nil, fetchError(rawURL, err, f.Timeout)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("fetching %s: the server answered %s", rawURL, resp.Status)
	}
	limit := f.MaxBytes
	if limit <= 0 {
		limit = MaxPageBytes
	}
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("fetching %s: the page is %s, %w (limit %s)", rawURL, SizeString(resp.ContentLength), ErrTooLarge, SizeString(limit))
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fetchError(rawURL, err, f.Timeout)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("fetching %s: the page is larger than %s, %w", rawURL, SizeString(limit), ErrTooLarge)
	}
	return &fetchedPage{Data: data, ContentType: resp.Header.Get("Content-Type"), URL: resp.Request.URL.String()}, nil
}

// fetchError words a failed exchange for the reader: timeouts, redirect
// trouble and unreachable hosts each get their own message.
func fetchError(rawURL string, err error, timeout time.Duration) error {
	var ne net.Error
	switch {
	case errors.Is(err, errRedirectLoop):
		return fmt.Errorf("fetching %s: the server %w", rawURL, errRedirectLoop)
	case errors.Is(err, errTooManyRedirects):
		return fmt.Errorf("fetching %s: gave up after %w", rawURL, errTooManyRedirects)
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("fetching %s: no complete answer within %v: %w", rawURL, timeout, context.DeadlineExceeded)
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("fetching %s: cancelled: %w", rawURL, err)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("fetching %s: %w", rawURL, err)
}
