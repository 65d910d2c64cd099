package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file turns the extracted article container into typed blocks: every
// block-level element ends the running block, and the block takes its type
// from the nearest enclosing element that has one (heading, list item, quote,
// caption, preformatted); everything else is a paragraph.

// blockLevel are the elements that start and end a block of text.
var blockLevel = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Li: true, atom.Main: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true, atom.Tr: true, atom.Ul: true, atom.Menu: true,
}

// skipped are elements whose content is never article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true,
	atom.Img: true, atom.Svg: true, atom.Button: true, atom.Input: true,
	atom.Select: true, atom.Textarea: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Canvas: true, atom.Video: true, atom.Audio: true,
}

// blockWriter collects blocks while the tree is walked.
type blockWriter struct {
	stack  []*html.Node
	cur    strings.Builder
	blocks []Block
}

// blocksOf returns the blocks of the subtree at root.
func blocksOf(root *html.Node) []Block {
	w := &blockWriter{}
	w.run(root)
	w.flush()
	return w.blocks
}

// run walks root iteratively, calling enter and leave for elements.
func (w *blockWriter) run(root *html.Node) {
	n := root
	for n != nil {
		down := w.enter(n)
		if down && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		if down {
			w.leave(n)
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
			w.leave(n)
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}

// enter handles the start of n and says whether to descend into it.
func (w *blockWriter) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
		return false
	case html.ElementNode:
	default:
		return n.Type == html.DocumentNode
	}
	if skipped[n.DataAtom] {
		return false
	}
	switch {
	case n.DataAtom == atom.Br:
		if w.inPre() {
			w.cur.WriteByte('\n')
		} else {
			w.cur.WriteByte(' ')
		}
		return false
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		if strings.TrimSpace(w.cur.String()) != "" {
			w.cur.WriteString(" | ")
		}
	case blockLevel[n.DataAtom]:
		w.flush()
	}
	w.stack = append(w.stack, n)
	return true
}

// leave handles the end of element n.
func (w *blockWriter) leave(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	if blockLevel[n.DataAtom] {
		w.flush()
	} else if isElem(n, atom.Td, atom.Th) {
		w.cur.WriteByte(' ')
	}
	if k := len(w.stack); k > 0 && w.stack[k-1] == n {
		w.stack = w.stack[:k-1]
	}
}

func (w *blockWriter) inPre() bool {
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].DataAtom == atom.Pre {
			return true
		}
	}
	return false
}

// kind returns the block type and level for text written at this point.
func (w *blockWriter) kind() (BlockType, int) {
	for i := len(w.stack) - 1; i >= 0; i-- {
		switch a := w.stack[i].DataAtom; a {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return Heading, int(w.stack[i].Data[1] - '0')
		case atom.Pre:
			return Preformatted, 0
		case atom.Figcaption, atom.Caption:
			return Caption, 0
		case atom.Li, atom.Dt, atom.Dd:
			level := 0
			for j := i; j >= 0; j-- {
				if isElem(w.stack[j], atom.Ul, atom.Ol, atom.Dl, atom.Menu) {
					level++
				}
			}
			return ListItem, max(level, 1)
		case atom.Blockquote:
			return Quote, 0
		}
	}
	return Paragraph, 0
}

// flush ends the running block.
func (w *blockWriter) flush() {
	s := w.cur.String()
	w.cur.Reset()
	if strings.TrimSpace(s) == "" {
		return
	}
	t, level := w.kind()
	w.blocks = append(w.blocks, Block{Type: t, Level: level, Text: s})
}
