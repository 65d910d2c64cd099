package article

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// metadata is what a page says about its article outside the body text.
type metadata struct {
	Title, Kicker, Description, Site, URL, Lang string
	Authors                                     []string
	Published                                   time.Time
	h1                                          string
}

// ldArticle is the part of a schema.org JSON-LD object that Dramatis reads.
type ldArticle struct {
	Type          any               `json:"@type"`
	Headline      string            `json:"headline"`
	Name          string            `json:"name"`
	Description   string            `json:"description"`
	Author        json.RawMessage   `json:"author"`
	Creator       json.RawMessage   `json:"creator"`
	DatePublished string            `json:"datePublished"`
	DateCreated   string            `json:"dateCreated"`
	InLanguage    any               `json:"inLanguage"`
	Publisher     json.RawMessage   `json:"publisher"`
	Section       any               `json:"articleSection"`
	URL           string            `json:"url"`
	Graph         []json.RawMessage `json:"@graph"`
}

// articleTypes are schema.org types of news and blog articles.
var reArticleType = regexp.MustCompile(`(?i)^(Article|NewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|BlogPosting|SocialMediaPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|WebPage|AdvertiserContentArticle|SatiricalArticle)$`)

// reKicker are class names sites give the rubric line above a headline.
var reKicker = regexp.MustCompile(`(?i)kicker|dachzeile|overline|topline|eyebrow|roofline|spitzmarke|supertitle|rubric|flag`)

// readMetadata collects title, kicker, description, authors, date, site,
// language and canonical URL from meta tags, JSON-LD and the markup, in
// that order of trust.
func readMetadata(doc *html.Node, pageURL string) metadata {
	d := goquery.NewDocumentFromNode(doc)
	meta := map[string]string{}
	d.Find("meta").Each(func(_ int, s *goquery.Selection) {
		content, ok := s.Attr("content")
		if !ok || strings.TrimSpace(content) == "" {
			return
		}
		for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
			if v, ok := s.Attr(k); ok {
				for _, key := range strings.Fields(strings.ToLower(v)) {
					if _, seen := meta[key]; !seen {
						meta[key] = strings.TrimSpace(content)
					}
				}
			}
		}
	})
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := meta[k]; v != "" {
				return v
			}
		}
		return ""
	}
	ld := readJSONLD(d)
	var m metadata
	m.h1 = CleanInline(d.Find("h1").First().Text())

	m.Site = firstNonEmpty(first("og:site_name"), ldName(ld.Publisher), first("application-name", "twitter:site"))
	m.Site = strings.TrimPrefix(m.Site, "@")
	rawTitle := firstNonEmpty(ld.Headline, first("og:title", "twitter:title", "dc.title", "dcterms.title", "title"), CleanInline(d.Find("title").First().Text()), m.h1)
	m.Title = stripSiteName(CleanInline(rawTitle), m.Site, m.h1)
	m.Description = firstNonEmpty(first("og:description", "description", "twitter:description", "dc.description"), ld.Description)

	m.Authors = ldNames(ld.Author)
	if len(m.Authors) == 0 {
		m.Authors = ldNames(ld.Creator)
	}
	if len(m.Authors) == 0 {
		if a := first("author", "dc.creator", "parsely-author", "sailthru.author", "byl"); a != "" {
			m.Authors = splitAuthors(a)
		}
	}
	if len(m.Authors) == 0 {
		d.Find(`a[rel="author"], [itemprop~="author"] [itemprop="name"]`).Each(func(_ int, s *goquery.Selection) {
			m.Authors = append(m.Authors, splitAuthors(s.Text())...)
		})
	}

	for _, v := range []string{ld.DatePublished, first("article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date"), ld.DateCreated} {
		if t, ok := parseDate(v); ok {
			m.Published = t
			break
		}
	}
	if m.Published.IsZero() {
		d.Find("time[datetime]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
			t, ok := parseDate(s.AttrOr("datetime", ""))
			if ok {
				m.Published = t
			}
			return !ok
		})
	}

	m.Lang = firstNonEmpty(d.Find("html").AttrOr("lang", ""), d.Find("html").AttrOr("xml:lang", ""), first("content-language", "language", "dc.language"), ldString(ld.InLanguage), strings.ReplaceAll(first("og:locale"), "_", "-"))
	if i := strings.IndexByte(m.Lang, ','); i >= 0 {
		m.Lang = m.Lang[:i]
	}
	m.Lang = strings.TrimSpace(m.Lang)

	canon := firstNonEmpty(d.Find(`link[rel~="canonical"]`).AttrOr("href", ""), first("og:url"), ld.URL)
	m.URL = resolveURL(pageURL, canon)
	m.Kicker = readKicker(d, ld)
	return m
}

// readKicker finds the rubric line above the headline: an element near the
// h1 whose class names it so, or the first articleSection of JSON-LD.
func readKicker(d *goquery.Document, ld ldArticle) string {
	k := ""
	d.Find("h1 [class], header [class], article [class]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if !reKicker.MatchString(s.AttrOr("class", "")) {
			return true
		}
		t := CleanInline(s.Text())
		if t != "" && len([]rune(t)) <= 40 && len(strings.Fields(t)) <= 4 {
			k = strings.TrimRight(t, ":")
			return false
		}
		return true
	})
	if k == "" {
		if s := ldString(ld.Section); s != "" && len([]rune(s)) <= 40 {
			k = s
		}
	}
	return k
}

// readJSONLD returns the first article-like object of the page's JSON-LD.
func readJSONLD(d *goquery.Document) ldArticle {
	var found ldArticle
	ok := false
	d.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		raw := strings.TrimSpace(s.Text())
		raw = strings.TrimPrefix(raw, "<!--")
		raw = strings.TrimSuffix(raw, "-->")
		found, ok = findLDArticle(json.RawMessage(raw), 0)
		return !ok
	})
	return found
}

// findLDArticle searches a JSON-LD value (object, array or @graph) for an
// article object, to a small depth.
func findLDArticle(raw json.RawMessage, depth int) (ldArticle, bool) {
	if depth > 4 || len(raw) == 0 {
		return ldArticle{}, false
	}
	if raw[0] == '[' {
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) != nil {
			return ldArticle{}, false
		}
		for _, item := range list {
			if a, ok := findLDArticle(item, depth+1); ok {
				return a, true
			}
		}
		return ldArticle{}, false
	}
	var a ldArticle
	if json.Unmarshal(raw, &a) != nil {
		return ldArticle{}, false
	}
	for _, t := range ldStrings(a.Type) {
		if reArticleType.MatchString(t) && (t != "WebPage" || a.Headline != "") {
			return a, true
		}
	}
	for _, g := range a.Graph {
		if b, ok := findLDArticle(g, depth+1); ok {
			return b, true
		}
	}
	return ldArticle{}, false
}

// ldStrings reads a JSON-LD value that is a string or a list of strings.
func ldStrings(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, x := range t {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	case map[string]any:
		if s, ok := t["name"].(string); ok {
			return []string{s}
		}
	}
	return nil
}

func ldString(v any) string {
	if s := ldStrings(v); len(s) > 0 {
		return strings.TrimSpace(s[0])
	}
	return ""
}

// ldNames reads the names of a JSON-LD author: a string, a Person object or
// a list of either.
func ldNames(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return nil
	}
	var out []string
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 3 {
			return
		}
		switch t := v.(type) {
		case string:
			out = append(out, splitAuthors(t)...)
		case []any:
			for _, x := range t {
				add(x, depth+1)
			}
		case map[string]any:
			if s, ok := t["name"].(string); ok {
				out = append(out, splitAuthors(s)...)
			}
		}
	}
	add(v, 0)
	return out
}

// ldName reads the name of a JSON-LD organisation or person.
func ldName(raw json.RawMessage) string {
	if n := ldNames(raw); len(n) > 0 {
		return n[0]
	}
	return ""
}

var reAuthorSplit = regexp.MustCompile(`\s*(?:,|;|&|\||\band\b|\bund\b|\bsowie\b)\s*`)
var reByPrefix = regexp.MustCompile(`(?i)^\s*(by|von|text|autor|autorin|author|written by|a cura di|par|por)\s*:?\s+`)

// splitAuthors turns a byline into names: "By A and B", "Von A und B",
// "A, B". Values that are links or too long to be names are dropped.
func splitAuthors(s string) []string {
	s = CleanInline(s)
	s = reByPrefix.ReplaceAllString(s, "")
	if s == "" || strings.Contains(s, "://") || strings.HasPrefix(s, "www.") {
		return nil
	}
	var out []string
	for _, p := range reAuthorSplit.Split(s, -1) {
		p = strings.TrimFunc(p, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '.' })
		p = reByPrefix.ReplaceAllString(p, "")
		if p == "" || len([]rune(p)) > 60 || len(strings.Fields(p)) > 5 {
			continue
		}
		out = append(out, p)
	}
	return out
}

var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " / "}

// stripSiteName removes a site name from either end of a page title
// ("Headline | Site", "Site - Headline"), when the removed part is the site
// name or short, and the remaining part still looks like a headline.
func stripSiteName(title, site, h1 string) string {
	if h1 != "" && strings.EqualFold(h1, title) {
		return title
	}
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i > 0 {
			head, tail := title[:i], title[i+len(sep):]
			if isSiteLike(tail, site) && len(strings.Fields(head)) >= 2 {
				return strings.TrimSpace(head)
			}
		}
		if j := strings.Index(title, sep); j > 0 {
			head, tail := title[:j], title[j+len(sep):]
			if site != "" && strings.EqualFold(strings.TrimSpace(head), site) && len(strings.Fields(tail)) >= 2 {
				return strings.TrimSpace(tail)
			}
		}
	}
	return title
}

// isSiteLike reports whether a title part names the site.
func isSiteLike(part, site string) bool {
	part = strings.TrimSpace(part)
	if site != "" && (strings.EqualFold(part, site) || strings.Contains(strings.ToLower(part), strings.ToLower(site)) || strings.Contains(strings.ToLower(site), strings.ToLower(part))) {
		return true
	}
	return len(strings.Fields(part)) <= 3 && len([]rune(part)) <= 30
}

// resolveURL resolves ref against base; it returns base when ref is empty
// or not a URL, and drops any fragment.
func resolveURL(base, ref string) string {
	b, err := url.Parse(strings.TrimSpace(base))
	if err != nil {
		b = nil
	}
	ref = strings.TrimSpace(ref)
	if ref == "" {
		if b == nil {
			return ""
		}
		return base
	}
	r, err := url.Parse(ref)
	if err != nil {
		return base
	}
	if b != nil {
		r = b.ResolveReference(r)
	}
	if r.Scheme != "http" && r.Scheme != "https" {
		return base
	}
	r.Fragment = ""
	return r.String()
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
