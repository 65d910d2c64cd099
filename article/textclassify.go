package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A run of minLinkListLines or more short lines is a list of links unless
// a colon announces it and its lines average listItemWords words, it
// stands between paragraphs and its lines average verseWords, or it is one
// block most of whose lines, minTextListItems or more, have textListWords
// words (links and menu items have fewer; a list's points written out have
// as many as a clause; a box of related headlines has two or three);
// a short line after a colon, or ending a sentence, needs minItemWords
// words to be text.
const (
	textListWords    = 8
	minTextListItems = 4
	verseWords       = 6
	minLinkListLines = 3
	listItemWords    = 2
	minItemWords     = 3
)

// classifyBody decides the block type of each line in [s, e): prose is a
// paragraph; short lines are headings when prose follows, list items when
// a colon introduces them, and otherwise furniture; runs of three or more
// short lines are link lists unless introduced by a colon.
func (pc *pageCopy) classifyBody(s, e int) {
	ls := pc.lines
	for i := s; i < e; {
		l := &ls[i]
		if l.drop || l.meta {
			i++
			continue
		}
		if l.prose {
			l.kind = Paragraph
			if bulleted(l.text) {
				l.kind, l.level = ListItem, 1
			}
			i++
			continue
		}
		// A run of short lines, skipping dropped ones.
		j, n, words := i, 0, 0
		var run []int
		for j < e && !ls[j].prose {
			if !ls[j].drop && !ls[j].meta {
				run = append(run, j)
				n++
				words += ls[j].words
			}
			j++
		}
		prev := pc.prevKept(i, s)
		intro := prev >= 0 && pc.announces(prev)
		// A heading leads into kept text, not into a dropped box.
		k := j
		for k < e && ls[k].drop {
			k++
		}
		proseNext := k < e && ls[k].prose
		switch {
		case n >= minLinkListLines && intro && words >= listItemWords*n:
			for _, k := range run {
				ls[k].kind, ls[k].level = ListItem, 1
			}
		case n >= minLinkListLines && prev >= 0 && ls[prev].prose && proseNext && words >= verseWords*n && pc.oneBlock(run) && len(run) == j-i && pc.verses(run):
			// Lines as long as a verse, in one block between paragraphs of
			// the text and without furniture among them: a poem, lyrics,
			// a quoted list. Links are shorter, and teasers come one to a
			// block.
			for _, k := range run {
				ls[k].kind = Paragraph
			}
		case n >= minLinkListLines && pc.mostlyData(run):
			// Fields and amounts (a recipe's ingredients, an event's
			// place and time, a product's specifications): the lines
			// with data are the page's content, the labels among them
			// not.
			for _, k := range run {
				if ls[k].isData() {
					ls[k].kind, ls[k].level = ListItem, 1
				}
			}
		case n >= minLinkListLines && pc.oneBlock(run) && 2*pc.longItems(run) > len(run) && pc.longItems(run) >= minTextListItems:
			// A list in one block, most of whose items have
			// textListWords words: the points of the text (changes,
			// findings, steps) written out, with their sub-headings;
			// links and menu items are shorter. The long items are kept.
			for _, k := range run {
				if ls[k].words >= textListWords {
					ls[k].kind, ls[k].level = ListItem, 1
				}
			}
		case n >= minLinkListLines:
			// a list of links: related articles, topics, tags
		default:
			for idx, k := range run {
				lk := &ls[k]
				last := idx == len(run)-1
				switch {
				case intro && lk.words >= minItemWords:
					lk.kind, lk.level = ListItem, 1
				case last && proseNext && headingShaped(lk) && !pc.amidFurniture(k):
					lk.kind, lk.level = Heading, 2
				case endsSentence(lk.text) && lk.words >= minItemWords:
					lk.kind = Paragraph
				}
			}
		}
		i = j
	}
}

// minVerseWords is the shortest line of a poem or quoted list; labels,
// counters and rubrics among teasers are shorter.
const minVerseWords = 3

// verses reports whether every line of run is long enough to be a verse
// and none is a trail of links.
func (pc *pageCopy) verses(run []int) bool {
	for _, k := range run {
		if l := &pc.lines[k]; l.words < minVerseWords || isBreadcrumb(l.text) {
			return false
		}
	}
	return true
}

// longItems counts the lines of run with textListWords words or more.
func (pc *pageCopy) longItems(run []int) int {
	n := 0
	for _, k := range run {
		if pc.lines[k].words >= textListWords && !isBreadcrumb(pc.lines[k].text) {
			n++
		}
	}
	return n
}

// mostlyData reports whether at least half the lines of run are fields or
// amounts.
func (pc *pageCopy) mostlyData(run []int) bool {
	n := 0
	for _, k := range run {
		if pc.lines[k].isData() {
			n++
		}
	}
	return 2*n >= len(run)
}

// oneBlock reports whether the lines of run follow each other without
// blank lines (one element broken into lines), as verses and the items of
// a list do, where headlines of teasers each stand apart.
func (pc *pageCopy) oneBlock(run []int) bool {
	apart := 0
	for _, k := range run[1:] {
		if pc.lines[k].para {
			apart++
		}
	}
	return apart*3 <= len(run)
}

// amidFurniture reports a line glued (no blank line) between two dropped
// lines: an unlisted button among listed ones ("X.com" between
// "Zur Merkliste" and "Facebook"), not a heading of the text.
func (pc *pageCopy) amidFurniture(i int) bool {
	ls := pc.lines
	return i > 0 && i+1 < len(ls) && !ls[i].para && !ls[i+1].para && ls[i-1].drop && ls[i+1].drop
}

// prevKept returns the nearest kept line before i (not before s), or -1.
func (pc *pageCopy) prevKept(i, s int) int {
	for k := i - 1; k >= s; k-- {
		if !pc.lines[k].drop && !pc.lines[k].meta {
			return k
		}
	}
	return -1
}

// maxHeadingWords is the longest heading inside the body.
const maxHeadingWords = 20

// headingShaped: a short line that starts with a capital, digit or quote
// and does not end like a sentence (questions are allowed).
func headingShaped(l *copyLine) bool {
	if l.words > maxHeadingWords || l.words < 1 {
		return false
	}
	t := strings.TrimRight(l.text, " \"'“”»")
	if strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",") || strings.HasSuffix(t, ";") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(l.text)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"„“«»'", r)
}
