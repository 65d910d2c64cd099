package article

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// subtreeCounts are the element counts and text measures of a subtree
// that the conditional cleaning rules look at. Lengths of nested elements
// are summed as often as they nest (a list inside a list counts twice),
// as Readability's per-tag measures do.
type subtreeCounts struct {
	p, img, li, input, embeds int
	listText, headingText     int
	textishText               int
	video, dataTable          bool
}

// add sums o into c.
func (c *subtreeCounts) add(o subtreeCounts) {
	c.p += o.p
	c.img += o.img
	c.li += o.li
	c.input += o.input
	c.embeds += o.embeds
	c.listText += o.listText
	c.headingText += o.headingText
	c.textishText += o.textishText
	c.video = c.video || o.video
	c.dataTable = c.dataTable || o.dataTable
}

// subtreeMeasure is what the conditional rules ask of one element: its
// text (as textLen measures it), the counts of the elements below it, its
// commas and its weighted link text (as linkDensity sums it).
type subtreeMeasure struct {
	span   textSpan
	below  subtreeCounts
	commas int
	links  float64
}

// subtreeIndex holds the measures of every element below a root, built
// bottom-up in one pass. Removing an element marks its ancestors stale, and
// a stale measure is folded again from its children's when asked for, so
// that judging every element of a page costs time in proportion to the page
// rather than to its size times its depth.
type subtreeIndex struct {
	x     *extractor
	m     map[*html.Node]*subtreeMeasure
	stale map[*html.Node]bool
}

// newSubtreeIndex measures every element in the subtrees of nodes (given
// in document order), the nodes included; elements above them are not
// indexed, so a pass over a few forms does not measure the whole page.
func (x *extractor) newSubtreeIndex(nodes []*html.Node) *subtreeIndex {
	ix := &subtreeIndex{x: x, m: make(map[*html.Node]*subtreeMeasure, 4*len(nodes)), stale: map[*html.Node]bool{}}
	var elems []*html.Node
	for _, root := range nodes {
		if ix.m[root] != nil {
			continue // inside a subtree measured already
		}
		elems = elems[:0]
		walk(root, func(n *html.Node) bool {
			if n.Type == html.ElementNode {
				elems = append(elems, n)
				return true
			}
			return false
		})
		// In reverse document order every element comes after its children.
		for i := len(elems) - 1; i >= 0; i-- {
			ix.m[elems[i]] = ix.fold(elems[i])
		}
	}
	return ix
}

// fold computes n's measure from its children's, which must be current.
func (ix *subtreeIndex) fold(n *html.Node) *subtreeMeasure {
	m := &subtreeMeasure{}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch ch.Type {
		case html.TextNode:
			m.span = m.span.add(spanOf(ch.Data))
			m.commas += commaCount(ch.Data)
		case html.ElementNode:
			cm := ix.m[ch]
			if cm == nil { // not there when the index was built
				cm = ix.fold(ch)
				ix.m[ch] = cm
			}
			m.span = m.span.add(cm.span)
			m.commas += cm.commas
			if ch.DataAtom == atom.A {
				k := 1.0
				if h := attr(ch, "href"); len(h) > 1 && h[0] == '#' {
					k = inPageLinkWeight
				}
				m.links += float64(cm.span.n) * k
			} else {
				m.links += cm.links
			}
			m.below.add(ix.x.ownCounts(ch, cm.span.n))
			m.below.add(cm.below)
		}
	}
	return m
}

// ownCounts is what element d adds to the counts of the elements above it,
// given the length of its text.
func (x *extractor) ownCounts(d *html.Node, length int) subtreeCounts {
	var c subtreeCounts
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
		c.dataTable = x.dataTables[d]
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
		c.listText += length
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		c.headingText += length
	}
	switch d.DataAtom {
	case atom.Span, atom.Li, atom.Td, atom.Blockquote, atom.Dl, atom.Div, atom.Img, atom.Ol, atom.P, atom.Pre, atom.Table, atom.Ul:
		c.textishText += length
	}
	return c
}

// remove detaches n and marks its indexed ancestors stale. A stale
// element's ancestors are stale already, so the climb stops there.
func (ix *subtreeIndex) remove(n *html.Node) {
	p := n.Parent
	removeNode(n)
	for ; p != nil && !ix.stale[p]; p = p.Parent {
		if ix.m[p] == nil {
			return
		}
		ix.stale[p] = true
	}
}

// get returns n's current measure, folding stale elements below it again
// (children first, without recursion: pages nest deeply).
func (ix *subtreeIndex) get(n *html.Node) *subtreeMeasure {
	if !ix.stale[n] {
		return ix.m[n]
	}
	stack := []*html.Node{n}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		pushed := false
		for ch := top.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.ElementNode && ix.stale[ch] {
				stack = append(stack, ch)
				pushed = true
			}
		}
		if pushed {
			continue
		}
		ix.m[top] = ix.fold(top)
		delete(ix.stale, top)
		stack = stack[:len(stack)-1]
	}
	return ix.m[n]
}

// linkDensity is the share of n's text inside links, as linkDensity
// measures it.
func (m *subtreeMeasure) linkDensity() float64 {
	if m.span.n == 0 {
		return 0
	}
	return m.links / float64(m.span.n)
}
