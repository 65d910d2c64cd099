package article

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/dramatis-app/dramatis/internal/fold"
)

// CleanPaste cleans a page the reader copied in the browser from both
// flavours the browser put on the clipboard: text, the selection as plain
// text, and fragment, the same selection as HTML (nil when the clipboard
// held none, as when the text came from a terminal or an editor), and
// pageURL, the address of the page when the browser said it (Chromium and
// Windows' CF_HTML do), or "".
//
// Each flavour knows what the other cannot. The HTML says which line the
// page marked as its headline and where its article element is, which
// plain text loses; the text is what the reader saw, where the HTML also
// holds what the page hid. So the headline, byline, date and site are read
// from the text with the page's marked headlines to choose among, and the
// body is the HTML's article, without the passages the copy does not show.
// A fragment that is not the copied text (the clipboard changed between
// the two reads) is ignored. name only labels errors.
func CleanPaste(text, fragment []byte, pageURL, name string) (*Article, error) {
	if !IsPageAddress(pageURL) {
		pageURL = "" // a saved file's path is no address to cite
	}
	a, err := cleanPaste(text, fragment, pageURL, name)
	if err == nil && a.URL == "" {
		a.URL = pageURL
	}
	return a, err
}

// cleanPaste is CleanPaste but for the page's address, which it knows
// only where the HTML flavour is cleaned.
func cleanPaste(text, fragment []byte, pageURL, name string) (*Article, error) {
	if len(bytes.TrimSpace(fragment)) == 0 || len(fragment) > MaxPageBytes || len(text) > MaxTextBytes {
		return CleanText(text, name)
	}
	src := toUTF8(fragment, "text/html; charset=utf-8")
	doc, err := parsePage(src)
	if err != nil {
		return CleanText(text, name)
	}
	heads := fragmentHeadlines(doc)
	if len(bytes.TrimSpace(text)) == 0 {
		// Only the HTML flavour: nothing to check it against.
		return cleanParsed(doc, src, pageURL, firstHeadline(heads))
	}
	shown, err := decodePageCopy(text, name)
	if err != nil {
		return nil, err
	}
	fromText, textErr := cleanCopy(shown, heads, name)
	title := firstHeadline(heads)
	if textErr == nil {
		title = fromText.Title
	}
	fromHTML, htmlErr := cleanParsed(doc, src, pageURL, title)
	switch {
	case htmlErr != nil && textErr != nil:
		return nil, textErr
	case htmlErr != nil:
		return fromText, nil
	}
	return mergePaste(fromText, fromHTML, shown, name)
}

// IsPageAddress reports whether u is the http(s) address of a page on a
// site: a site's bare origin or home page names no article, and as an
// import's source it would make every article pasted from that site one
// and the same. The clipboard reader and the window's paste ask it too.
func IsPageAddress(u string) bool {
	p, err := url.Parse(strings.TrimSpace(u))
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != "" && p.Path != "" && p.Path != "/"
}

// minShownShare is how much of the HTML article's words the copy must
// show for the HTML to be the same selection: a page hides a little (a
// collapsed box, a screen reader's label), but a fragment whose article
// the copy mostly lacks came from another copy.
const minShownShare = 0.5

// mergePaste makes the article of a paste from the article of its text
// (nil when none was found there) and that of its HTML: the HTML's body
// where it shows, the text's headline and metadata, each completed from
// the other.
func mergePaste(fromText, fromHTML *Article, shown, name string) (*Article, error) {
	blocks, share := shownBlocks(fromHTML.Blocks, shown)
	if share < minShownShare || len(blocks) == 0 {
		if fromText == nil {
			return nil, fmt.Errorf("%w in %s", ErrNoText, name)
		}
		return fromText, nil
	}
	if fromText == nil {
		fromHTML.Blocks = blocks
		fromHTML.Normalize()
		return fromHTML, nil
	}
	a := *fromText
	a.Blocks = withStandfirst(blocks, a.Description)
	if len(a.Authors) == 0 {
		a.Authors = fromHTML.Authors
	}
	if a.Published.IsZero() {
		a.Published = fromHTML.Published
	}
	a.Site = firstNonEmpty(a.Site, fromHTML.Site)
	a.URL = firstNonEmpty(a.URL, fromHTML.URL)
	a.Description = firstNonEmpty(a.Description, fromHTML.Description)
	a.Normalize()
	dropTitleBlock(&a)
	if len(a.Blocks) == 0 {
		return nil, fmt.Errorf("%w in %s", ErrNoText, name)
	}
	return &a, nil
}

// minShownWords is the share of a block's words the copy must hold for
// the block to have been on screen: the copy breaks words the markup
// joins (a hyphenation, a line of a table), so not all of them.
const minShownWords = 0.7

// shownBlocks keeps the blocks whose words the copy shows, and says what
// share of all the blocks' words they hold.
func shownBlocks(blocks []Block, shown string) ([]Block, float64) {
	seen := map[string]bool{}
	fold.Words(shown, func(w []byte, _, _ int) { seen[string(w)] = true })
	var kept []Block
	all, keptWords := 0, 0
	for _, b := range blocks {
		n, have := 0, 0
		fold.Words(b.Text, func(w []byte, _, _ int) {
			n++
			if seen[string(w)] {
				have++
			}
		})
		all += n
		if float64(have) >= minShownWords*float64(n) {
			kept = append(kept, b)
			keptWords += n
		}
	}
	if all == 0 {
		return kept, 0
	}
	return kept, float64(keptWords) / float64(all)
}

// fragmentHeadlines are the texts of the elements a copied page marks as
// its headline, in page order: its <h1> elements and what declares itself
// a headline (itemprop="headline"), except those in the page's banner or
// navigation, those that link to the home page, where a site puts its
// name, and those it hides from the eye.
func fragmentHeadlines(doc *html.Node) []string {
	var out []string
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if isElem(n, atom.Header, atom.Nav, atom.Footer, atom.Aside) && !hasAncestor(n, atom.Article, 0, nil) {
			return false
		}
		if !isElem(n, atom.H1) && attr(n, "itemprop") != "headline" {
			return true
		}
		if kwUnseen.in(matchString(n)) || attr(n, "role") == "presentation" {
			return false
		}
		if t := CleanInline(innerText(n)); t != "" && len(t) <= maxTitleChars && !linksHome(n) {
			out = append(out, t)
		}
		return false
	})
	return out
}

// firstHeadline is the first of a fragment's headlines, or "".
func firstHeadline(heads []string) string {
	if len(heads) == 0 {
		return ""
	}
	return heads[0]
}

// linksHome reports whether a heading is a link to the site's home page:
// a logo set as <h1><a href="/">, which names the site, not the article.
func linksHome(n *html.Node) bool {
	a := findFirst(n, atom.A)
	if a == nil {
		return false
	}
	href := strings.TrimSpace(attr(a, "href"))
	if _, rest, ok := strings.Cut(href, "://"); ok {
		href = "/"
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			href = rest[j:]
		}
	}
	return href == "" || href == "/" || href == "./" || strings.HasPrefix(href, "/?") || strings.HasPrefix(href, "/#")
}

// markHeadlines keeps the page's marked headlines for comparing with the
// copy's lines, without regard to case, which a style sheet may change on
// screen.
func (pc *pageCopy) markHeadlines(headlines []string) {
	if len(headlines) == 0 {
		return
	}
	pc.headlines = make(map[string]bool, len(headlines))
	for _, h := range headlines {
		pc.headlines[strings.ToLower(h)] = true
	}
}

// isHeadline reports whether a line of the copy is one of the page's
// marked headlines.
func (pc *pageCopy) isHeadline(line string) bool {
	return pc.headlines != nil && pc.headlines[strings.ToLower(line)]
}

// headlineLines marks the lines of the copy that are one of the page's
// marked headlines; nil when the copy came without HTML.
func (pc *pageCopy) headlineLines() map[int]bool {
	if pc.headlines == nil {
		return nil
	}
	marked := map[int]bool{}
	for i := range pc.lines {
		if pc.isHeadline(pc.lines[i].text) {
			marked[i] = true
		}
	}
	return marked
}
