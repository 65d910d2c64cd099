package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// headerLookup is how many lines above the body are searched for the
// title.
const headerLookup = 30

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
		if parseAuthors(l.text) != nil && shared < 2 {
			continue
		}
		if nearest < 0 {
			nearest = i
		}
		if repeated < 0 && pc.repeatedElsewhere(i) {
			repeated = i
		}
		if topical < 0 && (shared >= 2 || shared == 1 && len(cw) <= 3) {
			topical = i
		}
	}
	switch {
	case topical >= 0:
		return topical
	case repeated >= 0 && nearest >= 0 && nearest-repeated <= 12:
		return repeated
	case nearest < 0 && s+1 < len(pc.lines) && pc.titleShaped(&pc.lines[s]) && !pc.lines[s].prose:
		return s
	}
	return nearest
}

// inHeadlineList reports whether line i is one of three or more
// headline-shaped lines in a row (a summary's bullet points, a list of
// other articles): a page's own headline stands apart from its
// neighbours, with a rubric, byline or teaser around it.
func (pc *pageCopy) inHeadlineList(i int) bool {
	shaped := func(k int) bool {
		return k >= 0 && k < len(pc.lines) && pc.lines[k].words >= 4 && !pc.lines[k].prose && pc.titleShaped(&pc.lines[k])
	}
	if !shaped(i) {
		return false
	}
	return shaped(i-1) && (shaped(i-2) || shaped(i+1)) || shaped(i+1) && shaped(i+2)
}

// openingWords are the content words of the body's first prose lines.
func (pc *pageCopy) openingWords(s int) map[string]bool {
	words := map[string]bool{}
	n := 0
	for i := s; i < len(pc.lines) && n < 400; i++ {
		if l := &pc.lines[i]; l.prose && !l.drop {
			for _, w := range contentWords(l.text) {
				words[w] = true
				n++
			}
		}
	}
	return words
}

// contentWords are the lower-cased words of four or more letters: names
// and nouns more than function words.
func contentWords(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(f) >= 4 {
			out = append(out, f)
		}
	}
	return out
}

// titleShaped: 3 to 30 words, no full stop at the end, not furniture, not a
// byline or a date.
func (pc *pageCopy) titleShaped(l *copyLine) bool {
	return pc.headlineShaped(l) && parseAuthors(l.text) == nil
}

// headlineShaped is titleShaped except for the byline test.
func (pc *pageCopy) headlineShaped(l *copyLine) bool {
	if l.drop || l.words < 3 || l.words > 30 || utf8.RuneCountInString(l.text) > 250 {
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
		plain := k >= 5 && len([]rune(rest)) >= 5 && !strings.ContainsAny(first, "-0123456789") && countUpper(kicker) == 1
		// A camel-case name ("ThyssenKrupp") recurs in the text; a glued
		// rubric and headline word do not.
		if pc.isKicker(kicker) || plain && strings.Count(t, " ") >= 3 && !pc.occursElsewhere(first, ti) {
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
		if !p.drop && !p.prose && p.words <= 3 && !endsSentence(p.text) && lone && pc.isKicker(p.text) {
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
