package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page furniture is what a news page puts between the paragraphs of an
// article that is not article text: "Artikel anhören" and share buttons, ad
// labels, photo credits, "Verwandte Themen" boxes, comment sections. The
// structural extractor removes most of it by link density and class names;
// this pass catches what sites build from neutral markup, using the same
// per-language phrase lists as the plain-text cleaner (boilerplate/*.txt).

// furnitureMaxChars is the longest block text that can be a furniture
// phrase; longer blocks are prose even when they contain one.
const furnitureMaxChars = 80

// creditMaxChars is the longest text that can be a photo credit line.
const creditMaxChars = 150

// endLabelChars is the longest end phrase taken from a block that is not a
// heading: a "Kommentare" label, not a sentence that mentions comments.
const endLabelChars = 30

// dateLineChars is the longest block that is only a date: a dateline with
// a time and a zone, not a paragraph that starts with one.
const dateLineChars = 60

// timeSlack is how many characters of a date line may sit outside its
// <time> elements (a separator, "|").
const timeSlack = 2

// captionDepth is how far up a figure or caption element may sit above a
// credit inside it.
const captionDepth = 4

// A link box goes on over lists that are linkListShare links or shorter
// than shortListChars, and over blocks that are linkBlockShare links.
const (
	linkListShare  = 0.3
	shortListChars = 200
	linkBlockShare = 0.5
)

// langSampleBytes is how much of the content's text the language guess
// reads: enough to tell a language.
const langSampleBytes = 16 << 10

// removeFurniture removes furniture blocks below content, in place.
func removeFurniture(content *html.Node, bp phraseSet) {
	var drop []*html.Node
	var sections, ends, emptied []*html.Node
	lens := textLens(content)
	walk(content, func(n *html.Node) bool {
		if n == content || n.Type != html.ElementNode {
			return n == content || n.Type == html.DocumentNode
		}
		if !blockLevel[n.DataAtom] {
			if lens[n] <= creditMaxChars && inCaption(n) && bp.HasPrefix(innerText(n)) {
				drop = append(drop, n) // a credit inside a caption: "Foto: dpa"
				return false
			}
			if lens[n] > 0 && lens[n] <= furnitureMaxChars && isFurnitureItem(n, bp) {
				b := looseIn(n, lens)
				if b == nil {
					return true
				}
				drop = append(drop, n) // a button, counter or date among the blocks of a header
				emptied = append(emptied, b)
				return false
			}
			return true
		}
		l := lens[n]
		if l == 0 || l > creditMaxChars || hasBlockInside(n) {
			return true // phrases are judged on the innermost blocks only
		}
		text := innerText(n)
		switch {
		case l <= furnitureMaxChars && bp.IsSection(text):
			sections = append(sections, n)
			return false
		case l <= furnitureMaxChars && bp.IsEnd(text) && (isHeading(n) || l <= endLabelChars):
			ends = append(ends, n)
			return false
		case l <= dateLineChars && onlyTime(n, lens):
			drop = append(drop, n) // a date line: the date is metadata
			return false
		case l <= furnitureMaxChars && bp.IsLine(text),
			bp.HasPrefix(text),
			bp.Contains(text, len(strings.Fields(text))):
			drop = append(drop, n)
			return false
		}
		return true
	})
	for _, n := range sections {
		removeBox(n, content)
	}
	for _, n := range ends {
		// Comment sections close a page; the same word as a heading in
		// the first half is a chapter of the article ("Diskussion").
		if 2*textBefore(n, content) >= lens[content] {
			removeTail(n, content)
		} else if bp.IsLine(innerText(n)) {
			removeNode(n) // a comment counter under the headline
		}
	}
	for _, n := range drop {
		removeNode(n)
	}
	for _, b := range emptied {
		// "00:00 / 02:41" once "Artikel anhören" is gone: no words left.
		if b.Parent != nil && !hasLetter(innerText(b)) {
			removeNode(b)
		}
	}
}

// looseIn returns the block that holds the inline element n when n is an
// item of furniture's kind of layout: loose inline content beside other
// blocks (a header's buttons and date next to its headline), or one of a
// row of inline items with no words of the block's own between them (a
// meta row: <time>…</time> <span>Lesezeit: 6 Min.</span>). In a sentence
// the words around a link are the block's own, and the link stays.
func looseIn(n *html.Node, lens map[*html.Node]int) *html.Node {
	b := n.Parent
	for b != nil && b.Type == html.ElementNode && !blockLevel[b.DataAtom] {
		b = b.Parent
	}
	if b == nil || b.Type != html.ElementNode || isElem(b, atom.Pre, atom.Td, atom.Th) || isHeading(b) {
		return nil
	}
	if hasBlockInside(b) || lens[b] <= 2*furnitureMaxChars && isItemRow(b) {
		return b
	}
	return nil
}

// isItemRow reports a block of two or more inline elements with words in
// them whose own text (outside them) holds no letters.
func isItemRow(b *html.Node) bool {
	elems := 0
	for c := b.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			if hasLetter(innerText(c)) {
				elems++
			}
		case html.TextNode:
			if hasLetter(c.Data) {
				return false
			}
		}
	}
	return elems >= 2
}

// isFurnitureItem reports an inline element that is a furniture phrase
// ("32 Kommentare", "Lesezeit: 6 Min.") or a date (metadata, not text).
// A single word ("Photo", "Video") may label the picture next to it for
// screen readers, as article extractors keep it, and does not count.
func isFurnitureItem(n *html.Node, bp phraseSet) bool {
	if isElem(n, atom.Time) {
		return true
	}
	text := strings.TrimSpace(innerText(n))
	return bp.HasPrefix(text) || bp.IsLine(text) && strings.Contains(text, " ")
}

// textBefore is the length of the text that precedes n within root.
func textBefore(n, root *html.Node) int {
	k := 0
	done := false
	walk(root, func(c *html.Node) bool {
		if done || c == n {
			done = true
			return false
		}
		if c.Type == html.TextNode {
			k += spanOf(c.Data).n
		}
		return true
	})
	return k
}

// hasBlockInside reports whether a block-level element sits below n.
func hasBlockInside(n *html.Node) bool {
	found := false
	walk(n, func(c *html.Node) bool {
		if found || c != n && c.Type == html.ElementNode && blockLevel[c.DataAtom] {
			found = true
			return false
		}
		return true
	})
	return found
}

// onlyTime reports whether all of n's text sits in <time> elements.
func onlyTime(n *html.Node, lens map[*html.Node]int) bool {
	inTime := 0
	walk(n, func(c *html.Node) bool {
		if isElem(c, atom.Time) {
			inTime += lens[c]
			return false
		}
		return true
	})
	return inTime > 0 && inTime >= lens[n]-timeSlack
}

// inCaption reports whether n sits in a figure caption.
func inCaption(n *html.Node) bool {
	return hasAncestor(n, atom.Figcaption, captionDepth, nil) || hasAncestor(n, atom.Caption, captionDepth, nil) || hasAncestor(n, atom.Figure, captionDepth, nil)
}

func isHeading(n *html.Node) bool {
	return isElem(n, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6)
}

// removeBox removes a box opened by a section phrase ("Verwandte Themen",
// "Mehr zum Thema"): the heading and the link lists and short link lines
// that follow it. Article text after the box stays. When the heading is the
// only thing in its wrapper, the box continues after the wrapper.
func removeBox(head, content *html.Node) {
	n := head
	for n.Parent != nil && n.Parent != content && onlyChild(n) {
		n = n.Parent
	}
	for sib := nextElementSibling(n); sib != nil; {
		next := nextElementSibling(sib)
		if !isBoxItem(sib) {
			break
		}
		removeNode(sib)
		sib = next
	}
	removeNode(n)
}

// onlyChild reports whether n is its parent's only content.
func onlyChild(n *html.Node) bool {
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c == n {
			continue
		}
		if c.Type == html.ElementNode || (c.Type == html.TextNode && strings.TrimSpace(c.Data) != "") {
			return false
		}
	}
	return true
}

// isBoxItem reports whether n looks like part of a link box: a list, or a
// block that is mostly links.
func isBoxItem(n *html.Node) bool {
	if textLen(n) == 0 {
		return true
	}
	if isElem(n, atom.Ul, atom.Ol) {
		return linkDensity(n) > linkListShare || textLen(n) < shortListChars
	}
	return linkDensity(n) >= linkBlockShare
}

// removeTail removes the page's tail that an end phrase ("Kommentare")
// opens: the heading and everything after it in its container.
func removeTail(head, content *html.Node) {
	n := head
	for n.Parent != nil && n.Parent != content && onlyChild(n) {
		n = n.Parent
	}
	for sib := n.NextSibling; sib != nil; {
		next := sib.NextSibling
		removeNode(sib)
		sib = next
	}
	removeNode(n)
}

// textPrefix returns about the first max bytes of n's text, words kept
// apart: enough to tell a language.
func textPrefix(n *html.Node, max int) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if b.Len() >= max {
			return false
		}
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		return true
	})
	return b.String()
}
