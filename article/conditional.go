package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Texts of an element that is only an ad label or a loading notice, and
// the video hosts whose embeds are content.
var (
	reAdWords = regexp.MustCompile(`(?i)^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|anzeige|广告|Реклама|Anuncio)$`)
	reLoading = regexp.MustCompile(`(?i)^((loading|正在加载|Загрузка|chargement|cargando|wird geladen)(…|\.\.\.)?)$`)
	reVideo   = regexp.MustCompile(`(?i)//(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq|bilibili|live\.bilibili)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)`)
)

// prepare cleans the chosen content: forms, embeds, asides, share widgets,
// buttons, negative headings, link lists and empty paragraphs go.
func (x *extractor) prepare(content *html.Node) {
	x.markDataTables(content)
	x.cleanConditionally(content, atom.Form)
	x.cleanConditionally(content, atom.Fieldset)
	x.removeAll(content, atom.Object, atom.Embed, atom.Footer, atom.Link, atom.Aside, atom.Nav)
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
	x.removeAll(content, atom.Iframe, atom.Input, atom.Textarea, atom.Select, atom.Button, atom.Svg)
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

// removeAll removes every element below n with one of the tags. The
// chosen container itself is never removed: it was chosen as the article,
// whatever its tag. Nor is an <aside> holding most of the content's text:
// some sites wrap their article in one ("<aside class=nfy-pa><article>…"),
// while a <nav> or <footer> holding most of it is a page of links.
func (x *extractor) removeAll(n *html.Node, tags ...atom.Atom) {
	total := textLen(n)
	for _, d := range descendants(n, tags...) {
		if d == x.best || d.DataAtom == atom.Aside && float64(textLen(d)) > wrapperShare*float64(total) {
			continue
		}
		removeNode(d)
	}
}

// markDataTables tells tables holding data from tables used for layout.
func (x *extractor) markDataTables(n *html.Node) {
	for _, t := range descendants(n, atom.Table) {
		x.dataTables[t] = isDataTable(t)
	}
}

// Readability's own sizes of a data table without other marks: at least
// dataTableRows rows, more than dataTableCols columns, or more than
// dataTableCells cells.
const (
	dataTableRows  = 10
	dataTableCols  = 4
	dataTableCells = 10
)

// isDataTable tells a table of data (kept whole) from one used for layout:
// by its role and attributes, a caption or header cells, else by its size.
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
	if rows >= dataTableRows || cols > dataTableCols {
		return true
	}
	return rows*cols > dataTableCells
}

// maxSmallInt bounds atoiSmall, far above any colspan, so that a hostile
// attribute cannot overflow.
const maxSmallInt = 1e6

// atoiSmall parses a small non-negative integer, 0 on anything else.
func atoiSmall(s string) int {
	v := 0
	for _, r := range strings.TrimSpace(s) {
		if r < '0' || r > '9' || v > maxSmallInt {
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
	ix := x.newSubtreeIndex(nodes)
	// Children before parents, so that a removed child no longer counts
	// against its container (as a reverse document-order walk would).
	for i := len(nodes) - 1; i >= 0; i-- {
		n := nodes[i]
		if n.Parent == nil || n == x.best || !attached(n, content) {
			continue
		}
		if x.shouldRemove(n, tag, ix.get(n)) {
			ix.remove(n)
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

// Readability's own measures of clutter in the kept content. A block is
// kept outright with keepCommas commas (prose); it goes when it is only an
// ad label or loading notice (up to adLabelChars long). Otherwise it is
// clutter when it has more images than paragraphs can caption (fewer than
// paragraphsPerImage paragraphs per image), more list items than
// paragraphs beyond listItemAllowance, more than one form field per
// paragraphsPerInput paragraphs, a few words of links that are not headings
// (under shortLinkChars and headingShare), links making up more than
// lowWeightLinkShare of it (highWeightLinkShare when its class names say
// content, positiveWeight), a lone embed in less than loneEmbedChars of text
// or several embeds, or no text at all. A list is a ul/ol or a block that is
// listShare list text. Tables, code and figures are looked for within
// shieldDepth ancestors.
const (
	keepCommas          = 10
	adLabelChars        = 40
	paragraphsPerImage  = 0.5
	listItemAllowance   = 100
	paragraphsPerInput  = 3
	shortLinkChars      = 25
	headingShare        = 0.9
	maxImagesShortLinks = 2
	positiveWeight      = 25
	lowWeightLinkShare  = 0.2
	highWeightLinkShare = 0.5
	loneEmbedChars      = 75
	listShare           = 0.9
	shieldDepth         = 3
)

// shouldRemove reports whether the element n (one of tag) in the kept
// content is clutter rather than article: never a data table or what sits
// in one or in code, always a block whose names count against it, else by
// the measures above, taken from m, n's measures.
func (x *extractor) shouldRemove(n *html.Node, tag atom.Atom, m *subtreeMeasure) bool {
	if tag == atom.Table && x.dataTables[n] {
		return false
	}
	isData := func(t *html.Node) bool { return x.dataTables[t] }
	if hasAncestor(n, atom.Table, -1, isData) || hasAncestor(n, atom.Code, shieldDepth, nil) {
		return false
	}
	c := m.below
	if c.dataTable {
		return false
	}
	contentLength := m.span.n
	isList := tag == atom.Ul || tag == atom.Ol || contentLength > 0 && float64(c.listText)/float64(contentLength) > listShare
	weight := x.classWeight(n)
	if weight < 0 {
		return true
	}
	if m.commas >= keepCommas || c.video {
		return false
	}
	if contentLength < adLabelChars {
		if text := innerText(n); reAdWords.MatchString(text) || reLoading.MatchString(text) {
			return true
		}
	}
	remove := cluttered(n, c, contentLength, m.linkDensity(), weight, isList)
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

// cluttered applies the measures of clutter (see shouldRemove) to n, whose
// subtree counts c, text length, link density and class weight are known.
func cluttered(n *html.Node, c subtreeCounts, contentLength int, ld, weight float64, isList bool) bool {
	headingDensity, density := 0.0, 0.0
	if contentLength > 0 {
		headingDensity = float64(c.headingText) / float64(contentLength)
		density = float64(c.textishText) / float64(contentLength)
	}
	inFigure := hasAncestor(n, atom.Figure, shieldDepth, nil)
	return (!inFigure && c.img > 1 && float64(c.p)/float64(c.img) < paragraphsPerImage) ||
		(!isList && c.li-listItemAllowance > c.p) ||
		(c.input > c.p/paragraphsPerInput) ||
		(!isList && !inFigure && headingDensity < headingShare && contentLength < shortLinkChars && (c.img == 0 || c.img > maxImagesShortLinks) && ld > 0) ||
		(!isList && weight < positiveWeight && ld > lowWeightLinkShare) ||
		(weight >= positiveWeight && ld > highWeightLinkShare) ||
		((c.embeds == 1 && contentLength < loneEmbedChars) || c.embeds > 1) ||
		(c.img == 0 && density == 0)
}
