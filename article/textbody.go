package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tuning of the body search. Each kept line costs lineCost; prose lines
// earn one point per word. The run of lines with the highest sum is the
// body (the "body text extraction" idea: text wins, furniture costs).
// A run of at most shortRunLines short lines (or one standing alone)
// costs only briefCost a line: a heading, a caption, an aside; a list of
// up to maxAnnouncedList lines that the text announces with a colon costs
// nothing (ingredients, steps, the points a paragraph introduces).
const (
	lineCost         = 5
	droppedCost      = 1
	briefCost        = 2
	shortRunLines    = 3
	maxAnnouncedList = 20
)

// resumesAfterBox reports whether the article goes on right after the
// box that line i opens ("Mehr zum Thema" with two links, then more
// paragraphs): a marker that opens a box as well as the page's tail ends
// the body only when the text after its box is not the article's. The
// article resumes with consecutive paragraphs, a blank line between them
// (a heading may lead in); teasers of other articles come one short text
// each, between headlines, sources and buttons, or as a list without
// blank lines.
func (pc *pageCopy) resumesAfterBox(i, e int) bool {
	if !pc.isSection(pc.lines[i].key) {
		return false
	}
	ls := pc.lines
	k := i + 1
	for k < e && ls[k].drop {
		k++ // the box
	}
	for n := 0; k < e && !ls[k].prose && n < 2; n++ {
		k++ // a heading or two
	}
	kept := func(l *copyLine) bool { return l.prose && !l.drop }
	return k+1 < e && kept(&ls[k]) && kept(&ls[k+1]) && ls[k+1].para && ls[k].words+ls[k+1].words >= 2*minArticleWords
}

// announces reports whether line i is kept text that ends with a colon:
// it introduces the list after it. A listed label ("Lesen Sie auch:",
// "Tags:") introduces links, not text.
func (pc *pageCopy) announces(i int) bool {
	return i >= 0 && !pc.lines[i].drop && strings.HasSuffix(strings.TrimSpace(pc.lines[i].text), ":")
}

// minArticleWords is about the length of a paragraph of an article;
// teasers of other articles are shorter.
const minArticleWords = 25

// weights returns each line's contribution to the body search. Prose
// earns its words, except an author's bio under a name card that is also
// the page's byline (a short note that can outweigh a paywalled lead,
// after the article or beside it). Short lines cost little when they interrupt prose
// briefly (headings, captions, one-line asides) or follow a colon (a list
// the text announces), and cost fully in long runs (menus, link lists);
// lines without letters (chart labels, counters) are neutral.
func (pc *pageCopy) weights() []int {
	ls := pc.lines
	w := make([]int, len(ls))
	for i := 0; i < len(ls); {
		if ls[i].prose && !ls[i].drop {
			w[i] = ls[i].words - lineCost
			if pc.bioUnderName(i, -1) && pc.bylineCard(pc.nameCardAbove(i)) {
				w[i] = 0 // an author's note: neither the article's text nor chrome that parts it
			}
			i++
			continue
		}
		j, n := i, 0
		for j < len(ls) && !(ls[j].prose && !ls[j].drop) {
			if !ls[j].drop && hasLetter(ls[j].text) {
				n++
			}
			j++
		}
		intro := pc.announces(i - 1)
		for k := i; k < j; k++ {
			switch {
			case ls[k].drop:
				w[k] = -droppedCost
			case !hasLetter(ls[k].text):
				w[k] = 0
			case codeLike(ls[k].text):
				w[k] = -1
			case ls[k].isData() || ls[k].cell:
				w[k] = 0 // a field, an amount, a table's cell: the page's data, not its menu
			case intro && n <= maxAnnouncedList:
				w[k] = 0
			case n <= shortRunLines || pc.alone(k):
				w[k] = -briefCost
			default:
				w[k] = -lineCost
			}
		}
		i = j
	}
	return w
}

// cardsAfter is how many points of the body (at most half of it) must
// pass before teaser cards end it.
const cardsAfter = 150

// A teaser card's headline has at least cardHeadlineWords words (terms of
// a definition list and section names are shorter) and its text at most
// cardTextWords.
const (
	cardHeadlineWords = 4
	cardTextWords     = 32
)

// minCards is how many headline-and-teaser pairs in a row make a list of
// other articles rather than sections of this one.
const minCards = 4

// cutTeaserCards ends the body before a run of teaser cards in its later
// part: a headline followed by exactly one short text, again and again
// (related or latest articles). An article's sections have longer or more
// paragraphs under each heading. Cards after which the body goes on
// weighing at least islandShare of what came before are not the page's
// end but a run of captioned figures or a box inside the article.
func (pc *pageCopy) cutTeaserCards(s, e int, w []int) int {
	total := 0
	for i := s; i < e; i++ {
		total += w[i]
	}
	acc := 0
	for i := s; i < e; i++ {
		if acc > min(total/2, cardsAfter) && float64(total-acc) < islandShare*float64(acc) && pc.cardsAt(i, e) >= minCards {
			return i
		}
		if acc > min(total/2, cardsAfter) {
			if t := pc.teaserAt(i, s, e); t >= 0 {
				return t
			}
		}
		acc += w[i]
	}
	return e
}

// teaserAt returns where the teaser of another article starts when line i
// is a paragraph followed by a "read more" line of its own ("Read More",
// "Weiterlesen"): the paragraph and the headline right above it. It
// returns -1 otherwise.
func (pc *pageCopy) teaserAt(i, s, e int) int {
	ls := pc.lines
	if !ls[i].prose || ls[i].drop {
		return -1
	}
	n := i + 1
	if n >= e || !pc.isMoreLine(&ls[n]) || n+1 < len(ls) && !ls[n+1].para {
		return -1 // no link of its own: "Read more" heading a box of links
	}
	if h := i - 1; h > s && !ls[h].prose && !ls[h].drop && headingShaped(&ls[h]) {
		return h
	}
	return i
}

// isMoreLine reports a line that is only a "read more" link.
func (pc *pageCopy) isMoreLine(l *copyLine) bool {
	if l.key.fold == "" {
		return false
	}
	for _, bp := range pc.bps {
		for _, m := range bp.mores {
			if foldPhrase(m) == l.key.fold {
				return true
			}
		}
	}
	return false
}

// cardsAt counts the headline-and-teaser pairs that start at line i.
func (pc *pageCopy) cardsAt(i, e int) int {
	ls := pc.lines
	next := func(k int) int {
		for k < e && ls[k].drop {
			k++
		}
		return k
	}
	cards := 0
	for h := next(i); h < e; {
		if ls[h].prose || ls[h].words < cardHeadlineWords || !headingShaped(&ls[h]) {
			break
		}
		p := next(h + 1)
		if p >= e || !ls[p].prose || ls[p].words > cardTextWords {
			break
		}
		cards++
		h = next(p + 1)
	}
	return cards
}

// dateJustBefore reports a date in the two lines above i: a comment count
// under a byline ("December 2, 2016 / 11 Comments") is a link, not the
// start of the comments.
func (pc *pageCopy) dateJustBefore(i int) bool {
	for k := max(0, i-2); k < i; k++ {
		if _, ok := findTextDate(pc.lines[k].text, pc.lang); ok && !pc.lines[k].prose {
			return true
		}
	}
	return false
}

// A date line has at most dateLineWords words, and at most
// dateLineOtherWords besides the date and its words ("Updated", "Uhr").
const (
	dateLineWords      = 8
	dateLineOtherWords = 2
)

// isDateOnly reports a short line that holds a date and little else. A
// line that opens with a full stop or comma continues the line above (a
// link split it: a citation's ". Empire. Retrieved 2018-07-09."), and is
// not a date under a teaser.
func (pc *pageCopy) isDateOnly(i int) bool {
	l := &pc.lines[i]
	if l.words > dateLineWords || l.prose || strings.HasPrefix(l.text, ".") || strings.HasPrefix(l.text, ",") {
		return false // a line opening with a stop continues the one above: ". Empire. Retrieved 2018-07-09."
	}
	d, ok := findTextDate(l.text, pc.lang)
	return ok && countWords(trimMetaWords(l.text[:d.start]+" "+l.text[d.end:])) <= dateLineOtherWords
}

// alone reports a line with blank lines on both sides. A browser copy
// puts blank lines around paragraphs (<p>) but not between the items of a
// menu or list, so a short line standing alone is the page's text more
// likely than its navigation.
func (pc *pageCopy) alone(i int) bool {
	return pc.lines[i].para && (i+1 == len(pc.lines) || pc.lines[i+1].para)
}

// The body's end: a tail marker or a dated teaser ends it only after
// tailAfter points of it (at most half of it), so that a comment count by
// the byline does not; up to promoCuts short texts (under promoWords
// words) after furniture at its very end are promos.
const (
	tailAfter  = 60
	promoCuts  = 2
	promoWords = 15
)

// bodyRange finds the run of lines with the highest total weight (Kadane's
// maximum subarray) and returns it as [start, end), cut before the page's
// tail, teaser cards and closing promos.
func (pc *pageCopy) bodyRange() (int, int, bool) {
	pc.dropTickers()
	w := pc.weights()
	bestSum, bestS, bestE := 0, 0, 0
	sum, s := 0, 0
	for i := range pc.lines[:pc.commentsStart(w)] {
		if sum <= 0 {
			sum, s = 0, i
		}
		sum += w[i]
		if sum > bestSum {
			bestSum, bestS, bestE = sum, s, i+1
		}
	}
	if bestSum <= 0 {
		return 0, 0, false
	}
	bestS = pc.backToDatedHead(bestS, bestE, w)
	for k := 0; k < maxLeadingIslands; k++ {
		next := pc.skipLeadingIsland(bestS, bestE, w)
		if next == bestS {
			break
		}
		bestS = next
	}
	bestS = pc.skipToDatedHead(bestS, bestE, w)
	bestS = pc.skipPreamble(bestS, bestE, w)
	bestE = pc.cutAtTail(bestS, bestE, min(bestSum/2, tailAfter), w)
	bestE = pc.cutIslands(bestS, bestE, w)
	bestE = pc.cutTeaserCards(bestS, bestE, w)
	return bestS, pc.cutEndPromos(bestS, bestE), true
}

// cutAtTail ends the body [s, e) at a tail marker ("Comments") or before a
// dated teaser card, once more than half points of it have passed.
func (pc *pageCopy) cutAtTail(s, e, half int, w []int) int {
	acc := 0
	for i := s; i < e; i++ {
		if acc > half && pc.isEnd(pc.lines[i].key) && !pc.dateJustBefore(i) && !pc.resumesAfterBox(i, e) {
			return i
		}
		if acc > half && pc.opensComments(i) {
			return i
		}
		if acc > half && i > 0 && pc.lines[i-1].prose && pc.isDateOnly(i) {
			// A date under a short text late in the body dates a teaser
			// card of another article (related links): the body ended
			// before the card's headline.
			k := i - 1
			for k > s && pc.lines[k].prose {
				k--
			}
			if k > s && !pc.lines[k].prose {
				return k
			}
		}
		acc += w[i]
	}
	return e
}

// cutEndPromos drops what closes the body [s, e) but is not the
// article's: a short text after furniture at its very end (a promo: "Sign
// up for our newsletter" / "The best of …, every morning"), up to
// promoCuts of them; any number of short paragraphs at its very end that
// call the reader to act (sign up, subscribe, donate: the promo phrases);
// and an author's bio under a name card (bioUnderName).
func (pc *pageCopy) cutEndPromos(s, e int) int {
	ls := pc.lines
	for cut := 0; e-1 > s; {
		k := e - 1
		for k > s && ls[k].drop {
			k--
		}
		if k <= s {
			break
		}
		switch {
		case ls[k].words < promoParagraphWords && pc.callsToAct(&ls[k]):
		case cut < promoCuts && ls[k].words < promoWords && ls[k-1].drop:
			cut++
		case pc.bioUnderName(k, s):
			k = pc.nameCardAbove(k)
		default:
			return e
		}
		e = k
	}
	return e
}

// promoParagraphWords bounds a paragraph of a sign-up or donation box;
// a longer one that names a newsletter is the article's.
const promoParagraphWords = 2 * minArticleWords

// callsToAct reports a line holding one of the promo phrases.
func (pc *pageCopy) callsToAct(l *copyLine) bool {
	for _, bp := range pc.bps {
		if bp.callsToAct(l.key.lower) {
			return true
		}
	}
	return false
}

// Around an author's bio: the name card above it has at most
// nameCardWords words ("Jule Radeck 300 posts"), and it is at most
// bioWords long; the card may stand up to bioReach lines above.
const (
	nameCardWords = 5
	bioWords      = 80
	bioReach      = 2
)

// bioUnderName reports the body's last paragraph k as an author's bio
// under a name card: a short line above it (furniture between is free)
// holding a name that the paragraph opens with, the full name repeated
// ("Inga Buller" / "Inga Buller ist Head of …") or a first name then
// completed ("Celia" / "Celia Parbey ist …"). A heading that only shares
// the paragraph's first word ("Our Programs" / "Our work spans …") is not
// a name card.
func (pc *pageCopy) bioUnderName(k, s int) bool {
	ls := pc.lines
	n := pc.nameCardAbove(k)
	if n <= s || n == k || ls[k].words > bioWords || !ls[k].prose || ls[n].words > nameCardWords {
		return false
	}
	card0, card1 := twoWords(ls[n].text)
	bio0, bio1 := twoWords(ls[k].text)
	if card0 == "" || bio1 == "" || card0 != bio0 || !capitalised(card0) {
		return false
	}
	if card1 == "" {
		return capitalised(bio1)
	}
	return capitalised(card1) && card1 == bio1
}

// twoWords returns the first two words of s (split at white space), ""
// for a missing one; without building the list of all its words, as
// every paragraph asks.
func twoWords(s string) (string, string) {
	first, rest := nextWord(s)
	second, _ := nextWord(rest)
	return first, second
}

// nextWord returns the first word of s and what follows it.
func nextWord(s string) (string, string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	end := strings.IndexFunc(s, unicode.IsSpace)
	if end < 0 {
		return s, ""
	}
	return s[:end], s[end:]
}

// bylineCard reports a name card (line n) whose name the page also shows
// on another line, as its byline: the author's box repeats the author's
// name. A caption or a headline that a paragraph opens with ("Dee Dee
// Myers" / "Dee Dee Myers — a White House press secretary …") stands
// once.
func (pc *pageCopy) bylineCard(n int) bool {
	card := pc.lines[n].key.fold
	if card == "" {
		return false
	}
	for i := range pc.lines {
		if i != n && pc.lines[i].key.fold == card {
			return true
		}
	}
	return false
}

// nameCardAbove returns the nearest kept short line above k within
// bioReach lines (dropped lines between are free), or k.
func (pc *pageCopy) nameCardAbove(k int) int {
	ls := pc.lines
	for i, n := k-1, 0; i >= 0 && n < bioReach; i-- {
		if ls[i].drop {
			continue
		}
		if !ls[i].prose && !ls[i].meta {
			return i
		}
		n++
	}
	return k
}

// capitalised reports a word of two or more letters that starts with a
// capital: a name's shape.
func capitalised(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	r2, _ := utf8.DecodeRuneInString(w[size:])
	return unicode.IsUpper(r) && unicode.IsLetter(r2)
}

// The body's run may bridge the page's chrome to reach text beyond it:
// a gap of islandGapLines or more lines of furniture and link lists is
// more than an article sets between its own paragraphs (a heading, a
// picture and its caption, a share row take a few), and the page has
// moved on to its footer, a sign-up box, the site's self-description or
// an author's bio. What follows such a gap stays in the body only when it
// weighs at least islandShare of what came before: the rest of a long
// article after a gallery or an embedded box, not an island of text
// after the page's end.
const (
	islandGapLines = 8
	islandShare    = 0.5
)

// cutIslands ends the body [s, e) before the first gap of page chrome
// after which too little text follows (see islandGapLines).
func (pc *pageCopy) cutIslands(s, e int, w []int) int {
	ls := pc.lines
	kept := func(k int) bool { return ls[k].prose && !ls[k].drop }
	chrome := func(k int) bool { return ls[k].drop && ls[k].words > 0 || w[k] <= -lineCost }
	total := 0
	for k := s; k < e; k++ {
		total += w[k]
	}
	before := 0
	for i := s; i < e; {
		if kept(i) {
			before += w[i]
			i++
			continue
		}
		j, n, gap := i, 0, 0
		for ; j < e && !kept(j); j++ {
			if chrome(j) {
				n++
			}
			gap += w[j]
		}
		if after := total - before - gap; n >= islandGapLines && j < e && float64(after) < islandShare*float64(before) {
			return i
		}
		before += gap
		i = j
	}
	return e
}

// minTickerQuotes is how many signed changes in per cent, glued to their
// figures ("-0.24%", "+1,29%", "±0%"), make a line a stock ticker: a row
// of names, prices and changes that a copy reads as one long line of
// words. A market report's sentence names one or two changes, with words
// and spaces between them.
const minTickerQuotes = 5

// dropTickers drops the lines that are stock tickers (see
// minTickerQuotes): they are the page's header, not its text.
func (pc *pageCopy) dropTickers() {
	for i := range pc.lines {
		if l := &pc.lines[i]; !l.drop && tickerQuotes(l.text) >= minTickerQuotes {
			l.drop = true
		}
	}
}

// tickerQuotes counts the signed changes in per cent in s: a sign, digits
// with at most one decimal mark, and a per cent sign, without spaces.
func tickerQuotes(s string) int {
	n := 0
	for i, r := range s {
		if r != '+' && r != '-' && r != '−' && r != '±' {
			continue
		}
		j := i + utf8.RuneLen(r)
		digits, mark := 0, false
		for ; j < len(s); j++ {
			c := s[j]
			if c >= '0' && c <= '9' {
				digits++
			} else if (c == '.' || c == ',') && !mark && digits > 0 {
				mark = true
			} else {
				break
			}
		}
		if digits > 0 && j < len(s) && s[j] == '%' {
			n++
		}
	}
	return n
}

// What a page sets above an article's headline — an author's bio, the
// site's or blog's self-description, a teaser of another article — reads
// as prose and can open the body's run, which then starts above the
// headline. Such a preamble is at most maxPreambleParagraphs paragraphs
// (a bio or a teaser is short), ends within preambleReach lines of the
// body's start, and is parted from the headline, at most
// preambleGapLines lines below its last paragraph (a credit, a rubric, a
// date, a counter; a longer gap holds menus or a list), by page chrome (a
// dropped credit or copyright line, or a date): an article's lead runs
// into its first section heading without one. The headline has the
// length of one and does not come right under a dropped line (under a
// credit, a button or an ad label stand captions and the headings after
// an ad box); the text under it weighs at least preambleOutweigh times
// the preamble: the article is what follows. A trail of links
// ("home / Betrieb / IT / …") is no preamble.
const (
	maxPreambleParagraphs = 5
	preambleReach         = 12
	preambleGapLines      = 4
	preambleOutweigh      = 2
	// articleUnderReach is how many kept lines under the headline the
	// article's first paragraph may stand (a byline, a date, a rubric).
	articleUnderReach = 3
)

// skipPreamble returns where the body [s, e) starts after a preamble
// above a headline (see maxPreambleParagraphs), or s.
func (pc *pageCopy) skipPreamble(s, e int, w []int) int {
	ls := pc.lines
	prose, parted, last := 0, false, s
	for i := s; i < e && i-s <= preambleReach && i-last <= preambleGapLines; i++ {
		l := &ls[i]
		switch {
		case l.drop:
			parted = parted || prose > 0
		case l.prose:
			if parted || isBreadcrumb(l.text) {
				return s // text after the chrome, before any headline: the body's own
			}
			if prose++; prose > maxPreambleParagraphs {
				return s
			}
			last = i
		case pc.isDateOnly(i):
			parted = parted || prose > 0
		case parted && !ls[i-1].drop && l.words >= headlineLenMin && headingShaped(l) && pc.articleUnder(i, e) && sumWeights(w, i+1, e) >= preambleOutweigh*sumWeights(w, s, i):
			return i
		}
	}
	return s
}

// articleUnder reports a paragraph of an article (minArticleWords words
// or more) within articleUnderReach kept lines under line h.
func (pc *pageCopy) articleUnder(h, e int) bool {
	for k, n := h+1, 0; k < e && n < articleUnderReach; k++ {
		if l := &pc.lines[k]; !l.drop {
			if l.prose {
				return l.words >= minArticleWords
			}
			n++
		}
	}
	return false
}

// sumWeights is the total of w over [s, e).
func sumWeights(w []int, s, e int) int {
	t := 0
	for _, x := range w[s:e] {
		t += x
	}
	return t
}

// commentsStart returns where the page's comments open (opensComments)
// or a marker closes the post (closesPost) after a text of at least a
// paragraph's weight, or the copy's end: a long discussion under a short
// recipe or post, or the ads and teasers of the sidebar after its comment
// form, outweigh it, but are never its body.
func (pc *pageCopy) commentsStart(w []int) int {
	acc := 0
	for i := range pc.lines {
		if acc >= minArticleWords && (pc.opensComments(i) || pc.closesPost(i)) {
			return i
		}
		acc += max(w[i], 0)
	}
	return len(pc.lines)
}

// closesPost reports a tail marker of two or more words that is not a
// box inside the article ("Leave a Reply", "Post navigation", "Ähnliche
// Beiträge"): it heads what follows the post — the comment form, links
// to other posts, the sidebar. A one-word marker ("Comments",
// "Impressum") is as often a link of the header's menu or a count by the
// byline, and the article goes on after a box of related links ("Mehr
// zum Thema").
func (pc *pageCopy) closesPost(i int) bool {
	l := &pc.lines[i]
	return l.words >= 2 && pc.isEnd(l.key) && !pc.isSection(l.key) && !pc.dateJustBefore(i)
}

// A run may also open with an island of text before the page's chrome:
// a promo's long teaser in a menu, with the menu's links (a block
// without blank lines, at most half of its lines set apart) between it
// and the article. At most maxIslandParagraphs paragraphs before a gap of
// islandGapLines or more lines of chrome are such an island when the
// text after the gap weighs leadIslandOutweigh times as much.
// A mega-menu may hold up to maxLeadingIslands promos, one after another.
const (
	maxIslandParagraphs = 2
	leadIslandOutweigh  = 4
	maxLeadingIslands   = 12
)

// skipLeadingIsland returns where the body [s, e) starts after an island
// of text before the page's chrome (see maxIslandParagraphs), or s.
func (pc *pageCopy) skipLeadingIsland(s, e int, w []int) int {
	ls := pc.lines
	kept := func(k int) bool { return ls[k].prose && !ls[k].drop }
	chrome := func(k int) bool { return ls[k].drop && ls[k].words > 0 || w[k] <= -lineCost }
	before, paragraphs := 0, 0
	for i := s; i < e; {
		if kept(i) {
			if paragraphs++; paragraphs > maxIslandParagraphs {
				return s
			}
			before += w[i]
			i++
			continue
		}
		j, n, alone := i, 0, 0
		for ; j < e && !kept(j); j++ {
			if chrome(j) {
				n++
			}
			alone += b2i(ls[j].para)
		}
		// A menu's links run on without blank lines; a box of the
		// article (a review's score, a gallery) sets its items apart.
		if n >= islandGapLines && j < e && 2*alone <= j-i {
			if sumWeights(w, j, e) >= leadIslandOutweigh*before {
				return j
			}
			return s
		}
		i = j
	}
	return s
}

// skipToDatedHead returns where the body [s, e) starts when its first
// text ends at a long gap of page chrome (islandGapLines or more lines:
// menus, a cart, the header repeated) and an article's head closes the
// gap — a headline, then a date within articleUnderReach kept lines
// above the first paragraph — with text under it that weighs at least
// preambleOutweigh times the text before the gap: that text is the
// site's or shop's self-description, the dated item under it the
// article. It returns s otherwise. A table of contents after an
// article's intro ends in a section heading, without a date.
func (pc *pageCopy) skipToDatedHead(s, e int, w []int) int {
	ls := pc.lines
	kept := func(k int) bool { return ls[k].prose && !ls[k].drop }
	chrome := func(k int) bool { return ls[k].drop && ls[k].words > 0 || w[k] <= -lineCost }
	i := s
	for i < e && kept(i) {
		i++
	}
	j, n := i, 0
	for ; j < e && !kept(j); j++ {
		if chrome(j) {
			n++
		}
	}
	if i == s || n < islandGapLines || j >= e {
		return s
	}
	h := pc.datedHead(i, j)
	if h < 0 || sumWeights(w, j, e) < preambleOutweigh*sumWeights(w, s, i) {
		return s
	}
	return h
}

// datedHead returns the headline of an article's head that ends the
// lines [i, j): a date on one of the articleUnderReach kept lines above
// j, or on a dropped line among them (the phrase lists drop a dateline
// that opens with "Published" or "Veröffentlicht am", but it dates the
// head all the same), and a headline-shaped line of a headline's length
// on one of the articleUnderReach kept lines above the date; or -1.
func (pc *pageCopy) datedHead(i, j int) int {
	ls := pc.lines
	date := -1
	for k, n := j-1, 0; k >= i && n < articleUnderReach && date < 0; k-- {
		if _, ok := findTextDate(ls[k].text, pc.lang); ok {
			date = k
		}
		if !ls[k].drop {
			n++
		}
	}
	for k, n := date-1, 0; date >= 0 && k >= i && n < articleUnderReach; k-- {
		if ls[k].drop {
			continue
		}
		if ls[k].words >= headlineLenMin && headingShaped(&ls[k]) {
			return k
		}
		n++
	}
	return -1
}

// An article that embeds a player or a gallery (its controls and
// settings a line each) is split in two by it, and the part after can
// outweigh the part under the headline. backToDatedHead returns where the
// body [s, e) starts when the text right before the gap above s (only
// chrome between, no paragraph) opens under an article's head (datedHead)
// and weighs at least islandShare of the body: the headline's line.
// Otherwise it returns s. The same share keeps text after a gap in the
// body (cutIslands).
func (pc *pageCopy) backToDatedHead(s, e int, w []int) int {
	ls := pc.lines
	kept := func(k int) bool { return ls[k].prose && !ls[k].drop }
	k := s - 1
	for k >= 0 && !kept(k) {
		k--
	}
	if k < 0 {
		return s
	}
	// The text before the gap: paragraphs, with at most shortRunLines
	// other lines between them (headings, captions).
	p := k
	for i, other := k-1, 0; i >= 0 && other <= shortRunLines; i-- {
		if kept(i) {
			p, other = i, 0
		} else {
			other++
		}
	}
	h := pc.datedHead(max(0, p-datedHeadReach), p)
	if h < 0 || float64(sumWeights(w, p, k+1)) < islandShare*float64(sumWeights(w, s, e)) {
		return s
	}
	return h
}

// datedHeadReach is how many lines above an article's first paragraph
// its head (headline, byline, date, share buttons) may stand.
const datedHeadReach = 12
