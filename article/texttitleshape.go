package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// headlineCandidate: a line that may be a headline by its shape: not
// furniture, minTitleWords to maxTitleWords words, no list of tags, no
// caption credit, byline or date, not a numbered item.
func (pc *pageCopy) headlineCandidate(l *copyLine) bool {
	if l.drop && !l.boxed || l.words < minTitleWords || l.words > maxTitleWords || utf8.RuneCountInString(l.text) > maxTitleChars {
		return false
	}
	t := strings.TrimRight(l.text, " \"'“”»")
	if strings.HasSuffix(t, ",") || strings.HasSuffix(t, ":") || strings.HasSuffix(t, ";") {
		return false
	}
	if first, _, _ := strings.Cut(l.text, " "); startsLower(first) || strings.HasPrefix(first, "#") || bulleted(l.text) {
		return false // lower case, a hashtag, an item of a list
	}
	if !hasLetterWord(l.text) {
		return false // figures: a rating, a period of dates, a score
	}
	if signsOrCredits(l.text) || isFileName(l.text) || numberedItem(l.text) || isTagList(l.text) || isBreadcrumb(l.text) || strings.Contains(l.text, "©") {
		return false
	}
	if pc.isSiteName(l) || pc.notHeadline(l) {
		return false
	}
	return true
}

// signsOrCredits reports a byline or credit line; a line that only starts
// like one ("Von der Leyen will …", "By the numbers: …") without a name
// after "By"/"Von" is a headline that may start so.
func signsOrCredits(t string) bool {
	if hasBylinePrefix(t) {
		return leadingAuthors(t) != nil
	}
	return isCreditLine(t)
}

// hasLetterWord reports whether a word of t holds a letter.
func hasLetterWord(t string) bool {
	return strings.IndexFunc(t, unicode.IsLetter) >= 0
}

// breadcrumbSeparators join the items of a breadcrumb trail ("Home /
// Politik / Ausland").
var breadcrumbSeparators = []string{" / ", " » ", " > ", " › ", " | ", " :: "}

// isBreadcrumb reports a line of two or more separators of one kind: a
// trail of links or a row of buttons, not a headline (which may hold one,
// "Schule / Bildung: …").
func isBreadcrumb(t string) bool {
	for _, sep := range breadcrumbSeparators {
		if strings.Count(t, sep) >= 2 {
			return true
		}
	}
	return strings.Count(t, ">") >= 2 || strings.HasPrefix(t, "|") || strings.HasPrefix(t, "Home /") || strings.HasPrefix(t, "Startseite /") || gluedCrumbs(t)
}

// gluedCrumbs reports a breadcrumb trail copied without separators, its
// root (sitewords.txt's crumbroot) glued to the next item at the start of
// a word ("StartseiteKulturfragen…", "SLF StartseiteLawinenbulletin und
// Schneesituation…" after the site's logo).
func gluedCrumbs(t string) bool {
	for _, root := range siteWordsList().crumbRoot {
		for at := 0; ; {
			k := strings.Index(t[at:], root)
			if k < 0 {
				break
			}
			k += at
			at = k + len(root)
			if k > 0 && t[k-1] != ' ' {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(t[at:]); unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

// isSiteName reports a line that the page's copyright notice names ("©
// 2021 Bundesamt für Naturschutz"): the publisher's name, as its logo or
// a heading of the page, not a headline.
func (pc *pageCopy) isSiteName(l *copyLine) bool {
	for _, h := range pc.copyrightHolders() {
		if strings.Contains(h, l.key.lower) {
			return true
		}
	}
	return false
}

// holderEnds end the holder's name in a copyright notice: what follows
// is the page's title ("© TV TODAY: Will Smith - TV TODAY") or a rights
// clause.
var holderEnds = []string{" - ", " – ", " | ", ": ", ". ", ", "}

// copyrightHolder returns the name a lower-cased copyright notice holds:
// the words after the sign and the years, up to a separator.
func copyrightHolder(t string) string {
	t = strings.NewReplacer("©", " ", "copyright", " ", "(c)", " ").Replace(t)
	t = strings.TrimLeftFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsDigit(r) || r == '-' || r == '–' || r == ','
	})
	for _, sep := range holderEnds {
		if k := strings.Index(t, sep); k > 0 {
			t = t[:k]
		}
	}
	return strings.TrimSpace(strings.TrimRightFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsDigit(r) || r == '-' || r == '–'
	}))
}

// copyrightHolders returns the holders named by the copy's copyright
// notices (copyrightHolder), found once.
func (pc *pageCopy) copyrightHolders() []string {
	if pc.holders == nil {
		pc.holders = []string{}
		for i := range pc.lines {
			l := &pc.lines[i]
			if l.words <= maxCopyrightWords && (strings.Contains(l.text, "©") || strings.HasPrefix(l.key.lower, "copyright")) {
				pc.holders = append(pc.holders, copyrightHolder(l.key.lower))
			}
		}
	}
	return pc.holders
}

// isFileName reports a line that is the name of an image or document file
// (a picture's alternative text left as its name).
func isFileName(t string) bool {
	if strings.Contains(t, " ") {
		return false
	}
	ext := strings.ToLower(t[strings.LastIndexByte(t, '.')+1:])
	switch ext {
	case "jpg", "jpeg", "png", "gif", "webp", "svg", "pdf", "tif", "tiff", "avif":
		return true
	}
	return false
}

// startsLower reports a word that starts in lower case and has no capital
// ("iPhone" and "eBay" are names, "und" is not).
func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r) && countUpper(w) == 0
}

// isTagList reports a line of comma-separated labels ("Bildung,
// Homeschooling, Schule"): several items of at most two words each.
func isTagList(t string) bool {
	parts := strings.Split(t, ",")
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		if len(strings.Fields(p)) > 2 {
			return false
		}
	}
	return true
}
