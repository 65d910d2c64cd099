package article

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/internal/words"
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

// copyright reads the owner of a copyright notice, and the brand a
// dated notice follows ("Luxurious Magazine © 2011-2019", "Citylab.com
// © 2019 The Atlantic Monthly Group"): a picture's credit is undated, so
// the name before a dated sign is the site's, not a caption's subject.
func (b *siteBallot) copyright(lower, t string, last bool) {
	at := noticeSign(lower, b.sw)
	if at < 0 {
		return // most lines: no notice, and nothing to lower-case again
	}
	weight := siteCopyrightWeight
	if last {
		weight += siteFooterNoticeWeight
	}
	if brand, ok := noticeBrand(t, at); ok && len(lower) == len(t) {
		b.vote(brand, weight, kindCopyright)
	}
	if b.pictureCredit(lower, t) {
		return
	}
	n, ok := copyrightOwner(t, b.sw)
	if !ok || !isSiteNotice(t, n, b.sw) && isPhotoCredit(t, n, trimSiteName(n, b.sw)) {
		return
	}
	switch trimmed := trimSiteName(n, b.sw); {
	case b.sw.isGroup(trimmed):
		b.vote(n, siteParentWeight, kindParent)
	case !strings.EqualFold(trimmed, strings.Trim(n, " .,")) || companyFollows(t, n, b.sw) || b.sw.namesMember(lower):
		b.vote(n, siteCopyrightWeight, kindCompany)
	default:
		b.vote(n, weight, kindCopyright)
	}
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

// copyrightOwner reads the name in a copyright notice: what follows the
// sign and the years, up to the first sentence end, separator or "All
// rights reserved".
func copyrightOwner(t string, sw *siteWords) (string, bool) {
	lower := strings.ToLower(t)
	// The first sign, the longest at its place ("Copyrights" before
	// "Copyright"): sw.copyright is sorted longest first.
	start, at := -1, -1
	for _, c := range sw.copyright {
		if i := strings.Index(lower, c); i >= 0 && (start < 0 || i < start) {
			start, at = i, i+len(c)
		}
	}
	if at < 0 || at > len(t) {
		return "", false
	}
	// "Copyright © 2019 Name", "Copyright (C) 2012 Name": a second sign
	// is read before the parenthesis of "(C)" is trimmed as punctuation.
	rest := strings.TrimLeftFunc(t[at:], func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune("©-–—,.:/)", r)
	})
	for _, c := range sw.copyright {
		if strings.HasPrefix(strings.ToLower(rest), c) {
			return copyrightOwner(rest, sw)
		}
	}
	rest = strings.TrimLeftFunc(rest, func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune("©-–—,.:/()", r)
	})
	for _, w := range sw.ownerLead { // "© 2000 - 2020 by FinanceScout24"
		if startsWithWord(rest, w) { // lower case: "VON DER SEE" is a name
			rest = rest[len(w)+1:]
			break
		}
	}
	rest = cutAtWord(rest, append([]string{". ", " | ", ", ", " / ", " - ", " – ", " — ", " · "}, append(sw.rights, sw.ownerEndSpaced...)...))
	rest = cutAfterCompany(rest, sw)
	return strings.TrimRight(rest, ". "), rest != ""
}

// pictureCredit reads a sign that a picture's word introduces ("FOTOS:
// © BURKARD MEYER", "Bild © ARD"): the owner took or sold the picture,
// and is not the site wherever else the copy names him, even in
// capitals, which the site's own notices use ("© ZEIT ONLINE").
func (b *siteBallot) pictureCredit(lower, t string) bool {
	at := noticeSign(lower, b.sw)
	if at <= 0 {
		return false
	}
	ws := strings.Fields(strings.TrimRight(lower[:at], " :"))
	if len(ws) == 0 || !slices.Contains(b.sw.pictureWords, strings.TrimRight(ws[len(ws)-1], ".:")) {
		return false
	}
	if n, ok := copyrightOwner(t[at:], b.sw); ok && len(lower) == len(t) { // at is an offset of lower
		b.vote(n, 0, kindCredit)
	}
	return true
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

// opensWithNotice reports a line that opens with a copyright notice,
// which copyrightOwner reads up to its first sentence end however long
// the line.
//
// A label's colon before the sign ("Associated Press articles: Copyright
// ©") makes it a notice of the content labelled, not the page's; after a
// separator ("Imprint | Copyrights ©") the notice opens its part of the
// line.
func opensWithNotice(lower string, sw *siteWords) bool {
	at := noticeSign(lower, sw)
	return at == 0 || at > 0 && countWords(lower[:at]) <= maxNoticeLeadWords && !strings.HasSuffix(strings.TrimSpace(lower[:at]), ":")
}

// endsWithMark reports text before a sign that ends in a separator or a
// colon ("Imprint | Copyrights ©", "Associated Press articles:
// Copyright ©"): a link or a label before the notice, not a brand.
func endsWithMark(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(before))
	return unicode.IsPunct(r) || unicode.IsSymbol(r) && r != '®' && r != '™'
}

// noticeSign returns where the first copyright sign of lower starts, or -1.
func noticeSign(lower string, sw *siteWords) int {
	at := -1
	for _, c := range sw.copyright {
		if i := strings.Index(lower, c); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// noticeBrand returns the name before the sign of a dated notice
// ("HR Journal © 2023"); the sign is at byte at of the lower-cased line,
// which is byte at of t when lower-casing kept the line's length (a few
// letters change theirs; such a line is not read).
func noticeBrand(t string, at int) (string, bool) {
	if at <= 0 || at > len(t) || !hasYear(t[at:]) {
		return "", false
	}
	brand := strings.TrimSpace(t[:at])
	if endsWithMark(brand) {
		return "", false // "Imprint | Copyrights © 2017", "Mobile Seite • ©": a link before the notice
	}
	return brand, brand != "" && countWords(brand) <= maxNoticeLeadWords
}

// hasYear reports four digits in a row: the year a site's notice gives.
func hasYear(t string) bool {
	for _, f := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsDigit(r) }) {
		if len(f) == 4 {
			return true
		}
	}
	return false
}

// isSiteNotice reports a notice that reserves rights or gives its owner a
// company form ("© NOW Grenada. All Rights Reserved.", "© The Planetary
// Press, Inc."): a site's, which a picture's credit never says, though
// it may be undated like one.
func isSiteNotice(t, owner string, sw *siteWords) bool {
	lower := strings.ToLower(t)
	for _, r := range sw.rights {
		if strings.Contains(lower, r) {
			return true
		}
	}
	return companyFollows(t, owner, sw)
}

// companyFollows reports a company form right after the owner, which
// copyrightOwner cut at the comma before it ("© 2015 EHM Productions,
// Inc.").
func companyFollows(t, owner string, sw *siteWords) bool {
	i := strings.Index(t, owner)
	if i < 0 {
		return false
	}
	after := strings.TrimLeft(strings.ToLower(t[i+len(owner):]), " ,")
	for _, c := range sw.company {
		if after == c || startsWithWord(after, c) || strings.HasPrefix(after, c+".") || strings.HasPrefix(after, c+",") {
			return true
		}
	}
	return false
}

// cutAfterCompany ends an owner's name at its company form ("Appen
// Limited Privacy Statement": the footer's links glued to the notice).
func cutAfterCompany(owner string, sw *siteWords) string {
	ws := strings.Fields(owner)
	for k, w := range ws[:max(0, len(ws)-1)] {
		if k > 0 && slices.Contains(sw.company, strings.ToLower(w)) {
			return strings.Join(ws[:k+1], " ")
		}
	}
	return owner
}

// cutAtWord cuts s at the first of marks (compared in lower case).
func cutAtWord(s string, marks []string) string {
	lower := strings.ToLower(s)
	cut := len(s)
	for _, m := range marks {
		if i := strings.Index(lower, m); i >= 0 && i < cut {
			cut = i
		}
	}
	return strings.TrimSpace(s[:cut])
}

// trimTrailingYears drops the years and dashes after a name ("Wevolver
// 2024", "Name 2011 - 2019") but not the digits a name ends in ("TAG24",
// "DiEM25", "Happyface313"): those follow a letter directly.
func trimTrailingYears(name string) string {
	for {
		t := strings.TrimRightFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '–' })
		head := strings.TrimRightFunc(t, unicode.IsDigit)
		if head == t {
			return t // no digits at the end
		}
		if r, _ := utf8.DecodeLastRuneInString(head); unicode.IsLetter(r) {
			return t // "TAG24"
		}
		name = head
	}
}

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

// plausible reports a name: a few words that start with a letter or
// digit, not a date, sentence, menu label or words any page uses ("Nach
// oben", "Our Newsletter").
func (sw *siteWords) plausible(name string) bool {
	n := countWords(name)
	if n == 0 || n > maxSiteWords || utf8.RuneCountInString(name) < minSiteRunes {
		return false
	}
	r, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) || !hasLetterWord(name) {
		return false
	}
	if first, _, _ := strings.Cut(name, " "); startsLower(first) && !strings.Contains(first, ".") {
		return false // "uns", "den Verlag": words of a sentence; "netzpolitik.org" is a name
	}
	if strings.ContainsFunc(name, func(r rune) bool { return unicode.IsSymbol(r) && r != '&' && r != '+' || r == ':' }) {
		return false // "Nach oben ↑", "Foto: Skoda": a label, not a name
	}
	if _, dated := findTextDate(name, ""); dated {
		return false
	}
	// Names do not end in a function word ("Download the", "Infos zum")
	// or start with one other than an article ("Our WABE", "Über die").
	ws := strings.Fields(strings.ToLower(name))
	if first := ws[0]; sw.function[first] && !slices.Contains(sw.article, first) || sw.function[ws[len(ws)-1]] {
		return false
	}
	// A lower-case word inside it other than a function word makes it a
	// sentence ("Trailer stellt Platinum Edition vor", "Du bist Halle").
	// ws[k] is word k lower-cased: strings.ToLower maps rune by rune and
	// keeps the spaces where they were.
	for k, w := range strings.Fields(name) {
		if k > 0 && startsLower(w) && !sw.function[w] && !strings.Contains(w, ".") {
			if p, _ := words.Particle(ws[k]); !p {
				return false
			}
		}
	}
	common := true
	for _, w := range ws {
		common = common && (sw.notName[w] || sw.function[w])
	}
	if common || sw.notName[strings.ToLower(name)] {
		return false // "Mehr News", "Getty Images"
	}
	return !strings.HasSuffix(name, "?") && !strings.HasSuffix(name, "!")
}

// isPhotoCredit reports a copyright sign that credits a picture: a
// person or an agency and a person ("© Burkard Meyer", "© Werk/Christian
// Houdek") without a year, which a site's notice gives, and without a
// company form.
func isPhotoCredit(line, owner, trimmed string) bool {
	if strings.Contains(owner, "/") {
		return true
	}
	year := hasYear(line)
	// "© Siebengebirgsmuseum / Heimatverein Siebengebirge e. V.": a
	// picture's owners, parted where copyrightOwner cut; a dated notice
	// may name the site and its publisher so ("© 2023 ERFOLG Magazin /
	// Backhaus Verlag").
	if i := strings.Index(line, owner); !year && i >= 0 && strings.HasPrefix(strings.TrimSpace(line[i+len(owner):]), "/") {
		return true
	}
	// "© ZEIT ONLINE" and "© Handelsblatt GmbH" are the site's.
	return !year && looksLikeName(owner) && strings.ToUpper(owner) != owner && trimmed == strings.Trim(owner, " .,")
}

// namesCompany reports a company among the first maxSiteWords words
// after a "part of" phrase ("… is part of Future US Inc, an international
// media group"): the sentence says whose the site is, which "Ukraine is
// part of Europe" does not.
func (sw *siteWords) namesCompany(rest string) bool {
	ws := strings.Fields(rest)
	for i, w := range ws {
		if i > maxSiteWords+2 {
			break
		}
		w = strings.Trim(w, ".,;:")
		if slices.Contains(sw.parentWords, w) || slices.Contains(sw.company, w) {
			return true
		}
	}
	return false
}

// namesMember reports a notice that says its owner belongs to a group
// ("© 2021 Springer Fachmedien München. Part of the Springer Nature
// group."): the owner is a company of the group, not a brand.
func (sw *siteWords) namesMember(lower string) bool {
	for _, m := range sw.memberOf {
		if strings.Contains(lower, m) {
			return true
		}
	}
	return false
}

// isGroup reports a company's name that ends with a group's word ("Vox
// Media", "Leaf Group"): the parent of the sites it runs.
func (sw *siteWords) isGroup(name string) bool {
	ws := strings.Fields(strings.ToLower(name))
	return len(ws) > 0 && slices.Contains(sw.parentWords, strings.Trim(ws[len(ws)-1], ".,"))
}

// stripSiteSuffix removes " | Site" from a title that ends with the site's
// name.
func stripSiteSuffix(title, site string) string {
	if head, suffix, ok := titleSuffix(title); ok && strings.EqualFold(suffix, site) {
		return head
	}
	return title
}

// The words around a site's name are data (sitewords.txt), so that a
// newsroom's "Zur Startseite von" is added without a change to the logic.
//
//go:embed sitewords.txt
var siteWordsFile string

// siteWords is the parsed sitewords.txt. It is read-only once built.
type siteWords struct {
	home, homeBefore, follow, copyright, rights, company  []string
	partOf, product, parentWords, article, join, homeVerb []string
	crumbRoot                                             []string // capitalised, as a trail shows them
	joinAt, memberOf                                      []string
	ownerLead, ownerEnd, callArticle, pictureWords        []string
	// ownerEndSpaced are the ownerEnd words with a space at either end.
	ownerEndSpaced []string
	// followAround are the follow entries with a "*", split at it: the
	// words before the name and after it.
	followAround                   [][2]string
	notName, otherDomain, function map[string]bool
	// partOfSpaced are the partOf phrases with a space at either end, built
	// once rather than for every line of a copy; partOfLeads are their
	// first words so spaced, one of which a line must hold to hold a
	// phrase (three searches for most lines instead of one a phrase).
	partOfSpaced, partOfLeads []string
}

// siteWordsList returns the site word lists, parsed once; a malformed list
// is a build defect, which TestSiteWordsList catches.
var siteWordsList = parsedOnce(siteWordsFile, parseSiteWords)

// parseSiteWords reads "kind: words" lines; # starts a comment.
func parseSiteWords(src string) (*siteWords, error) {
	sw := &siteWords{notName: map[string]bool{}, otherDomain: map[string]bool{}, function: map[string]bool{}}
	var notName, otherDomain, function []string
	lists := map[string]*[]string{
		"notname": &notName, "otherdomain": &otherDomain, "function": &function,
		"partof": &sw.partOf, "product": &sw.product, "parentword": &sw.parentWords, "article": &sw.article, "join": &sw.join, "joinat": &sw.joinAt, "memberof": &sw.memberOf, "homeverb": &sw.homeVerb,
		"home": &sw.home, "homebefore": &sw.homeBefore, "follow": &sw.follow,
		"ownerlead": &sw.ownerLead, "ownerend": &sw.ownerEnd, "callarticle": &sw.callArticle, "picture": &sw.pictureWords,
		"copyright": &sw.copyright, "rights": &sw.rights, "company": &sw.company,
		"crumbroot": &sw.crumbRoot,
	}
	err := readKindWords("sitewords.txt", src, func(kind, w string) error {
		list := lists[kind]
		if list == nil {
			return fmt.Errorf("unknown kind %q", kind)
		}
		*list = append(*list, w)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, w := range notName {
		sw.notName[w] = true
	}
	for _, w := range otherDomain {
		sw.otherDomain[w] = true
	}
	for _, w := range function {
		sw.function[w] = true
	}
	// Longest first, so that "zur startseite von" wins over "zur startseite".
	for _, l := range lists {
		slices.SortStableFunc(*l, func(a, b string) int { return len(b) - len(a) })
	}
	for i, w := range sw.crumbRoot {
		r, n := utf8.DecodeRuneInString(w)
		sw.crumbRoot[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	sw.follow = slices.DeleteFunc(sw.follow, func(f string) bool {
		before, after, ok := strings.Cut(f, "*")
		if ok {
			sw.followAround = append(sw.followAround, [2]string{strings.TrimSpace(before), strings.TrimSpace(after)})
		}
		return ok
	})
	for _, w := range sw.ownerEnd {
		sw.ownerEndSpaced = append(sw.ownerEndSpaced, " "+w+" ")
	}
	for _, p := range sw.partOf {
		sw.partOfSpaced = append(sw.partOfSpaced, " "+p+" ")
		lead, _, _ := strings.Cut(p, " ")
		if lead = " " + lead + " "; !slices.Contains(sw.partOfLeads, lead) {
			sw.partOfLeads = append(sw.partOfLeads, lead)
		}
	}
	return sw, nil
}
