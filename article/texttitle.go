package article

import (
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
	titleLookup     = 60
	titleBodyLines  = 3
	vocabularyWords = 1500
)

// The weights of the headline's signs, in points; a line needs
// minTitleScore to be taken. A headline names what the article is about
// (topicalWeight for all its content words found in the body), opens the
// article's header (a byline or date follows within metaReach kept lines,
// or the text itself follows), is often repeated on the page (breadcrumb,
// share text) and stands near the body (distanceCost a kept line between).
// A prose line of the body skipped to reach a headline inside the body
// costs skippedProseCost: the body must not lose its lead.
const (
	topicalWeight    = 4.0
	metaBelowWeight  = 3.0
	metaAboveWeight  = 1.0
	textBelowWeight  = 1.0
	repeatedWeight   = 1.0
	headlineLenBonus = 1.0
	distanceCost     = 0.1
	maxDistanceCost  = 2.0
	skippedProseCost = 2.0
	minTitleScore    = 2.0
	metaReach        = 3
)

// A headline of headlineLenMin to headlineLenMax words earns
// headlineLenBonus: menu items are shorter, captions and teasers longer.
const (
	headlineLenMin = 4
	headlineLenMax = 20
)

// findTitle returns the line that is the article's headline, or -1. It
// scores every headline-shaped line from above the body [s, e) to its first
// lines by the signs above and takes the best.
func (pc *pageCopy) findTitle(s, e int) int {
	vocab := pc.bodyVocabulary(s, e)
	hi, kept := s, 0
	for hi < e && kept < titleBodyLines {
		if !pc.lines[hi].drop {
			kept++
		}
		hi++
	}
	best, bestScore := -1, minTitleScore
	skipped := 0
	for i := max(0, s-titleLookup); i < hi; i++ {
		sc, ok := pc.titleScore(i, s, vocab)
		if i >= s {
			sc -= skippedProseCost * float64(skipped)
			if l := &pc.lines[i]; l.prose && !l.drop {
				skipped++
			}
		}
		if ok && sc > bestScore {
			best, bestScore = i, sc
		}
	}
	return pc.headOfHeader(best, s, bestScore, vocab)
}

// A line right above the best headline (within upperReach kept lines) that
// scores at most upperMargin less and has at least upperTopical of its
// words in the body is the headline, and the best one its subtitle or
// teaser: a header opens with its headline.
const (
	upperReach   = 3
	upperMargin  = 2.5
	upperTopical = 0.5
)

// A teaser has teaserWords words or more, or ends with a full stop.
const teaserWords = 12

// teaserLike reports a line that reads as the teaser under a headline.
func (pc *pageCopy) teaserLike(i int) bool {
	l := &pc.lines[i]
	return l.words >= teaserWords || strings.HasSuffix(strings.TrimRight(l.text, "\"'“”»"), ".")
}

// headOfHeader moves from the best headline b up to the line that opens
// its header.
func (pc *pageCopy) headOfHeader(b, s int, score float64, vocab map[string]int) int {
	for k, n := b-1, 0; k >= 0 && n < upperReach; k-- {
		l := &pc.lines[k]
		if l.drop && !l.boxed {
			continue
		}
		n++
		if l.words < headlineLenMin || l.words < pc.lines[b].words && !pc.teaserLike(b) || strings.HasSuffix(l.text, ".") {
			break // a rubric above the headline
		}
		sc, ok := pc.titleScore(k, s, vocab)
		if ok && sc >= score-upperMargin && pc.topicalShare(k, s, vocab) >= upperTopical {
			return k
		}
	}
	return b
}

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

// topicalShare is the share of line i's content words found in the body.
func (pc *pageCopy) topicalShare(i, s int, vocab map[string]int) float64 {
	cw := contentWords(pc.lines[i].text)
	if len(cw) == 0 {
		return 0
	}
	return float64(pc.sharedWords(i, s, cw, vocab)) / float64(len(cw))
}

// titleScore scores line i as the headline of the body starting at s.
func (pc *pageCopy) titleScore(i, s int, vocab map[string]int) (float64, bool) {
	l := &pc.lines[i]
	if !pc.headlineCandidate(l) || pc.inHeadlineList(i) {
		return 0, false
	}
	if i > 0 && isClockLine(pc.lines[i-1].text) {
		return 0, false // the heading of an entry of a live ticker
	}
	metaBelow := pc.metaWithin(i+1, metaReach, 1)
	if l.prose && !metaBelow && i < s && !headlineQuestion(l) {
		return 0, false // a paragraph of another text above the body
	}
	if strings.HasSuffix(strings.TrimRight(l.text, "\"'“”»«’)"), ".") {
		return 0, false // a sentence: a teaser or caption, not a headline
	}
	cw := contentWords(l.text)
	if len(cw) == 0 {
		return 0, false
	}
	shared := pc.sharedWords(i, s, cw, vocab)
	// A line of one content word ("Aus dem Magazin") matches the body by
	// chance more easily than a headline that names its subject.
	sc := topicalWeight * float64(shared) / float64(max(len(cw), minTopicalWords))
	if n := pc.nextKept(i); n >= 0 && pc.isMetaLine(n) {
		sc += metaBelowWeight
	} else if metaBelow {
		sc += metaBelowWeight / 2
	} else if pc.metaWithin(i-1, metaReach, -1) {
		sc += metaAboveWeight
	}
	if n := pc.nextKept(i); n >= 0 && pc.lines[n].prose {
		sc += textBelowWeight
	}
	if pc.repeatedElsewhere(i) {
		sc += repeatedWeight
	}
	if l.words >= headlineLenMin && l.words <= headlineLenMax {
		sc += headlineLenBonus
	}
	if i < s {
		dist := 0
		for k := i + 1; k < s; k++ {
			if !pc.lines[k].drop {
				dist++
			}
		}
		sc -= min(maxDistanceCost, distanceCost*float64(dist))
	}
	if parseAuthors(l.text) != nil && shared < topicalWords {
		return 0, false // a name in title case, not a headline
	}
	return sc, true
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
	l := &pc.lines[k]
	if l.words > metaLineWords {
		return false
	}
	if _, ok := findTextDate(l.text, pc.lang); ok {
		return true
	}
	return hasBylinePrefix(l.text) && parseAuthors(l.text) != nil
}

// headlineCandidate: a line that may be a headline by its shape: not
// furniture, minTitleWords to maxTitleWords words, no list of tags, no
// caption credit, byline or date, not a numbered item.
func (pc *pageCopy) headlineCandidate(l *copyLine) bool {
	if l.drop && !l.boxed || l.words < minTitleWords || l.words > maxTitleWords || utf8.RuneCountInString(l.text) > maxTitleChars {
		return false
	}
	t := strings.TrimRight(l.text, " \"'“”»")
	if strings.HasSuffix(t, ",") || strings.HasSuffix(t, ":") || strings.HasSuffix(t, ";") {
		return false
	}
	if first, _, _ := strings.Cut(l.text, " "); startsLower(first) || strings.HasPrefix(first, "#") || bulleted(l.text) {
		return false // lower case, a hashtag, an item of a list
	}
	if !hasLetterWord(l.text) {
		return false // figures: a rating, a period of dates, a score
	}
	if isCreditLine(l.text) || isFileName(l.text) || numberedItem(l.text) || isTagList(l.text) || isBreadcrumb(l.text) || strings.Contains(l.text, "©") {
		return false
	}
	if pc.isSiteName(l) {
		return false
	}
	if _, ok := findTextDate(l.text, pc.lang); ok {
		return false
	}
	return true
}

// hasLetterWord reports whether a word of t holds a letter.
func hasLetterWord(t string) bool {
	return strings.IndexFunc(t, unicode.IsLetter) >= 0
}

// breadcrumbSeparators join the items of a breadcrumb trail ("Home /
// Politik / Ausland").
var breadcrumbSeparators = []string{" / ", " » ", " > ", " › ", " | ", " :: "}

// isBreadcrumb reports a line of two or more separators of one kind: a
// trail of links or a row of buttons, not a headline (which may hold one,
// "Schule / Bildung: …").
func isBreadcrumb(t string) bool {
	for _, sep := range breadcrumbSeparators {
		if strings.Count(t, sep) >= 2 {
			return true
		}
	}
	return strings.Count(t, ">") >= 2 || strings.HasPrefix(t, "|") || strings.HasPrefix(t, "Home /") || strings.HasPrefix(t, "Startseite /")
}

// isSiteName reports a line that the page's copyright notice names ("©
// 2021 Bundesamt für Naturschutz"): the publisher's name, as its logo or
// a heading of the page, not a headline.
func (pc *pageCopy) isSiteName(l *copyLine) bool {
	for _, k := range pc.copyrightLines() {
		if strings.Contains(pc.lines[k].key.lower, l.key.lower) {
			return true
		}
	}
	return false
}

// maxCopyrightWords bounds a copyright notice: the sign, a year, a name.
const maxCopyrightWords = 16

// copyrightLines returns the lines that hold a copyright notice, found once.
func (pc *pageCopy) copyrightLines() []int {
	if pc.copyrights == nil {
		pc.copyrights = []int{}
		for i := range pc.lines {
			l := &pc.lines[i]
			if l.words <= maxCopyrightWords && (strings.Contains(l.text, "©") || strings.HasPrefix(l.key.lower, "copyright")) {
				pc.copyrights = append(pc.copyrights, i)
			}
		}
	}
	return pc.copyrights
}

// isFileName reports a line that is the name of an image or document file
// (a picture's alternative text left as its name).
func isFileName(t string) bool {
	if strings.Contains(t, " ") {
		return false
	}
	ext := strings.ToLower(t[strings.LastIndexByte(t, '.')+1:])
	switch ext {
	case "jpg", "jpeg", "png", "gif", "webp", "svg", "pdf", "tif", "tiff", "avif":
		return true
	}
	return false
}

// startsLower reports a word that starts in lower case and has no capital
// ("iPhone" and "eBay" are names, "und" is not).
func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r) && countUpper(w) == 0
}

// isTagList reports a line of comma-separated labels ("Bildung,
// Homeschooling, Schule"): several items of at most two words each.
func isTagList(t string) bool {
	parts := strings.Split(t, ",")
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		if len(strings.Fields(p)) > 2 {
			return false
		}
	}
	return true
}

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
// letters.
func contentWords(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(f) >= minContentWordLetters {
			out = append(out, f)
		}
	}
	return out
}

// A title has minTitleWords to maxTitleWords words and at most
// maxTitleChars characters.
const (
	minTitleWords = 3
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
// as its kicker too.
func (pc *pageCopy) splitKicker(art *Article, ti int) {
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
