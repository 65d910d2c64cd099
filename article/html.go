package article

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/dramatis-app/dramatis/internal/words"
	"golang.org/x/net/html"
)

// MaxPageBytes is the largest page the cleaners read. News pages are well
// under 5 MB even with inline scripts; anything far larger is not one, and
// parsing it would take seconds and gigabytes.
const MaxPageBytes = 32 << 20

// ErrTooLarge is wrapped when a page or download exceeds MaxPageBytes.
var ErrTooLarge = errors.New("too large to be a web page")

// ErrTooDeep is wrapped when a page nests elements deeper than the HTML
// parser allows (it refuses such pages rather than spend unbounded memory).
var ErrTooDeep = errors.New("page nests its elements too deeply to read")

// CleanHTML extracts the article of an HTML page. pageURL (may be empty) is
// where the page came from; relative canonical links resolve against it and
// it is the article's URL when the page names no canonical one. The charset
// is taken from a BOM or <meta>; see CleanHTMLContentType for pages fetched
// with an HTTP Content-Type.
func CleanHTML(data []byte, pageURL string) (*Article, error) {
	return CleanHTMLContentType(data, "", pageURL)
}

// CleanHTMLContentType is CleanHTML for a page that came with an HTTP
// Content-Type header, whose charset then takes precedence over <meta>.
func CleanHTMLContentType(data []byte, contentType, pageURL string) (*Article, error) {
	if len(data) > MaxPageBytes {
		return nil, fmt.Errorf("page is %s, %w (limit %s)", SizeString(int64(len(data))), ErrTooLarge, SizeString(MaxPageBytes))
	}
	src := toUTF8(data, contentType)
	doc, err := parsePage(src)
	if err != nil {
		return nil, err
	}
	return cleanParsed(doc, src, pageURL, "")
}

// cleanParsed extracts the article of a parsed page (src is its UTF-8
// source, which later extraction passes parse afresh). A non-empty title
// is the headline known from elsewhere (a page copy's): it replaces the
// one the page's metadata names and marks where the text starts.
func cleanParsed(doc *html.Node, src []byte, pageURL, title string) (*Article, error) {
	m := readMetadata(doc, pageURL)
	if title != "" {
		m.Title = title
	}
	a := &Article{
		Title: m.Title, Kicker: m.Kicker, Description: m.Description,
		Authors: m.Authors, Published: m.Published, Site: m.Site, URL: m.URL, Lang: m.Lang,
	}
	marked := markedBody(doc)
	lead := shownStandfirst(doc, m.Description)
	blocks, byline := extractBlocks(doc, src, m.Title, m.Lang)
	if blocksLen(blocks) < minArticleChars {
		// The marked element holds the article and often more (related
		// links, comments): it stands in only when extraction failed, and
		// then even a short product description beats no text.
		blocks = declaredBody(blocks, marked, 0, m.Lang)
	}
	blocks = declaredBody(blocks, bodyBlocks(strings.TrimSpace(m.body)), minArticleChars, m.Lang)
	blocks = withStandfirst(blocks, lead)
	if len(a.Authors) == 0 && byline != "" {
		a.Authors = splitAuthors(byline, true)
	}
	a.Blocks = blocks
	a.Normalize()
	dropTitleBlock(a)
	dropAuthorBox(a)
	if len(a.Blocks) == 0 {
		return nil, ErrNoText
	}
	if a.Title == "" {
		a.Title = firstWords(a.Blocks[0].Text, fallbackTitleWords)
	}
	if a.Lang == "" {
		// Undeclared: the language the text is written in, when clear.
		a.Lang = words.DetectLang(a.Text())
	}
	return a, nil
}

// parsePage parses UTF-8 HTML, turning the parser's depth refusal into
// ErrTooDeep.
func parsePage(src []byte) (*html.Node, error) {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		if strings.Contains(err.Error(), "exceeds") {
			return nil, fmt.Errorf("%w (more than 512 levels)", ErrTooDeep)
		}
		return nil, fmt.Errorf("cannot parse the page: %w", err)
	}
	return doc, nil
}

// laxPassGain is how much more text a laxer pass must find than a
// stricter one to be preferred when none finds an article's worth: the
// stricter rules removed comments, bios and sidebars for a reason, and a
// short post should not lose to its own author box.
const laxPassGain = 2

// extractBlocks runs extraction passes, each less strict than the one before,
// until one keeps enough text; otherwise it takes the longest result. Each
// pass after the first works on a fresh parse, because passes edit the tree.
func extractBlocks(doc *html.Node, src []byte, title, lang string) ([]Block, string) {
	passes := []int{
		flagStripUnlikely | flagWeightClasses | flagCleanConditionally,
		flagWeightClasses | flagCleanConditionally,
		flagCleanConditionally,
		0,
	}
	var best []Block
	bestLen := -1
	byline := ""
	var bp phraseSet
	for i, flags := range passes {
		if i > 0 {
			var err error
			if doc, err = parsePage(src); err != nil {
				break
			}
		}
		prepareDocument(doc)
		x := newExtractor(flags, title)
		content := x.grab(doc)
		if byline == "" {
			byline = x.byline
		}
		if content == nil {
			continue
		}
		if bp == nil {
			bp = phrasesFor(lang, func() string { return textPrefix(content, langSampleBytes) })
		}
		// A pass is judged on what it extracted, before the furniture
		// goes: removing a page's share buttons must not send the cleaner
		// on to a laxer pass that picks the comments instead.
		length := textLen(content)
		removeFurniture(content, bp)
		if bestLen < 0 || float64(length) > laxPassGain*float64(bestLen) {
			best, bestLen = tidyBlocks(blocksOf(content), bp), length
		}
		if length >= minArticleChars {
			break
		}
	}
	return best, byline
}

// titleBlockReach is how many leading blocks may repeat the title or the
// kicker: a rubric, the headline and a date above the text.
const titleBlockReach = 3

// fallbackTitleWords is how many words of the first block make the title
// of a page that names none: about a headline's length.
const fallbackTitleWords = 12

// dropTitleBlock removes leading blocks that only repeat the title or the
// kicker, so that neither is read twice.
func dropTitleBlock(a *Article) {
	for _, s := range []string{a.Title, a.Kicker} {
		for i := 0; i < len(a.Blocks) && i < titleBlockReach && s != ""; i++ {
			if strings.EqualFold(a.Blocks[i].Text, s) {
				a.Blocks = append(a.Blocks[:i], a.Blocks[i+1:]...)
				break
			}
		}
	}
}

// firstWords returns the first n words of s, for a title of last resort.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		return strings.Join(f[:n], " ") + " …"
	}
	return strings.Join(f, " ")
}

// SizeString prints a byte count for people ("1.5 MB", "12 kB", "300
// bytes"), as the size errors and the app's download progress say it.
func SizeString(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d kB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
