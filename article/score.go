package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// scoredTags are the elements whose text votes for their ancestors.
var scoredTags = map[atom.Atom]bool{
	atom.Section: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.P: true, atom.Td: true, atom.Pre: true,
}

// classNameWeight is what a positive or negative class or id name adds to
// or takes from a node's score (Readability's own 25).
const classNameWeight = 25

// classWeight scores a node's class and id names: ±classNameWeight each.
func (x *extractor) classWeight(n *html.Node) float64 {
	if !x.active(flagWeightClasses) {
		return 0
	}
	w := 0.0
	for _, key := range [2]string{"class", "id"} {
		if v := strings.ToLower(attr(n, key)); v != "" {
			if negative(v) {
				w -= classNameWeight
			}
			if kwPositive.in(v) {
				w += classNameWeight
			}
		}
	}
	return w
}

// inPageLinkWeight is how much the text of an in-page link ("#section")
// counts towards link density (Readability's own 0.3): tables of contents
// are content.
const inPageLinkWeight = 0.3

// linkDensity is the share of n's text that sits inside links; in-page
// anchors count less (inPageLinkWeight).
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
				k = inPageLinkWeight
			}
			links += float64(length(c)) * k
			return false
		}
		return c.Type == html.ElementNode
	})
	return links / float64(total)
}

// tagScores are the starting scores of containers by tag (Readability's
// own): a <div> is the likeliest article container, preformatted text,
// table cells and quotes may be one, lists, forms and headings rarely are.
var tagScores = map[atom.Atom]float64{
	atom.Div: 5,
	atom.Pre: 3, atom.Td: 3, atom.Blockquote: 3,
	atom.Address: -3, atom.Ol: -3, atom.Ul: -3, atom.Dl: -3, atom.Dd: -3, atom.Dt: -3, atom.Li: -3, atom.Form: -3,
	atom.H1: -5, atom.H2: -5, atom.H3: -5, atom.H4: -5, atom.H5: -5, atom.H6: -5, atom.Th: -5,
}

// initNode gives a container its starting score from its tag and names.
func (x *extractor) initNode(n *html.Node) {
	x.scores[n] = tagScores[n.DataAtom] + x.classWeight(n)
}

// Readability's own rules for moving up from the best candidate: when
// minSharingCandidates other candidates score nearBestShare of the best,
// their nearest common ancestor with it holds the article; and a parent
// scoring less than parentDropFactor-th of its child ends the climb.
const (
	nearBestShare        = 0.75
	minSharingCandidates = 3
	parentDropFactor     = 3
)

// promote moves from the best-scoring node up to the container that really
// holds the article: a shared ancestor of several near-best candidates, a
// parent that scores better still, or a parent with no other child.
func (x *extractor) promote(best *html.Node, top []*html.Node) *html.Node {
	isTop := func(n *html.Node) bool { return n == nil || n.Type != html.ElementNode || n.DataAtom == atom.Body }
	var alt [][]*html.Node
	for _, c := range top[1:] {
		if x.scores[c]/x.scores[best] >= nearBestShare {
			alt = append(alt, ancestors(c, 0))
		}
	}
	if len(alt) >= minSharingCandidates {
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
			if k >= minSharingCandidates {
				best = p
				break
			}
		}
	}
	if _, ok := x.scores[best]; !ok {
		x.initNode(best)
	}
	last := x.scores[best]
	threshold := last / parentDropFactor
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
