package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The helpers in this file walk and edit golang.org/x/net/html trees. Every
// walk is iterative: hostile pages nest elements deeply, and a recursive walk
// would spend stack in proportion to that depth.

// attr returns the value of n's attribute key ("" when absent).
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n carries attribute key at all.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// isElem reports whether n is an element with one of the given atoms.
func isElem(n *html.Node, tags ...atom.Atom) bool {
	if n == nil || n.Type != html.ElementNode {
		return false
	}
	for _, t := range tags {
		if n.DataAtom == t {
			return true
		}
	}
	return false
}

// setTag renames element n in place; the tree keeps its shape.
func setTag(n *html.Node, a atom.Atom) {
	n.DataAtom = a
	n.Data = a.String()
}

// removeNode detaches n from its parent (a no-op for detached nodes).
func removeNode(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// firstElementChild, nextElementSibling and elementChildren mirror the DOM
// accessors of the same names that the scoring rules are written against.
func firstElementChild(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

func nextElementSibling(n *html.Node) *html.Node {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

func elementChildren(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			out = append(out, c)
		}
	}
	return out
}

// nextNode returns the element after n in document order, skipping n's
// subtree when skipChildren is set: the traversal the scoring pass uses.
func nextNode(n *html.Node, skipChildren bool) *html.Node {
	if !skipChildren {
		if c := firstElementChild(n); c != nil {
			return c
		}
	}
	for ; n != nil; n = n.Parent {
		if s := nextElementSibling(n); s != nil {
			return s
		}
	}
	return nil
}

// removeAndNext removes n and returns the element that followed it.
func removeAndNext(n *html.Node) *html.Node {
	next := nextNode(n, true)
	removeNode(n)
	return next
}

// descendants returns the elements below n (not n) with one of the given
// tags, in document order.
func descendants(n *html.Node, tags ...atom.Atom) []*html.Node {
	var out []*html.Node
	walk(n, func(c *html.Node) bool {
		if c != n && isElem(c, tags...) {
			out = append(out, c)
		}
		return true
	})
	return out
}

// countDescendants counts the elements below n with one of the given tags.
func countDescendants(n *html.Node, tags ...atom.Atom) int {
	k := 0
	walk(n, func(c *html.Node) bool {
		if c != n && isElem(c, tags...) {
			k++
		}
		return true
	})
	return k
}

// walk visits n and its subtree in document order without recursion; visit
// returns false to skip a node's children.
func walk(n *html.Node, visit func(*html.Node) bool) {
	c := n
	for c != nil {
		down := visit(c)
		if down && c.FirstChild != nil {
			c = c.FirstChild
			continue
		}
		for c != nil && c != n && c.NextSibling == nil {
			c = c.Parent
		}
		if c == nil || c == n {
			return
		}
		c = c.NextSibling
	}
}

// textContent concatenates the text nodes below n, like the DOM property.
func textContent(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
}

// innerText is textContent trimmed, with runs of two or more white-space
// characters folded into one space: the measure all scoring rules use.
func innerText(n *html.Node) string {
	s := strings.TrimFunc(textContent(n), unicode.IsSpace)
	var b strings.Builder
	b.Grow(len(s))
	run := 0
	var pending rune
	for _, r := range s {
		if unicode.IsSpace(r) {
			run++
			pending = r
			continue
		}
		switch {
		case run == 1:
			b.WriteRune(pending)
		case run > 1:
			b.WriteByte(' ')
		}
		run = 0
		b.WriteRune(r)
	}
	return b.String()
}

// textLen is the length in characters of innerText(n), computed without
// building the string, because scoring asks for it very often.
func textLen(n *html.Node) int {
	total := 0
	pendingSpace := false
	started := false
	count := func(s string) {
		for i := 0; i < len(s); {
			c := s[i]
			var r rune
			size := 1
			if c < utf8.RuneSelf {
				r = rune(c)
			} else {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
			i += size
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || (c >= utf8.RuneSelf && unicode.IsSpace(r)) {
				pendingSpace = true
				continue
			}
			if pendingSpace && started {
				total++
			}
			pendingSpace = false
			started = true
			total++
		}
	}
	if n.Type == html.TextNode {
		count(n.Data)
		return total
	}
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			count(c.Data)
		}
		return true
	})
	return total
}

// isWhitespaceNode reports whether n is blank text or a <br>.
func isWhitespaceNode(n *html.Node) bool {
	if n.Type == html.TextNode {
		return strings.TrimSpace(n.Data) == ""
	}
	return isElem(n, atom.Br)
}

// hasAncestor reports whether one of n's ancestors up to maxDepth levels
// (all when maxDepth <= 0) has the tag and passes the optional filter.
func hasAncestor(n *html.Node, tag atom.Atom, maxDepth int, filter func(*html.Node) bool) bool {
	depth := 0
	for p := n.Parent; p != nil; p = p.Parent {
		if maxDepth > 0 && depth > maxDepth {
			return false
		}
		if p.Type == html.ElementNode && p.DataAtom == tag && (filter == nil || filter(p)) {
			return true
		}
		depth++
	}
	return false
}

// ancestors returns n's element ancestors, nearest first, up to maxDepth
// of them (all when maxDepth <= 0).
func ancestors(n *html.Node, maxDepth int) []*html.Node {
	var out []*html.Node
	for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		out = append(out, p)
		if maxDepth > 0 && len(out) == maxDepth {
			break
		}
	}
	return out
}

// newElement makes a detached element.
func newElement(a atom.Atom) *html.Node {
	return &html.Node{Type: html.ElementNode, DataAtom: a, Data: a.String()}
}

// findFirst returns the first element in n's subtree with the tag.
func findFirst(n *html.Node, tag atom.Atom) *html.Node {
	var found *html.Node
	walk(n, func(c *html.Node) bool {
		if found != nil {
			return false
		}
		if isElem(c, tag) {
			found = c
			return false
		}
		return true
	})
	return found
}

// textSpan summarises the text of a subtree so that the spans of siblings
// combine into their parent's: the length of the text with white-space runs
// counted as one and trimmed at both ends, and whether white space leads or
// trails.
type textSpan struct {
	n           int
	content     bool
	lead, trail bool
}

// add appends the span of the next sibling.
func (s textSpan) add(o textSpan) textSpan {
	if !o.content {
		if o.lead || o.trail {
			if s.content {
				s.trail = true
			} else {
				s.lead = true
			}
		}
		return s
	}
	if !s.content {
		return textSpan{n: o.n, content: true, lead: s.lead || o.lead, trail: o.trail}
	}
	if s.trail || o.lead {
		s.n++
	}
	s.n += o.n
	s.trail = o.trail
	return s
}

// spanOf measures one text node.
func spanOf(s string) textSpan {
	var sp textSpan
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || (c >= utf8.RuneSelf && unicode.IsSpace(r)) {
			space = true
			continue
		}
		if !sp.content {
			sp.lead = space
		} else if space {
			sp.n++
		}
		space = false
		sp.content = true
		sp.n++
	}
	if space {
		if sp.content {
			sp.trail = true
		} else {
			sp.lead, sp.trail = true, true
		}
	}
	return sp
}

// textLens returns textLen of every element in root's subtree, computed in
// one pass instead of one walk per element. The result is only valid until
// the tree changes.
func textLens(root *html.Node) map[*html.Node]int {
	lens := make(map[*html.Node]int, 256)
	stack := []textSpan{{}}
	leave := func(n *html.Node) {
		if n.Type != html.ElementNode && n.Type != html.DocumentNode {
			return
		}
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		lens[n] = top.n
		stack[len(stack)-1] = stack[len(stack)-1].add(top)
	}
	n := root
	for n != nil {
		down := false
		switch n.Type {
		case html.TextNode:
			stack[len(stack)-1] = stack[len(stack)-1].add(spanOf(n.Data))
		case html.ElementNode, html.DocumentNode:
			stack = append(stack, textSpan{})
			down = true
		}
		if down && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		if down {
			leave(n)
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
			leave(n)
		}
		if n == root {
			break
		}
		n = n.NextSibling
	}
	return lens
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
