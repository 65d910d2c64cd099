package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// prepareDocument removes what is never text (scripts, styles, templates,
// comments), turns <font> into <span> and runs of <br> into paragraphs.
func prepareDocument(doc *html.Node) {
	var drop, brs []*html.Node
	walk(doc, func(n *html.Node) bool {
		switch n.Type {
		case html.CommentNode:
			drop = append(drop, n)
			return false
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				drop = append(drop, n)
				return false
			case atom.Font:
				setTag(n, atom.Span)
			case atom.Br:
				brs = append(brs, n)
			}
		}
		return true
	})
	for _, n := range drop {
		removeNode(n)
	}
	for _, br := range brs {
		replaceBrs(br)
	}
}

// skipBlank returns n or the first following sibling that is not blank
// text.
func skipBlank(n *html.Node) *html.Node {
	for n != nil && n.Type != html.ElementNode && strings.TrimSpace(textContent(n)) == "" {
		n = n.NextSibling
	}
	return n
}

// replaceBrs turns "text<br><br>text" into paragraphs: two or more breaks in
// a row mean the author meant a new paragraph.
func replaceBrs(br *html.Node) {
	if br.Parent == nil {
		return
	}
	replaced := false
	next := skipBlank(br.NextSibling)
	for next != nil && isElem(next, atom.Br) {
		replaced = true
		after := next.NextSibling
		removeNode(next)
		next = skipBlank(after)
	}
	if !replaced {
		return
	}
	parent := br.Parent
	p := newElement(atom.P)
	parent.InsertBefore(p, br)
	parent.RemoveChild(br)
	for next := p.NextSibling; next != nil; {
		if isElem(next, atom.Br) {
			if n2 := skipBlank(next.NextSibling); n2 != nil && isElem(n2, atom.Br) {
				break
			}
		}
		if !isPhrasing(next) {
			break
		}
		sib := next.NextSibling
		parent.RemoveChild(next)
		p.AppendChild(next)
		next = sib
	}
	trimTrailingWhitespace(p)
	if isElem(parent, atom.P) {
		setTag(parent, atom.Div)
	}
}
