// Bylines: reading a line that signs an article ("By Jane Doe and John Roe",
// "Devindra Hardawar, @devindra", "ByAlex Bozarjian") into its authors' names.

package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
