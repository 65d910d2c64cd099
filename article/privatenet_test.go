package article

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestIsPrivateAddr(t *testing.T) {
	for s, want := range map[string]bool{
		"127.0.0.1": true, "127.8.9.10": true, "10.1.2.3": true, "172.16.0.1": true, "172.31.255.255": true,
		"192.168.1.1": true, "169.254.169.254": true, "0.0.0.0": true, "100.64.0.1": true,
		"::1": true, "::": true, "fe80::1": true, "fc00::1": true, "fd12:3456::1": true,
		"::ffff:127.0.0.1": true, "::ffff:10.0.0.1": true, "64:ff9b::7f00:1": true, "64:ff9b::a00:1": true,
		"8.8.8.8": false, "172.32.0.1": false, "192.169.0.1": false, "93.184.216.34": false,
		"2606:4700::1111": false, "::ffff:8.8.8.8": false, "64:ff9b::808:808": false,
	} {
		if got := isPrivateAddr(netip.MustParseAddr(s)); got != want {
			t.Errorf("isPrivateAddr(%s) = %v, want %v", s, got, want)
		}
	}
}

// publicFetcher returns a fetcher that takes 127.0.0.2 for an address on
// the internet, so that an httptest server there plays a public site, and
// resolves the names in names as given. Everything else is judged as in
// real use.
func publicFetcher(names map[string][]netip.Addr) *Fetcher {
	f := NewFetcher()
	f.Timeout = 5 * time.Second
	public := netip.MustParseAddr("127.0.0.2")
	f.guard.private = func(a netip.Addr) bool { return a.Unmap() != public && isPrivateAddr(a) }
	f.guard.lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
		if a, ok := names[host]; ok {
			return a, nil
		}
		return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	}
	return f
}

// serveOn starts an httptest server listening on addr ("127.0.0.2:0").
func serveOn(t *testing.T, addr string, h http.Handler) *httptest.Server {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// A page on the internet that redirects into this computer or a private
// network is refused, by address or by a name that resolves there; the
// check is made on the address dialled, so the local server never sees
// the request. Redirects that stay on the internet are followed.
func TestRedirectIntoPrivateNetworkRefused(t *testing.T) {
	var reached []string
	inner := serveOn(t, "127.0.0.1:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached = append(reached, r.URL.Path)
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(newsPage))
	}))
	_, innerPort, _ := net.SplitHostPort(inner.Listener.Addr().String())
	var inner6 string
	if ln, err := net.Listen("tcp", "[::1]:0"); err == nil {
		ln.Close()
		srv6 := serveOn(t, "[::1]:0", inner.Config.Handler)
		inner6 = srv6.URL
	}
	outer := serveOn(t, "127.0.0.2:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if to := r.URL.Query().Get("to"); to != "" {
			http.Redirect(w, r, to, http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(newsPage))
	}))
	_, outerPort, _ := net.SplitHostPort(outer.Listener.Addr().String())
	f := publicFetcher(map[string][]netip.Addr{
		"intranet.example":  {netip.MustParseAddr("127.0.0.1")},
		"rebinding.example": {netip.MustParseAddr("127.0.0.1")},
		"news.example":      {netip.MustParseAddr("127.0.0.2")},
	})
	targets := []string{
		inner.URL + "/literal",
		"http://localhost:" + innerPort + "/localhost",
		"http://intranet.example:" + innerPort + "/name",
		"http://[::ffff:127.0.0.1]:" + innerPort + "/mapped",
	}
	if inner6 != "" {
		targets = append(targets, inner6+"/ipv6")
	}
	for _, to := range targets {
		_, err := f.fetch(context.Background(), outer.URL+"/?to="+to)
		var pe *privateAddressError
		if err == nil || !errors.As(err, &pe) || !strings.Contains(err.Error(), "an address on this computer or in a private network") {
			t.Errorf("redirect to %s: %v, want it refused", to, err)
		}
	}
	if len(reached) > 0 {
		t.Errorf("the private server was reached: %v", reached)
	}
	// A public name that resolves to a private address is refused when it
	// is dialled, not only when it appears in a URL.
	if _, err := f.fetch(context.Background(), "http://news.example:"+outerPort+"/?to=http://rebinding.example:"+innerPort+"/"); err == nil {
		t.Error("a name resolving to loopback was fetched after a redirect")
	}
	if _, err := f.fetch(context.Background(), outer.URL+"/?to=http://news.example:"+outerPort+"/"); err != nil {
		t.Errorf("a redirect between public addresses: %v", err)
	}
}

// An address the reader typed that is itself private may redirect within
// private networks: a page on the reader's own machine or intranet.
func TestTypedPrivateAddressMayRedirectPrivately(t *testing.T) {
	inner := serveOn(t, "127.0.0.1:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/start" {
			http.Redirect(w, r, "http://localhost:"+r.Host[strings.LastIndex(r.Host, ":")+1:]+"/page", http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(newsPage))
	}))
	f := publicFetcher(map[string][]netip.Addr{"wiki.intranet": {netip.MustParseAddr("127.0.0.1")}})
	_, port, _ := net.SplitHostPort(inner.Listener.Addr().String())
	for _, start := range []string{inner.URL + "/start", "http://localhost:" + port + "/start", "http://wiki.intranet:" + port + "/start"} {
		if _, err := f.fetch(context.Background(), start); err != nil {
			t.Errorf("%s: %v", start, err)
		}
	}
}

// Through a proxy the dialler sees only the proxy's address: a proxy on
// this computer is used, and a public page's redirect to a private name
// is refused by its host before it is handed to the proxy.
func TestProxyIsDialledAndPrivateTargetsRefused(t *testing.T) {
	var asked []string
	proxy := serveOn(t, "127.0.0.1:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = append(asked, r.URL.String())
		if r.URL.Hostname() == "news.example" {
			http.Redirect(w, r, "http://intranet.example/admin", http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(newsPage))
	}))
	f := publicFetcher(map[string][]netip.Addr{
		"news.example":     {netip.MustParseAddr("127.0.0.2")},
		"intranet.example": {netip.MustParseAddr("10.0.0.1")},
	})
	proxyURL, _ := url.Parse(proxy.URL)
	f.guard.fromEnv = func(*http.Request) (*url.URL, error) { return proxyURL, nil }
	// New transports, so that they pick up the proxy function.
	f.public.Transport, f.private.Transport = f.guard.transport(false), f.guard.transport(true)
	_, err := f.fetch(context.Background(), "http://news.example/story")
	var pe *privateAddressError
	if !errors.As(err, &pe) {
		t.Errorf("redirect to a private name through the proxy: %v, want it refused", err)
	}
	if len(asked) != 1 || asked[0] != "http://news.example/story" {
		t.Errorf("the proxy was asked for %v, want only the public page", asked)
	}
}
