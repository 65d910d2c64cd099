package article

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/internal/words"
)

// parseAuthors reads a byline ("By Jane Doe and John Roe", "Von Martin
// Benninghoff, Martin Kölling") into names. It returns nil unless every
// part looks like a person's name, so that a sentence is never taken for
// a byline.
func parseAuthors(s string) []string {
	s, prefixed := cutBylinePrefix(strings.TrimSpace(s))
	// Roles in parentheses ("(reporting)") and trailing separators go.
	s = strings.Trim(withoutParenthesized(s), " ,|-–—·:")
	if s == "" {
		return nil
	}
	for _, sep := range []string{" und ", " and ", " & ", " y ", " et ", ";", " | ", " • "} {
		s = strings.ReplaceAll(s, sep, ",")
	}
	var names []string
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if !looksLikeName(part) || hasRoleWord(part) {
			// After "By" the names come first; an outlet or a job title
			// ("CNN", "Senior Correspondent") ends them. Without "By",
			// a part that is no name means the line is no byline.
			if prefixed && len(names) > 0 {
				break
			}
			return nil
		}
		names = append(names, part)
	}
	if len(names) > maxBylineNames {
		return nil
	}
	return names
}

// withoutParenthesized drops the parts of s in parentheses, and every
// bracket. Most lines have none, and are returned as they are without
// copying them rune by rune.
func withoutParenthesized(s string) string {
	if strings.IndexAny(s, "()") < 0 {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// maxBylineNames is the most names a byline lists; more is a list of
// something else.
const maxBylineNames = 6

// hasRoleWord reports a part of a byline that is a job title or outlet.
func hasRoleWord(part string) bool {
	for _, w := range strings.Fields(strings.ToLower(part)) {
		if bylineWordsList().roles[w] {
			return true
		}
	}
	return false
}

// initials reports a word like "J.", "Jr." or "J.R.": dot-ended pieces of
// at most two letters.
func initials(w string) bool {
	if !strings.HasSuffix(w, ".") {
		return false
	}
	for _, p := range strings.Split(strings.TrimSuffix(w, "."), ".") {
		if n := len([]rune(p)); n == 0 || n > 2 {
			return false
		}
	}
	return true
}

// looksLikeName accepts 2–5 words, each capitalised or a name particle,
// with letters, hyphens, apostrophes and initials only, none of them a
// word that ties names to an outlet or place ("Anna Schmidt Aus Berlin",
// "Back To The Future"; isLinkWord).
func looksLikeName(s string) bool {
	if len(s) > maxNameChars {
		return false
	}
	n := 0
	for range strings.FieldsSeq(s) {
		if n++; n > maxNameWords {
			return false
		}
	}
	if n < 2 {
		return false
	}
	caps, whole := 0, false
	for w := range strings.FieldsSeq(s) {
		if isParticle(w) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || isLinkWord(w) || isPossessive(w) {
			return false
		}
		if strings.Contains(w, ".") && !initials(w) {
			return false // only initials ("J.", "Jr.", "J.R.") carry dots
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '-' && c != '.' && c != '\'' && c != '’' {
				return false
			}
		}
		caps++
		whole = whole || !initials(w) && utf8.RuneCountInString(w) > 1
	}
	return caps >= 2 && whole // "R. R" is initials only
}

// isPossessive reports a word in the possessive ("Phranc’s", "Daniel's"):
// a headline's or a brand's, not a person's name.
func isPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// maxLinkWordBytes is the longest of bylinewords.txt's link words ("from",
// "with", "für"): a longer word is none, and is not lower-cased to look.
const maxLinkWordBytes = 4

// isLinkWord reports a word that ties a byline's names to what follows
// them ("For", "Aus"; bylinewords.txt link), whatever its case.
func isLinkWord(w string) bool {
	if len(w) > maxLinkWordBytes {
		return false
	}
	var buf [maxLinkWordBytes]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return bylineWordsList().links[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return bylineWordsList().links[string(buf[:len(w)])]
}

// maxParticleBytes is the room for lower-casing a word in place: longer
// than any name particle ("van der", "de la" are read word by word).
const maxParticleBytes = 16

// isParticle reports a name particle ("von", "de"), whatever its case. An
// ASCII word is lower-cased on the stack (ASCII lower-casing is what
// strings.ToLower does to it); others take strings.ToLower.
func isParticle(w string) bool {
	var buf [maxParticleBytes]byte
	if len(w) > len(buf) {
		p, _ := words.Particle(strings.ToLower(w))
		return p
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			p, _ := words.Particle(strings.ToLower(w))
			return p
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	p, _ := words.Particle(string(buf[:len(w)]))
	return p
}

// maxLeadingNameWords is the longest name taken from the start of a byline
// that goes on with other words ("By Lucy Akins eHow Contributor").
const maxLeadingNameWords = 4

// bylineSeparators join the names of a byline. The words "and" and
// "und" join them in any case ("By Glen Owen And Brendan Carlin"): they
// are minFoldedSeparator bytes with their spaces, and a shorter one in
// capitals is an initial ("John E Smith").
var bylineSeparators = []string{", ", " and ", " und ", " & ", " y ", " et ", " e ", "; "}

const minFoldedSeparator = len(" and ")

// asciiLower lower-cases the ASCII letters of s and leaves every other
// byte, so that offsets into the result are offsets into s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// leadingAuthors reads the names that open a byline after its prefix
// ("By Erin Cunningham March 18 at 3:57 PM Follow @erin", "By Alex Heath,
// a deputy editor …"): each part between separators contributes the
// longest run of words at its start that looks like a name; the first
// part without one ends the names. It returns nil when t has no byline
// prefix or no name follows it.
func leadingAuthors(t string) []string {
	t = strings.TrimLeftFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	if !hasBylinePrefix(t) {
		return nil
	}
	if names := parseAuthors(t); names != nil {
		return names
	}
	t, _ = cutBylinePrefix(t)
	var names []string
	for t != "" {
		part, rest := t, ""
		cut := len(t)
		folded := asciiLower(t)
		for _, sep := range bylineSeparators {
			hay := t
			if len(sep) >= minFoldedSeparator {
				hay = folded
			}
			if i := strings.Index(hay, sep); i >= 0 && i < cut {
				cut, part, rest = i, t[:i], t[i+len(sep):]
			}
		}
		part = withoutHonorifics(part)
		name := leadingName(part)
		if name == "" || hasRoleWord(name) {
			break
		}
		names = append(names, name)
		if len(strings.Fields(name)) < len(strings.Fields(part)) {
			break // the part went on after the name: the byline's names end
		}
		t = rest
	}
	if len(names) == 0 || len(names) > maxBylineNames {
		return nil
	}
	return names
}

// withoutHonorifics drops the academic and social titles that open a name
// in a byline ("Prof. Dr. Benjamin-Immanuel Hoff", "Mag. Anna Schmidt";
// bylinewords.txt honorific): the name is the person's without them.
func withoutHonorifics(s string) string {
	for {
		w, rest, _ := strings.Cut(strings.TrimLeft(s, " "), " ")
		if !bylineWordsList().honorifics[strings.ToLower(w)] {
			return s
		}
		s = rest
	}
}

// leadingName returns the longest run of words at the start of s that
// looks like a person's name, without a month's name or a handle glued to
// its end ("Alissa Wilkinson@alissamarie"), and ending before a word that
// ties the names to an outlet or a place, which title case capitalises
// ("Brendan Carlin For The Mail On Sunday"; bylinewords.txt link).
func leadingName(s string) string {
	ws := strings.Fields(s)
	for k, w := range ws {
		if isLinkWord(w) {
			ws = ws[:k]
			break
		}
	}
	for n := min(len(ws), maxLeadingNameWords); n >= 2; n-- {
		cand := ws[:n]
		last := cand[n-1]
		if at := strings.IndexByte(last, '@'); at > 0 {
			cand = append(cand[:n-1:n-1], last[:at])
		}
		if _, month := words.Month(strings.ToLower(strings.Trim(cand[len(cand)-1], ".,"))); month {
			continue
		}
		if name := strings.Join(cand, " "); looksLikeName(strings.TrimRight(name, ",.")) {
			return strings.TrimRight(name, ",.")
		}
	}
	return ""
}

// datelineAuthors reads the names in what a date line holds besides the
// date ("Martin Benninghoff, Martin Kölling", "By Erin Cunningham … Follow
// @erin"): the names after a byline prefix at its start, or further on
// unless a credit's word stands before it ("Tech Industry by Steven
// Musil", "Le Monde | 04.05.2015 | Par Martin Untersinger"); else its
// other words, once those that go with a date are gone — times, counts
// ("- 91 Ergänzungen"), "Uhr", "Zuletzt geändert", links to the comments
// ("Schreibe einen Kommentar") and words without a letter (a bare comment
// count, a slash).
func datelineAuthors(rest string) []string {
	if names := leadingAuthors(rest); names != nil {
		return names
	}
	names, credit := innerByline(rest)
	if names != nil || credit {
		return names // a credit's name is the photographer's ("Bild von Anna Schmidt")
	}
	if names := parseAuthors(trimMetaWords(rest)); names != nil {
		return names
	}
	return parseAuthors(nameWords(dropCounts(trimMetaWords(withoutCommentLinks(rest)))))
}

// innerByline reads the names after a byline prefix that stands inside a
// line rather than at its start, as a dateline holds it after a rubric or
// a date ("Tech Industry by Steven Musil", "… | Par Martin Untersinger"):
// names that no word in lower case follows, as a sentence goes on after
// them ("Rede von Moritz Leuenberger beim Städtegipfel"), and no credit's
// word before the prefix ("Photo by Jane Doe", bylinewords.txt credit).
// It reports a credit it met before any names.
func innerByline(t string) (names []string, credit bool) {
	for p := 1; p < len(t); p++ {
		if !isRegexpSpace(t[p-1]) || isRegexpSpace(t[p]) || !hasBylinePrefix(t[p:]) {
			continue
		}
		before, _ := lastWord(t[:p])
		if bylineWordsList().credits[strings.ToLower(strings.TrimFunc(before, notLetter))] {
			credit = true
			continue
		}
		names := leadingAuthors(t[p:])
		if names == nil {
			continue
		}
		last := names[len(names)-1]
		if at := strings.Index(t[p:], last); at >= 0 {
			if next, _ := utf8.DecodeRuneInString(strings.TrimSpace(t[p+at+len(last):])); unicode.IsLower(next) {
				continue
			}
		}
		return names, false
	}
	return nil, credit
}

// isMark reports a rune that is neither letter nor digit: the marks a
// button wears ("+ FOLLOW").
func isMark(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// notLetter reports a rune that is no letter, which trimming a word of its
// punctuation removes.
func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// meridiems are the words after a time of day that dropCounts leaves
// ("11:10 PM"); "am" alone is German ("am 3. März"), so only its upper
// case counts.
var meridiems = map[string]bool{"PM": true, "pm": true, "Pm": true, "p.m.": true, "a.m.": true, "AM": true}

// nameWords keeps the words of s that may be part of a name or part the
// names: words with a letter, not a time's "PM", and the separators
// parseAuthors splits at ("&", "•"). A count ("13") or a slash is no part
// of a name.
func nameWords(s string) string {
	var out []string
	for f := range strings.FieldsSeq(s) {
		if f == "&" || f == "•" || strings.IndexFunc(f, unicode.IsLetter) >= 0 && !meridiems[f] {
			out = append(out, f)
		}
	}
	return strings.Join(out, " ")
}

// withoutCommentLinks removes the links to the comments a dateline holds
// ("Schreibe einen Kommentar", "Leave a comment"; bylinewords.txt
// comment) where they stand as whole words.
func withoutCommentLinks(s string) string {
	lower := strings.ToLower(s)
	if len(lower) != len(s) {
		return s // a rune changed its length: the offsets would not carry over
	}
	for _, c := range bylineWordsList().comments {
		for from := 0; ; {
			i := strings.Index(lower[from:], c)
			if i < 0 {
				break
			}
			i += from
			end := i + len(c)
			if wordEdge(lower, i, end) {
				s = s[:i] + strings.Repeat(" ", len(c)) + s[end:]
				lower = lower[:i] + strings.Repeat(" ", len(c)) + lower[end:]
			}
			from = end
		}
	}
	return s
}

// wordEdge reports whether s[i:end] stands as whole words: no letter
// directly before or after it.
func wordEdge(s string, i, end int) bool {
	if r, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && unicode.IsLetter(r) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[end:])
	return end == len(s) || !unicode.IsLetter(r)
}

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

// relativeTimeRe matches the end of a byline that says how long ago the
// article appeared ("Alex Perry 1 day ago", "James Akinaka • 8h"); it is
// compiled once and never changes.
var relativeTimeRe = regexp.MustCompile(`(?i)\s*(?:[•·|–-]\s*)?(?:\d+\s*(?:h|m|d|min|std\.?)|\d+\s+\w+\s+ago|vor\s+\d+\s+\w+|yesterday|gestern)\s*$`)

// mayEndInRelativeTime reports a line relativeTimeRe may match, from its
// last three words (between the white space of \s): a number and a unit
// ("8h", "5 min", "3 Std."), a number, a word and "ago", "vor", a number
// and a word, or "yesterday" or "gestern" at the end. It is a necessary
// condition, case folded as (?i) folds ("ſtd"), and it spares most lines
// the expression, the costliest step of reading a copy's bylines.
func mayEndInRelativeTime(t string) bool {
	w1, rest := lastWord(t)
	w2, rest := lastWord(rest)
	w3, _ := lastWord(rest)
	return endsInUnit(w1, w2) ||
		strings.EqualFold(w1, "ago") && endsInDigit(w3) ||
		isDigits(w2) && len(w3) >= len("vor") && strings.EqualFold(w3[len(w3)-len("vor"):], "vor") ||
		endsInDay(w1)
}

// lastWord splits t into its last word and what precedes it, words being
// separated by the white space of regexp's \s.
func lastWord(t string) (word, before string) {
	end := len(t)
	for end > 0 && isRegexpSpace(t[end-1]) {
		end--
	}
	start := end
	for start > 0 && !isRegexpSpace(t[start-1]) {
		start--
	}
	return t[start:end], t[:start]
}

// isRegexpSpace reports the bytes regexp's \s matches.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// relativeTimeUnits are the units of relativeTimeRe's "\d+\s*unit".
var relativeTimeUnits = []string{"h", "m", "d", "min", "std"}

// endsInUnit reports a last word w1 that is a unit after a number, glued
// to it ("8h") or with the number the word before (w2: "5 min").
func endsInUnit(w1, w2 string) bool {
	u := strings.TrimSuffix(w1, ".")
	j := len(u)
	for j > 0 && !isDigit(u[j-1]) {
		j--
	}
	if j == 0 && !endsInDigit(w2) {
		return false
	}
	return slices.ContainsFunc(relativeTimeUnits, func(unit string) bool { return strings.EqualFold(u[j:], unit) })
}

// endsInDay reports a last word ending in "yesterday" or "gestern", in any
// case; (?i) also folds "ſ" (two bytes) to "s", hence the byte longer.
func endsInDay(w string) bool {
	for _, day := range []string{"yesterday", "gestern"} {
		for _, n := range []int{len(day), len(day) + 1} {
			if len(w) >= n && strings.EqualFold(w[len(w)-n:], day) {
				return true
			}
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func endsInDigit(w string) bool { return w != "" && isDigit(w[len(w)-1]) }

// isDigits reports a word of ASCII digits only.
func isDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return w != ""
}

// bareAuthors reads a line that is only names, maybe with the time since
// it appeared after them, their handles ("Devindra Hardawar, @devindra")
// or the one-word places or outlets between them (placesBetween), or a
// byline glued to its "By" ("ByAlex Bozarjian").
func bareAuthors(t string) []string {
	if mayEndInRelativeTime(t) {
		t = relativeTimeRe.ReplaceAllString(t, "")
	}
	if g := unglueBylinePrefix(t); g != t {
		return leadingAuthors(g)
	}
	if strings.IndexByte(t, '@') >= 0 {
		t = withoutHandles(t)
	}
	if names := parseAuthors(t); names != nil || strings.IndexByte(t, ',') < 0 {
		return names
	}
	if names := namesWithRole(t); names != nil {
		return names
	}
	return placesBetween(t)
}

// namesWithRole reads a line of names parted by commas that go on to the
// author's job title ("Sarah Hinger, Staff Attorney, ACLU Racial Justice
// Program", "Jane Doe, Senior Editor"): the names before the first part
// that is none, which must hold a role word; else nil.
func namesWithRole(t string) []string {
	var names []string
	for part := range strings.SplitSeq(t, ",") {
		part = strings.TrimSpace(part)
		if looksLikeName(part) && !hasRoleWord(part) {
			names = append(names, part)
			continue
		}
		if len(names) == 0 || !hasRoleWord(part) || len(names) > maxBylineNames {
			return nil
		}
		return names
	}
	return nil
}

// withoutHandles drops the words of t that are handles ("@devindra"): a
// byline shows the author's account beside the name.
func withoutHandles(t string) string {
	var out []string
	for f := range strings.FieldsSeq(t) {
		if !strings.HasPrefix(f, "@") {
			out = append(out, f)
		}
	}
	return strings.Join(out, " ")
}

// placesBetween reads a line of names parted by commas that holds single
// capitalised words too: the place the author writes from or the outlet
// ("Markus M. Haefliger, London, Beat Bumbacher", "Jane Doe, Reuters"). A
// line that opens with such a word is a list of places or sections, not a
// byline.
func placesBetween(t string) []string {
	parts := strings.Split(t, ",")
	var names []string
	for k, part := range parts {
		part = strings.TrimSpace(part)
		if ws := strings.Fields(part); len(ws) == 1 && capitalised(ws[0]) && k > 0 {
			continue
		}
		names = append(names, part)
	}
	if len(names) == len(parts) {
		return nil
	}
	return parseAuthors(strings.Join(names, ", "))
}

// unglueBylinePrefix puts the space back between a byline's prefix and the
// name a copy glued to it ("ByAlex" is "By Alex", "VonAnna" "Von Anna").
func unglueBylinePrefix(t string) string {
	for _, p := range bylineWordsList().prefixes {
		p = strings.TrimSpace(p)
		if len(t) > len(p)+1 && strings.EqualFold(t[:len(p)], p) {
			if r, _ := utf8.DecodeRuneInString(t[len(p):]); unicode.IsUpper(r) {
				if prev, _ := utf8.DecodeLastRuneInString(t[:len(p)]); unicode.IsLower(prev) {
					return t[:len(p)] + " " + t[len(p):]
				}
			}
		}
	}
	return t
}

// A line of names without "By" is a byline only if its words are names:
// a word the copy also writes in lower case is an ordinary word
// ("Keine Kommentare", "Grüne Energie", "This Blog", "Meta-Programming In
// Emacs"), as are a weekday's name ("Wien Mittwoch"; months are given
// names and surnames too: June, May) and the
// words of a page's labels (bylinewords.txt's notname: "Paid Content"). The
// first word (a given name) counts once it is written so once, a later one
// (a surname: "Link", "Weber") only from minCommonWordUses times, and name
// particles ("von der") never.
const minCommonWordUses = 2

// personsOnly returns names unless the line that gave them has no byline
// prefix and one of them is made of ordinary words; then nil.
func (pc *pageCopy) personsOnly(names []string, line string) []string {
	if names == nil || hasBylinePrefix(strings.TrimLeftFunc(line, func(r rune) bool { return !unicode.IsLetter(r) })) {
		return names
	}
	for _, n := range names {
		if pc.ordinaryWords(n) {
			return nil
		}
	}
	return names
}

// maxWeekdayAbbrev is the length of a weekday's abbreviation ("Di",
// "Mon"), which names hold too ("Mark Di Stefano"): only a day's full name
// spoils a name.
const maxWeekdayAbbrev = 3

// ordinaryWords reports a name one of whose words is an ordinary word of
// the copy or a day's name.
func (pc *pageCopy) ordinaryWords(name string) bool {
	for k, w := range strings.Fields(name) {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		if weekdays[lw] && len(lw) > maxWeekdayAbbrev || bylineWordsList().notNames[lw] {
			return true
		}
		if p, _ := words.Particle(lw); p && k > 0 {
			continue
		}
		need := minCommonWordUses
		if k == 0 {
			need = 1
		}
		if lw != w && pc.lowerUses(lw, need) >= need {
			return true
		}
	}
	return false
}

// lowerUses counts, up to limit, the copy's prose words that are w as
// written in lower case: whole words between spaces, so that a handle
// ("ben_silverman") does not count.
func (pc *pageCopy) lowerUses(w string, limit int) int {
	n := 0
	for i := range pc.lines {
		l := &pc.lines[i]
		if !l.prose {
			continue
		}
		for f := range strings.FieldsSeq(l.text) {
			// Handles and addresses ("ben_silverman", "@ben") are no words.
			if f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) }); f == w {
				if n++; n >= limit {
					return n
				}
			}
		}
	}
	return n
}

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

// mixedCase reports a name that oneCase refuses.
func mixedCase(name string) bool { return !oneCase(name) }

// oneCase reports a name whose words (particles and initials aside) are
// all in title case or all in upper case.
func oneCase(name string) bool {
	upper, title := 0, 0
	for w := range strings.FieldsSeq(name) {
		if isParticle(w) || initials(w) {
			continue
		}
		if strings.ToUpper(w) == w {
			upper++
		} else {
			title++
		}
	}
	return upper == 0 || title == 0
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
