package article

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// The words that make or stand by a byline are data (bylinewords.txt), so
// that a newsroom's "Eine Analyse von" or "min read" is added without a
// change to the cleaner's logic.
//
//go:embed bylinewords.txt
var bylineWordsFile string

// bylineWords is the parsed bylinewords.txt. It is read-only once built.
type bylineWords struct {
	prefixes []string // lower-cased, with the space that follows them; longest first
	// byInitial holds the prefixes by their first byte, as most lines
	// are asked whether they open with one.
	byInitial map[byte][]string
	// labelEnds are the last words of the labels and of the prefixes
	// without their colon, with which a line that heads a byline ends.
	labelEnds  map[string]bool
	roles      map[string]bool
	readTimes  []string
	follows    map[string]bool
	bios       map[string]bool
	notNames   map[string]bool
	dated      map[string]bool
	labels     map[string]bool
	credits    map[string]bool
	links      map[string]bool
	honorifics map[string]bool
	buttons    map[string]bool
	comments   []string // lower case; longest first, so that "keine kommentare" goes before "kommentare"
	// creditLines open a line of credits or a byline before "by"/"von",
	// in the file's order.
	creditLines []string
}

// bylineWordsList returns the byline word lists, parsed once; a malformed
// list is a build defect, which TestBylineWordsList catches.
var bylineWordsList = parsedOnce(bylineWordsFile, parseBylineWords)

// parseBylineWords reads "kind: words" lines; # starts a comment.
func parseBylineWords(src string) (*bylineWords, error) {
	bw := &bylineWords{roles: map[string]bool{}, follows: map[string]bool{}, bios: map[string]bool{}, notNames: map[string]bool{}, dated: map[string]bool{},
		labels: map[string]bool{}, credits: map[string]bool{}, links: map[string]bool{}, honorifics: map[string]bool{}, buttons: map[string]bool{}}
	// The kinds that are sets of words, and the kinds that are lists.
	sets := map[string]map[string]bool{
		"role": bw.roles, "follow": bw.follows, "bio": bw.bios, "notname": bw.notNames, "dated": bw.dated,
		"label": bw.labels, "credit": bw.credits, "link": bw.links, "honorific": bw.honorifics, "button": bw.buttons,
	}
	lists := map[string]*[]string{"readtime": &bw.readTimes, "comment": &bw.comments, "creditline": &bw.creditLines}
	err := readKindWords("bylinewords.txt", src, func(kind, w string) error {
		switch {
		case kind == "prefix":
			bw.prefixes = append(bw.prefixes, w+" ")
		case sets[kind] != nil:
			sets[kind][w] = true
		case lists[kind] != nil:
			*lists[kind] = append(*lists[kind], w)
		default:
			return fmt.Errorf("unknown kind %q", kind)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(bw.prefixes, func(a, b string) int { return len(b) - len(a) })
	bw.byInitial, bw.labelEnds = map[byte][]string{}, map[string]bool{}
	for _, p := range bw.prefixes {
		if p[0] >= utf8.RuneSelf {
			return nil, fmt.Errorf("prefix %q: a prefix opens with an ASCII letter", p)
		}
		bw.byInitial[p[0]] = append(bw.byInitial[p[0]], p)
		ws := strings.Fields(strings.TrimRight(p, ": "))
		bw.labelEnds[ws[len(ws)-1]] = true
	}
	for l := range bw.labels {
		ws := strings.Fields(l)
		bw.labelEnds[ws[len(ws)-1]] = true
	}
	slices.SortStableFunc(bw.comments, func(a, b string) int { return len(b) - len(a) })
	return bw, nil
}

// cutBylinePrefix returns s without the byline prefix it starts with
// ("By ", "Eine Analyse von "), and whether it had one.
func cutBylinePrefix(s string) (string, bool) {
	if s == "" {
		return s, false
	}
	bw := bylineWordsList()
	candidates := bw.prefixes // a rune that folds to ASCII ("ſ", "K") asks them all
	if c := s[0]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		candidates = bw.byInitial[c]
	}
	for _, p := range candidates {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return s[len(p):], true
		}
	}
	return s, false
}
