// Datelines: the authors' names a date line holds besides its date, once the
// words that go with a date (times, counts, links to the comments) are gone.

package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
