package article

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The headline is searched from titleLookup lines above the body to its
// first titleBodyLines kept lines (a headline written as a sentence, "Diese
// Ymers! Zwei Überraschungen an einem Tag!", reads as prose and opens the
// body). The body's first vocabularyWords content words are what a headline
// is compared with.
const (
	titleLookup     = 150
	titleBodyLines  = 10
	vocabularyWords = 1500
)

// maxProseAboveTitle: a headline inside the body stands under at most
// this many lines of prose (a caption, a promo); under more, it heads an
// entry of the text (a live blog's), not the text.
const maxProseAboveTitle = 2

// leadWords: a prose line this long that ends a sentence inside the body
// is its lead, and the headline is searched no further down.
const leadWords = 25

// metaReach is how many kept lines from a headline its byline or date may
// stand.
const metaReach = 3

// A headline of headlineLenMin to headlineLenMax words has the length of
// one: menu items are shorter, captions and teasers longer.
const (
	headlineLenMin = 4
	headlineLenMax = 20
)

// titleCandidate is a line that may be the headline, with its signs.
type titleCandidate struct {
	line int
	f    titleFeatures
}

// findTitle returns the line that is the article's headline, or -1: of
// the headline-shaped lines from above the body [s, e) to its first lines,
// the one the fitted model (titleweights.txt) scores highest, when it
// scores above zero (the score of "no headline in this copy").
func (pc *pageCopy) findTitle(s, e int) int {
	w := titleWeightsList()
	best, bestScore := -1, 0.0
	// A line the page itself marked as a headline (an <h1> in the HTML
	// flavour of the copy) beats any unmarked one; among several marked
	// ones (a site's name set as <h1> too) the model decides.
	marked := pc.headlineLines()
	markedBest, markedScore := -1, 0.0
	for _, c := range pc.titleCandidates(s, e) {
		sc := w.score(&c.f)
		if sc > bestScore {
			best, bestScore = c.line, sc
		}
		if marked[c.line] && (markedBest < 0 || sc > markedScore) {
			markedBest, markedScore = c.line, sc
		}
	}
	if markedBest >= 0 {
		return markedBest
	}
	return best
}

// titleCandidates returns every headline-shaped line from titleLookup
// lines above the body [s, e) to its first titleBodyLines kept lines, with
// its signs.
func (pc *pageCopy) titleCandidates(s, e int) []titleCandidate {
	vocab, leadAbove := pc.bodyVocabulary(s, e), pc.leadStems(s)
	hi, kept, prose := s, 0, 0
	for hi < e && kept < titleBodyLines && prose <= maxProseAboveTitle {
		l := &pc.lines[hi]
		if l.prose && !l.drop && l.words >= leadWords && endsSentence(l.text) {
			break // the body's lead: a headline below it would cost the text its start
		}
		if !l.drop {
			kept++
			prose += b2i(l.prose)
		}
		hi++
	}
	// A headline inside the body leaves text under it: the last prose
	// line is the body's, never its title.
	lastProse := s
	for k := s; k < e; k++ {
		if l := &pc.lines[k]; l.prose && !l.drop {
			lastProse = k
		}
	}
	hi = min(hi, lastProse)
	var out []titleCandidate
	from := max(0, s-titleLookup)
	for i := 1; i < from; i++ {
		// Farther up, only a line under the breadcrumb trail that ends
		// with it: the page's own header.
		if pc.crumbTail(i) {
			if f, ok := pc.titleSigns(i, s, vocab, leadAbove); ok {
				out = append(out, titleCandidate{i, f})
			}
		}
	}
	skipped := 0
	for i := from; i < hi; i++ {
		f, ok := pc.titleSigns(i, s, vocab, leadAbove)
		if i >= s {
			f[tfSkippedProse] = float64(skipped)
			if l := &pc.lines[i]; l.prose && !l.drop {
				skipped++
			}
		}
		if ok {
			out = append(out, titleCandidate{i, f})
		}
	}
	// How many candidates stand between a line and the body: the headline
	// is most often the last one above it.
	above := 0
	for k := len(out) - 1; k >= 0; k-- {
		if out[k].line < s {
			out[k].f[tfCandidatesBetween] = min(float64(above), maxCandidatesBetween) / maxCandidatesBetween
			above++
		}
	}
	return out
}

// crumbTail reports a line that the breadcrumb trail right above it ends
// with ("StartseiteKaufratgeberKaufratgeber: elektronisches
// Katzenspielzeug – …" over "Kaufratgeber: elektronisches Katzenspielzeug
// – …"): the trail names the page, and the line under it is its headline,
// however far above the body the copy puts them.
func (pc *pageCopy) crumbTail(i int) bool {
	l, p := &pc.lines[i], &pc.lines[i-1]
	return l.words >= minTitleWords && len(p.key.lower) > len(l.key.lower) && strings.HasSuffix(p.key.lower, l.key.lower) && isBreadcrumb(p.text)
}

// teaserLike reports a line that reads as the teaser under a headline: of
// teaserWords words or more, or ending with a full stop.
func (pc *pageCopy) teaserLike(i int) bool {
	l := &pc.lines[i]
	return l.words >= teaserWords || strings.HasSuffix(strings.TrimRight(l.text, "\"'“”»"), ".")
}

// A teaser has teaserWords words or more, or ends with a full stop.
const teaserWords = 12

// bodyVocabulary counts the content words of the prose of [s, e).
func (pc *pageCopy) bodyVocabulary(s, e int) map[string]int {
	vocab := map[string]int{}
	n := 0
	for i := s; i < e && n < vocabularyWords; i++ {
		if l := &pc.lines[i]; l.prose && !l.drop {
			for _, w := range contentWords(l.text) {
				vocab[wordStem(w)]++
				n++
			}
		}
	}
	return vocab
}

// stemRunes is how much of a word is compared with the body's words: a
// German compound in a headline ("Tabaksteuermodernisierungsgesetz")
// shares its start with the words of the text ("Tabaksteuer"), and
// inflected forms share their stem.
const stemRunes = 5

// wordStem returns the first stemRunes letters of a lower-cased word.
func wordStem(w string) string {
	n := 0
	for i := range w {
		if n == stemRunes {
			return w[:i]
		}
		n++
	}
	return w
}

// sharedWords counts the words of cw (line i's content words) that the
// body's vocabulary holds, not counting the line itself.
func (pc *pageCopy) sharedWords(i, s int, cw []string, vocab map[string]int) int {
	shared := 0
	for _, w := range cw {
		n := vocab[wordStem(w)]
		if i >= s && pc.lines[i].prose {
			n-- // the line's own words are in the vocabulary
		}
		if n > 0 {
			shared++
		}
	}
	return shared
}

// titleSigns measures line i as the headline of the body starting at s;
// false when the line cannot be one by its shape.
func (pc *pageCopy) titleSigns(i, s int, vocab map[string]int, leadAbove map[string]bool) (titleFeatures, bool) {
	var f titleFeatures
	l := &pc.lines[i]
	head, _, glued := gluedByline(l.text)
	headShaped := glued && pc.headlineCandidate(withText(l, head))
	if !pc.headlineCandidate(l) && !headShaped && !pc.lowerCaseTitle(i, s) {
		// (a byline glued to a headline may hold what a headline does
		// not, a dateline's bars: the headline is judged without it)
		return f, false
	}
	cw := contentWords(l.text)
	next := pc.nextKept(i)
	// A headline with its dated byline glued on is not a dateline, whose
	// own head is a date ("Tuesday 15 October 2019 by Jo Bloggs").
	gluedHeadline := headShaped
	if headShaped {
		_, headDated := findTextDate(head, pc.lang)
		gluedHeadline = !headDated
	}
	metaNext := glued || next >= 0 && pc.isMetaLine(next) || pc.droppedMetaBelow(i)
	if len(cw) == 0 || endsWithFullStop(l.text) && !pc.sentenceHeadline(i, metaNext) || i > 0 && isClockLine(pc.lines[i-1].text) || pc.isDateOnly(i) && !pc.datePeriod(l.text) || pc.signedDateline(i) && !gluedHeadline {
		// A sentence is a teaser or caption (but see sentenceHeadline);
		// a line under a time of day heads an entry of a live ticker;
		// a date with a word or two is a dateline, a period of dates
		// with a word or two the title of a report.
		return f, false
	}
	shared := pc.sharedWords(i, s, cw, vocab)
	f[tfBias] = 1
	// A line of one content word ("Aus dem Magazin") matches the body by
	// chance more easily than a headline that names its subject.
	f[tfTopical] = float64(shared) / float64(max(len(cw), minTopicalWords))
	f[tfSharedWords] = min(float64(shared), maxSharedWords) / maxSharedWords
	metaBelow := pc.metaWithin(i+1, metaReach, 1)
	switch {
	case metaNext:
		f[tfMetaNext] = 1
	case metaBelow:
		f[tfMetaNear] = 1
	case pc.metaWithin(i-1, metaReach, -1):
		f[tfMetaAbove] = 1
	}
	if next >= 0 && pc.lines[next].prose {
		f[tfTextBelow] = 1
	}
	if next >= 0 && !pc.isMetaLine(next) && pc.teaserLike(next) && !pc.inHeadlineList(next) {
		// (the next item of a list is not a teaser)
		f[tfTeaserBelow] = 1
	}
	f[tfRepeated] = b2f(pc.repeatedElsewhere(i))
	f[tfHeadlineLen] = b2f(l.words >= headlineLenMin && l.words <= headlineLenMax)
	f[tfShort] = b2f(l.words < headlineLenMin)
	if i < s {
		dist := 0
		for k := i + 1; k < s; k++ {
			if !pc.lines[k].drop {
				dist++
			}
		}
		f[tfDistance] = math.Log1p(float64(dist)) / math.Log1p(titleLookup)
	} else {
		f[tfInBody] = 1
	}
	f[tfProse] = b2f(l.prose)
	f[tfProseAbove] = b2f(l.prose && !metaBelow && i < s && !headlineQuestion(l))
	f[tfQuestion] = b2f(headlineQuestion(l))
	f[tfPersonName] = b2f(parseAuthors(l.text) != nil && shared < topicalWords)
	f[tfParagraph] = b2f(l.para)
	f[tfCapitals] = b2f(countUpper(l.text) > 1 && strings.IndexFunc(l.text, unicode.IsLower) < 0)
	f[tfBoxed] = b2f(l.drop)
	_, dated := findTextDate(l.text, pc.lang)
	f[tfDated] = b2f(dated)
	if next >= 0 {
		n := &pc.lines[next]
		f[tfHeadlineBelow] = b2f(pc.headlineCandidate(n) && !pc.isMetaLine(next))
		f[tfLongerBelow] = b2f(n.words > l.words && !pc.isMetaLine(next))
	}
	if prev := pc.prevKept(i, 0); prev >= 0 {
		p := &pc.lines[prev]
		f[tfHeadlineAbove] = b2f(pc.headlineCandidate(p) && p.words >= headlineLenMin)
		f[tfRubricAbove] = b2f(p.words < headlineLenMin && !p.prose)
	}
	f[tfAfterFurniture] = b2f(i == 0 || pc.lines[i-1].drop)
	f[tfFirstLines] = b2f(i < firstLines)
	f[tfMenuRow] = b2f(menuRow(l.text))
	f[tfListed] = b2f(pc.inHeadlineList(i))
	f[tfQuoted] = b2f(pc.quotedElsewhere(i))
	f[tfMetaLine] = b2f(pc.isMetaLine(i))
	lead := leadAbove
	if i >= s {
		lead = pc.leadStems(i + 1)
	}
	f[tfLeadShared] = leadShared(cw, lead)
	f[tfRepeatedLabel] = b2f(f[tfRepeated] > 0 && l.words < headlineLenMin)
	if next >= 0 && f[tfMetaNext] == 0 && !pc.isMetaLine(next) && (pc.headlineCandidate(&pc.lines[next]) || pc.teaserLike(next)) {
		// A byline under the subtitle or teaser under the headline.
		if n2 := pc.nextKept(next); n2 >= 0 && pc.isMetaLine(n2) {
			f[tfMetaUnderSubtitle] = 1
		}
	}
	f[tfAboveNamesMore] = b2f(pc.neighbourNamesMore(pc.prevKept(i, 0), i, s, shared, vocab))
	f[tfBelowNamesMore] = b2f(pc.neighbourNamesMore(next, i, s, shared, vocab))
	f[tfCaptionCredit] = b2f(pc.captionCredit(l.text))
	f[tfCreditBelow] = b2f(pc.creditBelow(i))
	f[tfTwoSentences] = b2f(innerSentenceEnd(l.text))
	f[tfEchoedInText] = b2f(pc.echoedInText(i))
	f[tfFieldRow] = b2f(pc.fieldRow(i))
	return f, true
}

// withText returns a copy of line l that holds text t instead.
func withText(l *copyLine, t string) *copyLine {
	c := *l
	c.text, c.words, c.key = t, countWords(t), newPhraseKey(t)
	return &c
}

// lowerCaseTitle reports a headline-shaped line in lower case that the
// body's first paragraph opens with ("t-distributed stochastic neighbor
// embedding" over "T-distributed Stochastic Neighbor Embedding (t-SNE) is
// a …"): a reference work names its subject first, and keeps the subject's
// own case in its title. A line in lower case is otherwise a fragment.
func (pc *pageCopy) lowerCaseTitle(i, s int) bool {
	l := &pc.lines[i]
	r, size := utf8.DecodeRuneInString(l.text)
	if i >= s || !unicode.IsLower(r) {
		return false
	}
	if !pc.headlineCandidate(withText(l, string(unicode.ToUpper(r))+l.text[size:])) {
		return false
	}
	for k := s; k < len(pc.lines); k++ {
		if p := &pc.lines[k]; p.prose && !p.drop {
			rest, ok := strings.CutPrefix(p.key.lower, l.key.lower)
			after, _ := utf8.DecodeRuneInString(rest)
			return ok && rest != "" && !unicode.IsLetter(after)
		}
	}
	return false
}

// datePeriod reports a line whose date ends a period of dates
// ("Wochenbericht 14. - 20. Januar 2022", "Tagung 3.–5. Mai"): a dateline
// gives one day; a period is what a report or an event covers.
func (pc *pageCopy) datePeriod(t string) bool {
	d, ok := findTextDate(t, pc.lang)
	if !ok {
		return false
	}
	before := strings.TrimSpace(t[:d.start])
	before, dash := strings.CutSuffix(before, "-")
	if !dash {
		before, dash = strings.CutSuffix(before, "–")
	}
	if !dash {
		return false
	}
	fs := strings.Fields(before)
	if len(fs) == 0 {
		return false
	}
	day := strings.TrimSuffix(fs[len(fs)-1], ".")
	return day != "" && strings.Trim(day, "0123456789.") == ""
}

// sentenceHeadline reports a line ending with a full stop that stands
// where a headline does: under the breadcrumb trail that ends with it
// (crumbTail), or with a byline or date right under it (metaNext) and no
// headline-shaped line right above it (a paragraph, a cookie notice, is
// none), whose standfirst it would be ("Ich habe das Vreni Frost-Urteil
// gelesen. Das müsst ihr jetzt dazu wissen." over "… Juni 19th,
// 2018|Social Media|36 Kommentare").
func (pc *pageCopy) sentenceHeadline(i int, metaNext bool) bool {
	if i > 0 && pc.crumbTail(i) {
		return true
	}
	if !metaNext {
		return false
	}
	prev := i - 1
	for prev >= 0 && pc.lines[prev].drop && !pc.lines[prev].boxed {
		prev--
	}
	return prev < 0 || pc.lines[prev].prose || !pc.headlineCandidate(&pc.lines[prev])
}

// maxSharedWords is how many shared words make a line fully named by the
// body; maxCandidatesBetween is how many headline-shaped lines between a
// line and the body count.
const (
	maxSharedWords       = 6
	maxCandidatesBetween = 4
)

// A menu row copied as one line has at least menuRowWords words, and all
// but maxMenuRowLower of them start with a capital ("Home Aktuell Unfälle
// Newsflash …"); a headline, even a German one, has verbs and articles in
// lower case.
const (
	menuRowWords    = 6
	maxMenuRowLower = 0
)

// menuRow reports a line of capitalised words only: a row of links.
func menuRow(t string) bool {
	fs := strings.Fields(t)
	if len(fs) < menuRowWords {
		return false
	}
	lower := 0
	for _, f := range fs {
		if r, _ := utf8.DecodeRuneInString(f); unicode.IsLower(r) {
			lower++
		}
	}
	return lower <= maxMenuRowLower
}

// firstLines: a headline in the first lines of a copy opens a page that has
// no menu above it.
const firstLines = 3

// b2f is 1 for true.
func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// signedDateline reports a line that is a date and the names of its
// authors ("Tuesday 15 October 2019 by Bradley M. Kuhn"): the byline.
func (pc *pageCopy) signedDateline(i int) bool {
	l := &pc.lines[i]
	if l.words > metaLineWords {
		return false
	}
	d, ok := findTextDate(l.text, pc.lang)
	if !ok {
		return false
	}
	// The names stand before the date ("By Jo Bloggs, 5 March 2025") or
	// after it, where a weekday may precede the date.
	return datelineAuthors(strings.TrimSpace(l.text[:d.start])) != nil || datelineAuthors(strings.TrimSpace(l.text[d.end:])) != nil
}

// endsWithFullStop reports a line that ends a sentence with a full stop,
// not with an abbreviation of initials ("… Underneath N.Y.C.", "U.S.").
func endsWithFullStop(t string) bool {
	t = strings.TrimRight(t, "\"'“”»«’)")
	if !strings.HasSuffix(t, ".") {
		return false
	}
	last := t[strings.LastIndexByte(t, ' ')+1:]
	return strings.Count(last, ".") < 2 || !initials(last)
}

// b2i is 1 for true.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// headlineQuestion reports a line of headline length that asks or
// exclaims ("Where do strained U.S.-Israeli relations go after
// Netanyahu's victory?"): it reads as a sentence, but a paragraph of
// another text above the body would end with a full stop.
func headlineQuestion(l *copyLine) bool {
	t := strings.TrimRight(l.text, " \"'“”»«’)")
	return l.words <= headlineLenMax && (strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!"))
}

// minTopicalWords is how many content words a line needs to earn the
// whole topicalWeight.
const minTopicalWords = 2

// topicalWords is how many content words a line in title case ("Octopuses
// Sleep, and May Even Dream, Researchers Say") must share with the body to
// be a headline and not a byline.
const topicalWords = 2

// maxClockLineWords bounds a line that is only a time of day with a word
// or two ("11:52 GMT", "Posted at 11:52").
const maxClockLineWords = 4

// isClockLine reports a short line that gives a time of day and no date:
// the stamp of an entry in a live ticker.
func isClockLine(t string) bool {
	if countWords(t) > maxClockLineWords {
		return false
	}
	for f := range strings.FieldsSeq(t) {
		if startsWithClock(f) {
			return true
		}
	}
	return false
}

// nextKept returns the first line after i that is not furniture, or -1.
func (pc *pageCopy) nextKept(i int) int {
	for k := i + 1; k < len(pc.lines); k++ {
		if !pc.lines[k].drop {
			return k
		}
	}
	return -1
}

// metaWithin reports a byline or date line among the reach kept lines
// from line from in direction dir (1 down, -1 up).
func (pc *pageCopy) metaWithin(from, reach, dir int) bool {
	for k, n := from, 0; k >= 0 && k < len(pc.lines) && n < reach; k += dir {
		l := &pc.lines[k]
		if l.drop && !l.boxed {
			continue
		}
		n++
		if pc.isMetaLine(k) {
			return true
		}
	}
	return false
}

// A byline or date line has at most metaLineWords words.
const metaLineWords = 16

// isMetaLine reports a short line that dates or signs the article: a date
// with a few words around it, or a byline.
func (pc *pageCopy) isMetaLine(k int) bool {
	if len(pc.metaMemo) != len(pc.lines) {
		pc.metaMemo = make([]int8, len(pc.lines))
	}
	if m := pc.metaMemo[k]; m != 0 {
		return m > 0
	}
	meta := pc.readsAsMeta(k)
	pc.metaMemo[k] = int8(2*b2i(meta) - 1)
	return meta
}

// readsAsMeta is isMetaLine unremembered.
func (pc *pageCopy) readsAsMeta(k int) bool {
	l := &pc.lines[k]
	if l.words > metaLineWords {
		return false
	}
	if _, ok := findTextDate(l.text, pc.lang); ok {
		return true
	}
	return hasBylinePrefix(l.text) && parseAuthors(l.text) != nil
}

// maxCopyrightWords bounds a copyright notice: the sign, a year, a name.
const maxCopyrightWords = 16

// minListedHeadlineWords is the shortest line that counts as a headline in
// a list of them.
const minListedHeadlineWords = 4

// listLengthRatio bounds how much longer one item of a list of headlines
// is than another: a headline, its standfirst and its byline differ more.
const listLengthRatio = 2

// inHeadlineList reports whether line i is one of three or more
// headline-shaped lines in a row (a summary's bullet points, a list of
// other articles): a page's own headline stands apart from its
// neighbours, with a rubric, byline or teaser around it.
func (pc *pageCopy) inHeadlineList(i int) bool {
	shaped := func(k int) bool {
		if k < 0 || k >= len(pc.lines) {
			return false
		}
		l, w := &pc.lines[k], pc.lines[i].words
		similar := l.words <= listLengthRatio*w && w <= listLengthRatio*l.words
		// A line with a byline or date under it heads an article's
		// header, not an item of a list.
		dated := k+1 < len(pc.lines) && pc.isMetaLine(k+1)
		return similar && !dated && l.words >= minListedHeadlineWords && !l.prose && pc.headlineCandidate(l) && parseAuthors(l.text) == nil
	}
	if !shaped(i) {
		return false
	}
	return shaped(i-1) && (shaped(i-2) || shaped(i+1)) || shaped(i+1) && shaped(i+2)
}

// minContentWordLetters: words this long are names and nouns more than
// function words.
const minContentWordLetters = 4

// contentWords are the lower-cased words of minContentWordLetters or more
// letters. A word holds its combining marks: the vowel signs of Indic
// scripts are marks, not letters ("এমপির").
func contentWords(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), notWordRune) {
		if utf8.RuneCountInString(f) >= minContentWordLetters {
			out = append(out, f)
		}
	}
	return out
}

// notWordRune reports a rune that parts words: not a letter, digit or
// combining mark.
func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && (r < firstCombiningMark || !unicode.IsMark(r))
}

// A title has minTitleWords to maxTitleWords words and at most
// maxTitleChars characters.
const (
	minTitleWords = 2
	maxTitleWords = 30
	maxTitleChars = 250
)

// repeatedElsewhere reports whether line i's text occurs again in another
// line, whole or as its end ("Africa|United States to Lift …").
func (pc *pageCopy) repeatedElsewhere(i int) bool {
	t := pc.lines[i].key.lower
	for j := range pc.lines {
		if j != i && strings.HasSuffix(pc.lines[j].key.lower, t) {
			return true
		}
	}
	return false
}

// neighbourNamesMore reports whether line k, next to candidate i, is
// headline-shaped and shares at least as many words with the body (more,
// below it): of a headline and its subtitle, or a kicker and its headline,
// the one that names the subject is the headline.
func (pc *pageCopy) neighbourNamesMore(k, i, s, shared int, vocab map[string]int) bool {
	if k < 0 || k >= len(pc.lines) {
		return false
	}
	n := &pc.lines[k]
	if !pc.headlineCandidate(n) || pc.isMetaLine(k) || n.words < headlineLenMin {
		return false
	}
	ns := pc.sharedWords(k, s, contentWords(n.text), vocab)
	if k > i {
		return ns > shared
	}
	return ns >= shared
}

// leadContentWords is how many content words of the text under a line are
// its lead: a headline's words recur in the first sentences of its text.
const leadContentWords = 60

// leadStems returns the stems of the first leadContentWords content words
// of the prose from line from on: the lead of the text under a line.
func (pc *pageCopy) leadStems(from int) map[string]bool {
	lead := map[string]bool{}
	n := 0
	for k := from; k < len(pc.lines) && n < leadContentWords; k++ {
		if l := &pc.lines[k]; l.prose && !l.drop {
			for _, w := range contentWords(l.text) {
				lead[wordStem(w)] = true
				n++
			}
		}
	}
	return lead
}

// leadShared is the share of content words cw that the lead uses.
func leadShared(cw []string, lead map[string]bool) float64 {
	shared := 0
	for _, w := range cw {
		if lead[wordStem(w)] {
			shared++
		}
	}
	return float64(shared) / float64(max(len(cw), minTopicalWords))
}

// maxQuotingWords bounds the lines that may quote a headline: a
// breadcrumb, a share text or a footer line, not a paragraph.
const maxQuotingWords = 40

// quoteSeparators divide a line that quotes a headline from the rest:
// "Home > Politik > …", "Teilen: …", "One thought on “…”", "© Site - …".
var quoteSeparators = strings.NewReplacer(
	": ", "\x00", " > ", "\x00", " / ", "\x00", " | ", "\x00", " – ", "\x00", " - ", "\x00",
	" » ", "\x00", " › ", "\x00", "“", "\x00", "”", "\x00", "„", "\x00", "\"", "\x00", "«", "\x00", "»", "\x00")

// quotedParts returns, found once, the parts of the copy's short lines
// between quoteSeparators (lower-cased), which a headline quoted in
// another line is.
func (pc *pageCopy) quotedParts() map[string]bool {
	if pc.quoted == nil {
		pc.quoted = map[string]bool{}
		for i := range pc.lines {
			l := &pc.lines[i]
			if l.words > maxQuotingWords {
				continue
			}
			parts := strings.Split(quoteSeparators.Replace(l.key.lower), "\x00")
			if len(parts) < 2 {
				continue
			}
			for _, p := range parts {
				if p = strings.TrimSpace(p); p != "" {
					pc.quoted[p] = true
				}
			}
		}
	}
	return pc.quoted
}

// quotedElsewhere reports whether another line quotes line i's text: the
// page cites its headline in a breadcrumb's tail, a share text ("Teilen:
// …"), a comment header ("One thought on “…”").
func (pc *pageCopy) quotedElsewhere(i int) bool {
	return pc.quotedParts()[pc.lines[i].key.lower]
}

// A glued rubric that is not listed needs minGluedKicker letters, as the
// headline word after it, and a title of minGluedTitleSpaces+1 words; a
// rubric line above the title has at most maxKickerLineWords words.
const (
	minGluedKicker      = 5
	minGluedTitleSpaces = 3
	maxKickerLineWords  = 3
)

// splitKicker separates a rubric glued to the title ("GeopolitikAnnäherung
// von …"): the first word changes from lower to upper case inside one
// token, and the part before is a known rubric or a plain capitalised word
// of five letters or more. A short rubric line right above the title counts
// as its kicker too. A byline glued to the title's end is cut off first.
func (pc *pageCopy) splitKicker(art *Article, ti int) {
	pc.splitGluedByline(art)
	t := art.Title
	first, _, _ := strings.Cut(t, " ")
	rs := []rune(first)
	for k := 1; k+1 < len(rs); k++ {
		if !unicode.IsLower(rs[k-1]) || !unicode.IsUpper(rs[k]) || !unicode.IsLower(rs[k+1]) {
			continue
		}
		kicker := string(rs[:k])
		rest := string(rs[k:])
		plain := k >= minGluedKicker && len([]rune(rest)) >= minGluedKicker && !strings.ContainsAny(first, "-0123456789") && countUpper(kicker) == 1
		// A camel-case name ("ThyssenKrupp") recurs in the text; a glued
		// rubric and headline word do not.
		if pc.isKicker(kicker) || plain && strings.Count(t, " ") >= minGluedTitleSpaces && !pc.occursElsewhere(first, ti) {
			art.Kicker = kicker
			art.Title = strings.TrimSpace(t[len(kicker):])
			return
		}
		break
	}
	if ti > 0 {
		p := &pc.lines[ti-1]
		// A lone label, not the last item of a breadcrumb or menu run.
		lone := ti < 2 || p.para || pc.lines[ti-2].prose || pc.lines[ti-2].drop && !pc.lines[ti-2].prose && pc.lines[ti-2].words == 0
		if !p.drop && !p.prose && p.words <= maxKickerLineWords && !endsSentence(p.text) && lone && pc.isKicker(p.text) {
			if r, _ := utf8.DecodeRuneInString(p.text); unicode.IsUpper(r) {
				art.Kicker = p.text
				p.meta = true
			}
		}
	}
}

// gluedByline splits a headline from the byline the copy joined to it
// ("The Deck of Cards That Made Tarot A Global Phenomenon by Laura June
// Topolsky July 10, 2015": the byline starts in lower case, so it reads
// as the line's continuation). It returns the headline and the byline.
func gluedByline(t string) (head, byline string, ok bool) {
	for i := len(t) - 1; i > 0; i-- {
		if t[i] != ' ' {
			continue
		}
		rest := t[i+1:]
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsLower(r) || !hasBylinePrefix(rest) {
			continue
		}
		if head = strings.TrimSpace(t[:i]); countWords(head) >= minTitleWords && bylineEnds(rest) {
			return head, rest, true
		}
	}
	return t, "", false
}

// maxBylineTail is how many words may follow a glued byline's names that
// are not its date ("· 5 min read").
const maxBylineTail = 2

// bylineEnds reports a byline ("by …") that is only names, and a date or a
// word or two after them: "by Indigenous Peoples Key to Protecting
// Climate" goes on as a headline does.
func bylineEnds(t string) bool {
	names := leadingAuthors(t)
	if names == nil {
		return false
	}
	last := names[len(names)-1]
	k := strings.LastIndex(t, last)
	if k < 0 {
		return true // the names were normalised; nothing to measure
	}
	tail := t[k+len(last):]
	if _, dated := findTextDate(tail, ""); dated {
		return true
	}
	return countWords(trimMetaWords(tail)) <= maxBylineTail
}

// splitGluedByline cuts a byline glued to the title (see gluedByline)
// and takes the authors and date from it.
func (pc *pageCopy) splitGluedByline(art *Article) {
	head, byline, ok := gluedByline(art.Title)
	if !ok {
		return
	}
	art.Title = head
	if len(art.Authors) == 0 {
		art.Authors = leadingAuthors(byline)
	}
	if d, found := findTextDate(byline, pc.lang); found && art.Published.IsZero() {
		art.Published = d.t.Truncate(0)
	}
}

// occursElsewhere reports whether word appears in a line other than i.
func (pc *pageCopy) occursElsewhere(word string, i int) bool {
	for j := range pc.lines {
		if j != i && strings.Contains(pc.lines[j].text, word) {
			return true
		}
	}
	return false
}

func countUpper(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// droppedMetaBelow reports a byline or date right under line i that the
// furniture pass dropped ("Posted by kovarex, … on 2019-02-15, all
// posts", "by Danilo Dietsch" in a box): it still dates or signs the line
// above it.
func (pc *pageCopy) droppedMetaBelow(i int) bool {
	return i+1 < len(pc.lines) && pc.lines[i+1].drop && pc.isMetaLine(i+1)
}
