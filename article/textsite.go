package article

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A page copy names its site in its chrome: the logo link ("The Verge
// homepage"), the headline's suffix (" | FASSETTE.NET"), the copyright
// notice ("© 2021 Bundesamt für Naturschutz"), a follow or welcome line
// ("Folgen Sie ZEIT ONLINE"), the logo's text on the first line, and the
// name on other lines of the copy. Each source is evidence of a
// weight; the name with the most, at least minSiteScore, is the site, when
// one of the sources besides the logo line and recurrence states it. The
// logo link is surest; a copyright notice often names the parent company
// ("Vox Media, LLC" on The Verge) and a follow line an author, so each
// needs a second sign; the first line alone is the weakest.
const (
	siteHomeWeight      = 4
	siteTitleWeight     = 3
	siteCopyrightWeight = 2
	siteFollowWeight    = 2
	siteLogoWeight      = 1
	siteRecurWeight     = 1
	minSiteScore        = 3
)

// A site's name has at most maxSiteWords words and minSiteRunes letters;
// a line read for one has at most maxChromeLineWords words (a copyright
// notice maxCopyrightWords); the logo is looked for in the first
// logoLines kept lines; a name is counted on at most maxSiteRecur lines
// of its own.
const (
	maxSiteWords       = 6
	minSiteRunes       = 2
	maxChromeLineWords = 8
	logoLines          = 2
	maxSiteRecur       = 3
)

// siteTitleSeparators part a page title from the site's name.
var siteTitleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · "}

// siteVote is the evidence for one name.
type siteVote struct {
	name   string
	score  int
	stated bool // by a logo link, title suffix, copyright or follow line, not only as a line of its own
}

// siteName returns the site's name as the copy states it, or "". title
// is the headline's line (-1 when none), [s, e) the body, whose copyright
// signs credit photos, not the site.
func (pc *pageCopy) siteName(title, s, e int) string {
	sw := siteWordsList()
	votes := map[string]*siteVote{}
	vote := func(name string, weight int) {
		name = trimSiteName(name, sw)
		if !plausibleSiteName(name) || sw.notName[strings.ToLower(name)] {
			return
		}
		k := strings.ToLower(name)
		if votes[k] == nil {
			votes[k] = &siteVote{name: name}
		}
		votes[k].score += weight
		votes[k].stated = votes[k].stated || weight > siteLogoWeight
	}
	logos := 0
	for i := range pc.lines {
		l := &pc.lines[i]
		if n, ok := copyrightOwner(l.text, sw); ok && l.words <= maxCopyrightWords && (i < s || i >= e) {
			vote(n, siteCopyrightWeight)
		}
		if l.words > maxChromeLineWords {
			continue
		}
		if n, ok := homeLink(l.key.lower, l.text, sw); ok {
			vote(n, siteHomeWeight)
		}
		if n, ok := cutPhrase(l.key.lower, l.text, sw.follow); ok && countWords(n) <= maxSiteWords {
			vote(cutAtWord(n, []string{" on ", " auf ", " bei "}), siteFollowWeight)
		}
		if logos < logoLines && !l.drop && l.words <= maxSiteWords {
			logos++
			vote(l.text, siteLogoWeight)
		}
	}
	if title >= 0 {
		if _, suffix, ok := titleSuffix(pc.lines[title].text); ok {
			vote(suffix, siteTitleWeight)
		}
	}
	pc.countRecurrence(votes)
	var best *siteVote
	for _, v := range votes {
		if v.stated && v.score >= minSiteScore && (best == nil || v.score > best.score || v.score == best.score && v.name < best.name) {
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
		if strings.HasSuffix(lower, " "+h) {
			return strings.TrimSpace(text[:len(text)-len(h)-1]), true
		}
	}
	return cutPhrase(lower, text, sw.homeBefore)
}

// cutPhrase returns what follows one of phrases at the start of a line.
func cutPhrase(lower, text string, phrases []string) (string, bool) {
	for _, p := range phrases {
		if strings.HasPrefix(lower, p+" ") && len(text) > len(p)+1 {
			return strings.TrimSpace(text[len(p)+1:]), true
		}
	}
	return "", false
}

// copyrightOwner reads the name in a copyright notice: what follows the
// sign and the years, up to the first sentence end, separator or "All
// rights reserved".
func copyrightOwner(t string, sw *siteWords) (string, bool) {
	lower := strings.ToLower(t)
	at := -1
	for _, c := range sw.copyright {
		if i := strings.Index(lower, c); i >= 0 && (at < 0 || i < at) {
			at = i + len(c)
		}
	}
	if at < 0 {
		return "", false
	}
	rest := strings.TrimLeftFunc(t[at:], func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune("©-–—,.:/()", r)
	})
	for _, c := range sw.copyright { // "Copyright © 2019 Name"
		if strings.HasPrefix(strings.ToLower(rest), c) {
			return copyrightOwner(rest, sw)
		}
	}
	rest = cutAtWord(rest, append([]string{". ", " | ", ", ", " / ", " - ", " – ", " — ", " · "}, sw.rights...))
	return strings.TrimRight(rest, ". "), rest != ""
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

// trimSiteName drops the punctuation and company form around a name
// ("Vox Media, LLC" is "Vox Media").
func trimSiteName(name string, sw *siteWords) string {
	name = strings.TrimRightFunc(name, func(r rune) bool { return unicode.IsDigit(r) || unicode.IsSpace(r) || r == '-' || r == '–' })
	name = strings.Trim(strings.TrimSpace(name), " .,:;|-–—·/»«\"'")
	lower := strings.ToLower(name)
	for _, c := range sw.company {
		if strings.HasSuffix(lower, " "+c) {
			name = strings.TrimRight(name[:len(name)-len(c)-1], " ,")
			break
		}
	}
	return name
}

// plausibleSiteName: a few words that start with a letter or digit, not a
// date, sentence or menu label.
func plausibleSiteName(name string) bool {
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
	if _, dated := findTextDate(name, ""); dated {
		return false
	}
	return !strings.HasSuffix(name, "?") && !strings.HasSuffix(name, "!")
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
	home, homeBefore, follow, copyright, rights, company []string
	notName                                              map[string]bool
}

// loadedSiteWords parses the embedded list once; a malformed list is a
// build defect, which TestSiteWordsList catches.
var loadedSiteWords = sync.OnceValues(func() (*siteWords, error) {
	return parseSiteWords(siteWordsFile)
})

// siteWordsList returns the site word lists.
func siteWordsList() *siteWords {
	sw, err := loadedSiteWords()
	if err != nil {
		panic(err) // the embedded file is part of the build; its test fails first
	}
	return sw
}

// parseSiteWords reads "kind: words" lines; # starts a comment.
func parseSiteWords(src string) (*siteWords, error) {
	sw := &siteWords{notName: map[string]bool{}}
	var notName []string
	lists := map[string]*[]string{
		"notname": &notName,
		"home":    &sw.home, "homebefore": &sw.homeBefore, "follow": &sw.follow,
		"copyright": &sw.copyright, "rights": &sw.rights, "company": &sw.company,
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
	// Longest first, so that "zur startseite von" wins over "zur startseite".
	for _, l := range lists {
		slices.SortStableFunc(*l, func(a, b string) int { return len(b) - len(a) })
	}
	return sw, nil
}
