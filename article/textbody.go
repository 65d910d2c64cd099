package article

import "strings"

// Tuning of the body search. Each kept line costs lineCost; prose lines
// earn one point per word. The run of lines with the highest sum is the
// body (the "body text extraction" idea: text wins, furniture costs).
const (
	lineCost    = 5
	droppedCost = 1
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

// minArticleWords is about the length of a paragraph of an article;
// teasers of other articles are shorter.
const minArticleWords = 25

// weights returns each line's contribution to the body search. Prose
// earns its words. Short lines cost little when they interrupt prose
// briefly (headings, captions, one-line asides) or follow a colon (a list
// the text announces), and cost fully in long runs (menus, link lists);
// lines without letters (chart labels, counters) are neutral.
func (pc *pageCopy) weights() []int {
	ls := pc.lines
	w := make([]int, len(ls))
	for i := 0; i < len(ls); {
		if ls[i].prose && !ls[i].drop {
			w[i] = ls[i].words - lineCost
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
		intro := i > 0 && strings.HasSuffix(ls[i-1].text, ":")
		for k := i; k < j; k++ {
			switch {
			case ls[k].drop:
				w[k] = -droppedCost
			case !hasLetter(ls[k].text):
				w[k] = 0
			case codeLike(ls[k].text):
				w[k] = -1
			case intro && n <= 20:
				w[k] = -1
			case n <= 3 || pc.alone(k):
				w[k] = -2
			default:
				w[k] = -lineCost
			}
		}
		i = j
	}
	return w
}

// minCards is how many headline-and-teaser pairs in a row make a list of
// other articles rather than sections of this one.
const minCards = 4

// cutTeaserCards ends the body before a run of teaser cards in its later
// part: a headline followed by exactly one short text, again and again
// (related or latest articles). An article's sections have longer or more
// paragraphs under each heading.
func (pc *pageCopy) cutTeaserCards(s, e int, w []int) int {
	total := 0
	for i := s; i < e; i++ {
		total += w[i]
	}
	acc := 0
	for i := s; i < e; i++ {
		if acc > min(total/2, 150) && pc.cardsAt(i, e) >= minCards {
			return i
		}
		acc += w[i]
	}
	return e
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
		// Headlines of other articles are sentences of four or more
		// words; terms of a definition list or section names are shorter.
		if ls[h].prose || ls[h].words < 4 || !headingShaped(&ls[h]) {
			break
		}
		p := next(h + 1)
		if p >= e || !ls[p].prose || ls[p].words > 32 {
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

// isDateOnly reports a short line that holds a date and little else.
func (pc *pageCopy) isDateOnly(i int) bool {
	l := &pc.lines[i]
	if l.words > 8 || l.prose {
		return false
	}
	d, ok := findTextDate(l.text, pc.lang)
	return ok && countWords(trimMetaWords(l.text[:d.start]+" "+l.text[d.end:])) <= 2
}

// alone reports a line with blank lines on both sides. A browser copy
// puts blank lines around paragraphs (<p>) but not between the items of a
// menu or list, so a short line standing alone is the page's text more
// likely than its navigation.
func (pc *pageCopy) alone(i int) bool {
	return pc.lines[i].para && (i+1 == len(pc.lines) || pc.lines[i+1].para)
}

// bodyRange finds the run of lines with the highest total weight (Kadane's
// maximum subarray) and returns it as [start, end).
func (pc *pageCopy) bodyRange() (int, int, bool) {
	w := pc.weights()
	bestSum, bestS, bestE := 0, 0, 0
	sum, s := 0, 0
	for i := range pc.lines {
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
	// A tail marker ("Comments") ends the body once some of it has passed
	// (a comment count next to the byline must not).
	half, acc := min(bestSum/2, 60), 0
	for i := bestS; i < bestE; i++ {
		if acc > half && pc.isEnd(pc.lines[i].key) && !pc.dateJustBefore(i) && !pc.resumesAfterBox(i, bestE) {
			bestE = i
			break
		}
		if acc > half && i > 0 && pc.lines[i-1].prose && pc.isDateOnly(i) {
			// A date under a short text late in the body dates a teaser
			// card of another article (related links): the body ended
			// before the card's headline.
			k := i - 1
			for k > bestS && pc.lines[k].prose {
				k--
			}
			if k > bestS && !pc.lines[k].prose {
				bestE = k
				break
			}
		}
		acc += w[i]
	}
	bestE = pc.cutTeaserCards(bestS, bestE, w)
	// A short text after furniture at the very end is a promo ("Sign up
	// for our newsletter" / "The best of …, every morning"), not the
	// article's last paragraph.
	for cut := 0; cut < 2 && bestE-1 > bestS; cut++ {
		k := bestE - 1
		for k > bestS && pc.lines[k].drop {
			k--
		}
		if k <= bestS || pc.lines[k].words >= 15 || !pc.lines[k-1].drop {
			break
		}
		bestE = k
	}
	return bestS, bestE, true
}
