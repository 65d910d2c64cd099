package article

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// metadata is what a page says about its article outside the body text.
type metadata struct {
	Title, Kicker, Description, Site, URL, Lang string
	Authors                                     []string
	Published                                   time.Time
	h1                                          string
	// body is the article body the page declares in JSON-LD, if any.
	body string
}

// metaSelector picks, in one pass over the page, every element that carries
// metadata.
const metaSelector = `html, meta, title, h1, time[datetime], link[rel], a[rel], script[type="application/ld+json"], [itemprop~="author"] [itemprop="name"]`

// pageMarks are the metadata-carrying elements of a page, found in one walk.
type pageMarks struct {
	meta      map[string]string
	title, h1 *goquery.Selection
	htmlLang  string
	times     []timeMark
	canonical string
	authors   []string
	ld        ldArticle
}

// collectMarks walks the page once and sorts its metadata elements.
func collectMarks(doc *html.Node) *pageMarks {
	pm := &pageMarks{meta: map[string]string{}}
	ldFound := false
	goquery.NewDocumentFromNode(doc).Find(metaSelector).Each(func(_ int, s *goquery.Selection) {
		n := s.Get(0)
		switch n.Data {
		case "html":
			pm.htmlLang = firstNonEmpty(attr(n, "lang"), attr(n, "xml:lang"))
		case "meta":
			content := strings.TrimSpace(attr(n, "content"))
			if content == "" {
				return
			}
			for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
				for _, key := range strings.Fields(strings.ToLower(attr(n, k))) {
					if _, seen := pm.meta[key]; !seen {
						pm.meta[key] = content
					}
				}
			}
		case "title":
			if pm.title == nil && !hasAncestor(n, atom.Svg, 0, nil) {
				pm.title = s
			}
		case "h1":
			if pm.h1 == nil {
				pm.h1 = s
			}
		case "time":
			pm.times = append(pm.times, markTime(n))
		case "link":
			if pm.canonical == "" && hasField(strings.ToLower(attr(n, "rel")), "canonical") {
				pm.canonical = attr(n, "href")
			}
		case "script":
			if !ldFound {
				raw := strings.TrimSpace(s.Text())
				raw = strings.TrimSuffix(strings.TrimPrefix(raw, "<!--"), "-->")
				pm.ld, ldFound = findLDArticle(json.RawMessage(raw), 0)
			}
		default:
			if n.Data != "a" || attr(n, "rel") == "author" {
				pm.authors = append(pm.authors, splitAuthors(s.Text(), true)...)
			}
		}
	})
	return pm
}

// readMetadata collects title, kicker, description, authors, date, site,
// language and canonical URL from JSON-LD, meta tags and the markup.
func readMetadata(doc *html.Node, pageURL string) metadata {
	pm := collectMarks(doc)
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := pm.meta[k]; v != "" {
				return v
			}
		}
		return ""
	}
	ld := unescapeLD(pm.ld)
	var m metadata
	m.body = ld.ArticleBody
	if pm.h1 != nil {
		m.h1 = CleanInline(pm.h1.Text())
	}
	pageTitle := ""
	if pm.title != nil {
		pageTitle = CleanInline(pm.title.Text())
	}
	m.Site = firstNonEmpty(first("og:site_name"), ldName(ld.Publisher), first("application-name", "twitter:site"))
	m.Site = strings.TrimPrefix(m.Site, "@")
	m.Title = chooseTitle(m.h1, m.Site, hostOf(pageURL), ld.Headline, first("og:title"), first("twitter:title"), first("dc.title", "dcterms.title", "title"), pageTitle)
	m.Description = firstNonEmpty(first("og:description", "description", "twitter:description", "dc.description"), ld.Description)

	m.Authors = ldNames(ld.Author)
	if len(m.Authors) == 0 {
		m.Authors = ldNames(ld.Creator)
	}
	if len(m.Authors) == 0 {
		if a := first("author", "dc.creator", "parsely-author", "sailthru.author", "byl"); a != "" {
			m.Authors = splitAuthors(a, false)
		}
	}
	if len(m.Authors) == 0 {
		m.Authors = pm.authors
	}

	m.Published = pm.published(ld, first)

	m.Lang = firstNonEmpty(pm.htmlLang, first("content-language", "language", "dc.language"), ldString(ld.InLanguage), strings.ReplaceAll(first("og:locale"), "_", "-"))
	if i := strings.IndexByte(m.Lang, ','); i >= 0 {
		m.Lang = m.Lang[:i]
	}
	m.Lang = strings.TrimSpace(m.Lang)

	m.URL = resolveURL(pageURL, firstNonEmpty(pm.canonical, first("og:url"), ld.URL))
	var fromMarkup bool
	m.Kicker, fromMarkup = readKicker(pm.h1, ld, m.Lang)
	if fromMarkup {
		// A rubric set inside the headline is not part of the title.
		for _, sep := range []string{": ", " - ", " – ", " | ", " "} {
			if rest, ok := strings.CutPrefix(m.Title, m.Kicker+sep); ok && len(strings.Fields(rest)) >= 2 {
				m.Title = strings.TrimSpace(rest)
				break
			}
		}
	}
	return m
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
