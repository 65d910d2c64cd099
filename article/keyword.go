package article

import "strings"

// keywords is a list of lower-case fragments matched against class and id
// names. Pages carry thousands of class attributes, and plain substring
// search over them is an order of magnitude faster than regular
// expressions with many alternatives.
type keywords []string

// in reports whether lower (already lower-cased) contains a fragment.
func (k keywords) in(lower string) bool {
	for _, w := range k {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// asWord reports whether lower contains a fragment as a whole word: not
// preceded or followed by a letter or digit ("share-bar", "btn_share" match,
// "timeshare" does not).
func (k keywords) asWord(lower string) bool {
	for _, w := range k {
		for from := 0; ; {
			i := strings.Index(lower[from:], w)
			if i < 0 {
				break
			}
			i += from
			end := i + len(w)
			if (i == 0 || !isAlnum(lower[i-1])) && (end == len(lower) || !isAlnum(lower[end])) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
}

// hasField reports whether one of the space-separated names in lower is
// exactly name.
func hasField(lower, name string) bool {
	for _, f := range strings.Fields(lower) {
		if f == name {
			return true
		}
	}
	return false
}
