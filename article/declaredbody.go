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

// declaredBody returns blocks, or the blocks of the declared body when
// that is much longer (see declaredBodyShare) and article-sized.
func declaredBody(blocks []Block, body, lang string) []Block {
	body = strings.TrimSpace(body)
	n := utf8.RuneCountInString(body)
	if n < minArticleChars {
		return blocks
	}
	have := 0
	for _, b := range blocks {
		have += utf8.RuneCountInString(strings.Join(strings.Fields(b.Text), " "))
	}
	if float64(have) >= declaredBodyShare*float64(n) {
		return blocks
	}
	declared := bodyBlocks(body)
	if len(declared) == 0 {
		return blocks
	}
	return tidyBlocks(declared, phrasesFor(lang, func() string { return body }))
}

// bodyBlocks turns a declared body into blocks: markup ("<p>…</p>") is
// read as HTML, plain text is split into paragraphs at its line breaks,
// its character references decoded.
func bodyBlocks(body string) []Block {
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
