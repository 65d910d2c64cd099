package article

import (
	"bufio"
	"fmt"
	"strings"
	"sync"
)

// parsedOnce returns a function that parses the embedded src on its first
// call and returns that result ever after; the result is read-only. The
// file is part of the build and its test parses it first, so an error
// here is a build defect and panics.
func parsedOnce[T any](src string, parse func(string) (T, error)) func() T {
	return sync.OnceValue(func() T {
		v, err := parse(src)
		if err != nil {
			panic(err)
		}
		return v
	})
}

// readKindWords reads a word list of "kind: words" lines (# starts a
// comment line; blank lines are skipped) and hands each line's kind and
// lower-cased words to add. A line without a colon or words, or one add
// refuses, is an error naming the file and line.
func readKindWords(file, src string, add func(kind, words string) error) error {
	return readKindLines(file, src, func(kind, w string) error {
		return add(kind, strings.ToLower(w))
	})
}

// readKindLines reads "kind: words" lines as readKindWords does, but hands
// add the words as the file writes them, for a list matched in its case.
func readKindLines(file, src string, add func(kind, words string) error) error {
	sc := bufio.NewScanner(strings.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, w, ok := strings.Cut(line, ":")
		if w = strings.TrimSpace(w); !ok || w == "" {
			return fmt.Errorf("%s line %d: want \"kind: words\", got %q", file, n, line)
		}
		if err := add(strings.TrimSpace(kind), w); err != nil {
			return fmt.Errorf("%s line %d: %w", file, n, err)
		}
	}
	return sc.Err()
}
