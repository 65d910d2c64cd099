package article

import (
	"strings"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/internal/grapheme"
)

// Lengths of an article's metadata. The longest real headlines, with a
// kicker run into them, stay under 300 characters, and teasers under a
// thousand; a page whose <title> or description holds a whole chapter (or
// a megabyte of junk) gets them cut, so that lists, notes and file names
// stay readable. The article's body is never cut.
const (
	maxTitleRunes       = 400
	maxDescriptionRunes = 2000
	maxMetaRunes        = 200 // kicker, site name, each author
)

// wordCutSlack is how far back from the limit truncateText looks for a
// space to cut at, as a share of the limit, before cutting inside a word.
const wordCutSlack = 0.2

// truncateText shortens s to at most limit characters (code points),
// ending with "…": at the last space within the final fifth of the limit,
// otherwise at the last whole grapheme cluster, so that a cut never leaves
// half a flag or a letter without its accent.
func truncateText(s string, limit int) string {
	if len(s) <= limit || utf8.RuneCountInString(s) <= limit {
		return s
	}
	runes := []rune(s)
	cut := grapheme.Floor(runes, limit-1) // leave room for the ellipsis
	head := string(runes[:cut])
	if i := strings.LastIndexByte(head, ' '); i >= 0 && utf8.RuneCountInString(head[i:]) <= int(wordCutSlack*float64(limit)) {
		head = head[:i]
	}
	return strings.TrimRight(head, " ") + "…"
}
