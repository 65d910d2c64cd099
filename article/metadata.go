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
	"golang.org/x/net/html/atom"
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

// kwKicker are class names sites give the rubric line above a headline.
var kwKicker = keywords{"kicker", "dachzeile", "overline", "topline", "eyebrow", "roofline", "spitzmarke", "supertitle", "rubric", "ressort", "topic", "flag"}

// metaSelector picks, in one pass over the page, every element that carries
// metadata.
const metaSelector = `html, meta, title, h1, time[datetime], link[rel], a[rel], script[type="application/ld+json"], [itemprop~="author"] [itemprop="name"]`

// pageMarks are the metadata-carrying elements of a page, found in one walk.
type pageMarks struct {
	meta      map[string]string
	title, h1 *goquery.Selection
	htmlLang  string
	times     []string
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
			pm.times = append(pm.times, attr(n, "datetime"))
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
	ld := pm.ld
	var m metadata
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

	for _, v := range append([]string{ld.DatePublished, first("article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date"), ld.DateCreated}, pm.times...) {
		if t, ok := parseDate(v); ok {
			m.Published = t
			break
		}
	}

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

// readKicker finds the rubric line above the headline: an element in or
// just before the h1 whose class names it so, or else the first
// articleSection of JSON-LD. fromMarkup says it was found in the page's
// markup rather than in metadata.
func readKicker(h1 *goquery.Selection, ld ldArticle, lang string) (kicker string, fromMarkup bool) {
	if h1 != nil {
		n := h1.Get(0)
		var near []*html.Node
		walk(n, func(c *html.Node) bool { near = append(near, c); return true })
		// The elements just before the headline, nearest first, up to two
		// levels up.
		for p, level := n, 0; p.Parent != nil && level < 2; p, level = p.Parent, level+1 {
			for c := p.PrevSibling; c != nil && len(near) < 200; c = c.PrevSibling {
				walk(c, func(d *html.Node) bool { near = append(near, d); return len(near) < 200 })
			}
		}
		for _, c := range near {
			if c.Type != html.ElementNode || !kwKicker.in(strings.ToLower(attr(c, "class"))) {
				continue
			}
			t := CleanInline(textContent(c))
			if t != "" && len([]rune(t)) <= 40 && len(strings.Fields(t)) <= 4 {
				return strings.TrimRight(t, ":"), true
			}
		}
	}
	if h1 != nil {
		if k := unlabelledKicker(h1.Get(0), lang); k != "" {
			return k, true
		}
	}
	if s := ldString(ld.Section); s != "" && len([]rune(s)) <= 40 {
		return s, false
	}
	return "", false
}

// unlabelledKicker reads a rubric from the element right before the
// headline when its markup does not name it: one to three words, no
// digits, no link, no sentence, and no furniture phrase of the page's
// language (of German or English when the page does not say).
func unlabelledKicker(h1 *html.Node, lang string) string {
	prev := h1.PrevSibling
	for prev != nil && prev.Type != html.ElementNode {
		if prev.Type == html.TextNode && strings.TrimSpace(prev.Data) != "" {
			return ""
		}
		prev = prev.PrevSibling
	}
	if prev == nil || findFirst(prev, atom.A) != nil || isElem(prev, atom.Nav, atom.Ul, atom.Ol, atom.Button, atom.Time) {
		return ""
	}
	t := CleanInline(textContent(prev))
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > 3 || len([]rune(t)) > 30 || strings.IndexFunc(t, unicode.IsDigit) >= 0 ||
		strings.ContainsAny(t, ".!?") {
		return ""
	}
	lists := []*Boilerplate{BoilerplateFor("de"), BoilerplateFor("en")}
	if lang != "" {
		lists = []*Boilerplate{boilerplateLang(lang, nil)}
	}
	for _, bp := range lists {
		if bp.IsLine(t) || bp.IsSection(t) {
			return ""
		}
	}
	return strings.TrimRight(t, ":")
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
			out = append(out, splitAuthors(t, false)...)
		case []any:
			for _, x := range t {
				add(x, depth+1)
			}
		case map[string]any:
			if s, ok := t["name"].(string); ok {
				out = append(out, splitAuthors(s, false)...)
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

var reAuthorSplit = regexp.MustCompile(`\s*(?:,|;|&|\||\band\b|\bund\b|\bsowie\b|\bet\b|\by\b)\s*`)
var reByPrefix = regexp.MustCompile(`(?i)^\s*(by|von|text|autor|autorin|author|written by|a cura di|par|por)\s*:?\s+`)

// splitAuthors turns a byline into names: "By A and B", "Von A und B",
// "A, B". Only the first line of a byline counts (dates and desks follow
// on later lines), and a date glued to a name is cut off. Values from page
// markup (strict) must also look like names, as bylines found by class
// name often hold "View my profile" or a job title; values that metadata
// declares as authors only lose links, dates and degrees ("MA").
func splitAuthors(s string, strict bool) []string {
	s = reByPrefix.ReplaceAllString(strings.TrimSpace(s), "")
	if i := strings.IndexByte(s, '\n'); i > 0 {
		s = s[:i]
	}
	s = CleanInline(s)
	s = reByPrefix.ReplaceAllString(s, "")
	if s == "" || strings.Contains(s, "://") || strings.HasPrefix(s, "www.") {
		return nil
	}
	var out []string
	for _, p := range reAuthorSplit.Split(s, -1) {
		p = cutDate(p)
		p = strings.TrimFunc(p, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '.' && r != ')' })
		p = reByPrefix.ReplaceAllString(p, "")
		n := len([]rune(p))
		if n == 0 || n > 60 || n <= 3 && len(p) == n || len(strings.Fields(p)) > 5 || strict && !looksLikeAuthor(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// months are month names that end a name when a date follows it.
var months = map[string]bool{
	"jan": true, "january": true, "januar": true, "feb": true, "february": true, "februar": true,
	"mar": true, "march": true, "märz": true, "apr": true, "april": true, "may": true, "mai": true,
	"jun": true, "june": true, "juni": true, "jul": true, "july": true, "juli": true, "aug": true,
	"august": true, "sep": true, "sept": true, "september": true, "oct": true, "october": true,
	"okt": true, "oktober": true, "nov": true, "november": true, "dec": true, "december": true,
	"dez": true, "dezember": true, "updated": true, "published": true, "aktualisiert": true,
}

// cutDate cuts s at its first word with a digit, and a month name or
// "Updated" just before it: "Laura Topolsky July 10" → "Laura Topolsky".
func cutDate(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			words = words[:i]
			for len(words) > 0 && months[strings.ToLower(strings.Trim(words[len(words)-1], ".,:"))] {
				words = words[:len(words)-1]
			}
			return strings.Join(words, " ")
		}
	}
	return s
}

// bylineParticles are the lower-case words that occur inside personal names.
var bylineParticles = map[string]bool{
	"de": true, "da": true, "di": true, "du": true, "del": true, "della": true, "van": true, "von": true,
	"der": true, "den": true, "zu": true, "le": true, "la": true, "bin": true, "al": true, "ibn": true, "dos": true, "das": true, "y": true,
}

// bylineButtons are words of the buttons and links that sit in byline
// markup ("Follow Author", "Autor folgen", "View Profile"): no name has them.
var bylineButtons = map[string]bool{
	"follow": true, "folgen": true, "subscribe": true, "abonnieren": true, "profile": true,
	"profil": true, "author": true, "autor": true, "autorin": true, "share": true, "teilen": true,
}

// looksLikeAuthor reports whether s could be a person's or desk's name: at
// most five words, every word capitalised except name particles, and none
// a button's word.
func looksLikeAuthor(s string) bool {
	for _, w := range strings.Fields(s) {
		if bylineButtons[strings.ToLower(strings.Trim(w, ".,:;!"))] {
			return false
		}
		r := []rune(strings.TrimLeft(w, "(\"'“„"))
		if len(r) > 0 && unicode.IsLower(r[0]) && !bylineParticles[w] {
			return false
		}
	}
	return true
}

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
