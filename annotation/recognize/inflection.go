package recognize

import (
	"strings"
	"unicode/utf8"
)

// adjectiveEndings are the German strong and weak adjective endings that a
// demonym stem ending in -isch takes ("chinesisch" → "chinesische",
// "nordkoreanischer", "russischen").
var adjectiveEndings = [...]string{"em", "en", "er", "es", "e"}

// Word lengths (in bytes, a cheap upper bound of the letters) below which
// baseForms takes no ending off: shorter words are names or stems as they
// stand ("Bus", "Ems"), and a name ending in -n or -es must keep at least
// four letters ("Iran" is not an inflected "Ira").
const (
	minInflected  = 4
	minLongEnding = 5 // for -es and -n
)

// minAdjectiveLen is the shortest word (runes) adjectiveBases strips an
// adjective ending from: "deutsche" is an inflected adjective, "Oder" or
// "Rose" is not.
const minAdjectiveLen = 5

// Leading words shorter than these (runes) are never declined: they are
// articles and name particles ("Le", "De", "Des"), not adjectives.
const (
	minDeclinableE  = 4 // ends in -e: "Neue", "Vereinigte"
	minDeclinableES = 5 // ends in -es: "Weißes"
)

// baseForms appends to buf the forms a folded word may have before
// inflection, for the last word of an alias: German genitive -s/-es
// ("Chinas", "Russlands", "Kremls"), dative/plural -n ("Chinesen" from
// "Chinese"), English possessives ("China's", "Russia’s" — already folded to
// an ASCII apostrophe), and German adjective endings on stems in -isch
// ("südkoreanischen" → "südkoreanisch"). The word itself is not included.
// A form is only a guess; it counts when an alias with exactly that form
// exists, and case rules on the alias still apply.
func baseForms(w string, buf []string) []string {
	n := len(w) // bytes: a cheap upper bound of the length in letters
	switch {
	case strings.HasSuffix(w, "'s"):
		return append(buf, w[:len(w)-2])
	case strings.HasSuffix(w, "'"):
		return append(buf, w[:len(w)-1])
	}
	if n < minInflected {
		return buf
	}
	if strings.Contains(w, "isch") {
		for _, e := range adjectiveEndings {
			if strings.HasSuffix(w, e) && strings.HasSuffix(w[:len(w)-len(e)], "isch") {
				return append(buf, w[:len(w)-len(e)])
			}
		}
	}
	if strings.HasSuffix(w, "es") && n >= minLongEnding {
		buf = append(buf, w[:len(w)-2])
	}
	if strings.HasSuffix(w, "s") {
		buf = append(buf, w[:len(w)-1])
	}
	if strings.HasSuffix(w, "n") && n >= minLongEnding {
		buf = append(buf, w[:len(w)-1])
	}
	return buf
}

// declined returns the German weak-declension variant of a multi-word name
// whose leading words are adjectives ("Vereinigte Staaten" → "Vereinigten
// Staaten", "Weißes Haus" → "Weißen Haus"), or "" when there is none. The
// last word's own endings are handled by baseForms at match time.
func declined(words []string) []string {
	if len(words) < 2 {
		return nil
	}
	// Most names have no leading word to decline: find out before
	// allocating.
	decl := false
	for _, w := range words[:len(words)-1] {
		if declinable(w) {
			decl = true
			break
		}
	}
	if !decl {
		return nil
	}
	out := make([]string, len(words))
	changed := false
	for i, w := range words {
		out[i] = w
		if i == len(words)-1 {
			break
		}
		switch {
		case strings.HasSuffix(w, "es") && utf8.RuneCountInString(w) >= minDeclinableES:
			out[i] = w[:len(w)-2] + "en"
			changed = true
		case strings.HasSuffix(w, "e") && utf8.RuneCountInString(w) >= minDeclinableE:
			out[i] = w + "n"
			changed = true
		}
	}
	if !changed {
		return nil
	}
	return out
}

// declinable reports whether a leading word of a name may be an adjective
// in the strong form ("Vereinigte", "Weißes").
func declinable(w string) bool {
	return (strings.HasSuffix(w, "es") && utf8.RuneCountInString(w) >= minDeclinableES) ||
		(strings.HasSuffix(w, "e") && utf8.RuneCountInString(w) >= minDeclinableE)
}

// adjectiveBases appends the stems a folded word may have under a German
// adjective ending ("deutsche" → "deutsch", "britischen" → "britisch").
// They only count for demonym adjective aliases, since stripping "-e" from
// any word would invent too many false stems.
func adjectiveBases(w string, buf []string) []string {
	if utf8.RuneCountInString(w) < minAdjectiveLen {
		return buf
	}
	for _, e := range adjectiveEndings {
		if strings.HasSuffix(w, e) {
			buf = append(buf, w[:len(w)-len(e)])
		}
	}
	return buf
}
