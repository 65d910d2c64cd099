// Line words: the word lists of linewords.txt that mark a line of a copy
// as no prose (an approximate amount of a field, a server's error level),
// and their parsing.

package article

import (
	_ "embed"
	"fmt"
	"strings"
)

// The words that mark a line as no prose are data (linewords.txt), so that
// a language's "etwa" is added without a change to the cleaner's logic.
//
//go:embed linewords.txt
var lineWordsFile string

// lineWords is the parsed linewords.txt. It is read-only once built.
type lineWords struct {
	approx map[string]bool // lower case
	// serverErrors are the error levels as the server writes them, each
	// with the ": " that follows it.
	serverErrors []string
}

// lineWordsList returns the line word lists, parsed once; a malformed list
// is a build defect, which TestLineWordsList catches.
var lineWordsList = parsedOnce(lineWordsFile, parseLineWords)

// parseLineWords reads "kind: words" lines; # starts a comment. The words
// keep their case: a server's error level is matched as written.
func parseLineWords(src string) (*lineWords, error) {
	lw := &lineWords{approx: map[string]bool{}}
	err := readKindLines("linewords.txt", src, func(kind, w string) error {
		switch kind {
		case "approx":
			lw.approx[strings.ToLower(w)] = true
		case "servererror":
			lw.serverErrors = append(lw.serverErrors, w+": ")
		default:
			return fmt.Errorf("unknown kind %q", kind)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return lw, nil
}
