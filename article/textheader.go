package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The header: without a title it starts headerNoTitleLines above the
// body; it reaches headerBodyLines kept lines into the body; a date may
// stand up to dateAboveTitle lines above the title; a date line with at
// most datelineWords other words (or a byline) is metadata; the teaser is
// at most maxTeaserLines lines; a byline may stand up to authorsAboveTitle
// lines above the title (Medium puts the author first).
const (
	headerNoTitleLines = 5
	headerBodyLines    = 4
	dateAboveTitle     = 4
	datelineWords      = 6
	maxTeaserLines     = 3
	authorsAboveTitle  = 4
)

// readHeader takes the byline, date and teaser from the lines between the
// title and the body (and the first lines of the body, where a teaser or a
// byline joined by the copy may sit), and the site's name from the copy's
// chrome. It returns the new body start.
func (pc *pageCopy) readHeader(art *Article, title, s, e int) int {
	from := title + 1
	if title < 0 {
		from = max(0, s-headerNoTitleLines)
	}
	// The header reaches four lines into the body; furniture between
	// them (share buttons, a captioned picture) does not count.
	to, kept := s, 0
	for to < e && kept < headerBodyLines {
		if !pc.lines[to].drop {
			kept++
		}
		to++
	}
	metaAt := pc.readDate(art, from, to)
	if art.Published.IsZero() && !pc.relativeHeader(from, to) {
		if d, _, ok := pc.farDate(s, e); ok {
			art.Published = pc.dateOf(d)
		}
	}
	if len(art.Authors) == 0 {
		if authors, at := pc.findByline(max(0, from-authorsAboveTitle), to, title); authors != nil {
			art.Authors = authors
			pc.lines[at].meta = true
			if at > title {
				metaAt = max(metaAt, at)
			}
		}
	}
	if art.Site == "" {
		art.Site = pc.siteName(title, s, e, art.Authors)
		art.Title = stripSiteSuffix(art.Title, art.Site)
	}
	if len(art.Authors) == 0 {
		if a := pc.authorsBeyondHeader(title, s, e); a != nil && !strings.EqualFold(a[0], art.Site) {
			art.Authors = a // the site's name recurs like an author's
		}
	}
	// The teaser: prose between the title and the byline or date.
	if title >= 0 && metaAt > title {
		var teaser []string
		for i := title + 1; i < metaAt; i++ {
			l := &pc.lines[i]
			if l.prose && !l.drop && !l.meta && len(teaser) < maxTeaserLines {
				teaser = append(teaser, l.text)
				l.meta = true
			}
		}
		art.Description = strings.Join(teaser, " ")
	}
	for s < e && (pc.lines[s].meta || pc.lines[s].drop) {
		s++
	}
	return s
}

// readDate takes the article's date from lines [from-dateAboveTitle, to)
// (dates sometimes stand just above the title, heise: "08.04.2015 12:46").
// A dateline — the date with at most datelineWords other words, or with a
// byline, or leading its line (lineDate.leads) — wins over a date inside
// a longer line, which is a date the page mentions (a photo caption's "on
// Feb. 3, 2025"); the first such date is the fallback. A dateline under
// the title and before the body's prose wins over one above it, which may
// be the masthead's day or a teaser's (one further down dates an embedded
// post or a quote). A date labelled as the last change ("Updated",
// "Stand:") is not when the article appeared: any other dateline wins
// over it, but it wins over a date the page mentions, and is taken when
// the header shows no other (German news pages show only "Stand:"). It
// marks the dateline as metadata and returns its index (-1 when none
// below the title).
func (pc *pageCopy) readDate(art *Article, from, to int) int {
	fallback, above, revised := -1, -1, -1
	var fallbackDate, aboveDate, revisedDate textDate
	prose := false // a line of prose stands between the title and line i
	// from is the line under the title: the date may stand up to
	// dateAboveTitle lines above the title itself (a date, a byline, a
	// credit, the title).
	for i := max(0, from-1-dateAboveTitle); i < to; i++ {
		l := &pc.lines[i]
		if i < from && l.meta {
			continue
		}
		if above >= 0 && prose {
			break
		}
		prose = prose || i >= from && l.prose && !l.drop
		text := l.text
		if l.prose {
			if !mayLead(text) {
				continue
			}
			text = leadingPart(text) // only a date that leads it counts
		}
		ld, ok := articleDate(text, pc.lang)
		if !ok || l.prose && !ld.leads() {
			continue
		}
		authors := pc.personsOnly(datelineAuthors(ld.rest), ld.rest)
		if countWords(trimMetaWords(ld.rest)) > datelineWords && authors == nil && !ld.leads() {
			if fallback < 0 {
				fallback, fallbackDate = i, ld.d
			}
			continue
		}
		if ld.label == revisedLabel {
			if revised < 0 {
				revised, revisedDate = i, ld.d
			}
			continue
		}
		if i < from {
			if above < 0 {
				above, aboveDate = i, ld.d
			}
			continue
		}
		art.Published = pc.dateOf(ld.d)
		if authors != nil && len(art.Authors) == 0 {
			art.Authors = authors
		}
		l.meta = true
		return i
	}
	switch {
	case above >= 0:
		art.Published = pc.dateOf(aboveDate)
	case revised >= 0:
		art.Published = pc.dateOf(revisedDate)
	case fallback >= 0:
		art.Published = pc.dateOf(fallbackDate)
	}
	return -1
}

// findByline looks for the byline in lines [from, to), not the title: a
// line that starts with "By"/"Von" and a name wins; otherwise a line of
// names in a byline's company (a date, a time, a role, a follow button)
// counts. It returns the names and the line, or nil and -1.
func (pc *pageCopy) findByline(from, to, title int) ([]string, int) {
	for i := from; i < to; i++ {
		if l := &pc.lines[i]; i != title && !l.meta {
			if names := leadingAuthors(l.text); names != nil {
				return names, i
			}
		}
	}
	for i := from; i < to; i++ {
		l := &pc.lines[i]
		if i == title || l.prose || l.meta || l.drop && !l.boxed {
			continue
		}
		if names := pc.personsOnly(bareAuthors(l.text), l.text); names != nil && (pc.nextToDate(i) || pc.bylineCompany(i)) {
			return names, i
		}
	}
	return nil, -1
}

// isCreditLine reports "By …", "Edited by …", "Photo by …" lines: bylines
// and credits, whatever follows the names (bylinewords.txt creditline).
func isCreditLine(t string) bool {
	l := strings.ToLower(t)
	if hasBylinePrefix(t) {
		return true
	}
	for _, w := range bylineWordsList().creditLines {
		if strings.HasPrefix(l, w+" by ") || strings.HasPrefix(l, w+" von ") {
			return true
		}
	}
	return false
}

// numberedItem reports a line that starts like an item of a numbered list
// ("4. Zwischen Nordkorea …"): breadcrumbs and rankings.
func numberedItem(t string) bool {
	i := 0
	for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' '
}

// nextToDate reports a date line right above or below line i: a name
// without "By" is a byline only in that company ("Jane Doe" / "5 March
// 2025"), as title-case menus and headings look like names too.
func (pc *pageCopy) nextToDate(i int) bool {
	for _, k := range []int{i - 1, i + 1} {
		if k >= 0 && k < len(pc.lines) && pc.isDateOnly(k) {
			return true
		}
	}
	return false
}

// hasBylinePrefix reports "By …" / "Von …" lines.
func hasBylinePrefix(t string) bool {
	_, ok := cutBylinePrefix(t)
	return ok
}

// trimMetaWords removes the words that accompany a date in a byline
// ("Updated", "Uhr", "Published on", separators).
func trimMetaWords(s string) string {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '|' || r == '·' || r == '–' || r == '—' })
	var out []string
	for _, f := range fields {
		switch strings.ToLower(strings.Trim(f, ",:-")) {
		case "", "uhr", "updated", "published", "posted", "on", "at", "am", "um", "stand", "veröffentlicht", "aktualisiert", "last", "modified", "-":
			continue
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
}

// fallbackReach is how many lines into the body a headline is looked
// for when none stands above it or before its lead: a blog's description
// or an author's bio above the post can open the body's run, and the
// post's headline then stands under a paragraph.
const fallbackReach = 12

// fallbackTitle returns the headline of a copy in which findTitle found
// none, or -1: the first headline-shaped line among the first
// fallbackReach lines of the body [s, e) that is dated or signed — a byline
// or date line within metaReach kept lines above or below it — as an
// article's header is. A copy that has such a line is not left without a
// title.
func (pc *pageCopy) fallbackTitle(s, e int) int {
	for i := s; i < min(e, s+fallbackReach); i++ {
		l := &pc.lines[i]
		if l.drop || endsWithFullStop(l.text) || !pc.headlineCandidate(l) || pc.isMetaLine(i) {
			continue
		}
		if pc.metaWithin(i+1, metaReach, 1) || pc.metaWithin(i-1, metaReach, -1) {
			return i
		}
	}
	return -1
}

// notHeadline reports a line of a page's header or data that has a
// headline's length but never is one: a dateline (datelineShape), a row
// of a table of figures or a list of amounts, a field with an
// approximate amount (approxField), an item marked in brackets
// (itemMarked), a row of menu links (navRow), a line with an e-mail
// address or a note's mark at its end, a caption with its credit
// (endsWithBracketCredit, endsWithSlashCredit), an author's job title
// (roleLine), a pair of words parted by a comma (wordPair), an aside in
// brackets.
func (pc *pageCopy) notHeadline(l *copyLine) bool {
	return l.row || pc.datelineShape(l.text) || approxField(l.text) || itemMarked(l.text) || pc.navRow(l.text) || holdsEmail(l.text) || endsWithNoteMark(l.text) || endsWithBracketCredit(l.text) || endsWithSlashCredit(l.text) || roleLine(l) || wordPair(l.text) || parenthesised(l.text)
}

// parenthesised reports a line wholly in brackets ("(entspricht 22,67 € /
// l)", "(Symbolbild)"): an aside, a unit price, a picture's note.
func parenthesised(t string) bool {
	return strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && strings.Count(t, "(") == 1
}

// wordPair reports two single words parted by a comma ("Wirtschaft,
// Tipps", "Geiger, Karl", "Vienna, Austria"): a post's categories, a name
// in a list's order, a place. isTagList takes three or more.
func wordPair(t string) bool {
	a, b, ok := strings.Cut(t, ", ")
	return ok && len(strings.Fields(a)) == 1 && len(strings.Fields(b)) == 1 && !strings.ContainsAny(b, ",.!?")
}

// maxRoleLineWords bounds a job title under an author's name ("Games
// Editor", "Senior Staff Writer").
const maxRoleLineWords = 3

// roleLine reports a short line of job titles, a byline's second line.
func roleLine(l *copyLine) bool {
	return l.words <= maxRoleLineWords && allRoleWords(strings.ToLower(l.text))
}

// holdsEmail reports a line with an e-mail address in it ("York Outer
// Julian Sturdy julian.sturdy.mp@parliament.uk"): a contact's row or a
// signature, never a headline.
func holdsEmail(t string) bool {
	for f := range strings.FieldsSeq(t) {
		if at := strings.IndexByte(f, '@'); at > 0 && strings.Contains(f[at+1:], ".") {
			return true
		}
	}
	return false
}

// endsWithNoteMark reports a line ending with the mark of a note
// ("Conjures water[1]"): a field or a sentence of a reference work that
// cites its source; a headline cites none.
func endsWithNoteMark(t string) bool {
	_, mark, ok := closingBracket(t, '[', ']')
	if !ok || mark == "" || len(mark) > 3 {
		return false
	}
	for _, r := range mark {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// A menu copied as one line opens with a link the phrase lists know
// ("About Us", "Home", "Startseite") in its first navLeadWords words, and
// has at least menuRowWords words, at most maxNavRowLower of them in
// lower case (none after a one-word link) ("About Us Indoor Gardens Outdoor Gardening Our Plant
// Journal Fun stuff …"). A headline does not open with a menu's link.
const (
	navLeadWords   = 2
	maxNavRowLower = 1
)

// navRow reports a row of menu links copied as one line.
func (pc *pageCopy) navRow(t string) bool {
	fs := strings.Fields(t)
	if len(fs) < menuRowWords {
		return false
	}
	lower := 0
	for _, f := range fs {
		if startsLower(f) {
			lower++
		}
	}
	if lower > maxNavRowLower {
		return false
	}
	// A one-word link ("Home", "Facebook") may open a headline in title
	// case ("Facebook Is Tracking Me Even Though I’m Not on Facebook"):
	// it marks a menu only in a row without any word in lower case.
	for n := min(lower+1, navLeadWords); n <= navLeadWords; n++ {
		lead := foldPhrase(strings.Join(fs[:n], " "))
		for _, bp := range pc.bps {
			if bp.lines[lead] {
				return true
			}
		}
	}
	return false
}

// maxItemMarkRunes bounds the mark of an item of a list or a note ("[A]",
// "[12]"); a rubric in brackets ("[Rezi] …") is a word.
const maxItemMarkRunes = 2

// itemMarked reports a line opening with the mark of an item of a list
// or a note in brackets ("[A] Expeditionsplanung – Ideen, Infos,
// Konzepte", "[1] …").
func itemMarked(t string) bool {
	rest, ok := strings.CutPrefix(t, "[")
	if !ok {
		return false
	}
	mark, _, ok := strings.Cut(rest, "] ")
	if !ok || mark == "" || utf8.RuneCountInString(mark) > maxItemMarkRunes {
		return false
	}
	for _, r := range mark {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// datelineSeparators set a date off from the rubric or source beside it
// in a dateline ("AI & Machine Learning • October 18, 2019").
var datelineSeparators = []string{"•", "|", "·"}

// minDatelineBars is how many bars make a line of dated metadata
// ("…Juni 19th, 2018|Social Media|36 Kommentare"): a rubric, a count.
const minDatelineBars = 2

// datelineShape reports a line that dates the article rather than
// naming it: it opens with a date and a time of day ("2017-03-10 09:58
// 来源：网易科学人"), ends with a date set off by a separator ("Blog Home
// AI & Machine Learning • October 18, 2019"), or holds a date among bars
// ("Juni 19th, 2018|Social Media|36 Kommentare"). A headline may name a
// date ("Tag der Pressefreiheit 2020"), but not so.
func (pc *pageCopy) datelineShape(t string) bool {
	d, ok := findTextDate(t, pc.lang)
	if !ok {
		return false
	}
	if strings.TrimSpace(t[:d.start]) == "" && strings.Contains(t[d.start:d.end], ":") {
		return true
	}
	if strings.Count(t, "|") >= minDatelineBars {
		return true
	}
	if strings.TrimSpace(t[d.end:]) == "" {
		before := strings.TrimSpace(t[:d.start])
		for _, sep := range datelineSeparators {
			if strings.HasSuffix(before, sep) {
				return true
			}
		}
	}
	return false
}

// maxFieldWords bounds a field line: a label and its amount.
const maxFieldWords = 8

// approxField reports a label followed by an approximate amount
// ("Arbeitszeit ca. 30 Minuten", "Akku-Laufzeit ca. 150
// Bewegungszyklen"; linewords.txt approx): the data of a recipe or a
// product, written without a colon.
func approxField(t string) bool {
	fs := strings.Fields(t)
	if len(fs) < 3 || len(fs) > maxFieldWords || !lineWordsList().approx[strings.ToLower(fs[1])] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(fs[2])
	return unicode.IsDigit(r)
}

// endsWithBracketCredit reports a sentence closed by a picture's credit
// in brackets, agency and photographer parted by a slash ("… during a
// meeting in 2009. (Saul Loeb/AFP/Getty Images)", "… gut getarnt.
// (mlharing / iStock.com)"): a caption, which a copy writes as one line
// with its credit. A headline has no credit; a paragraph cites a source
// inside its sentence. (The caption stays in the text: extractors of the
// HTML keep a figure's caption too.)
func endsWithBracketCredit(t string) bool {
	before, credit, ok := closingBracket(t, '(', ')')
	if !ok {
		return false
	}
	before = strings.TrimSpace(before)
	if !strings.Contains(credit, "/") || countWords(credit) > maxCopyrightCreditWords || !hasLetter(credit) {
		return false
	}
	return strings.HasSuffix(before, ".") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, "?")
}

// endsWithSlashCredit reports a caption that ends with a photographer's
// name and agency joined by a slash ("The Moulin Rouge cabaret in Paris
// Benoit Tessier/Reuters"): a first name, then surname/agency, each
// capitalised, the surname in lower case after its capital (not an
// abbreviation such as "AC/DC").
func endsWithSlashCredit(t string) bool {
	if !strings.Contains(t, "/") {
		return false // no credit: spare splitting the line
	}
	fs := strings.Fields(t)
	return len(fs) >= 3 && slashCredit(fs[len(fs)-2:])
}

// slashCredit reports a first name and "surname/agency" ("Benoit
// Tessier/Reuters", "Judy Eddy/WENN.com").
func slashCredit(fs []string) bool {
	if len(fs) != 2 {
		return false
	}
	name, agency, ok := strings.Cut(fs[1], "/")
	if !ok || !capitalised(fs[0]) || !capitalised(name) || !capitalised(agency) {
		return false
	}
	return strings.IndexFunc(name, unicode.IsLower) > 0
}

// isSlashCreditLine reports a line that is only a picture's credit, a
// photographer and agency joined by a slash ("Judy Eddy/WENN.com"). Every
// line of a copy is asked, so a line without a slash is not split into
// words.
func isSlashCreditLine(t string) bool {
	return strings.Contains(t, "/") && slashCredit(strings.Fields(t))
}
