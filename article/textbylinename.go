// Names in a byline: what a person's name looks like (its words, initials,
// particles and case), and the copy's ordinary words that no name is made of.

package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/internal/words"
)

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
