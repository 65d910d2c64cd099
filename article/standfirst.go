package article

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The standfirst is the lead paragraph a page shows between its headline
// and the article ("Künftig soll … Erfahren Sie mehr!"). Sites declare it
// as the page's description, and many set it in the page's header, apart
// from the article's container, where the extractor does not look. It is
// article text: the reader reads it first.

// standfirstSlack is how much longer than the declared description the
// shown element's text may be: declarations are often cut short ("…").
const standfirstSlack = 1.5

// shownStandfirst returns the text of the visible element that shows the
// page's description (the whole of it, or it cut short), or "" when the
// page does not show it. The tree is only read.
func shownStandfirst(doc *html.Node, description string) string {
	want := strings.TrimRight(CleanInline(description), ".… ")
	if utf8.RuneCountInString(want) < minParagraphChars {
		return ""
	}
	lens := textLens(doc)
	n := utf8.RuneCountInString(want)
	found := ""
	walk(doc, func(e *html.Node) bool {
		if found != "" || e.Type == html.ElementNode && (skipped[e.DataAtom] || !visible(e)) {
			return false
		}
		if e.Type != html.ElementNode || lens[e] < n || float64(lens[e]) > standfirstSlack*float64(n) {
			return e.Type == html.ElementNode || e.Type == html.DocumentNode
		}
		if t := CleanInline(textContent(e)); strings.HasPrefix(t, want) {
			found = t
			return false
		}
		return true
	})
	return found
}

// withStandfirst puts the shown standfirst before the blocks when they do
// not hold it already.
func withStandfirst(blocks []Block, lead string) []Block {
	if lead == "" || len(blocks) == 0 {
		return blocks
	}
	probe := lead[:min(len(lead), standfirstProbe)]
	for _, b := range blocks {
		if strings.Contains(CleanInline(b.Text), probe) {
			return blocks
		}
	}
	return append([]Block{{Type: Paragraph, Text: lead}}, blocks...)
}

// standfirstProbe is how many bytes of the standfirst's start are looked
// for in the blocks: enough to recognise it, short enough to survive a
// cut credit or a different end.
const standfirstProbe = 60
