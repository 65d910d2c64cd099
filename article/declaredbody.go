package article

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// declaredBodyShare is how much of the article body a page declares in
// JSON-LD (articleBody) its extracted text must reach. Pages that build
// the article with JavaScript (scmp) or cut it behind a script-built
// paywall still declare it whole for search engines; when the extraction
// holds less than half of it, the declared body is the article.
const declaredBodyShare = 0.5

// declaredBody returns blocks, or the declared body's blocks when those
// are much longer (see declaredBodyShare) and at least minLen characters.
func declaredBody(blocks, declared []Block, minLen int, lang string) []Block {
	n := blocksLen(declared)
	if n == 0 || n < minLen || float64(blocksLen(blocks)) >= declaredBodyShare*float64(n) {
		return blocks
	}
	sample := func() string {
		var b strings.Builder
		for _, bl := range declared {
			b.WriteString(bl.Text)
			b.WriteByte('\n')
		}
		return b.String()
	}
	return tidyBlocks(declared, phrasesFor(lang, sample))
}

// blocksLen is the length of the blocks' text in characters, white space
// runs counted once.
func blocksLen(blocks []Block) int {
	n := 0
	for _, b := range blocks {
		n += utf8.RuneCountInString(strings.Join(strings.Fields(b.Text), " "))
	}
	return n
}

// markedBody returns the blocks of the element that the page's microdata
// marks as the article's body (itemprop=articleBody) or, failing that, as
// its description (itemprop=description on an element, not a <meta>):
// some pages hold their whole text there, in markup the extractor's
// scoring does not favour. The tree is only read.
func markedBody(doc *html.Node) []Block {
	var body, desc *html.Node
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode || body != nil {
			return body == nil
		}
		if skipped[n.DataAtom] {
			return false
		}
		for _, p := range strings.Fields(attr(n, "itemprop")) {
			switch {
			case p == "articleBody":
				body = n
			case p == "description" && desc == nil:
				desc = n
			}
		}
		return body == nil
	})
	if body == nil {
		body = desc
	}
	if body == nil {
		return nil
	}
	return blocksOf(body)
}

// bodyBlocks turns a body declared in JSON-LD into blocks: markup ("<p>…</p>") is
// read as HTML, plain text is split into paragraphs at its line breaks,
// its character references decoded.
func bodyBlocks(body string) []Block {
	if body == "" {
		return nil
	}
	if strings.Contains(body, "</") || strings.Contains(body, "<br") {
		ctx := newElement(atom.Div)
		nodes, err := html.ParseFragment(strings.NewReader(body), ctx)
		if err != nil {
			return nil
		}
		for _, n := range nodes {
			ctx.AppendChild(n)
		}
		return blocksOf(ctx)
	}
	var out []Block
	for _, p := range strings.Split(html.UnescapeString(body), "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, Block{Type: Paragraph, Text: p})
		}
	}
	return out
}
