package article

import (
	"strings"
	"sync"
	"unicode"
)

// stopWords are the most frequent short function words of each language.
// Counting them is a cheap and robust language guess for news text: page
// furniture (menus, names) contains few of them, article prose many.
var stopWords = map[string][]string{
	"de": {"der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "sich", "auf", "für", "den", "dem", "des", "auch", "wie", "wird", "sind", "noch", "nach", "bei", "aus", "über", "zu", "im", "vom", "zum", "zur", "dass", "oder", "aber", "wurde", "hat", "haben"},
	"en": {"the", "and", "is", "of", "to", "in", "that", "it", "was", "for", "on", "are", "with", "as", "this", "by", "have", "from", "be", "at", "not", "which", "were", "has", "had", "they", "their", "would", "been", "but"},
	"fr": {"le", "la", "les", "et", "est", "des", "une", "dans", "que", "qui", "pour", "pas", "sur", "au", "du", "avec", "ce", "il", "sont", "mais", "ont", "été", "aux", "cette"},
	"es": {"el", "los", "las", "y", "es", "del", "una", "en", "que", "por", "para", "con", "no", "se", "su", "al", "lo", "como", "más", "pero", "sus", "fue", "este", "esta"},
	"it": {"il", "di", "che", "è", "per", "una", "sono", "della", "del", "nel", "gli", "con", "non", "si", "da", "anche", "come", "alla", "dei", "delle", "più"},
	"nl": {"de", "het", "een", "en", "van", "is", "dat", "niet", "zijn", "op", "voor", "met", "ook", "aan", "er", "maar", "om", "wordt", "naar", "bij"},
	"pt": {"o", "os", "as", "e", "é", "do", "da", "dos", "das", "em", "um", "uma", "para", "com", "não", "que", "por", "mais", "na", "no", "ao", "foi"},
}

// langOrder makes ties and iteration deterministic.
var langOrder = []string{"de", "en", "fr", "es", "it", "nl", "pt"}

// detectSample caps how much text the guess reads; a few tens of
// kilobytes of prose decide it as well as megabytes.
const detectSample = 64 << 10

// stopWordIndex maps each stop word to the languages (indexes into
// langOrder) it belongs to; built once, never changed.
var stopWordIndex = sync.OnceValue(func() map[string][]int {
	m := map[string][]int{}
	for li, lang := range langOrder {
		for _, w := range stopWords[lang] {
			m[w] = append(m[w], li)
		}
	}
	return m
})

// DetectLang guesses the language of text ("de", "en", "fr", "es", "it",
// "nl", "pt") from stop-word frequencies, or returns "" when the text is too
// short or too mixed to tell.
func DetectLang(text string) string {
	if len(text) > detectSample {
		text = text[:detectSample]
	}
	text = strings.ToLower(text)
	lookup := stopWordIndex()
	counts := make([]int, len(langOrder))
	start := -1
	for i, r := range text + " " {
		if unicode.IsLetter(r) || r == '\'' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && i-start <= 7 {
			for _, li := range lookup[text[start:i]] {
				counts[li]++
			}
		}
		start = -1
	}
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
	if counts[best] < 5 || float64(counts[best]) < 1.3*float64(second) {
		return ""
	}
	return langOrder[best]
}
