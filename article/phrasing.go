package article

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

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
