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
