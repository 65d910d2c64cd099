package article

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A page copy names its site in its chrome: the logo link ("The Verge
// homepage"), the headline's suffix (" | FASSETTE.NET"), the copyright
// notice ("© 2021 Bundesamt für Naturschutz"), a line that says what the
// site is part of ("PC Gamer is part of Future US Inc"), a follow, join or
// welcome line ("Folgen Sie ZEIT ONLINE", "Sign In to CNET"), a product of
// the site ("PC Gamer Newsletter"), its domain ("heise.de",
// "redaktion@spiegel.de"), the logo's text on the first line, and the name
// on other lines of the copy. Each kind of evidence has a weight; the name
// with the most, at least minSiteScore, is the site, when one of the kinds
// besides the logo line and recurrence states it.
//
// The logo link and the "part of" line are surest. A copyright notice
// often names the parent company ("Vox Media, LLC" on The Verge, "CBS
// Interactive" on CNET): a name there with a company form counts less than
// a brand stated elsewhere, and a group's name ("… Media", "… Group") is
// never the site on the copyright's word alone. A follow line may name an
// author, so it needs a second sign; the first line alone is the weakest.
const (
	siteHomeWeight      = 4
	sitePartOfWeight    = 4
	siteTitleWeight     = 3
	siteTitleDashWeight = 2
	siteCopyrightWeight = 2
	siteDomainWeight    = 2
	siteFollowWeight    = 2
	siteJoinWeight      = 2
	siteProductWeight   = 1
	siteParentWeight    = 1
	siteLogoWeight      = 1
	siteRecurWeight     = 1
	minSiteScore        = 3
)

// A site's name has at most maxSiteWords words and minSiteRunes letters;
// a line read for one has at most maxChromeLineWords words (a copyright
// notice maxCopyrightWords); the logo is looked for in the first
// logoLines kept lines; a name is counted on at most maxSiteRecur lines
// of its own. A domain names the site when it stands on minDomainLines
// lines of the chrome, or on a line of its own or a copyright line; its
// main label matches a name of at least minDomainLabelRunes letters.
const (
	maxSiteWords        = 6
	minSiteRunes        = 2
	maxChromeLineWords  = 8
	logoLines           = 2
	maxSiteRecur        = 3
	minJoinLines        = 2
	minDomainLines      = 2
	minDomainLabelRunes = 4
)

// siteTitleSeparators part a page title from the site's name. A dash
// also parts a headline's own clauses ("Bad Grades - Until Now"), so a
// name after one weighs siteTitleDashWeight and needs a second sign.
var siteTitleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · "}

// isDashSeparated reports a title whose site suffix follows a dash.
func isDashSeparated(t, suffix string) bool {
	rest := strings.TrimSuffix(t, suffix)
	rest = strings.TrimRight(rest, " ")
	return strings.HasSuffix(rest, "-") || strings.HasSuffix(rest, "–") || strings.HasSuffix(rest, "—")
}

// siteKind is a kind of evidence for a site's name.
type siteKind uint16

const (
	kindHome siteKind = 1 << iota
	kindPartOf
	kindTitle
	kindCopyright
	kindCompany // a copyright notice's name with a company form ("Inc.", "GmbH")
	kindParent  // a copyright notice's group name ("Vox Media", "Leaf Group")
	kindDomain
	kindFollow
	kindJoin
	kindProduct
	kindLogo
	kindRecur
	kindCredit // a picture's credit: never the site (pictureCredit)
	kindJoinAt // a join line that places the reader at the site ("More from Kotaku")
)

// statingKinds are the kinds that state a name as the site's; the others
// only add weight to a name one of these states.
const statingKinds = kindHome | kindPartOf | kindTitle | kindCopyright | kindCompany | kindDomain | kindFollow | kindJoin | kindJoinAt

// siteVote is the evidence for one name.
type siteVote struct {
	name  string
	score int
	kinds siteKind
	joins map[string]bool // the join and "about" lines that name it
	lines int             // the lines that name it, up to maxSiteRecur (countRecurrence)
}

// stated reports a name some kind besides the logo line, recurrence and a
// group's copyright states.
//
// A join or "about" line names a section ("More from Politics", "Join
// Now") or a person as readily as the site, so a name only such lines
// state needs two different ones ("Join Now" repeated by a copied menu is
// one) or the logo's line besides. A line that places the reader at the
// site (kindJoinAt: "More from Kotaku", "Werben auf NZZ.ch") may instead
// give a name maxSiteRecur lines of the copy repeat: a section's name is
// rarely repeated outside its menus, the site's is in its logo, its footer
// and its sentences.
func (v *siteVote) stated() bool {
	if v.kinds&kindCredit != 0 {
		return false
	}
	if v.joinOnly() {
		return len(v.joins) >= minJoinLines || v.kinds&kindLogo != 0 || v.kinds&kindJoinAt != 0 && v.lines >= maxSiteRecur
	}
	return v.kinds&statingKinds != 0
}

// joinOnly reports a name only join lines state.
func (v *siteVote) joinOnly() bool {
	return v.kinds&statingKinds&^(kindJoin|kindJoinAt) == 0 && v.kinds&(kindJoin|kindJoinAt) != 0
}

// company reports a name stated only by a copyright notice that gives it a
// company form: the brand stated elsewhere is preferred.
func (v *siteVote) company() bool {
	return v.kinds&(kindCompany|kindParent) != 0 && v.kinds&(statingKinds&^(kindCompany|kindCopyright)) == 0
}

// siteBallot gathers the evidence of one copy.
type siteBallot struct {
	sw      *siteWords
	votes   map[string]*siteVote
	authors []string
	line    string // the line being read, lower-cased
}

// vote adds weight for name as evidence of kind.
func (b *siteBallot) vote(name string, weight int, kind siteKind) {
	name = trimSiteName(name, b.sw)
	if !b.sw.plausible(name) {
		return
	}
	for _, a := range b.authors {
		if strings.EqualFold(a, name) {
			return // the byline's person, on a follow line or an author box
		}
	}
	k := strings.ToLower(name)
	v := b.votes[k]
	if v == nil {
		v = &siteVote{name: name}
		b.votes[k] = v
	}
	v.score += weight
	v.kinds |= kind
	if kind == kindJoin || kind == kindJoinAt {
		if v.joins == nil {
			v.joins = map[string]bool{}
		}
		v.joins[b.line] = true
	}
}

// siteName returns the site's name as the copy states it, or "". title
// is the headline's line (-1 when none), [s, e) the body, whose copyright
// signs credit photos, not the site, and whose domains are the article's
// topic; authors are the byline's names, which are not the site's.
func (pc *pageCopy) siteName(title, s, e int, authors []string) string {
	return pc.siteBallot(title, s, e, authors).choose()
}

// siteBallot gathers the evidence for every name the copy offers.
func (pc *pageCopy) siteBallot(title, s, e int, authors []string) *siteBallot {
	b := &siteBallot{sw: siteWordsList(), votes: map[string]*siteVote{}, authors: authors}
	logos := 0
	for i := range pc.lines {
		l := &pc.lines[i]
		chrome := i < s || i >= e
		if chrome && (l.words <= maxCopyrightWords || opensWithNotice(l.key.lower, b.sw)) {
			b.copyright(l.key.lower, l.text, i >= len(pc.lines)-footerNoticeLines && opensWithNotice(l.key.lower, b.sw))
		} else if l.words <= maxCopyrightWords {
			b.pictureCredit(l.key.lower, l.text)
		}
		if n, ok := cutBefore(l.key.lower, l.text, b.sw.partOfSpaced, b.sw.partOfLeads); ok && (chrome || b.sw.namesCompany(l.key.lower[len(n):])) {
			b.vote(n, sitePartOfWeight, kindPartOf)
		}
		if l.words > maxChromeLineWords {
			continue
		}
		b.chromeLine(l)
		if logos < logoLines && !l.drop && l.words <= maxSiteWords {
			logos++
			b.vote(l.text, siteLogoWeight, kindLogo)
		}
	}
	pc.titleSuffixes(b, title)
	pc.groupBrands(b)
	pc.domains(b, s, e)
	pc.countRecurrence(b.votes)
	return b
}

// chromeLine reads the short lines that name the site: a logo link, a
// "part of" line, a follow or join line, a product of the site.
func (b *siteBallot) chromeLine(l *copyLine) {
	sw := b.sw
	b.line = l.key.lower
	if n, ok := homeLink(l.key.lower, l.text, sw); ok {
		b.vote(n, siteHomeWeight, kindHome)
	} else if head, ok := beforeGlue(l.text); ok { // "The Economist - HomepageSkip to content"
		if n, ok := homeLink(strings.ToLower(head), head, sw); ok {
			b.vote(n, siteHomeWeight, kindHome)
		}
	}
	if n, ok := cutPhrase(l.key.lower, l.text, sw.follow); ok && countWords(n) <= maxSiteWords {
		b.vote(b.calledName(dropFollowButton(cutAtWord(n, []string{" on ", " auf ", " bei ", " | ", " - "}))), siteFollowWeight, kindFollow)
	} else if n, ok := cutAround(l.key.lower, l.text, sw.followAround); ok {
		b.vote(b.calledName(n), siteFollowWeight, kindFollow)
	}
	// "More from Jane Doe", "About Jane Doe": a person's page, not the site's.
	if n, ok := cutPhrase(l.key.lower, l.text, sw.join); ok && countWords(n) <= maxSiteWords && (!looksLikeName(n) || strings.ToUpper(n) == n) {
		b.vote(b.calledName(n), siteJoinWeight, kindJoin)
	} else if n, ok := cutPhrase(l.key.lower, l.text, sw.joinAt); ok && countWords(n) <= maxSiteWords && (!looksLikeName(n) || strings.ToUpper(n) == n) {
		b.vote(b.calledName(n), siteJoinWeight, kindJoinAt)
	}
	if n, ok := cutSuffix(l.key.lower, l.text, sw.product); ok {
		b.vote(n, siteProductWeight, kindProduct)
	}
}

// calledName is the name a call to follow, subscribe or join gives
// without the words around it: the article German puts before a
// newspaper's name ("Folgen Sie der PIRSCH", "Entdecken Sie den
// Deutschlandfunk"; an English "Follow the Case" names a topic, and
// keeps its article, which no name starts with in lower case), the
// product that follows it ("Subscribe to Wevolver's Newsletter") and
// the possessive.
func (b *siteBallot) calledName(n string) string {
	if first, rest, ok := strings.Cut(n, " "); ok && slices.Contains(b.sw.callArticle, first) && !startsLower(rest) {
		n = rest
	}
	if head, ok := cutSuffix(strings.ToLower(n), n, b.sw.product); ok {
		n = head
	}
	for _, s := range []string{"'s", "’s"} {
		if h, ok := strings.CutSuffix(n, s); ok {
			return h
		}
	}
	return n
}

// cutAround returns what stands in the place of the "*" of one of
// templates that a line fills ("Get Tone Deaf to your inbox daily"
// fills "get * to your inbox"; words after the template's end are
// allowed, as a call's adverb).
func cutAround(lower, text string, templates [][2]string) (string, bool) {
	for _, t := range templates {
		if t[0] != "" && !startsWithWord(lower, t[0]) {
			continue
		}
		from := 0
		if t[0] != "" {
			from = len(t[0]) + 1
		}
		rest := lower[from:]
		if i := strings.Index(rest, " "+t[1]); i > 0 && (len(rest) == i+1+len(t[1]) || rest[i+1+len(t[1])] == ' ') {
			n := strings.TrimSpace(text[from : from+i])
			return n, countWords(n) <= maxSiteWords
		}
	}
	return "", false
}

// beforeGlue returns what comes before the first place where a copy glued
// two links together: a lower-case letter directly followed by a capital.
func beforeGlue(t string) (string, bool) {
	var prev rune
	for i, r := range t {
		if unicode.IsLower(prev) && unicode.IsUpper(r) {
			return t[:i], true
		}
		prev = r
	}
	return t, false
}

// dropFollowButton removes the follow button's state glued to a followed
// name ("Follow Lifehacker Followed"): bylinewords.txt's follow words.
func dropFollowButton(n string) string {
	if i := strings.LastIndexByte(n, ' '); i > 0 && bylineWordsList().follows[strings.ToLower(n[i+1:])] {
		return n[:i]
	}
	if bylineWordsList().follows[strings.ToLower(n)] {
		return ""
	}
	return n
}

// titleSuffixes reads the site's name after the headline: on the
// headline's own line, or on a line that repeats it with the name (the
// page's title, which a copy may hold above the article).
func (pc *pageCopy) titleSuffixes(b *siteBallot, title int) {
	if title < 0 {
		return
	}
	head := strings.ToLower(pc.lines[title].text)
	for i := range pc.lines {
		l := &pc.lines[i]
		if i != title && !strings.HasPrefix(l.key.lower, head) {
			continue
		}
		if _, suffix, ok := titleSuffix(l.text); ok {
			if pc.quotedWhole(i) {
				return // the post's own title, suffix and all: not the site's name
			}
			if isDashSeparated(l.text, suffix) {
				b.vote(suffix, siteTitleDashWeight, kindTitle)
			} else {
				b.vote(suffix, siteTitleWeight, kindTitle)
			}
			return
		}
	}
}

// quotedWhole reports whether another line quotes line i whole, between
// quotation marks ("25 thoughts on “How to Grow a Lemon Tree from Seed |
// Step-by-Step Guide”"): a blog's comment header quotes the post's own
// title, never the site's name beside it, so what follows a separator in
// it is the title's. (quotedElsewhere cannot tell: its parts are split at
// the separators too.)
func (pc *pageCopy) quotedWhole(i int) bool {
	t := pc.lines[i].text
	for j := range pc.lines {
		o := pc.lines[j].text
		if j != i && (strings.Contains(o, "“"+t+"”") || strings.Contains(o, "„"+t+"“") || strings.Contains(o, `"`+t+`"`)) {
			return true
		}
	}
	return false
}

// groupBrands reads the site in a group's copyright ("Healthline Media",
// "Heise Medien"): the group's first words name its main site when they
// stand on a line of their own.
func (pc *pageCopy) groupBrands(b *siteBallot) {
	for _, v := range b.votes {
		if v.kinds&kindParent == 0 {
			continue
		}
		ws := strings.Fields(v.name)
		brand := strings.ToLower(strings.Join(ws[:len(ws)-1], " "))
		if brand == "" {
			continue
		}
		for i := range pc.lines {
			if pc.lines[i].key.lower == brand {
				b.vote(pc.lines[i].text, siteCopyrightWeight, kindCopyright)
				break
			}
		}
	}
}

// choose returns the best-supported stated name: a brand before a company
// named only by the copyright notice.
func (b *siteBallot) choose() string {
	better := func(v, than *siteVote) bool {
		if than == nil {
			return true
		}
		if v.company() != than.company() {
			return than.company()
		}
		if v.score != than.score {
			return v.score > than.score
		}
		if v.joinOnly() != than.joinOnly() {
			return than.joinOnly() // a join line is the weakest statement
		}
		return v.name < than.name
	}
	var best *siteVote
	for _, v := range b.votes {
		if v.stated() && v.score >= minSiteScore && better(v, best) {
			best = v
		}
	}
	if best == nil {
		return ""
	}
	return best.name
}

// countRecurrence adds siteRecurWeight for each line (up to maxSiteRecur)
// that names a candidate: a logo, menu or footer line, "Become an Atlas
// Obscura member".
func (pc *pageCopy) countRecurrence(votes map[string]*siteVote) {
	for k, v := range votes {
		n := 0
		for i := range pc.lines {
			if n < maxSiteRecur && containsWord(pc.lines[i].key.lower, k) {
				n++
			}
		}
		// The line that stated the name is one of them.
		v.score += siteRecurWeight * max(0, n-1)
		v.lines = n
	}
}

// containsWord reports whether lower holds name as whole words.
func containsWord(lower, name string) bool {
	for off := 0; ; {
		i := strings.Index(lower[off:], name)
		if i < 0 {
			return false
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(lower[:i])
		after, _ := utf8.DecodeRuneInString(lower[i+len(name):])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return true
		}
		off = i + len(name)
	}
}

// titleSuffix splits "Headline | Site" at the last separator.
func titleSuffix(t string) (head, site string, ok bool) {
	at, sepLen := -1, 0
	for _, sep := range siteTitleSeparators {
		if i := strings.LastIndex(t, sep); i > at {
			at, sepLen = i, len(sep)
		}
	}
	if at <= 0 {
		return t, "", false
	}
	head, site = strings.TrimSpace(t[:at]), strings.TrimSpace(t[at+sepLen:])
	if countWords(head) < minTitleWords || countWords(site) > maxSiteWords || countWords(site) >= countWords(head) {
		return t, "", false
	}
	return head, site, true
}

// homeLink reads "Name homepage" and "Zur Startseite von Name".
func homeLink(lower, text string, sw *siteWords) (string, bool) {
	for _, h := range sw.home {
		if endsWithWord(lower, h) {
			name := strings.TrimSpace(text[:len(text)-len(h)-1])
			if n, ok := cutPhrase(strings.ToLower(name), name, sw.homeVerb); ok {
				name = n // "Make MSN my homepage"
			}
			return name, true
		}
	}
	return cutPhrase(lower, text, sw.homeBefore)
}

// startsWithWord reports whether lower opens with p followed by a space:
// the test of strings.HasPrefix(lower, p+" ") without building that
// string, which for every phrase on every line was a tenth of the
// cleaning time of a long copy.
func startsWithWord(lower, p string) bool {
	return len(lower) > len(p) && lower[len(p)] == ' ' && strings.HasPrefix(lower, p)
}

// endsWithWord reports whether lower ends in a space and w, as
// startsWithWord does at the start.
func endsWithWord(lower, w string) bool {
	i := len(lower) - len(w) - 1
	return i >= 0 && lower[i] == ' ' && strings.HasSuffix(lower, w)
}

// cutPhrase returns what follows one of phrases at the start of a line.
func cutPhrase(lower, text string, phrases []string) (string, bool) {
	for _, p := range phrases {
		if startsWithWord(lower, p) && len(text) > len(p)+1 {
			rest := strings.TrimSpace(text[len(p)+1:])
			if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return "", false // "Zur Startseite | Nach oben": a menu, not a name
			}
			return rest, true
		}
	}
	return "", false
}

// cutBefore returns what precedes one of phrases at the start of a line
// ("PC Gamer is part of …"); the phrases come with a space at either end
// (siteWords.partOfSpaced), as whole words, and leads are their first
// words so spaced.
func cutBefore(lower, text string, phrases, leads []string) (string, bool) {
	if strings.Count(lower, " ") < 3 {
		return "", false // "X is part of Y": four words at least
	}
	if !slices.ContainsFunc(leads, func(w string) bool { return strings.Contains(lower, w) }) {
		return "", false // a phrase opens with its lead
	}
	for _, p := range phrases {
		if i := strings.Index(lower, p); i > 0 && countWords(text[:i]) <= maxSiteWords {
			return text[:i], true
		}
	}
	return "", false
}

// cutSuffix returns what precedes one of words at the end of a line ("PC
// Gamer Newsletter").
func cutSuffix(lower, text string, words []string) (string, bool) {
	for _, w := range words {
		if endsWithWord(lower, w) && len(text) > len(w)+1 {
			return text[:len(text)-len(w)-1], true
		}
	}
	return "", false
}

// A page ends with its owner's notice: a notice that opens one of the
// copy's last footerNoticeLines lines (a brand may stand before its sign,
// links glued before it may not) weighs siteFooterNoticeWeight more, enough to
// state a brand alone ("© 2016 Ordnungsrausch."), where a notice higher up
// may be a syndicated story's ("Copyright © 2015 The Associated Press"),
// a book's or a picture's. A company or group it names still yields to a
// brand stated elsewhere.
const (
	footerNoticeLines      = 3
	siteFooterNoticeWeight = 1
)

// maxNoticeLeadWords bounds the words before the sign of a notice that
// opens a long footer line ("© 2005-2020 Healthline Media a Red Ventures
// Company. All rights reserved. Our website services …"): a brand's name
// at most, so that a sentence that mentions copyright is not read as one.
const maxNoticeLeadWords = 3

// trimSiteName drops the punctuation and company form around a name
// ("Vox Media, LLC" is "Vox Media").
func trimSiteName(name string, sw *siteWords) string {
	name = trimTrailingYears(name)
	name = strings.Trim(strings.TrimSpace(name), " .,:;|-–—·/»«\"'®™")
	lower := strings.ToLower(name)
	for _, c := range sw.company {
		if endsWithWord(lower, c) {
			name = strings.TrimRight(name[:len(name)-len(c)-1], " ,")
			break
		}
	}
	return name
}

// stripSiteSuffix removes " | Site" from a title that ends with the site's
// name.
func stripSiteSuffix(title, site string) string {
	if head, suffix, ok := titleSuffix(title); ok && strings.EqualFold(suffix, site) {
		return head
	}
	return title
}
