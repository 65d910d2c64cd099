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
