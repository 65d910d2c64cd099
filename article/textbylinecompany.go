// A byline's company: the lines that stand by a byline (a date, a time, a
// reading time, a role, a "Follow" button, a label such as "Autor*in") and
// tell a line of names from a menu or a heading that looks like one.

package article

import (
	"strings"
	"unicode"
)

// isMark reports a rune that is neither letter nor digit: the marks a
// button wears ("+ FOLLOW").
func isMark(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// bylineCompany reports whether a line next to line i (the nearest kept or
// box line above and below, past lines of punctuation only such as "|" or
// "•") dates the article, gives the time, says how long it reads, names
// the author's role ("Games Editor") or offers to follow them ("+
// FOLLOW"), or whether the line above heads a byline ("Von", "Autor*in":
// labelsByline), or the line itself ends in the time since it appeared
// ("Alex Perry 1 day ago") or gives the author's role after the names
// (namesWithRole): what stands by a byline, as menus and headings that
// look like names have no such company.
func (pc *pageCopy) bylineCompany(i int) bool {
	if t := pc.lines[i].text; mayEndInRelativeTime(t) && relativeTimeRe.MatchString(t) || strings.IndexByte(t, ',') >= 0 && namesWithRole(t) != nil {
		return true
	}
	bw := bylineWordsList()
	for _, k := range []int{pc.neighbour(i, -1), pc.neighbour(i, 1)} {
		if k < 0 {
			continue
		}
		l := &pc.lines[k]
		t := strings.ToLower(strings.TrimSpace(l.text))
		if pc.isDateOnly(k) || isClockLine(l.text) || standsByName(l) || k < i && labelsByline(l) {
			return true
		}
		for _, w := range bw.readTimes {
			if strings.Contains(t, w) && l.words <= maxClockLineWords+1 {
				return true
			}
		}
	}
	return false
}

// maxPunctuationLines is how many lines of punctuation only ("|", "•")
// may stand between a byline and its company.
const maxPunctuationLines = 2

// neighbour returns the line next to line i in direction dir (-1 above, 1
// below) that holds a letter or a digit, past at most maxPunctuationLines
// lines that hold neither, or -1.
func (pc *pageCopy) neighbour(i, dir int) int {
	for k, skipped := i+dir, 0; k >= 0 && k < len(pc.lines); k += dir {
		if strings.IndexFunc(pc.lines[k].text, isLetterOrDigit) >= 0 {
			return k
		}
		if skipped++; skipped > maxPunctuationLines {
			break
		}
	}
	return -1
}

// isLetterOrDigit reports a rune that makes a line more than punctuation.
func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// maxBylineLabelWords bounds a line that heads a byline: a label, or a
// few words that end in "by"/"von" ("Written on Mar 17 by").
const maxBylineLabelWords = 6

// labelsByline reports a line that heads the author's name on the next
// line: an author's label ("Autor*in", "About the author", "Über den
// Autor"; bylinewords.txt label), a byline prefix alone ("Von", "Geschrieben
// von") or closing a short line ("Disko Von", "Written on Mar 17 by"), as
// a copy breaks a byline's prefix from its names; not a credit's or a
// sponsor's ("Foto von", "Powered by"; bylinewords.txt credit).
func labelsByline(l *copyLine) bool {
	if l.prose || l.words > maxBylineLabelWords {
		return false
	}
	t := strings.TrimRight(strings.ToLower(strings.TrimSpace(l.text)), ": ")
	bw := bylineWordsList()
	if last, _ := lastWord(t); !bw.labelEnds[last] {
		return false // no label or prefix ends so: spare the lists
	}
	if bw.labels[strings.ReplaceAll(t, "/ ", "/")] {
		return true
	}
	for _, p := range bw.prefixes {
		p = strings.TrimRight(p, ": ")
		if !strings.HasSuffix(t, p) || len(t) > len(p) && t[len(t)-len(p)-1] != ' ' {
			continue
		}
		before, _ := lastWord(t[:len(t)-len(p)])
		return !bw.credits[strings.TrimFunc(before, notLetter)]
	}
	return false
}

// allRoleWords reports a line of job titles only ("Games Editor", "eHow
// Contributor" has a site's name too, and "Senior Staff Technologist"),
// or a short one that ends in a job title after the outlet's name, which
// may take two words ("BuzzFeed News Reporter"; maxRoleLineWords).
func allRoleWords(t string) bool {
	roles, known := 0, bylineWordsList().roles
	ws := strings.Fields(t)
	for _, w := range ws {
		if known[w] {
			roles++
		}
	}
	return roles > 0 && (roles+1 >= len(ws) || len(ws) <= maxRoleLineWords && known[ws[len(ws)-1]])
}

// labelledByline reports a line of a name under a line that heads a
// byline ("Geschrieben von" / "Benjamin-Immanuel Hoff", "Autor*in" /
// "Brit Weirich (Medizinredakteurin)"): the copy says this name is an
// author's.
func (pc *pageCopy) labelledByline(i int) bool {
	up := pc.neighbour(i, -1)
	return up >= 0 && labelsByline(&pc.lines[up])
}

// maxFollowWords bounds a button or link by an author's name: "Follow",
// "Search for this author in:".
const maxFollowWords = 5

// standsByName reports a line that stands by an author's name: a button to
// follow them or a link to their other work, maybe with a mark ("Follow",
// "+ FOLLOW", "Search for this author in:"), or a short line of job titles
// ("Games Editor").
func standsByName(l *copyLine) bool {
	if l.words > maxFollowWords {
		return false // longer than a role line or a link to the author's page
	}
	t := strings.ToLower(strings.TrimSpace(l.text))
	bw := bylineWordsList()
	return bw.follows[t] || bw.follows[strings.TrimFunc(t, isMark)] || l.words <= maxClockLineWords && allRoleWords(t)
}
