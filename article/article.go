// Package article holds the cleaned-article model and the cleaners that
// produce it from HTML pages, URLs and text copied from a browser.
//
// An Article's canonical text is the NFC-normalised texts of its blocks joined
// by "\n\n". Every position elsewhere in Dramatis (highlights, selections,
// search hits, exports) is a Unicode code point offset into that text,
// half-open [start, end), as in the W3C TextPositionSelector.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// CleanerVersion identifies the rules that produced an article's text. Bump it
// whenever a change to the cleaners can change the canonical text of a page,
// so that stored articles know they may need re-anchoring.
const CleanerVersion = "4"

// BlockType says what role a block plays in the article body.
type BlockType string

// The block types a cleaner may emit.
const (
	Heading      BlockType = "heading"
	Paragraph    BlockType = "paragraph"
	Quote        BlockType = "quote"
	ListItem     BlockType = "listitem"
	Caption      BlockType = "caption"
	Preformatted BlockType = "pre"
)

// Block is one unit of the article body. Level is the heading level (1–6) for
// headings, the nesting depth for list items, and 0 otherwise.
type Block struct {
	Type  BlockType `json:"type"`
	Level int       `json:"level,omitempty"`
	Text  string    `json:"text"`
}

// Article is a cleaned news article: metadata plus its body as blocks.
type Article struct {
	Title       string    `json:"title"`
	Kicker      string    `json:"kicker,omitempty"`
	Description string    `json:"description,omitempty"`
	Authors     []string  `json:"authors,omitempty"`
	Published   time.Time `json:"published,omitzero"`
	Site        string    `json:"site,omitempty"`
	URL         string    `json:"url,omitempty"`
	Lang        string    `json:"lang,omitempty"`
	Blocks      []Block   `json:"blocks"`
	// Cleaner is the CleanerVersion that produced Blocks.
	Cleaner string `json:"cleaner,omitempty"`
	// Corrected are the reader's corrections of the metadata above
	// (which already shows them), for an article read from the library;
	// a cleaner never sets them.
	Corrected *Corrections `json:"corrected,omitempty"`
}

// Separator joins block texts in the canonical text; storage keeps texts
// in this joined form, so it is part of the model, not a detail of cleaning.
const Separator = "\n\n"

// separatorLen is the length of Separator in code points.
const separatorLen = 2

// Text returns the canonical text: block texts joined by Separator. Blocks
// are expected to be normalised already (see Normalize).
func (a *Article) Text() string {
	var b strings.Builder
	n := 0
	for _, bl := range a.Blocks {
		n += len(bl.Text) + len(Separator)
	}
	b.Grow(n)
	for i, bl := range a.Blocks {
		if i > 0 {
			b.WriteString(Separator)
		}
		b.WriteString(bl.Text)
	}
	return b.String()
}

// BlockStarts returns the code point offset at which each block starts in
// the canonical text.
func (a *Article) BlockStarts() []int {
	starts := make([]int, len(a.Blocks))
	off := 0
	for i, bl := range a.Blocks {
		starts[i] = off
		off += utf8.RuneCountInString(bl.Text) + separatorLen
	}
	return starts
}

// TextHash is a stable fingerprint of the canonical text, stored with the
// article so that a changed text (and the need to re-anchor) is detectable.
func (a *Article) TextHash() string {
	sum := sha256.Sum256([]byte(a.Text()))
	return hex.EncodeToString(sum[:16])
}

// Normalize makes the article canonical: every text is valid UTF-8 and NFC,
// free of control characters, with whitespace collapsed to single spaces
// (except inside preformatted blocks, which keep their line breaks), and empty
// blocks are dropped. Cleaners call it last; it is idempotent.
func (a *Article) Normalize() {
	a.Title = truncateText(CleanInline(a.Title), maxTitleRunes)
	a.Kicker = truncateText(CleanInline(a.Kicker), maxMetaRunes)
	a.Description = truncateText(CleanInline(a.Description), maxDescriptionRunes)
	a.Site = truncateText(CleanInline(a.Site), maxMetaRunes)
	authors := a.Authors[:0]
	seen := map[string]bool{}
	for _, au := range a.Authors {
		au = truncateText(CleanInline(au), maxMetaRunes)
		if au != "" && !seen[strings.ToLower(au)] {
			seen[strings.ToLower(au)] = true
			authors = append(authors, au)
		}
	}
	a.Authors = authors
	blocks := a.Blocks[:0]
	for _, bl := range a.Blocks {
		if bl.Type == Preformatted {
			bl.Text = cleanPre(bl.Text)
		} else {
			bl.Text = CleanInline(bl.Text)
		}
		if bl.Text != "" {
			blocks = append(blocks, bl)
		}
	}
	a.Blocks = blocks
	if a.Cleaner == "" {
		a.Cleaner = CleanerVersion
	}
}

// CleanInline returns s as valid NFC UTF-8 on one line: invalid bytes become
// U+FFFD, control and zero-width formatting characters are removed, and runs
// of whitespace (including non-breaking spaces) become one space.
func CleanInline(s string) string {
	if isCleanInline(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2007':
			space = true
			continue
		case r == '\u200c' || r == '\u200d':
			if !keepJoiner(s, i, r, space || b.Len() == 0) {
				continue
			}
		case r == '\u00ad' || r == '\u200b' || r == '\u2060' || r == '\ufeff':
			// Soft hyphens and zero-width spaces only guide rendering;
			// keeping them would make identical words differ.
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// keepJoiner decides whether the ZERO WIDTH JOINER or NON-JOINER j at
// byte i of s is kept. Between two characters of scripts that use them
// (Persian and Arabic, Indic scripts) and inside emoji sequences (a family,
// a rainbow flag) they are part of the text: without them words are
// misspelt and emoji fall apart. Next to a space, at either end, or beside
// Latin letters and ASCII they only steer ligatures, and keeping them would
// make identical words differ. afterSpace says the character before is a
// space or nothing.
func keepJoiner(s string, i int, j rune, afterSpace bool) bool {
	if afterSpace {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(j):])
	return joinable(prev) && (joinable(next) || next == '\u200c' || next == '\u200d')
}

// joinable reports whether a joiner beside r can matter: r is not a space,
// a control, ASCII or a Latin letter.
func joinable(r rune) bool {
	return r >= utf8.RuneSelf && r != utf8.RuneError && !unicode.IsSpace(r) && !unicode.IsControl(r) &&
		!unicode.Is(unicode.Latin, r) && r != '\u00a0' && r != '\u202f' && r != '\u2007'
}

// isCleanInline reports whether CleanInline would return s unchanged: no
// space at either end or twice in a row, no other whitespace, control,
// zero-width or soft-hyphen characters, valid UTF-8 (U+FFFD itself takes
// the slow path), and NFC. Most text is; checking is cheaper than
// rebuilding it.
func isCleanInline(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	ascii := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f || c == ' ' && s[i+1] == ' ' {
				return false
			}
			i++
			continue
		}
		ascii = false
		r, n := utf8.DecodeRuneInString(s[i:])
		// C1 controls, Unicode spaces (no-break ones included), soft
		// hyphen, zero-width characters, invalid bytes; joiners that
		// CleanInline would drop.
		if r == utf8.RuneError || r <= 0x9f || unicode.IsSpace(r) || r == '\u00ad' ||
			r == '\u200b' || r == '\u2060' || r == '\ufeff' ||
			(r == '\u200c' || r == '\u200d') && !keepJoiner(s, i, r, i == 0) {
			return false
		}
		i += n
	}
	return ascii || norm.NFC.IsNormalString(s)
}

// cleanPre keeps line structure but trims trailing spaces, drops control
// characters other than newline and tab, and never yields a blank line pair
// that could be confused with the block Separator.
func cleanPre(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, ln := range lines {
		ln = strings.Map(func(r rune) rune {
			if r == '\t' {
				return r
			}
			if unicode.IsControl(r) || r == '\ufeff' {
				return -1
			}
			return r
		}, ln)
		ln = strings.TrimRight(ln, " \t\u00a0")
		if ln == "" {
			continue
		}
		out = append(out, ln)
	}
	return norm.NFC.String(strings.Join(out, "\n"))
}

// ErrNoText is wrapped by cleaners when a page holds no article text; the
// message names the source: "no article text found in page.html".
var ErrNoText = errors.New("no article text found")
