package article

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// copyCleaner cleans a page copy; page is the HTML the copy was made from,
// for cleaners that are given the clipboard's HTML flavour as well.
type copyCleaner func(copyText, page []byte, name string) (*Article, error)

// cleanCopyOnly is a paste whose clipboard held only text.
func cleanCopyOnly(copyText, _ []byte, name string) (*Article, error) {
	return CleanText(copyText, name)
}

// cleanPasteWithHTML is a paste whose clipboard held the HTML flavour too,
// made from the page by browserFragment.
func cleanPasteWithHTML(copyText, page []byte, name string) (*Article, error) {
	return CleanPaste(copyText, browserFragment(page), "", name)
}

// browserFragment is what a browser puts on the clipboard as HTML when the
// whole page is selected and copied: the body's elements as the page
// renders them, without scripts, style sheets and hidden elements, after a
// <meta> naming the charset (Chromium; Firefox serialises the same
// elements). It is made from the page's source, not its rendered DOM, so
// what scripts would have added is missing, and a page's <head> (title,
// og:title, JSON-LD) is not in it, as it is not in a copy.
func browserFragment(page []byte) []byte {
	doc, err := html.Parse(bytes.NewReader(toUTF8(page, "")))
	if err != nil {
		return nil
	}
	body := findFirst(doc, atom.Body)
	if body == nil {
		return nil
	}
	var unrendered []*html.Node
	walk(body, func(n *html.Node) bool {
		if n.Type == html.CommentNode || n.Type == html.ElementNode && !rendered(n) {
			unrendered = append(unrendered, n)
			return false
		}
		return true
	})
	for _, n := range unrendered {
		removeNode(n)
	}
	var b bytes.Buffer
	b.WriteString("<meta charset='utf-8'>")
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			return nil
		}
	}
	return b.Bytes()
}

// rendered reports whether a browser draws element n (as far as its
// markup says).
func rendered(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Link, atom.Meta, atom.Iframe:
		return false
	}
	style := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	return !hasAttr(n, "hidden") && !strings.Contains(style, "display:none") && !strings.Contains(style, "visibility:hidden")
}

// Floors for pastes with the HTML flavour, a little under the measured
// results (2026-12-03: titles 480 of 505, 95.0 %; snippets 0.930 with 4
// pages at F1 = 0; readability copies 0.984; on the subset 23 of 23,
// 0.985 and 0.961), against 88.9 %, 0.908 and 0.932 for the same copies
// without it.
const (
	minPasteTitleRate       = 0.94
	minPasteSnippetF1       = 0.92
	minPastePagecopyF1      = 0.975
	minSubsetPasteTitleRate = 0.95
	minSubsetPasteSnippetF1 = 0.97
	minSubsetPastePagecopy  = 0.95
)

// pasteMetaLimits are copyMetaLimits for pastes with the HTML flavour,
// just under and over the counts of 2026-12-03 (right; wrong + invented):
// readability site 41; 3, authors 50; 5, date 39; 5; trafilatura-dev site
// 143; 18, authors 91; 6, date 204; 17. The HTML's bylines and <time>s add
// authors and dates the copy's text alone missed (from text only: 45, 32;
// 82, 194).
var pasteMetaLimits = map[string]struct{ minRight, maxWrong int }{
	"readability site":        {40, 4},
	"readability authors":     {49, 6},
	"readability date":        {38, 6},
	"trafilatura-dev site":    {142, 19},
	"trafilatura-dev authors": {90, 7},
	"trafilatura-dev date":    {203, 18},
}

func TestPasteMetadataCorpus(t *testing.T) {
	scoreCopyMetadata(t, cleanPasteWithHTML, pasteMetaLimits)
}

func TestPasteTitlesCorpus(t *testing.T) {
	scoreCopyTitles(t, corpusTitleCases(t), cleanPasteWithHTML, minPasteTitleRate)
}

func TestPasteSnippetCorpus(t *testing.T) {
	scoreSnippetCorpus(t, loadSnippetCorpus(t), cleanPasteWithHTML, minPasteSnippetF1)
}

func TestPastePagecopyCorpus(t *testing.T) {
	scorePagecopies(t, loadCorpus(t), cleanPasteWithHTML, minPastePagecopyF1)
}

// TestPasteSubset scores pastes with the HTML flavour on the subset in
// testdata, which runs in every clone.
func TestPasteSubset(t *testing.T) {
	t.Run("titles", func(t *testing.T) {
		var cases []copyTitleCase
		for _, p := range loadSubset(t) {
			cases = append(cases, copyTitleCase{"readability/" + p.name, "", p.html, p.copy})
		}
		for _, p := range loadSnippetPages(t, snippetSubsetDir) {
			cases = append(cases, copyTitleCase{p.id, p.lang, p.html, p.copy})
		}
		scoreCopyTitles(t, cases, cleanPasteWithHTML, minSubsetPasteTitleRate)
	})
	t.Run("snippets", func(t *testing.T) {
		scoreSnippetCorpus(t, loadSnippetPages(t, snippetSubsetDir), cleanPasteWithHTML, minSubsetPasteSnippetF1)
	})
	t.Run("pagecopies", func(t *testing.T) {
		scorePagecopies(t, loadSubset(t), cleanPasteWithHTML, minSubsetPastePagecopy)
	})
}
