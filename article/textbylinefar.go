// Authors beyond the header: a byline far from the headline (farByline) and
// the person the copy mentions as its author in several places (mentionedAuthor).

package article

import (
	"slices"
	"strings"
)

// authorsBeyondHeader names the authors the header does not: a byline
// near the article (farByline), whose line is metadata and leaves the
// text as the header's byline does, else the person the copy mentions as
// its author (mentionedAuthor).
func (pc *pageCopy) authorsBeyondHeader(title, s, e int) []string {
	if names, at := pc.farByline(title, s, e); names != nil {
		pc.lines[at].meta = true
		return names
	}
	return pc.mentionedAuthor(s, e)
}

// farByline returns the byline nearest the body's start [s, e) or the
// title (-1 without one; a copy may hold much between them) within the
// reach of a dateline (farDateAbove lines above either, the body's first
// farDateInBody lines, farDateBelow lines after it: "Posted by … at 12:06
// PM" ends a blog post): a line that opens with "By"/"Von" and names,
// above the body a dateline with names beside the date ("19.6.2007 9:40
// Uhr Christoph Becker 71 Kommentare"; in the body such a line quotes a
// tweet, below it signs a comment), or above the body or in its first
// lines a kept line of names in a byline's company ("Thomas Hanke" /
// "27.04.2020 - 18:50 Uhr"; bylineCompany), as a header the copy split
// from the headline has it; below the body a name and a date sign a
// comment. A credit ("Photo by …") is not a byline, and a name of
// ordinary words is none, "By" or not: this is weaker evidence than the
// header's. It returns the names and their line, or nil and -1.
func (pc *pageCopy) farByline(title, s, e int) ([]string, int) {
	var best []string
	bestDist, bestAt := 0, -1
	top := s
	if title >= 0 {
		top = min(s, title)
	}
	for i := max(0, top-farDateAbove); i < min(len(pc.lines), e+farDateBelow); i++ {
		l := &pc.lines[i]
		if i >= s+farDateInBody && i < e || l.words > maxAuthorNoteWords || isCreditOnly(l.text) {
			continue
		}
		names := leadingAuthors(unglueBylinePrefix(strings.TrimSpace(l.text)))
		if names == nil && !l.prose && i < s {
			if d, ok := findTextDate(l.text, pc.lang); ok {
				rest := dropCounts(trimMetaWords(strings.TrimSpace(l.text[:d.start] + " " + l.text[d.end:])))
				names = datelineAuthors(rest)
			}
		}
		if names == nil && !l.prose && !l.drop && i < e && mayNameOnePerson(l) {
			names = pc.farBareNames(i)
		}
		if slices.ContainsFunc(names, pc.ordinaryWords) {
			continue
		}
		dist := abs(i - s)
		if title >= 0 {
			dist = min(dist, abs(i-title))
		}
		if names != nil && (best == nil || dist < bestDist) {
			best, bestDist, bestAt = names, dist, i
		}
	}
	return best, bestAt
}

// farBareNames reads line i, far from the header, as a byline without
// "By": names in a byline's company (bylineCompany), each written in one
// case throughout ("Jane Doe", "JANE DOE"; "FINA Weltmeisterschaften
// VERSCHOBEN" is a headline), and not an item of a list of dated
// headlines, whose dates stand on both sides of each item.
func (pc *pageCopy) farBareNames(i int) []string {
	names := bareAuthors(pc.lines[i].text)
	if names == nil || slices.ContainsFunc(names, mixedCase) || !pc.bylineCompany(i) {
		return nil
	}
	if up, down := pc.neighbour(i, -1), pc.neighbour(i, 1); up >= 0 && down >= 0 && pc.isDateOnly(up) && pc.isDateOnly(down) {
		return nil
	}
	return names
}

// An author the header does not name is recognised by the page's other
// mentions of them: a person's name on a line of its own (the author box,
// a byline the copy split), a "By"/"Written by" line anywhere, or the
// opening of an author's note ("Sarah Archer is the author of …"). A name
// with minAuthorMentions of these, one of them a byline, a note or a line
// under a byline's label ("Geschrieben von" / "Jane Doe"; a menu's "Log
// In" recurs on lines of its own too), is the author; a name said
// once may be a commenter's or another article's. Lines are read up to
// maxAuthorNoteWords words.
const (
	minAuthorMentions  = 2
	maxAuthorNoteWords = 60
)

// mentionedAuthor returns the person the copy names as its author in
// minAuthorMentions places, or nil. An author's note stands outside the
// body [s, e): inside it, "Grüne Energie ist …" opens a sentence.
func (pc *pageCopy) mentionedAuthor(s, e int) []string {
	count, said := map[string]int{}, map[string]bool{}
	var order []string
	add := func(name string, saysAuthor bool) {
		if count[name] == 0 {
			order = append(order, name)
		}
		count[name]++
		said[name] = said[name] || saysAuthor
	}
	bare := map[string][]int{} // the lines that hold a name alone
	bw := bylineWordsList()
	for i := range pc.lines {
		l := &pc.lines[i]
		if l.words > maxAuthorNoteWords {
			continue
		}
		if names := leadingAuthors(l.text); len(names) == 1 && !isCreditOnly(l.text) {
			add(names[0], true)
			continue
		}
		if !l.prose {
			if !mayNameOnePerson(l) {
				continue
			}
			if names := bareAuthors(l.text); len(names) == 1 {
				add(names[0], false)
				bare[names[0]] = append(bare[names[0]], i)
			}
			continue
		}
		if name := leadingName(l.text); name != "" && (i < s || i >= e) {
			rest := strings.Fields(strings.TrimSpace(l.text[len(name):]))
			if len(rest) > 0 && bw.bios[strings.ToLower(rest[0])] {
				add(name, true)
			}
		}
	}
	for _, name := range order {
		if isPossessive(name) {
			continue // a possessive: "Jack Daniel's" is a brand
		}
		// Only the names said often enough are read against the copy's
		// words ("Grüne Energie" is no one): one pass over the copy each.
		if count[name] < minAuthorMentions {
			continue
		}
		if (said[name] || slices.ContainsFunc(bare[name], pc.labelledByline)) && !pc.ordinaryWords(name) {
			return []string{name}
		}
	}
	return nil
}

// A line that names one person holds the name (maxNameWords), maybe the
// time since it appeared after it (at most relativeTimeWords with their
// separator: "· vor 2 Stunden") and roles in parentheses, which
// parseAuthors drops ("(mit Material von dpa)"). Longer lines are skipped
// before the costlier reading: on a copy of a few megabytes, reading every
// menu and list line as names took a quarter of the cleaning time.
const relativeTimeWords = 4

// mayNameOnePerson reports a line that may be one person's name: two
// words at least (looksLikeName), and short enough or with parentheses,
// whose words may not count.
func mayNameOnePerson(l *copyLine) bool {
	return l.words >= 2 && (l.words <= maxNameWords+relativeTimeWords || strings.IndexByte(l.text, '(') >= 0)
}

// isCreditOnly reports a photo or illustration credit ("Photo by X"),
// which names a photographer, not the author.
func isCreditOnly(t string) bool {
	return isCreditLine(t) && !hasBylinePrefix(t) && !strings.HasPrefix(strings.ToLower(t), "written by ")
}
