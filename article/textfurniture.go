package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markBoilerplate drops lines matched by the phrase lists, photo captions
// with credits, and lines without words.
func (pc *pageCopy) markBoilerplate() {
	ls := pc.lines
	for i := range ls {
		ls[i].key = newPhraseKey(ls[i].text)
	}
	for i := 0; i < len(ls); i++ {
		l := &ls[i]
		if l.words == 0 {
			l.drop = true
			continue
		}
		if pc.isSection(l.key) {
			l.drop = true
			// The box holds short lines up to a blank line or prose.
			for j := i + 1; j < len(ls) && !ls[j].para && !ls[j].prose; j++ {
				ls[j].drop = true
				ls[j].boxed = !pc.isFurniture(&ls[j])
				i = j
			}
			continue
		}
		l.drop = pc.isFurniture(l)
		if !l.drop && isSlideCounter(l.text) {
			// A slide of a picture gallery: its counter line, its
			// caption and the credit under it are not article text.
			// The slide runs to its caption's sentence, over a few
			// lines of its own (furniture between them is free); a
			// paragraph after a blank line, once the slide has a line,
			// is the article again.
			l.drop = true
			own := 0
			for j := i + 1; j < len(ls) && own < maxSlideLines; j++ {
				if isSlideCounter(ls[j].text) || own > 0 && ls[j].para && ls[j].prose {
					break
				}
				if ls[j].words > 0 && !pc.isFurniture(&ls[j]) {
					own++
				}
				ls[j].drop = true
				i = j
				if ls[j].prose {
					break
				}
			}
		}
	}
	pc.dropCaptions()
	pc.dropTruncatedTeasers()
	pc.markAmountLists()
	pc.dropTagline()
}

// A site's logo stands in the copy's first taglineLogoLines lines; its
// tagline, right under it, has at most taglineWords words.
const (
	taglineLogoLines = 3
	taglineWords     = 8
)

// dropTagline drops the tagline under a site's logo written as its host
// name at the top of the page ("strafprozess.ch" / "Aktuelles zum
// Straf- und Strafprozessrecht"): a short line right under it, without a
// blank line between, is the site's motto, not the article's headline.
func (pc *pageCopy) dropTagline() {
	ls := pc.lines
	for i := 0; i+1 < len(ls) && i < taglineLogoLines; i++ {
		if ls[i].drop || !isDomain(ls[i].text) {
			continue
		}
		if t := &ls[i+1]; !t.para && !t.drop && !t.prose && t.words <= taglineWords {
			t.drop = true
		}
		return
	}
}

// minAmountRun is how many lines starting with an amount in a row make a
// list of them (a recipe's ingredients, a product's figures).
const minAmountRun = 3

// amountLine reports a short line that starts with an amount and is no
// date ("5. Dez 2018" starts with a number too).
func (pc *pageCopy) amountLine(i int) bool {
	l := &pc.lines[i]
	if l.prose {
		return false
	}
	t := l.text
	if r, size := utf8.DecodeRuneInString(t); strings.ContainsRune(fractions, r) {
		t = "1" + t[size:]
	}
	if !quantityLine(t) {
		return false
	}
	_, dated := findTextDate(l.text, pc.lang)
	return !dated
}

// markAmountLists marks the lines of a list of amounts ("250 Gramm Mehl",
// "4 Eier", "1 Teelöffel Backpulver") as rows of data, as a table's rows
// are: the page's data, never its headline. A single line may start with
// a number ("10 Dinge, die …"); a run of them is a list.
func (pc *pageCopy) markAmountLists() {
	ls := pc.lines
	for i := 0; i < len(ls); {
		j := i
		for j < len(ls) && pc.amountLine(j) {
			j++
		}
		if j-i >= minAmountRun {
			for k := i; k < j; k++ {
				ls[k].row = true
			}
		}
		i = max(j, i+1)
	}
}

// truncatedReach is how many lines apart the cut-off headlines of a list
// of teasers stand: a headline, maybe a teaser text and a date, the next.
const truncatedReach = 3

// dropTruncatedTeasers drops the lines cut short with an ellipsis that
// come with another such line within truncatedReach lines: a list of
// other articles' headlines or teasers, which a page truncates to fit
// its boxes, to a headline or a teaser's text (at most cardTextWords
// words; a longer line is the article's, and no list runs over it). A
// sentence of the article may trail off ("and waited…"), but not two in
// a few lines. The same line twice is one headline the page shows twice
// (in its breadcrumb and as its heading: "Alles Neue mach der Mai…").
func (pc *pageCopy) dropTruncatedTeasers() {
	ls := pc.lines
	last := -truncatedReach - 1 // the last truncated line seen
	for i := range ls {
		if ls[i].words > cardTextWords {
			last = -truncatedReach - 1 // a paragraph of the article: no list runs over it
			continue
		}
		if !truncated(ls[i].text) {
			continue
		}
		if i-last <= truncatedReach && ls[i].text == ls[last].text {
			continue // one headline shown twice (a breadcrumb's tail and the heading), not a list
		}
		if i-last <= truncatedReach {
			ls[i].drop = true
			ls[last].drop = true
		}
		last = i
	}
}

// boxReach is how far (in lines) a widget's furniture may stand from a
// line it encloses.
const boxReach = 2

// dropBoxText drops the short text inside a widget set into the body
// [s, e) (a newsletter sign-up, a paywall or app promotion): a line of
// prose with furniture both above and below it within the same block of
// the copy (no blank line between), and the heading right above such a
// line. The article's own paragraphs are set off by blank lines and do not
// sit between buttons; paragraph-long lines are kept, as a paragraph
// between two ad labels is still text. Only the body is searched: in the
// page header the title sits between menus and buttons.
func (pc *pageCopy) dropBoxText(s, e int) {
	ls := pc.lines
	dropped := func(k int) bool { return ls[k].drop && !ls[k].meta && ls[k].words > 0 }
	candidate := func(l *copyLine) bool {
		return !l.drop && !l.meta && !l.para && l.words < minArticleWords && !codeLike(l.text)
	}
	above := func(i int) bool {
		for k := i - 1; k >= max(s, i-boxReach); k-- {
			if dropped(k) {
				return true
			}
			if ls[k].para {
				break
			}
		}
		return false
	}
	boxed := make([]bool, e-s)
	for i := s + 1; i < e-1; i++ {
		if l := &ls[i]; !candidate(l) || !l.prose || !above(i) {
			continue
		}
		for k := i + 1; k <= min(e-1, i+boxReach) && !ls[k].para; k++ {
			if dropped(k) {
				boxed[i-s] = true
				break
			}
		}
	}
	for i := s + 1; i < e-1; i++ {
		if boxed[i-s] {
			ls[i].drop = true
			if h := &ls[i-1]; candidate(h) && !h.prose && i-1 > s && above(i-1) {
				h.drop = true
			}
		}
	}
}

// dropAuthorBio drops the note about the author that closes many pages
// ("Maria Santos covers politics in the Philippines."): the body's last
// kept line, after furniture, opening with the name of one of the authors
// the byline named.
func (pc *pageCopy) dropAuthorBio(authors []string, s, e int) {
	k := e - 1
	for k > s && (pc.lines[k].drop || pc.lines[k].meta) {
		k--
	}
	if k <= s || !pc.lines[k-1].drop || pc.lines[k].words >= 2*minArticleWords {
		return
	}
	for _, a := range authors {
		if strings.Contains(a, " ") && strings.HasPrefix(pc.lines[k].text, a+" ") {
			pc.lines[k].drop = true
			return
		}
	}
}

// maxSlideLines bounds the lines of a gallery slide other than listed
// furniture: title, caption, credit, the viewer's buttons.
const maxSlideLines = 6

// isSlideCounter reports the "3/50 Title" or "3 of 50" line that opens a
// slide of a picture gallery.
func isSlideCounter(t string) bool {
	// A noun may name the slide ("Item 1 of 2", "Bild 3 von 12").
	if sp := strings.IndexByte(t, ' '); sp >= 3 && sp <= 6 && sp+1 < len(t) && t[sp+1] >= '0' && t[sp+1] <= '9' && t[0] >= 'A' && t[0] <= 'Z' {
		t = t[sp+1:]
	}
	n := 0
	for n < len(t) && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n == 0 || n > 3 {
		return false
	}
	rest := t[n:]
	switch {
	case strings.HasPrefix(rest, "/"):
		rest = rest[1:]
	case strings.HasPrefix(rest, " of "):
		rest = rest[4:]
	case strings.HasPrefix(rest, " von "):
		rest = rest[5:]
	default:
		return false
	}
	m := 0
	for m < len(rest) && rest[m] >= '0' && rest[m] <= '9' {
		m++
	}
	return m > 0 && m <= 3 && (m == len(rest) || rest[m] == ' ')
}

// startsWithClock reports a line that opens with a time of day ("14:44
// Accusations …"): an entry of a news ticker beside the article.
func startsWithClock(t string) bool {
	if len(t) < 5 {
		return false
	}
	i := 0
	for i < 2 && i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i+3 > len(t) || t[i] != ':' || t[i+1] < '0' || t[i+1] > '5' || t[i+2] < '0' || t[i+2] > '9' {
		return false
	}
	return i+3 == len(t) || t[i+3] == ' '
}

func (pc *pageCopy) isSection(k phraseKey) bool {
	for _, bp := range pc.bps {
		if bp.sections[k.fold] {
			return true
		}
	}
	return false
}

func (pc *pageCopy) isEnd(k phraseKey) bool {
	for _, bp := range pc.bps {
		if bp.ends[k.fold] {
			return true
		}
	}
	return false
}

// commentDateReach is how many lines under a commenter's name the
// comment's date stands (the name, then "July 11, 2011 at 12:25 pm").
const commentDateReach = 2

// opensComments reports a line that opens the page's comments: a thread
// heading ("11 responses to “…”"), or a commenter's name line ("Art
// Edwards says:") with a date under it. An article quotes people with
// "says" too, but in a sentence, not on a short line over a date.
func (pc *pageCopy) opensComments(i int) bool {
	l := &pc.lines[i]
	if l.prose && l.words > maxHeadingWords {
		return false
	}
	for _, bp := range pc.bps {
		if bp.isThreadHeading(l.key.lower) {
			return true
		}
		if bp.isCommenter(l.key.lower, l.words) {
			for k := i + 1; k < len(pc.lines) && k <= i+commentDateReach; k++ {
				if pc.isDateOnly(k) {
					return true
				}
			}
		}
	}
	return false
}

func (pc *pageCopy) isKicker(t string) bool {
	for _, bp := range pc.bps {
		if bp.IsKicker(t) {
			return true
		}
	}
	return false
}

// minDisclosureWords is the shortest disclosure in a copy: a shorter line
// that names one ("Advertiser Disclosure") is a link or a label, which the
// phrase lists judge.
const minDisclosureWords = 6

// maxCaptionCreditWords bounds a photo caption glued to its credit; a
// longer line that names a credit is a paragraph.
const maxCaptionCreditWords = 80

// isFurniture applies the phrase lists and the generic shapes of page
// furniture to one line.
func (pc *pageCopy) isFurniture(l *copyLine) bool {
	t, k := l.text, l.key
	for _, bp := range pc.bps {
		if bp.lines[k.fold] || bp.hasPrefix(k) || bp.containsIn(k, l.words) || bp.isTeaser(k) {
			return true
		}
		if l.words < maxCaptionCreditWords && bp.creditAt(k.lower) >= 0 {
			return true // a photo caption with its credit
		}
		if l.words < maxCaptionCreditWords && endsWithCopyrightCredit(t) {
			return true // a caption with its credit, not set off by a sentence end
		}
		if l.words >= minDisclosureWords && bp.isDisclosureLower(k.lower, l.words) {
			return true // a note about the article: affiliate links, sponsors
		}
	}
	return isURLLine(t) || isMarkupLine(t) || startsWithClock(t) && !l.prose || isBracketCredit(t) && hasLetter(t) || isServerError(t) || pc.bracketDated(t) || isSlashCreditLine(t)
}

// isServerError reports a server's error message copied with the page:
// an error level, then a path of the server or the line of its script
// ("Warning: mysql_connect(): … in /www/htdocs/… on line 299";
// linewords.txt servererror).
func isServerError(t string) bool {
	for _, lv := range lineWordsList().serverErrors {
		if strings.HasPrefix(t, lv) {
			return strings.Contains(t, " on line ") || strings.Contains(t, " in /")
		}
	}
	return false
}

// maxBracketDateChars bounds the bracket that opens an item of a ticker.
const maxBracketDateChars = 30

// bracketDated reports a line that opens with a date in brackets ("[ 26.
// Februar 2020 ] Am Windows Server …"): an item of a box of the latest
// articles, which a headline does not open with.
func (pc *pageCopy) bracketDated(t string) bool {
	if !strings.HasPrefix(t, "[") {
		return false
	}
	end := strings.IndexByte(t, ']')
	if end < 0 || end > maxBracketDateChars {
		return false
	}
	d, ok := findTextDate(t[1:end], pc.lang)
	return ok && countWords(t[1:end]) <= dateLineWords && d.end > d.start
}

// truncated reports a line that a page cut short with an ellipsis right
// after a letter or digit ("23 choses que toutes les filles des années
// 2000…"): the headline of another article in a list of teasers, which a
// page truncates to fit its boxes. A heading of the article is not cut
// off, and a sentence that trails off ("… waited…") is prose.
func truncated(t string) bool {
	rest, ok := strings.CutSuffix(t, "…")
	if !ok {
		if rest, ok = strings.CutSuffix(t, "..."); !ok || strings.HasSuffix(rest, ".") {
			return false
		}
	}
	r, _ := utf8.DecodeLastRuneInString(rest)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isMarkupLine reports HTML source in the copy: with JavaScript off a
// browser copies the contents of <noscript> (tracking pixels, ad tags) as
// text.
func isMarkupLine(t string) bool {
	if !strings.HasPrefix(t, "<") {
		return false
	}
	end := strings.IndexByte(t, '>')
	if end < 0 {
		return len(t) > 3 && (t[1] == '/' || t[1] >= 'a' && t[1] <= 'z')
	}
	tag := t[1:end]
	return tag != "" && (tag[0] == '/' || tag[0] >= 'a' && tag[0] <= 'z' || tag[0] == '!')
}

// isURLLine reports a line that is a bare web address (permalinks, short
// links).
func isURLLine(t string) bool {
	return !strings.Contains(t, " ") && (strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "www."))
}
