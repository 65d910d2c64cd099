package article

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"
)

// privateNets are the addresses of this computer and of private networks,
// which a page on the internet must not be able to send Dramatis to (a
// router's admin page, a local service, a cloud's metadata endpoint).
// netip's IsLoopback, IsPrivate and IsLinkLocal* cover most of them; these
// are the rest.
var privateNets = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),     // "this network": 0.0.0.0 reaches the local host
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT, shared by a provider's customers
	netip.MustParsePrefix("192.0.0.0/24"),  // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"), // benchmarking, used inside data centres
	netip.MustParsePrefix("fec0::/10"),     // deprecated site-local IPv6
}

// embeddedV4 are IPv6 prefixes that carry an IPv4 address in their last 32
// bits (NAT64, as a DNS64 resolver answers); the IPv4 address decides.
var embeddedV4 = []netip.Prefix{
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
}

// isPrivateAddr reports whether a is on this computer or in a private
// network: loopback (127/8, ::1), RFC 1918 (10/8, 172.16/12, 192.168/16),
// unique local IPv6 (fc00::/7), link-local (169.254/16, fe80::/10),
// unspecified, and the ranges in privateNets, also as IPv4-mapped or
// NAT64 IPv6 addresses.
func isPrivateAddr(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range embeddedV4 {
		if p.Contains(a) {
			b := a.As16()
			return isPrivateAddr(netip.AddrFrom4([4]byte(b[12:])))
		}
	}
	if a.IsLoopback() || a.IsPrivate() || a.IsUnspecified() || a.IsLinkLocalUnicast() ||
		a.IsLinkLocalMulticast() || a.IsInterfaceLocalMulticast() {
		return true
	}
	for _, p := range privateNets {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// privateAddressError is a connection Dramatis refused to make: the page
// the reader asked for led to an address on this computer or in a private
// network.
type privateAddressError struct {
	host string
	addr netip.Addr
}

func (e *privateAddressError) Error() string {
	where := e.host
	if e.addr.IsValid() && e.addr.String() != e.host {
		where += " (" + e.addr.String() + ")"
	}
	return "the page led on to " + where + ", an address on this computer or in a private network; " +
		"Dramatis goes there only when the address typed is itself private"
}

// netGuard decides which connections a fetcher may make. private tests an
// address. lookup, when set, resolves host names for the guard and for the
// dialler instead of the system's resolver; only tests set it, to give
// names to the loopback addresses their servers listen on.
type netGuard struct {
	private func(netip.Addr) bool
	lookup  func(ctx context.Context, host string) ([]netip.Addr, error)
	// fromEnv is the proxy of a request (http.ProxyFromEnvironment).
	fromEnv func(*http.Request) (*url.URL, error)
	// proxies are the proxy addresses (host:port) the environment named,
	// which are dialled even when private (a local proxy is common).
	proxies sync.Map
}

func newNetGuard() *netGuard {
	return &netGuard{private: isPrivateAddr, fromEnv: http.ProxyFromEnvironment}
}

// resolve looks a host name up.
func (g *netGuard) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	if g.lookup != nil {
		return g.lookup(ctx, host)
	}
	return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
}

// typedIsPrivate reports whether the host the reader typed is itself on
// this computer or in a private network (an address, "localhost", or a
// name that resolves there), which allows the whole fetch to go there. A
// name that cannot be resolved is not private; the dial reports why.
func (g *netGuard) typedIsPrivate(ctx context.Context, host string) bool {
	if a, err := netip.ParseAddr(host); err == nil {
		return g.private(a)
	}
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	addrs, err := g.resolve(ctx, host)
	if err != nil {
		return false
	}
	for _, a := range addrs {
		if g.private(a) {
			return true
		}
	}
	return false
}

// transport returns an HTTP transport like http.DefaultTransport whose
// connections are checked when they are made: with allowPrivate false, a
// connection to a private address is refused, whatever name or redirect
// led there. Checking the address dialled, not the URL, also catches a
// public name that resolves to a private address. Each policy has its own
// transport, so a kept-alive connection made for a private fetch is never
// reused by a public one.
func (g *netGuard) transport(allowPrivate bool) *http.Transport {
	dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = g.proxy(allowPrivate)
	t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, port, _ := net.SplitHostPort(addr)
		if _, err := netip.ParseAddr(host); err != nil && g.lookup != nil {
			addrs, err := g.lookup(ctx, host)
			if err != nil || len(addrs) == 0 {
				return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
			}
			addr = net.JoinHostPort(addrs[0].String(), port)
		}
		if _, ok := g.proxies.Load(addr); ok || allowPrivate {
			return dialer.DialContext(ctx, network, addr)
		}
		d := *dialer
		d.Control = func(_, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err == nil && g.private(ap.Addr()) {
				return &privateAddressError{host: host, addr: ap.Addr().Unmap()}
			}
			return nil
		}
		return d.DialContext(ctx, network, addr)
	}
	return t
}

// proxy is the transport's Proxy function: the environment's proxy
// settings, remembering each proxy's address so that the dialler lets it
// through. Through a proxy the dialler never sees the page's address, so
// a request that goes through one is checked here, by its host name.
func (g *netGuard) proxy(allowPrivate bool) func(*http.Request) (*url.URL, error) {
	return func(req *http.Request) (*url.URL, error) {
		p, err := g.fromEnv(req)
		if err != nil || p == nil {
			return p, err
		}
		port := p.Port()
		if port == "" {
			port = map[string]string{"https": "443", "socks5": "1080"}[p.Scheme]
			if port == "" {
				port = "80"
			}
		}
		g.proxies.Store(net.JoinHostPort(p.Hostname(), port), true)
		if !allowPrivate && g.typedIsPrivate(req.Context(), req.URL.Hostname()) {
			return nil, &privateAddressError{host: req.URL.Hostname()}
		}
		return p, nil
	}
}
