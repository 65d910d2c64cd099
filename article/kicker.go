package article

import (
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// kwKicker are class names sites give the rubric line above a headline.
var kwKicker = keywords{"kicker", "dachzeile", "overline", "topline", "eyebrow", "roofline", "spitzmarke", "supertitle", "rubric", "ressort", "topic", "flag"}

// A rubric is short: at most kickerChars characters and kickerWords words
// when its markup names it; at most bareKickerChars and bareKickerWords
// when it is only the element before the headline. It is searched for up
// to kickerLevels levels above the headline, among at most kickerNodes
// nodes before it.
const (
	kickerChars     = 40
	kickerWords     = 4
	bareKickerChars = 30
	bareKickerWords = 3
	kickerLevels    = 2
	kickerNodes     = 200
)

// readKicker finds the rubric line above the headline: an element in or
// just before the h1 whose class names it so, or else the first
// articleSection of JSON-LD. fromMarkup says it was found in the page's
// markup rather than in metadata.
func readKicker(h1 *goquery.Selection, ld ldArticle, lang string) (kicker string, fromMarkup bool) {
	if h1 != nil {
		n := h1.Get(0)
		var near []*html.Node
		walk(n, func(c *html.Node) bool { near = append(near, c); return true })
		// The elements just before the headline, nearest first, up to two
		// levels up.
		for p, level := n, 0; p.Parent != nil && level < kickerLevels; p, level = p.Parent, level+1 {
			for c := p.PrevSibling; c != nil && len(near) < kickerNodes; c = c.PrevSibling {
				walk(c, func(d *html.Node) bool { near = append(near, d); return len(near) < kickerNodes })
			}
		}
		for _, c := range near {
			if c.Type != html.ElementNode || !kwKicker.in(strings.ToLower(attr(c, "class"))) {
				continue
			}
			t := CleanInline(textContent(c))
			if t != "" && len([]rune(t)) <= kickerChars && len(strings.Fields(t)) <= kickerWords {
				return strings.TrimRight(t, ":"), true
			}
		}
	}
	if h1 != nil {
		if k := unlabelledKicker(h1.Get(0), lang); k != "" {
			return k, true
		}
	}
	if s := ldString(ld.Section); s != "" && len([]rune(s)) <= kickerChars {
		return s, false
	}
	return "", false
}

// unlabelledKicker reads a rubric from the element right before the
// headline when its markup does not name it: one to three words, no
// digits, no link, no sentence, and no furniture phrase of the page's
// language (of every language with a phrase list when the page does not
// say).
func unlabelledKicker(h1 *html.Node, lang string) string {
	prev := h1.PrevSibling
	for prev != nil && prev.Type != html.ElementNode {
		if prev.Type == html.TextNode && strings.TrimSpace(prev.Data) != "" {
			return ""
		}
		prev = prev.PrevSibling
	}
	if prev == nil || findFirst(prev, atom.A) != nil || isElem(prev, atom.Nav, atom.Ul, atom.Ol, atom.Button, atom.Time) {
		return ""
	}
	t := CleanInline(textContent(prev))
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > bareKickerWords || len([]rune(t)) > bareKickerChars || strings.IndexFunc(t, unicode.IsDigit) >= 0 ||
		strings.ContainsAny(t, ".!?") {
		return ""
	}
	var lists phraseSet
	for _, l := range boilerplateLangs() {
		lists = append(lists, boilerplateFor(l))
	}
	if lang != "" {
		lists = phrasesFor(lang, nil)
	}
	if lists.IsLine(t) || lists.IsSection(t) {
		return ""
	}
	return strings.TrimRight(t, ":")
}
