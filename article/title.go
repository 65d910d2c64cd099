package article

import (
	"net/url"
	"strings"
)

var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " / "}

// chooseTitle picks the article's title. The visible headline (h1) wins
// when a declared title contains it, since declared titles often carry the
// site name or a rubric around it; otherwise the first declared title,
// without its site name.
func chooseTitle(h1, site, host string, declared ...string) string {
	h1l := strings.ToLower(h1)
	if len(strings.Fields(h1)) >= 2 && !isSiteLike(h1, site, host) {
		for _, d := range declared {
			d = strings.ToLower(CleanInline(d))
			if d != "" && strings.Contains(d, h1l) && (2*len(h1l) >= len(d) || len(strings.Fields(strings.Replace(d, h1l, "", 1))) <= 3) {
				return h1
			}
		}
	}
	for _, d := range declared {
		if d = CleanInline(d); d != "" {
			return stripSiteName(d, site, host)
		}
	}
	return h1
}

// hostOf returns the host name of a URL without "www.", or "".
func hostOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// stripSiteName removes a site name from either end of a page title
// ("Headline | Site", "Site - Headline") when that part names the site
// (its declared name or its host), and the rest still reads as a headline.
func stripSiteName(title, site, host string) string {
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 {
			head, tail := title[:i], title[i+len(sep):]
			short := len(strings.Fields(tail)) <= 3 && len(strings.Fields(head)) >= 4
			if len(strings.Fields(head)) >= 2 && (isSiteLike(tail, site, host) || short) {
				return strings.TrimSpace(head)
			}
		}
		if j := strings.Index(title, sep); j > 0 {
			head, tail := title[:j], title[j+len(sep):]
			if len(strings.Fields(tail)) >= 2 && isSiteLike(head, site, host) {
				return strings.TrimSpace(tail)
			}
		}
	}
	return title
}

// isSiteLike reports whether a title part names the site: its declared
// name, its host ("tagesschau.de", "Spiegel" for spiegel.de), or a domain.
func isSiteLike(part, site, host string) bool {
	p := strings.ToLower(strings.TrimSpace(part))
	if p == "" {
		return false
	}
	if s := strings.ToLower(site); s != "" && (p == s || strings.Contains(p, s) || strings.Contains(s, p)) {
		return true
	}
	compact := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' {
			return r
		}
		return -1
	}, p)
	if host != "" && len(compact) >= 3 && strings.Contains(host, compact) {
		return true
	}
	// A word of the part that is the host's name: "DER SPIEGEL", spiegel.de.
	if label, _, ok := strings.Cut(host, "."); ok && len(label) >= 4 {
		for _, w := range strings.Fields(p) {
			if w == label {
				return true
			}
		}
	}
	return len(strings.Fields(p)) == 1 && strings.Contains(p, ".") && !strings.HasSuffix(p, ".")
}
