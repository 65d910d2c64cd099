package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// headerLookup is how many lines above the body are searched for the
// title. A headline shares topicalWords content words with the body's
// opening (or one, when it has at most shortHeadlineWords); a headline the
// page repeats wins over the nearest one up to repeatReach lines above it.
const (
	headerLookup       = 30
	topicalWords       = 2
	shortHeadlineWords = 3
	repeatReach        = 12
)

// findTitle looks upward from the body start for the headline: the
// nearest headline-shaped line that shares words with the body's opening
// (a headline names what the article is about; menus, promos and buttons
// do not). Without such a line, a headline the page repeats (share text,
// image credit) or else the nearest headline-shaped line is taken.
func (pc *pageCopy) findTitle(s int) int {
	body := pc.openingWords(s)
	nearest, repeated, topical := -1, -1, -1
	seen := 0
	for i := s - 1; i >= 0 && seen < headerLookup; i-- {
		l := &pc.lines[i]
		seen++
		if !pc.headlineShaped(l) || pc.inHeadlineList(i) {
			continue
		}
		cw := contentWords(l.text)
		shared := 0
		for _, w := range cw {
			if body[w] {
				shared++
			}
		}
		// A headline in title case reads like a list of names ("Octopuses
		// Sleep, and May Even Dream, Researchers Say"); it is a byline
		// unless it names what the body is about.
		if parseAuthors(l.text) != nil && shared < topicalWords {
			continue
		}
		if nearest < 0 {
			nearest = i
		}
		if repeated < 0 && pc.repeatedElsewhere(i) {
			repeated = i
		}
		if topical < 0 && (shared >= topicalWords || shared == 1 && len(cw) <= shortHeadlineWords) {
			topical = i
		}
	}
	switch {
	case topical >= 0:
		return topical
	case repeated >= 0 && nearest >= 0 && nearest-repeated <= repeatReach:
		return repeated
	case nearest < 0 && s+1 < len(pc.lines) && pc.titleShaped(&pc.lines[s]) && !pc.lines[s].prose:
		return s
	}
	return nearest
}

// minListedHeadlineWords is the shortest line that counts as a headline in
// a list of them.
const minListedHeadlineWords = 4

// inHeadlineList reports whether line i is one of three or more
// headline-shaped lines in a row (a summary's bullet points, a list of
// other articles): a page's own headline stands apart from its
// neighbours, with a rubric, byline or teaser around it.
func (pc *pageCopy) inHeadlineList(i int) bool {
	shaped := func(k int) bool {
		return k >= 0 && k < len(pc.lines) && pc.lines[k].words >= minListedHeadlineWords && !pc.lines[k].prose && pc.titleShaped(&pc.lines[k])
	}
	if !shaped(i) {
		return false
	}
	return shaped(i-1) && (shaped(i-2) || shaped(i+1)) || shaped(i+1) && shaped(i+2)
}

// openingSample is how many content words of the body's opening are
// compared with candidate headlines.
const openingSample = 400

// openingWords are the content words of the body's first prose lines.
func (pc *pageCopy) openingWords(s int) map[string]bool {
	words := map[string]bool{}
	n := 0
	for i := s; i < len(pc.lines) && n < openingSample; i++ {
		if l := &pc.lines[i]; l.prose && !l.drop {
			for _, w := range contentWords(l.text) {
				words[w] = true
				n++
			}
		}
	}
	return words
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

// titleShaped: minTitleWords to maxTitleWords words, no full stop at the end, not furniture, not a
// byline or a date.
func (pc *pageCopy) titleShaped(l *copyLine) bool {
	return pc.headlineShaped(l) && parseAuthors(l.text) == nil
}

// headlineShaped is titleShaped except for the byline test.
func (pc *pageCopy) headlineShaped(l *copyLine) bool {
	if l.drop || l.words < minTitleWords || l.words > maxTitleWords || utf8.RuneCountInString(l.text) > maxTitleChars {
		return false
	}
	t := strings.TrimRight(l.text, " \"'“”»")
	if strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",") || strings.HasSuffix(t, ":") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(l.text); unicode.IsLower(r) {
		return false
	}
	if isCreditLine(l.text) || numberedItem(l.text) {
		return false
	}
	if _, ok := findTextDate(l.text, pc.lang); ok {
		return false
	}
	return true
}

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
