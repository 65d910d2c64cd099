package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The extractor finds the article body of a parsed page. It follows the
// approach of Mozilla's Readability: paragraphs vote for the containers they
// sit in (weighted by length and commas, less for more distant ancestors),
// link-heavy containers lose, class and id names that say "comment",
// "sidebar", "share" … count against a node and "article", "content" … for
// it, and the best container is taken together with siblings that look like
// more of the same. The kept content is then cleaned of forms, embeds,
// share widgets and link lists. When that leaves too little text, the
// stricter rules are relaxed one at a time.

// Extraction flags, relaxed in this order when a pass finds too little text.
const (
	flagStripUnlikely = 1 << iota
	flagWeightClasses
	flagCleanConditionally
)

// minArticleChars is how much text a pass must keep before it is trusted.
const minArticleChars = 500

// nbTopCandidates is how many best-scoring containers are compared.
const nbTopCandidates = 5

// Class and id patterns. They describe how sites name their page parts; the
// words added to Readability's lists (cookie, consent, newsletter,
// credit, listen, vorlesen, teilen …) cover European news sites.
var (
	kwUnlikely = keywords{"-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "cookie", "consent", "newsletter"}
	kwMaybe    = keywords{"and", "article", "body", "column", "content", "main", "mathjax", "shadow"}
	kwPositive = keywords{"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog", "story"}
	kwNegative = keywords{"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget", "credit", "copyright"}
	kwByline   = keywords{"byline", "author", "dateline", "writtenby", "p-author"}
	kwShare    = keywords{"share", "sharedaddy", "sharing", "social", "listen", "audio-player", "audioplayer", "vorlesen", "teilen"}
	reAdWords  = regexp.MustCompile(`(?i)^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|anzeige|广告|Реклама|Anuncio)$`)
	reLoading  = regexp.MustCompile(`(?i)^((loading|正在加载|Загрузка|chargement|cargando|wird geladen)(…|\.\.\.)?)$`)
	reSentence = regexp.MustCompile(`\.( |$)`)
	reVideo    = regexp.MustCompile(`(?i)//(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq|bilibili|live\.bilibili)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)`)
)

// negative reports class/id names that count against a node.
func negative(lower string) bool { return kwNegative.in(lower) || hasField(lower, "hid") }

// unlikelyRoles are ARIA roles of page parts that are never the article.
var unlikelyRoles = map[string]bool{
	"menu": true, "menubar": true, "complementary": true, "navigation": true,
	"alert": true, "alertdialog": true, "dialog": true,
}

// scoredTags are the elements whose text votes for their ancestors.
var scoredTags = map[atom.Atom]bool{
	atom.Section: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.P: true, atom.Td: true, atom.Pre: true,
}

// blockTags are children that stop a <div> from being read as a paragraph.
var blockTags = map[atom.Atom]bool{
	atom.Blockquote: true, atom.Dl: true, atom.Div: true, atom.Img: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Table: true, atom.Ul: true,
}

// phrasingTags are inline elements that may be wrapped into a paragraph.
var phrasingTags = map[atom.Atom]bool{
	atom.Abbr: true, atom.Audio: true, atom.B: true, atom.Bdo: true, atom.Br: true,
	atom.Button: true, atom.Cite: true, atom.Code: true, atom.Data: true,
	atom.Datalist: true, atom.Dfn: true, atom.Em: true, atom.Embed: true, atom.I: true,
	atom.Img: true, atom.Input: true, atom.Kbd: true, atom.Label: true, atom.Mark: true,
	atom.Math: true, atom.Meter: true, atom.Noscript: true, atom.Object: true,
	atom.Output: true, atom.Progress: true, atom.Q: true, atom.Ruby: true, atom.Samp: true,
	atom.Script: true, atom.Select: true, atom.Small: true, atom.Span: true,
	atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Textarea: true,
	atom.Time: true, atom.Var: true, atom.Wbr: true,
}

// keepTagOnAppend are sibling tags kept as they are when appended to the
// article; others become <div>s.
var keepTagOnAppend = map[atom.Atom]bool{
	atom.Div: true, atom.Article: true, atom.Section: true, atom.P: true,
	atom.Ol: true, atom.Ul: true,
}

// extractor holds the state of one extraction pass over one parsed page.
type extractor struct {
	flags      int
	title      string
	byline     string
	scores     map[*html.Node]float64
	dataTables map[*html.Node]bool
}

// newExtractor prepares a pass with the given flags; title is the page's
// title, used to drop a heading that only repeats it.
func newExtractor(flags int, title string) *extractor {
	return &extractor{
		flags:      flags,
		title:      title,
		scores:     map[*html.Node]float64{},
		dataTables: map[*html.Node]bool{},
	}
}

func (x *extractor) active(flag int) bool { return x.flags&flag != 0 }

// matchString is what class/id patterns are matched against, lower-cased.
func matchString(n *html.Node) string {
	c, id := attr(n, "class"), attr(n, "id")
	if id != "" {
		c += " " + id
	}
	return strings.ToLower(c)
}

// classWeight scores a node's class and id names: ±25 each.
func (x *extractor) classWeight(n *html.Node) float64 {
	if !x.active(flagWeightClasses) {
		return 0
	}
	w := 0.0
	for _, key := range [2]string{"class", "id"} {
		if v := strings.ToLower(attr(n, key)); v != "" {
			if negative(v) {
				w -= 25
			}
			if kwPositive.in(v) {
				w += 25
			}
		}
	}
	return w
}

// linkDensity is the share of n's text that sits inside links; in-page
// anchors ("#section") count less because tables of contents are content.
func linkDensity(n *html.Node) float64 {
	return linkDensityWith(n, nil)
}

// linkDensityWith is linkDensity using precomputed text lengths (see
// textLens) when lens is not nil.
func linkDensityWith(n *html.Node, lens map[*html.Node]int) float64 {
	length := func(c *html.Node) int {
		if lens != nil {
			return lens[c]
		}
		return textLen(c)
	}
	total := length(n)
	if total == 0 {
		return 0
	}
	links := 0.0
	walk(n, func(c *html.Node) bool {
		if isElem(c, atom.A) {
			k := 1.0
			if h := attr(c, "href"); len(h) > 1 && h[0] == '#' {
				k = 0.3
			}
			links += float64(length(c)) * k
			return false
		}
		return c.Type == html.ElementNode
	})
	return links / float64(total)
}

// visible reports whether the page shows n; hidden parts are not article.
func visible(n *html.Node) bool {
	if s := attr(n, "style"); s != "" {
		s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
		if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
			return false
		}
	}
	if hasAttr(n, "hidden") {
		return false
	}
	if attr(n, "aria-hidden") == "true" && !strings.Contains(attr(n, "class"), "fallback-image") {
		return false
	}
	return true
}

// isPhrasing reports whether n is inline content that can live in a <p>.
func isPhrasing(n *html.Node) bool {
	if n.Type == html.TextNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	if phrasingTags[n.DataAtom] {
		return true
	}
	if isElem(n, atom.A, atom.Del, atom.Ins) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !isPhrasing(c) {
				return false
			}
		}
		return true
	}
	return false
}

// hasBlockChild reports whether a block element sits anywhere below n.
func hasBlockChild(n *html.Node) bool {
	found := false
	walk(n, func(c *html.Node) bool {
		if found {
			return false
		}
		if c != n && c.Type == html.ElementNode && blockTags[c.DataAtom] {
			found = true
			return false
		}
		return true
	})
	return found
}

// singleChildTag reports whether n's only content is one element with tag.
func singleChildTag(n *html.Node, tag atom.Atom) bool {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			if only != nil {
				return false
			}
			only = c
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return false
			}
		}
	}
	return only != nil && only.DataAtom == tag
}

// isEmptyElement reports a node with neither text nor anything but breaks.
func isEmptyElement(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !isElem(c, atom.Br, atom.Hr) {
			return false
		}
	}
	return !hasText(n)
}

// hasText reports whether any text below n is more than white space; it
// stops at the first such text.
func hasText(n *html.Node) bool {
	found := false
	walk(n, func(c *html.Node) bool {
		if found {
			return false
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			found = true
		}
		return !found
	})
	return found
}

// initNode gives a container its starting score from its tag and names.
func (x *extractor) initNode(n *html.Node) {
	s := 0.0
	switch n.DataAtom {
	case atom.Div:
		s = 5
	case atom.Pre, atom.Td, atom.Blockquote:
		s = 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		s = -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		s = -5
	}
	x.scores[n] = s + x.classWeight(n)
}

// isByline records n as the page's byline when it looks like one.
func (x *extractor) isByline(n *html.Node, match string) bool {
	if x.byline != "" {
		return false
	}
	if attr(n, "rel") == "author" || strings.Contains(attr(n, "itemprop"), "author") || kwByline.in(match) {
		t := strings.TrimSpace(bylineText(n))
		if t != "" && len([]rune(t)) < 100 {
			x.byline = t
			return true
		}
	}
	return false
}

// similarity says how much of b's words also occur in a (0…1).
func similarity(a, b string) float64 {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
		})
	}
	ta, tb := split(a), split(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	inA := map[string]bool{}
	for _, t := range ta {
		inA[t] = true
	}
	var uniq []string
	for _, t := range tb {
		if !inA[t] {
			uniq = append(uniq, t)
		}
	}
	return 1 - float64(len(strings.Join(uniq, " ")))/float64(len(strings.Join(tb, " ")))
}

// grab runs one pass over the page and returns the article container, or
// nil when the page has no body.
func (x *extractor) grab(doc *html.Node) *html.Node {
	root := findFirst(doc, atom.Html)
	body := findFirst(doc, atom.Body)
	if root == nil || body == nil {
		return nil
	}
	removeTitle := x.title != ""
	var toScore []*html.Node
	n := root
	for n != nil {
		if n.DataAtom == atom.Html {
			n = nextNode(n, false)
			continue
		}
		match := matchString(n)
		if !visible(n) || (attr(n, "aria-modal") == "true" && attr(n, "role") == "dialog") {
			n = removeAndNext(n)
			continue
		}
		if match != "" || hasAttr(n, "rel") || hasAttr(n, "itemprop") {
			if x.isByline(n, match) {
				n = removeAndNext(n)
				continue
			}
		}
		if removeTitle && isElem(n, atom.H1, atom.H2) && similarity(x.title, innerText(n)) > 0.75 {
			removeTitle = false
			n = removeAndNext(n)
			continue
		}
		if x.active(flagStripUnlikely) {
			if match != "" && kwUnlikely.in(match) && !kwMaybe.in(match) &&
				!hasAncestor(n, atom.Table, 3, nil) && !hasAncestor(n, atom.Code, 3, nil) &&
				n.DataAtom != atom.Body && n.DataAtom != atom.A {
				n = removeAndNext(n)
				continue
			}
			if unlikelyRoles[attr(n, "role")] {
				n = removeAndNext(n)
				continue
			}
		}
		if isElem(n, atom.Div, atom.Section, atom.Header, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6) && isEmptyElement(n) {
			n = removeAndNext(n)
			continue
		}
		if scoredTags[n.DataAtom] {
			toScore = append(toScore, n)
		}
		if n.DataAtom == atom.Div {
			wrapPhrasing(n)
			if singleChildTag(n, atom.P) && linkDensity(n) < 0.25 {
				p := firstElementChild(n)
				n.RemoveChild(p)
				n.Parent.InsertBefore(p, n)
				n.Parent.RemoveChild(n)
				n = p
				toScore = append(toScore, n)
			} else if !hasBlockChild(n) {
				setTag(n, atom.P)
				toScore = append(toScore, n)
			}
		}
		n = nextNode(n, false)
	}

	// The tree holds still from here until the content is prepared, so text
	// lengths are computed once.
	lens := textLens(root)
	var candidates []*html.Node
	for _, el := range toScore {
		if el.Parent == nil || el.Parent.Type != html.ElementNode {
			continue
		}
		length := lens[el]
		if length < 25 {
			continue
		}
		anc := ancestors(el, 5)
		if len(anc) == 0 {
			continue
		}
		score := 1.0 + float64(commasIn(el)+1) + float64(min(length/100, 3))
		for level, a := range anc {
			if a.Parent == nil || a.Parent.Type != html.ElementNode {
				continue
			}
			if _, ok := x.scores[a]; !ok {
				x.initNode(a)
				candidates = append(candidates, a)
			}
			div := 1.0
			switch {
			case level == 1:
				div = 2
			case level > 1:
				div = float64(level * 3)
			}
			x.scores[a] += score / div
		}
	}

	var top []*html.Node
	for _, c := range candidates {
		s := x.scores[c] * (1 - linkDensityWith(c, lens))
		x.scores[c] = s
		for t := 0; t < nbTopCandidates; t++ {
			if t >= len(top) || s > x.scores[top[t]] {
				top = append(top, nil)
				copy(top[t+1:], top[t:])
				top[t] = c
				if len(top) > nbTopCandidates {
					top = top[:nbTopCandidates]
				}
				break
			}
		}
	}

	var best *html.Node
	if len(top) > 0 {
		best = top[0]
	}
	if best == nil || best.DataAtom == atom.Body {
		best = newElement(atom.Div)
		for c := body.FirstChild; c != nil; c = body.FirstChild {
			body.RemoveChild(c)
			best.AppendChild(c)
		}
		body.AppendChild(best)
		x.initNode(best)
	} else {
		best = x.promote(best, top)
	}

	content := newElement(atom.Div)
	threshold := max(10, x.scores[best]*0.2)
	parent := best.Parent
	bestClass := attr(best, "class")
	for _, sib := range elementChildren(parent) {
		ok := sib == best
		if !ok {
			bonus := 0.0
			if bestClass != "" && attr(sib, "class") == bestClass {
				bonus = x.scores[best] * 0.2
			}
			if s, scored := x.scores[sib]; scored && s+bonus >= threshold {
				ok = true
			} else if sib.DataAtom == atom.P {
				ld := linkDensityWith(sib, lens)
				text := innerText(sib)
				l := len([]rune(text))
				if l > 80 && ld < 0.25 {
					ok = true
				} else if l < 80 && l > 0 && ld == 0 && reSentence.MatchString(text) {
					ok = true
				}
			}
		}
		if ok {
			if !keepTagOnAppend[sib.DataAtom] {
				setTag(sib, atom.Div)
			}
			parent.RemoveChild(sib)
			content.AppendChild(sib)
		}
	}
	x.prepare(content)
	return content
}

// promote moves from the best-scoring node up to the container that really
// holds the article: a shared ancestor of several near-best candidates, a
// parent that scores better still, or a parent with no other child.
func (x *extractor) promote(best *html.Node, top []*html.Node) *html.Node {
	isTop := func(n *html.Node) bool { return n == nil || n.Type != html.ElementNode || n.DataAtom == atom.Body }
	var alt [][]*html.Node
	for _, c := range top[1:] {
		if x.scores[c]/x.scores[best] >= 0.75 {
			alt = append(alt, ancestors(c, 0))
		}
	}
	const minTop = 3
	if len(alt) >= minTop {
		for p := best.Parent; !isTop(p); p = p.Parent {
			k := 0
			for _, list := range alt {
				for _, a := range list {
					if a == p {
						k++
						break
					}
				}
			}
			if k >= minTop {
				best = p
				break
			}
		}
	}
	if _, ok := x.scores[best]; !ok {
		x.initNode(best)
	}
	last := x.scores[best]
	threshold := last / 3
	for p := best.Parent; !isTop(p); p = p.Parent {
		s, ok := x.scores[p]
		if !ok {
			continue
		}
		if s < threshold {
			break
		}
		if s > last {
			best = p
			break
		}
		last = s
	}
	for p := best.Parent; !isTop(p) && len(elementChildren(p)) == 1; p = best.Parent {
		best = p
	}
	if _, ok := x.scores[best]; !ok {
		x.initNode(best)
	}
	return best
}

// wrapPhrasing puts runs of inline content directly inside a <div> into
// paragraphs, so that they are scored and emitted like paragraphs.
func wrapPhrasing(div *html.Node) {
	var p *html.Node
	for c := div.FirstChild; c != nil; {
		next := c.NextSibling
		if isPhrasing(c) {
			if p != nil {
				div.RemoveChild(c)
				p.AppendChild(c)
			} else if !isWhitespaceNode(c) {
				p = newElement(atom.P)
				div.InsertBefore(p, c)
				div.RemoveChild(c)
				p.AppendChild(c)
			}
		} else if p != nil {
			trimTrailingWhitespace(p)
			p = nil
		}
		c = next
	}
	if p != nil {
		trimTrailingWhitespace(p)
	}
}

func trimTrailingWhitespace(p *html.Node) {
	for p.LastChild != nil && isWhitespaceNode(p.LastChild) {
		p.RemoveChild(p.LastChild)
	}
}

// commaCount counts commas of the world's scripts.
func commaCount(s string) int {
	k := 0
	for _, r := range s {
		switch r {
		case ',', '\u060C', '\uFE50', '\uFE10', '\uFE11', '\u2E41', '\u2E34', '\u2E32', '\uFF0C':
			k++
		}
	}
	return k
}

// prepare cleans the chosen content: forms, embeds, asides, share widgets,
// buttons, negative headings, link lists and empty paragraphs go.
func (x *extractor) prepare(content *html.Node) {
	x.markDataTables(content)
	x.cleanConditionally(content, atom.Form)
	x.cleanConditionally(content, atom.Fieldset)
	removeAll(content, atom.Object, atom.Embed, atom.Footer, atom.Link, atom.Aside, atom.Nav)
	for _, top := range elementChildren(content) {
		end := nextNode(top, true)
		for n := nextNode(top, false); n != nil && n != end; {
			m := matchString(n)
			if m != "" && kwShare.asWord(m) && textLen(n) < minArticleChars {
				n = removeAndNext(n)
				continue
			}
			n = nextNode(n, false)
		}
	}
	removeAll(content, atom.Iframe, atom.Input, atom.Textarea, atom.Select, atom.Button, atom.Svg)
	for _, h := range descendants(content, atom.H1, atom.H2) {
		if x.classWeight(h) < 0 {
			removeNode(h)
		}
	}
	x.cleanConditionally(content, atom.Table)
	x.cleanConditionally(content, atom.Ul)
	x.cleanConditionally(content, atom.Div)
	for _, p := range descendants(content, atom.P) {
		if countDescendants(p, atom.Img, atom.Embed, atom.Object, atom.Iframe) == 0 && textLen(p) == 0 {
			removeNode(p)
		}
	}
}

// removeAll removes every element below n with one of the tags.
func removeAll(n *html.Node, tags ...atom.Atom) {
	for _, d := range descendants(n, tags...) {
		removeNode(d)
	}
}

// markDataTables tells tables holding data from tables used for layout.
func (x *extractor) markDataTables(n *html.Node) {
	for _, t := range descendants(n, atom.Table) {
		x.dataTables[t] = isDataTable(t)
	}
}

func isDataTable(t *html.Node) bool {
	if attr(t, "role") == "presentation" || attr(t, "datatable") == "0" {
		return false
	}
	if attr(t, "summary") != "" {
		return true
	}
	if c := findFirst(t, atom.Caption); c != nil && c.FirstChild != nil {
		return true
	}
	if countDescendants(t, atom.Col, atom.Colgroup, atom.Tfoot, atom.Thead, atom.Th) > 0 {
		return true
	}
	if countDescendants(t, atom.Table) > 0 {
		return false
	}
	rows, cols := 0, 0
	for _, tr := range descendants(t, atom.Tr) {
		rows++
		k := 0
		for _, td := range elementChildren(tr) {
			if isElem(td, atom.Td, atom.Th) {
				span := 1
				if s := attr(td, "colspan"); s != "" {
					if v := atoiSmall(s); v > 0 {
						span = v
					}
				}
				k += span
			}
		}
		cols = max(cols, k)
	}
	if rows >= 10 || cols > 4 {
		return true
	}
	return rows*cols > 10
}

// atoiSmall parses a small non-negative integer, 0 on anything else.
func atoiSmall(s string) int {
	v := 0
	for _, r := range strings.TrimSpace(s) {
		if r < '0' || r > '9' || v > 1e6 {
			return 0
		}
		v = v*10 + int(r-'0')
	}
	return v
}

// cleanConditionally removes elements with tag that look like boilerplate
// rather than content: link lists, image galleries without text, forms,
// lone embeds, blocks whose names count against them.
func (x *extractor) cleanConditionally(content *html.Node, tag atom.Atom) {
	if !x.active(flagCleanConditionally) {
		return
	}
	nodes := descendants(content, tag)
	// Children before parents, so that a removed child no longer counts
	// against its container (as a reverse document-order walk would).
	for i := len(nodes) - 1; i >= 0; i-- {
		n := nodes[i]
		if n.Parent == nil || !attached(n, content) {
			continue
		}
		if x.shouldRemove(n, tag) {
			removeNode(n)
		}
	}
}

// attached reports whether n still hangs below root.
func attached(n, root *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == root {
			return true
		}
	}
	return false
}

// subtreeCounts are the element counts and text measures of a subtree
// that the conditional cleaning rules look at, gathered in one walk.
type subtreeCounts struct {
	p, img, li, input, embeds int
	listText, headingText     int
	textishText               int
	video, dataTable          bool
}

// countSubtree walks below n once; lengths of nested elements are summed as
// often as they nest, like the per-tag measures they replace.
func (x *extractor) countSubtree(n *html.Node) subtreeCounts {
	var c subtreeCounts
	walk(n, func(d *html.Node) bool {
		if d == n || d.Type != html.ElementNode {
			return d == n || d.Type == html.DocumentNode
		}
		switch d.DataAtom {
		case atom.P:
			c.p++
		case atom.Img:
			c.img++
		case atom.Li:
			c.li++
		case atom.Input:
			c.input++
		case atom.Table:
			if x.dataTables[d] {
				c.dataTable = true
			}
		case atom.Object, atom.Embed, atom.Iframe:
			for _, a := range d.Attr {
				if reVideo.MatchString(a.Val) {
					c.video = true
				}
			}
			c.embeds++
		}
		switch d.DataAtom {
		case atom.Ul, atom.Ol:
			c.listText += textLen(d)
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			c.headingText += textLen(d)
		}
		switch d.DataAtom {
		case atom.Span, atom.Li, atom.Td, atom.Blockquote, atom.Dl, atom.Div, atom.Img, atom.Ol, atom.P, atom.Pre, atom.Table, atom.Ul:
			c.textishText += textLen(d)
		}
		return true
	})
	return c
}

// commasIn counts the commas in n's text.
func commasIn(n *html.Node) int {
	k := 0
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			k += commaCount(c.Data)
		}
		return true
	})
	return k
}

func (x *extractor) shouldRemove(n *html.Node, tag atom.Atom) bool {
	if tag == atom.Table && x.dataTables[n] {
		return false
	}
	isData := func(t *html.Node) bool { return x.dataTables[t] }
	if hasAncestor(n, atom.Table, -1, isData) || hasAncestor(n, atom.Code, 3, nil) {
		return false
	}
	c := x.countSubtree(n)
	if c.dataTable {
		return false
	}
	contentLength := textLen(n)
	isList := tag == atom.Ul || tag == atom.Ol || contentLength > 0 && float64(c.listText)/float64(contentLength) > 0.9
	weight := x.classWeight(n)
	if weight < 0 {
		return true
	}
	if commasIn(n) >= 10 {
		return false
	}
	if c.video {
		return false
	}
	if contentLength < 40 {
		if text := innerText(n); reAdWords.MatchString(text) || reLoading.MatchString(text) {
			return true
		}
	}
	headingDensity, density := 0.0, 0.0
	if contentLength > 0 {
		headingDensity = float64(c.headingText) / float64(contentLength)
		density = float64(c.textishText) / float64(contentLength)
	}
	li := c.li - 100
	ld := linkDensity(n)
	inFigure := hasAncestor(n, atom.Figure, 3, nil)
	remove := (!inFigure && c.img > 1 && float64(c.p)/float64(c.img) < 0.5) ||
		(!isList && li > c.p) ||
		(c.input > c.p/3) ||
		(!isList && !inFigure && headingDensity < 0.9 && contentLength < 25 && (c.img == 0 || c.img > 2) && ld > 0) ||
		(!isList && weight < 25 && ld > 0.2) ||
		(weight >= 25 && ld > 0.5) ||
		((c.embeds == 1 && contentLength < 75) || c.embeds > 1) ||
		(c.img == 0 && density == 0)
	if isList && remove {
		for _, ch := range elementChildren(n) {
			if len(elementChildren(ch)) > 1 {
				return remove
			}
		}
		if c.img == c.li {
			return false
		}
	}
	return remove
}

// bylineText is n's text with a space where the texts of two elements
// meet without one ("By <a>Jane Doe</a><time>Updated …</time>"): a byline
// row sets its parts apart by layout, and glued they read as one name.
func bylineText(n *html.Node) string {
	var b strings.Builder
	var last *html.Node
	walk(n, func(c *html.Node) bool {
		if c.Type != html.TextNode || c.Data == "" {
			return true
		}
		if last != nil && last.Parent != c.Parent && b.Len() > 0 {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(c.Data)
			if unicode.IsLetter(prev) && unicode.IsUpper(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(c.Data)
		last = c
		return true
	})
	return b.String()
}
