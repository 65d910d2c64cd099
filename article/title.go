package article

import (
	"net/url"
	"strings"
)

// titleSeparators split a page title into the headline and the site name
// or rubric around it.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " › ", " : ", " / "}

// A declared title that contains the h1 is the h1 dressed when the h1 is
// at least half of it or the rest is at most dressWords words (a site
// name, a rubric). The part of a title after a separator is a site name
// when it names the site, or when it is at most dressWords words after a
// headline of at least headlineWords. A host name of at least
// minHostChars letters, or whose first label has minLabelChars, is
// recognised inside a title part.
const (
	dressWords    = 3
	headlineWords = 4
	minHostChars  = 3
	minLabelChars = 4
)

// chooseTitle picks the article's title. The visible headline (h1) wins
// when a declared title contains it, since declared titles often carry the
// site name or a rubric around it; otherwise the first declared title,
// without its site name.
func chooseTitle(h1, site, host string, declared ...string) string {
	h1l := strings.ToLower(h1)
	if len(strings.Fields(h1)) >= 2 && !isSiteLike(h1, site, host) {
		for _, d := range declared {
			d = strings.ToLower(CleanInline(d))
			if d != "" && strings.Contains(d, h1l) && (2*len(h1l) >= len(d) || len(strings.Fields(strings.Replace(d, h1l, "", 1))) <= dressWords) {
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
			short := len(strings.Fields(tail)) <= dressWords && len(strings.Fields(head)) >= headlineWords
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
	if host != "" && len(compact) >= minHostChars && strings.Contains(host, compact) {
		return true
	}
	// A word of the part that is the host's name: "DER SPIEGEL", spiegel.de.
	if label, _, ok := strings.Cut(host, "."); ok && len(label) >= minLabelChars {
		for _, w := range strings.Fields(p) {
			if w == label {
				return true
			}
		}
	}
	return len(strings.Fields(p)) == 1 && strings.Contains(p, ".") && !strings.HasSuffix(p, ".")
}
