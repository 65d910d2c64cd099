package article

import (
	"regexp"
	"strings"
	"unicode"

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

// reSentence finds a full stop that ends a sentence.
var reSentence = regexp.MustCompile(`\.( |$)`)

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
	titleSeen  bool         // the heading that repeats the title is removed
	best       *html.Node   // the chosen container, once chosen
	candidates []*html.Node // scored containers, in document order of their first vote
	pageLen    int          // the page's text length when the sweep began
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
	toScore := x.sweep(root)
	// The tree holds still from here until the content is prepared, so text
	// lengths are computed once.
	lens := textLens(root)
	x.candidates = x.scoreParagraphs(toScore, lens)
	top := x.topCandidates(x.candidates, lens)
	best := x.chooseBest(top, body)
	x.best = best
	content := x.gatherSiblings(best, lens)
	x.prepare(content)
	return content
}

// sweep walks the page once before scoring. It removes what is hidden,
// the byline (remembered in x.byline), the heading that repeats the title,
// parts whose names or roles say they are not the article and empty
// containers; it turns <div>s of inline content into paragraphs; and it
// returns the elements whose text will vote for their ancestors.
func (x *extractor) sweep(root *html.Node) []*html.Node {
	var toScore []*html.Node
	x.pageLen = textLen(root)
	n := root
	for n != nil {
		if n.DataAtom == atom.Html {
			n = nextNode(n, false)
			continue
		}
		if x.sweptAway(n) {
			n = removeAndNext(n)
			continue
		}
		if scoredTags[n.DataAtom] {
			toScore = append(toScore, n)
		}
		if n.DataAtom == atom.Div {
			var scored bool
			if n, scored = divToParagraph(n); scored {
				toScore = append(toScore, n)
			}
		}
		n = nextNode(n, false)
	}
	return toScore
}

// titleSimilarity is how much of a heading's words must be the title's for
// the heading to count as the title repeated (Readability's own 0.75).
const titleSimilarity = 0.75

// sweptAway reports whether sweep removes n: hidden or a modal dialog, the
// byline, the first h1/h2 that repeats the title, an unlikely part (when
// that rule is on), or an empty container.
func (x *extractor) sweptAway(n *html.Node) bool {
	match := matchString(n)
	if !visible(n) || (attr(n, "aria-modal") == "true" && attr(n, "role") == "dialog") {
		return true
	}
	if match != "" || hasAttr(n, "rel") || hasAttr(n, "itemprop") {
		if x.isByline(n, match) {
			return true
		}
	}
	if !x.titleSeen && x.title != "" && isElem(n, atom.H1, atom.H2) && similarity(x.title, innerText(n)) > titleSimilarity {
		x.titleSeen = true
		return true
	}
	if x.active(flagStripUnlikely) && unlikely(n, match) && !x.holdsThePage(n) {
		return true
	}
	return isElem(n, atom.Div, atom.Section, atom.Header, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6) && isEmptyElement(n)
}

// unlikelyAncestorDepth is how far up a table or code element shields
// an unlikely-named part from removal (Readability's own 3).
const unlikelyAncestorDepth = 3

// unlikely reports a part whose class or id names it as something other
// than the article ("comment", "sidebar", "footer"; "article" or "main"
// vetoes), or whose ARIA role is navigation, a menu or a dialog.
func unlikely(n *html.Node, match string) bool {
	if match != "" && (kwUnlikely.in(match) || kwBio.in(match)) && !kwMaybe.in(match) &&
		!hasAncestor(n, atom.Table, unlikelyAncestorDepth, nil) && !hasAncestor(n, atom.Code, unlikelyAncestorDepth, nil) &&
		n.DataAtom != atom.Body && n.DataAtom != atom.A {
		return true
	}
	return unlikelyRoles[attr(n, "role")]
}

// wrapperShare is the share of the page's text above which an element is a
// layout wrapper, whatever its names say: "layout-container has-sidebar"
// names the layout's state, and a sidebar or footer never holds most of a
// page.
const wrapperShare = 0.5

// holdsThePage reports whether n holds the page's h1 and more than
// wrapperShare of its text (as it was when the sweep began). Only the few
// unlikely-named elements are measured.
func (x *extractor) holdsThePage(n *html.Node) bool {
	return findFirst(n, atom.H1) != nil && float64(textLen(n)) > wrapperShare*float64(x.pageLen)
}

// paragraphDivLinkDensity is the link density under which a <div> that
// only wraps one <p> gives way to that paragraph (Readability's own 0.25).
const paragraphDivLinkDensity = 0.25

// divToParagraph reads a <div> as a paragraph where it is one: its runs
// of inline content become paragraphs, a <div> around a single <p> is
// replaced by the <p>, and a <div> without block children becomes a <p>.
// It returns the node the walk continues from and whether that node is
// now a paragraph to score.
func divToParagraph(n *html.Node) (*html.Node, bool) {
	wrapPhrasing(n)
	if singleChildTag(n, atom.P) && linkDensity(n) < paragraphDivLinkDensity {
		p := firstElementChild(n)
		n.RemoveChild(p)
		n.Parent.InsertBefore(p, n)
		n.Parent.RemoveChild(n)
		return p, true
	}
	if !hasBlockChild(n) {
		setTag(n, atom.P)
		return n, true
	}
	return n, false
}

// Readability's own measures of a paragraph's vote: paragraphs shorter
// than minParagraphChars do not vote; a vote is 1, plus one per comma and
// one more, plus one per charsPerPoint characters up to maxLengthPoints;
// it reaches votedAncestors levels up.
const (
	minParagraphChars = 25
	charsPerPoint     = 100
	maxLengthPoints   = 3
	votedAncestors    = 5
)

// scoreParagraphs lets each paragraph vote for its ancestors and returns
// the containers that received votes, in the order they were first met.
func (x *extractor) scoreParagraphs(toScore []*html.Node, lens map[*html.Node]int) []*html.Node {
	var candidates []*html.Node
	for _, el := range toScore {
		if el.Parent == nil || el.Parent.Type != html.ElementNode {
			continue
		}
		length := lens[el]
		if length < minParagraphChars {
			continue
		}
		anc := ancestors(el, votedAncestors)
		if len(anc) == 0 {
			continue
		}
		score := 1.0 + float64(commasIn(el)+1) + float64(min(length/charsPerPoint, maxLengthPoints))
		for level, a := range anc {
			if a.Parent == nil || a.Parent.Type != html.ElementNode {
				continue
			}
			if _, ok := x.scores[a]; !ok {
				x.initNode(a)
				candidates = append(candidates, a)
			}
			x.scores[a] += score / ancestorDivider(level)
		}
	}
	return candidates
}

// ancestorDivider is Readability's own damping of a vote with distance:
// the parent gets it whole, the grandparent half, an ancestor further up
// a third of its level.
func ancestorDivider(level int) float64 {
	switch {
	case level == 1:
		return 2
	case level > 1:
		return float64(level * 3)
	}
	return 1
}

// topCandidates scales each candidate's score by the share of its text
// outside links and returns the nbTopCandidates best, best first.
func (x *extractor) topCandidates(candidates []*html.Node, lens map[*html.Node]int) []*html.Node {
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
	return top
}

// chooseBest returns the article's container: the best candidate moved up
// to what really holds the article, or, when no candidate won or the body
// itself did, a new <div> holding all of the body.
func (x *extractor) chooseBest(top []*html.Node, body *html.Node) *html.Node {
	if len(top) > 0 && top[0].DataAtom != atom.Body {
		return x.outOfTable(x.joinCousins(x.promote(top[0], top)))
	}
	best := newElement(atom.Div)
	for c := body.FirstChild; c != nil; c = body.FirstChild {
		body.RemoveChild(c)
		best.AppendChild(c)
	}
	body.AppendChild(best)
	x.initNode(best)
	return best
}

// A cousin of the best container carries its tag and class, scores at
// least cousinShare of it, and shares an ancestor with it at most
// cousinReach levels up.
const (
	cousinShare = 0.2
	cousinReach = 4
)

// joinCousins widens the best container to take in its cousins: page
// builders and content systems split an article into blocks of one kind
// (a text widget, a paragraph component) with images, quotes and
// headings between them, and the best block alone is one part. The new
// container is the nearest common ancestor of the best and its cousins.
func (x *extractor) joinCousins(best *html.Node) *html.Node {
	class := attr(best, "class")
	if class == "" {
		return best
	}
	up := ancestors(best, cousinReach)
	top := -1 // index into up of the widest common ancestor so far
	for _, c := range x.candidates {
		if c == best || c.DataAtom != best.DataAtom || attr(c, "class") != class || x.scores[c] < cousinShare*x.scores[best] {
			continue
		}
		for i := max(top, 0); i < len(up); i++ {
			if isAncestorOf(up[i], c) {
				top = max(top, i)
				break
			}
		}
	}
	if top < 0 {
		return best
	}
	joined := up[top]
	if _, ok := x.scores[joined]; !ok {
		x.initNode(joined)
	}
	// Its siblings are measured against the best block's score.
	x.scores[joined] = max(x.scores[joined], x.scores[best])
	return joined
}

// outOfTable moves a best container that is a table, or part of one, up
// to the nearest scored container that also holds minArticleChars of text
// outside the table: table cells vote like paragraphs, so a long table in
// an article (a list of members of parliament with their addresses)
// outscores the article's prose around it. A page whose text is the table
// keeps it.
func (x *extractor) outOfTable(best *html.Node) *html.Node {
	table := best
	for table != nil && !isElem(table, atom.Table) {
		if !isElem(table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th) {
			return best
		}
		table = table.Parent
	}
	if table == nil {
		return best
	}
	inTable := textLen(table)
	for p := table.Parent; p != nil && p.Type == html.ElementNode && p.DataAtom != atom.Body; p = p.Parent {
		if _, scored := x.scores[p]; scored && textLen(p)-inTable >= minArticleChars {
			x.scores[p] = max(x.scores[p], x.scores[best])
			return p
		}
	}
	return best
}

// isAncestorOf reports whether a is an ancestor of n.
func isAncestorOf(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// Readability's own rules for siblings of the best container: a sibling
// joins when it scores siblingShare of the best's score (at least
// minSiblingScore), a sibling with the best's class gets siblingShare of
// the best's score as a bonus, and an unscored paragraph joins when it is
// longer than siblingParagraphChars with little linked text, or shorter
// but a linkless sentence.
const (
	siblingShare          = 0.2
	minSiblingScore       = 10
	siblingParagraphChars = 80
	siblingLinkDensity    = 0.25
)

// gatherSiblings moves the best container and the siblings that look like
// more of the article into a new <div> and returns it.
func (x *extractor) gatherSiblings(best *html.Node, lens map[*html.Node]int) *html.Node {
	content := newElement(atom.Div)
	threshold := max(minSiblingScore, x.scores[best]*siblingShare)
	parent := best.Parent
	for _, sib := range elementChildren(parent) {
		if sib != best && !x.siblingJoins(sib, best, threshold, lens) {
			continue
		}
		if !keepTagOnAppend[sib.DataAtom] {
			setTag(sib, atom.Div)
		}
		parent.RemoveChild(sib)
		content.AppendChild(sib)
	}
	return content
}

// siblingJoins reports whether sib, a sibling of the best container, is
// more of the article (see gatherSiblings' rules).
func (x *extractor) siblingJoins(sib, best *html.Node, threshold float64, lens map[*html.Node]int) bool {
	bonus := 0.0
	if bestClass := attr(best, "class"); bestClass != "" && attr(sib, "class") == bestClass {
		bonus = x.scores[best] * siblingShare
	}
	if s, scored := x.scores[sib]; scored && s+bonus >= threshold {
		return true
	}
	if sib.DataAtom != atom.P {
		return false
	}
	ld := linkDensityWith(sib, lens)
	text := innerText(sib)
	l := len([]rune(text))
	if l > siblingParagraphChars && ld < siblingLinkDensity {
		return true
	}
	return l < siblingParagraphChars && l > 0 && ld == 0 && reSentence.MatchString(text)
}
