package article

import (
	"strings"
	"unicode"

	"github.com/dramatis-app/dramatis/internal/words"
)

// parseAuthors reads a byline ("By Jane Doe and John Roe", "Von Martin
// Benninghoff, Martin Kölling") into names. It returns nil unless every
// part looks like a person's name, so that a sentence is never taken for
// a byline.
func parseAuthors(s string) []string {
	s = strings.TrimSpace(s)
	low := strings.ToLower(s)
	prefixed := false
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(low, p) {
			s = s[len(p):]
			prefixed = true
			break
		}
	}
	// Roles in parentheses ("(reporting)") and trailing separators go.
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
	s = strings.Trim(b.String(), " ,|-–—·:")
	if s == "" {
		return nil
	}
	for _, sep := range []string{" und ", " and ", " & ", ";", " | ", " • "} {
		s = strings.ReplaceAll(s, sep, ",")
	}
	var names []string
	for _, part := range strings.Split(s, ",") {
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

// maxBylineNames is the most names a byline lists; more is a list of
// something else.
const maxBylineNames = 6

// bylinePrefixes introduce the authors of an article, lower-cased.
var bylinePrefixes = []string{"by ", "von ", "written by ", "text: ", "autor: ", "autorin: ", "author: ", "par ", "por ", "di ",
	"ein artikel von ", "eine analyse von ", "ein kommentar von ", "ein gastbeitrag von ", "ein interview von ",
	"eine reportage von ", "eine kolumne von ", "ein essay von ", "analysis by ", "opinion by ", "commentary by "}

// roleWords are job titles that follow names in bylines.
var roleWords = map[string]bool{
	"editor": true, "correspondent": true, "reporter": true, "writer": true, "staff": true,
	"senior": true, "chief": true, "columnist": true, "contributor": true, "technologist": true,
	"analyst": true, "director": true, "producer": true, "redakteur": true, "redakteurin": true,
	"korrespondent": true, "korrespondentin": true, "redaktion": true, "chefredakteur": true,
	"autor": true, "autorin": true, "contributing": true, "associated": true, "press": true,
}

// hasRoleWord reports a part of a byline that is a job title or outlet.
func hasRoleWord(part string) bool {
	for _, w := range strings.Fields(strings.ToLower(part)) {
		if roleWords[w] {
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
// with letters, hyphens, apostrophes and initials only.
func looksLikeName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > maxNameWords || len(s) > maxNameChars {
		return false
	}
	caps := 0
	for _, w := range ws {
		if p, _ := words.Particle(strings.ToLower(w)); p {
			continue
		}
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return false
		}
		if strings.Contains(w, ".") && !initials(w) {
			return false // only initials ("J.", "Jr.", "J.R.") carry dots
		}
		for _, c := range r {
			if !unicode.IsLetter(c) && c != '-' && c != '.' && c != '\'' && c != '’' {
				return false
			}
		}
		caps++
	}
	return caps >= 2
}
