package article

import (
	"fmt"
	"strings"

	"github.com/dramatis-app/dramatis/internal/words"
)

// MaxTextBytes caps the size of a page copy. A select-all copy of even a
// very long article is well under a megabyte; anything this big is not one.
const MaxTextBytes = 16 << 20

// CleanText turns text copied from a browser page (select all, copy) into
// an article: it drops menus, share buttons, captions, ads and related-link
// boxes, finds the title, kicker, teaser, byline and date, and keeps the
// body's paragraphs, headings and list items in order. name only labels
// errors. Errors wrap ErrNoText when nothing in the text reads as an article.
func CleanText(data []byte, name string) (*Article, error) {
	if len(data) > MaxTextBytes {
		return nil, fmt.Errorf("%s: %w (a page copy of %d MB; the limit is %d MB)", name, ErrTooLarge, len(data)>>20, MaxTextBytes>>20)
	}
	text, err := decodePageCopy(data, name)
	if err != nil {
		return nil, err
	}
	return cleanCopy(text, nil, name)
}

// cleanCopy cleans a decoded copy whose headline is one of headlines
// when the copy shows one of them (nil: the copy came as text alone).
func cleanCopy(text string, headlines []string, name string) (*Article, error) {
	art, ok := newMarkedPageCopy(text, headlines).article()
	if !ok {
		return nil, fmt.Errorf("%w in %s", ErrNoText, name)
	}
	art.Normalize()
	if len(art.Blocks) == 0 {
		return nil, fmt.Errorf("%w in %s", ErrNoText, name)
	}
	return art, nil
}

// copyLine is one non-blank line of a page copy and what the cleaner
// decided about it.
type copyLine struct {
	text  string
	para  bool // a blank line (or the start of the text) precedes it
	words int
	prose bool // reads like a sentence or paragraph of article text
	drop  bool // page furniture
	boxed bool // dropped only as a line of a box of links ("Themen"), not by its own text
	meta  bool // used as byline, date, kicker or teaser
	row   bool // a row of a table of figures (cells between tabs, one a number)
	cell  bool // in a table's cell that a line holding only a tab opened (a setting's values)
	kind  BlockType
	level int
	key   phraseKey // the text prepared for the phrase lists
}

// pageCopy is a page copy split into lines, with the phrase lists of its
// language.
type pageCopy struct {
	lines []copyLine
	lang  string
	bps   []*boilerplate // own language first, English as a fallback
	// holders are the names the copyright notices hold (nil until
	// copyrightHolders looks for them).
	holders []string
	// quoted are the parts of short lines a headline may be quoted as (nil
	// until quotedParts finds them).
	quoted map[string]bool
	// metaMemo remembers isMetaLine per line: 1 yes, -1 no, 0 not asked.
	metaMemo []int8
	// headlines are the texts the page marked as its headline in the
	// HTML flavour of the same copy (CleanPaste), lower-cased; nil
	// without one.
	headlines map[string]bool
}

func newPageCopy(text string) *pageCopy {
	return newMarkedPageCopy(text, nil)
}

// newMarkedPageCopy is newPageCopy of a copy whose HTML flavour marked
// headlines (see CleanPaste).
func newMarkedPageCopy(text string, headlines []string) *pageCopy {
	pc := &pageCopy{}
	pc.markHeadlines(headlines)
	// Buttons glued to lines are cut with every list: the language is
	// not known until the prose lines are.
	for _, lang := range boilerplateLangs() {
		pc.bps = append(pc.bps, boilerplateFor(lang))
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	// A line of the copy becomes about one copyLine (a blank one none, a
	// glued one two): sized once, the slice is not copied as it grows.
	pc.lines = make([]copyLine, 0, strings.Count(text, "\n")+1)
	para, inCell := true, false
	for raw := range strings.SplitSeq(text, "\n") {
		t := cleanLine(raw)
		if t == "" {
			// A browser copies a table's row with a tab between its
			// cells; a line holding only a tab opens a cell whose
			// content starts on the next line, up to a blank line.
			para, inCell = true, strings.IndexByte(raw, '\t') >= 0
			continue
		}
		t = pc.trimGluedPhrases(t)
		row := tableRow(raw)
		for i, part := range splitGluedSentences(t) {
			pc.lines = append(pc.lines, copyLine{text: part, para: para && i == 0, row: row, cell: inCell})
		}
		para = false
	}
	for i := range pc.lines {
		l := &pc.lines[i]
		l.words = countWords(l.text)
		l.prose = isProse(l.text, l.words)
	}
	pc.markCJKSentences()
	pc.lang = pc.detectLang(text)
	pc.bps = pc.bps[:0]
	pc.bps = append(pc.bps, boilerplateFor(pc.lang))
	if pc.lang != "en" {
		pc.bps = append(pc.bps, boilerplateFor("en"))
	}
	pc.markBoilerplate()
	pc.joinWrapped()
	return pc
}

// proseSample is how much prose the language guess reads: a few pages of
// article text decide it.
const proseSample = 12 << 10

// detectLang guesses the language from the prose lines, where the
// article's words are, rather than from menus; the whole text decides
// when the prose alone is too little.
func (pc *pageCopy) detectLang(text string) string {
	var b strings.Builder
	for _, l := range pc.lines {
		if l.prose {
			b.WriteString(l.text)
			b.WriteByte('\n')
			if b.Len() > proseSample {
				break
			}
		}
	}
	if lang := words.DetectLang(b.String()); lang != "" {
		return lang
	}
	return words.DetectLang(text)
}

// article builds the Article, or reports that there is none.
func (pc *pageCopy) article() (*Article, bool) {
	s, e, ok := pc.bodyRange()
	if !ok {
		if !pc.plainSnippet() {
			return nil, false
		}
		// A selection of article text without any page furniture (the
		// reader copied a passage, not the page) is taken as it is.
		s, e = 0, len(pc.lines)
	}
	art := &Article{Lang: pc.lang}
	title := pc.findTitle(s, e)
	if title < 0 {
		title = pc.fallbackTitle(s, e)
	}
	if title >= s {
		// The headline opens the body: what came before it in the body
		// (a caption, a promo) is not the article's.
		for k := s; k < title; k++ {
			pc.lines[k].drop = true
		}
		s = title + 1
	}
	if title >= 0 {
		art.Title = pc.lines[title].text
		pc.lines[title].meta = true
		pc.splitKicker(art, title)
	}
	s = pc.readHeader(art, title, s, e)
	if ok {
		pc.dropBoxText(s, e)
		pc.dropAuthorBio(art.Authors, s, e)
		pc.classifyBody(s, e)
	} else {
		for i := s; i < e; i++ {
			pc.lines[i].kind = Paragraph
		}
	}
	for i := s; i < e; i++ {
		l := &pc.lines[i]
		if l.drop || l.meta || l.kind == "" {
			continue
		}
		art.Blocks = append(art.Blocks, Block{Type: l.kind, Level: l.level, Text: l.text})
	}
	// The teaser between the headline and the byline is the article's
	// standfirst: it begins the text, as in a cleaned HTML page.
	art.Blocks = withStandfirst(art.Blocks, art.Description)
	return art, len(art.Blocks) > 0
}

// maxSnippetLines is the most lines a passage copied without any page
// furniture may have to be taken whole.
const maxSnippetLines = 40

// plainSnippet reports a short text with no furniture at all.
func (pc *pageCopy) plainSnippet() bool {
	if len(pc.lines) == 0 || len(pc.lines) > maxSnippetLines {
		return false
	}
	for _, l := range pc.lines {
		if l.drop {
			return false
		}
	}
	return true
}
