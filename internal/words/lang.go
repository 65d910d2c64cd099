package words

import (
	"slices"
	"strings"
	"unicode"
)

// detectSample caps how much text the guess reads; a few tens of
// kilobytes of prose decide it as well as megabytes.
const detectSample = 64 << 10

// Languages returns the languages DetectLang knows (those with a file in
// stopwords/), sorted.
func Languages() []string {
	return append([]string(nil), loaded().langs...)
}

// Thresholds of the guess: a language needs minStopWords of its function
// words and leadFactor times as many as the runner-up, or the text is too
// short or too mixed to tell. maxStopWordBytes skips longer words unread:
// no listed function word is longer.
const (
	minStopWords     = 5
	leadFactor       = 1.3
	maxStopWordBytes = 7
)

// DetectLang guesses the language of text (one of Languages) from the
// frequencies of each language's function words, or returns "" when the
// text is too short or too mixed to tell.
func DetectLang(text string) string {
	l := loaded()
	counts := l.count(text)
	best, second := -1, 0
	for i, c := range counts {
		if best < 0 || c > counts[best] {
			if best >= 0 {
				second = max(second, counts[best])
			}
			best = i
		} else {
			second = max(second, c)
		}
	}
	if counts[best] < minStopWords || float64(counts[best]) < leadFactor*float64(second) {
		return ""
	}
	return l.langs[best]
}

// GuessAmong is the guess for a caller that must pick one of a few
// languages however little text it has (say, to name things in it): the
// one of langs whose function words text has most of, and the first of
// langs on a tie or when it has none.
func GuessAmong(text string, langs ...string) string {
	l := loaded()
	counts := l.count(text)
	best, bestCount := "", -1
	for _, lang := range langs {
		c := 0
		if i, ok := slices.BinarySearch(l.langs, lang); ok {
			c = counts[i]
		}
		if c > bestCount {
			best, bestCount = lang, c
		}
	}
	return best
}

// count counts the function words of each language (indexes into
// l.langs) in the first detectSample bytes of text.
func (l *lists) count(text string) []int {
	if len(text) > detectSample {
		text = text[:detectSample]
	}
	text = strings.ToLower(text)
	counts := make([]int, len(l.langs))
	start := -1
	for i, r := range text + " " {
		if unicode.IsLetter(r) || r == '\'' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && i-start <= maxStopWordBytes {
			for _, li := range l.stopWords[text[start:i]] {
				counts[li]++
			}
		}
		start = -1
	}
	return counts
}
