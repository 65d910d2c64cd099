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
// page does not show it. Only text nodes holding the description's first
// word are followed up, to the innermost ancestor whose text begins with
// the description; the tree is only read.
func shownStandfirst(doc *html.Node, description string) string {
	want := strings.TrimRight(CleanInline(description), ".… ")
	n := utf8.RuneCountInString(want)
	if n < minParagraphChars {
		return ""
	}
	first, _, _ := strings.Cut(want, " ")
	limit := int(standfirstSlack * float64(n))
	seen := map[*html.Node]bool{}
	found := ""
	walk(doc, func(e *html.Node) bool {
		if found != "" || e.Type == html.ElementNode && (skipped[e.DataAtom] || !visible(e)) {
			return false
		}
		if e.Type == html.TextNode && strings.Contains(e.Data, first) {
			found = standfirstAround(e, want, limit, seen)
		}
		return true
	})
	return found
}

// standfirstAround climbs from text node e to the innermost ancestor whose
// text begins with want and is at most limit runes long, and returns that
// text, or "". Ancestors already measured (seen) are not measured again.
func standfirstAround(e *html.Node, want string, limit int, seen map[*html.Node]bool) string {
	for a := e.Parent; a != nil && a.Type == html.ElementNode && !seen[a]; a = a.Parent {
		seen[a] = true
		t := CleanInline(textContent(a))
		if utf8.RuneCountInString(t) > limit {
			return ""
		}
		if strings.HasPrefix(t, want) {
			return t
		}
	}
	return ""
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
