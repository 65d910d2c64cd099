// Relative times: the end of a byline that says how long ago the article
// appeared ("Alex Perry 1 day ago", "James Akinaka • 8h", "vor 2 Stunden").

package article

import (
	"regexp"
	"slices"
	"strings"
)

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
