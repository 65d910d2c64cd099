package article

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The title of a page copy is judged against the headline the page itself
// declares: its <h1> elements, og:title, twitter:title, the JSON-LD
// headline and <title> (whole and each part between separators, as titles
// carry the site's name). A chosen title is right when its words match one
// of them closely (token F1 of at least titleMatchF1: a rubric split off or
// a site name left on still counts, a share-button row or a section heading
// does not). Pages whose copy has no line that matches any of them have no
// headline to find (a copy of a page that hides it); they are counted apart.
const titleMatchF1 = 0.8

// Floors for the share of copies whose title is the headline, a little
// under the measured results (both corpora from ../shared, and the subset
// in testdata).
const (
	minCopyTitleRate       = 0.85
	minSubsetCopyTitleRate = 0.85
)

// titleRefs are the headlines a page declares, from its HTML.
func titleRefs(src []byte) []string {
	doc, err := html.Parse(bytes.NewReader(toUTF8(src, "")))
	if err != nil {
		return nil
	}
	var refs, parts []string
	headings := map[string]bool{}
	var ldHeadline string
	add := func(s string) {
		if s = CleanInline(s); len(wordTokens(s)) >= 2 {
			refs = append(refs, s)
		}
	}
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.H1:
			add(nodeText(n))
			return false
		case atom.H2, atom.H3:
			headings[strings.ToLower(CleanInline(nodeText(n)))] = true
			return false
		case atom.Title:
			if !hasAncestor(n, atom.Svg, 0, nil) {
				t := CleanInline(nodeText(n))
				add(t)
				add(longestTitlePart(t))
				parts = append(parts, titleParts(t)...)
			}
			return false
		case atom.Meta:
			switch strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"))) {
			case "og:title", "twitter:title":
				add(attr(n, "content"))
			}
		case atom.Script:
			if attr(n, "type") == "application/ld+json" && ldHeadline == "" {
				ld, _ := findLDArticle([]byte(nodeText(n)), 0)
				ldHeadline = ld.Headline
			}
			return false
		}
		return true
	})
	add(ldHeadline)
	// A part of the title that a heading of the page shows is its
	// headline too, though the site's name beside it is longer
	// ("Historischer Markt › Historische Wehranlage in Horka e.V",
	// <h2>Historischer Markt</h2>).
	for _, p := range parts {
		if headings[strings.ToLower(p)] {
			add(p)
		}
	}
	return refs
}

// titleParts are the parts of a page title between any of the
// separators.
func titleParts(t string) []string {
	parts := []string{t}
	for _, sep := range titleSeparators {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// longestTitlePart is the longest part of a page title between
// separators: the headline, where the others name the site or a section.
func longestTitlePart(t string) string {
	longest := ""
	for _, sep := range titleSeparators {
		for part := range strings.SplitSeq(t, sep) {
			if part != t && len(part) > len(longest) {
				longest = part
			}
		}
	}
	return longest
}

// nodeText is the text under n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		return true
	})
	return b.String()
}

// tokenF1 is the bag-of-words F1 of two short texts.
func tokenF1(a, b string) float64 {
	_, _, f := prf(a, b)
	return f
}

// matchesRef reports whether s is one of the page's headlines: their
// words match closely, or one holds all the words of the other and at
// least half as many (a headline with its subtitle, or without its
// tagline).
func matchesRef(s string, refs []string) bool {
	for _, r := range refs {
		if tokenF1(r, s) >= titleMatchF1 || nested(r, s) || nested(s, r) {
			return true
		}
	}
	return false
}

// minNestedTokens is the shortest headline that counts when nested in a
// longer one.
const minNestedTokens = 3

// nested reports whether every word of inner is in outer and outer has at
// most twice as many.
func nested(inner, outer string) bool {
	in, out := wordTokens(inner), wordTokens(outer)
	if len(in) < minNestedTokens || 2*len(in) < len(out) {
		return false
	}
	p, _, _ := prf(outer, inner)
	return p == 1
}

// headlineInCopy reports whether a line of the copy is one of the page's
// headlines.
func headlineInCopy(copyText []byte, refs []string) bool {
	for line := range strings.SplitSeq(string(copyText), "\n") {
		if line = strings.TrimSpace(line); line != "" && len(line) < 4*maxTitleChars && matchesRef(line, refs) {
			return true
		}
	}
	return false
}

// copyTitleCase is a page copy with the page it was copied from.
type copyTitleCase struct {
	name, lang string // lang: the corpus's, or "" to take the cleaner's guess
	html, copy []byte
}

// titleTally counts right titles among judged copies.
type titleTally struct{ right, judged int }

func (c titleTally) String() string {
	return fmt.Sprintf("%d of %d (%.1f %%)", c.right, c.judged, 100*float64(c.right)/float64(max(c.judged, 1)))
}

// scoreCopyTitles cleans each copy with clean and fails t when the share of titles
// that are the page's headline, among the copies that show it, is under
// floor. It logs every miss and the share by language and for the pages
// held out of fitting the headline model.
func scoreCopyTitles(t *testing.T, cases []copyTitleCase, clean copyCleaner, floor float64) {
	t.Helper()
	var all, held titleTally
	byLang := map[string]*titleTally{"de": {}, "en": {}, "other": {}}
	hidden := 0
	for _, c := range cases {
		refs := titleRefs(c.html)
		if len(c.copy) == 0 || !headlineInCopy(c.copy, refs) {
			hidden++
			continue
		}
		got, lang := "", c.lang
		if a, err := clean(c.copy, c.html, c.name); err == nil {
			got = a.Title
			if a.Kicker != "" && !matchesRef(got, refs) {
				got = a.Kicker + " " + a.Title
			}
			lang = firstNonEmpty(lang, a.Lang)
		}
		tl := byLang[lang]
		if tl == nil {
			tl = byLang["other"]
		}
		ok := matchesRef(got, refs)
		for _, tally := range []*titleTally{&all, tl} {
			tally.judged++
			tally.right += b2i(ok)
		}
		if heldOutPage(c.name) {
			held.judged++
			held.right += b2i(ok)
		}
		if !ok {
			t.Logf("  miss %-45s %q (page: %q)", c.name, got, refs[0])
		}
	}
	rate := float64(all.right) / float64(max(all.judged, 1))
	t.Logf("title is the headline on %v copies; %d copies do not show the headline", all, hidden)
	t.Logf("  de %v, en %v, other %v; held out of fitting %v", byLang["de"], byLang["en"], byLang["other"], held)
	if rate < floor {
		t.Errorf("title rate %.3f is below the floor %.3f", rate, floor)
	}
}

// TestCopyTitlesCorpus measures the titles of the page copies of both
// corpora in ../shared.
func TestCopyTitlesCorpus(t *testing.T) {
	scoreCopyTitles(t, corpusTitleCases(t), cleanCopyOnly, minCopyTitleRate)
}

// corpusTitleCases are the copies of both corpora in ../shared.
func corpusTitleCases(t *testing.T) []copyTitleCase {
	var cases []copyTitleCase
	for _, p := range loadCorpus(t) {
		cases = append(cases, copyTitleCase{"readability/" + p.name, "", p.html, p.copy})
	}
	for _, p := range loadSnippetCorpus(t) {
		cases = append(cases, copyTitleCase{p.id, p.lang, p.html, p.copy})
	}
	return cases
}

// TestCopyTitlesSubset measures the titles of the copies in testdata,
// which run in every clone.
func TestCopyTitlesSubset(t *testing.T) {
	var cases []copyTitleCase
	for _, p := range loadSubset(t) {
		cases = append(cases, copyTitleCase{"readability/" + p.name, "", p.html, p.copy})
	}
	for _, p := range loadSnippetPages(t, snippetSubsetDir) {
		cases = append(cases, copyTitleCase{p.id, p.lang, p.html, p.copy})
	}
	if _, err := os.Stat(filepath.Join(snippetSubsetDir, "snippets.json")); err != nil {
		t.Fatal(err)
	}
	scoreCopyTitles(t, cases, cleanCopyOnly, minSubsetCopyTitleRate)
}
