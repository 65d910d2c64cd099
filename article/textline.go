package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// joinWrapped joins a paragraph that the page broke into lines (<br>,
// hard-wrapped plain text): a line that does not end a sentence followed,
// without a blank line, by one that starts in lower case is the same
// paragraph. Furniture lines are never joined.
func (pc *pageCopy) joinWrapped() {
	ls := pc.lines
	out := ls[:0]
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		var b strings.Builder
		last := l.text
		// A line the page marked as its headline is a whole line: the
		// words under it are a subtitle or a byline, not its rest.
		for i+1 < len(ls) && !l.drop && !ls[i+1].drop && !ls[i+1].para && continues(last, ls[i+1].text) &&
			!pc.isHeadline(last) && !pc.isHeadline(ls[i+1].text) {
			if b.Len() == 0 {
				b.WriteString(l.text)
			}
			if !strings.HasSuffix(last, "-") || strings.HasSuffix(last, " -") {
				b.WriteByte(' ')
			}
			last = ls[i+1].text
			b.WriteString(last)
			i++
		}
		if b.Len() > 0 {
			l.text = b.String()
			l.words = countWords(l.text)
			l.prose = isProse(l.text, l.words)
			// The phrase lists and the title and site guesses read the
			// key: it must be the joined line's, not its first line's.
			l.key = newPhraseKey(l.text)
		}
		out = append(out, l)
	}
	pc.lines = out
}

// continues reports whether next carries on the sentence that prev breaks
// off. A line that only says how long ago the article appeared ("vor 4
// Monaten", "gestern"), or that ends with a date after a few words ("selbst
// ist der Mann 22.02.2021", a magazine's name in lower case), is the
// dateline under a headline, not the rest of it.
func continues(prev, next string) bool {
	if endsSentence(prev) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r) && countWords(prev) >= 2 && !isRelativeTime(next) && !endsWithDate(next)
}

// endsWithDate reports a line that ends with a date and has at most
// datelineWords other words: a dateline.
func endsWithDate(t string) bool {
	d, ok := findTextDate(t, "")
	return ok && strings.TrimSpace(t[d.end:]) == "" && countWords(trimMetaWords(t[:d.start])) <= datelineWords
}

// isRelativeTime reports a line that is only the time since the article
// appeared, as relativeTimeRe reads it at the end of a byline.
func isRelativeTime(t string) bool {
	if !mayEndInRelativeTime(t) {
		return false
	}
	loc := relativeTimeRe.FindStringIndex(t)
	return loc != nil && loc[0] == 0
}

// cleanLine is CleanInline of one line of the copy; most lines are clean
// once trimmed and take CleanInline's fast path.
func cleanLine(raw string) string {
	if t := strings.TrimSpace(raw); isCleanInline(t) {
		return t
	}
	return CleanInline(raw)
}

// trimGluedPhrases cuts button labels glued to the end of a line ("…12:22
// Uhr Artikel anhören"), as a copy joins inline elements without a break.
func (pc *pageCopy) trimGluedPhrases(t string) string {
	for changed := true; changed; {
		changed = false
		for _, bp := range pc.bps {
			if nt, ok := bp.TrimSuffix(t); ok {
				if pc.isWholePhrase(t) {
					return t // "Lesen Sie mehr zum Thema" is a phrase of its own
				}
				t, changed = nt, true
			}
		}
	}
	return t
}

// isWholePhrase reports whether the line as a whole is a listed phrase.
func (pc *pageCopy) isWholePhrase(t string) bool {
	k := newPhraseKey(t)
	for _, bp := range pc.bps {
		if bp.lines[k.fold] || bp.sections[k.fold] || bp.ends[k.fold] {
			return true
		}
	}
	return false
}

// splitGluedSentences splits a line where a sentence end is directly
// followed by a capitalised word without a space ("…schien.Martin
// Benninghoff"): two blocks of the page that the copy joined. Initials and
// abbreviations ("U.S.", "z.B.") do not qualify: two lower-case letters must
// precede the punctuation, and upper then lower case must follow.
func splitGluedSentences(t string) []string {
	if !hasGlue(t) {
		return []string{t}
	}
	var parts []string
	rs := []rune(t)
	start := 0
	for i := 2; i+2 < len(rs); i++ {
		if !strings.ContainsRune(".!?", rs[i]) || !unicode.IsLower(rs[i-1]) || !unicode.IsLower(rs[i-2]) {
			continue
		}
		j := i + 1
		if strings.ContainsRune("\"“”»«'’", rs[j]) {
			j++
		}
		if j+1 < len(rs) && unicode.IsUpper(rs[j]) && unicode.IsLower(rs[j+1]) {
			parts = append(parts, strings.TrimSpace(string(rs[start:j])))
			start = j
		}
	}
	if start == 0 {
		return []string{t}
	}
	return append(parts, strings.TrimSpace(string(rs[start:])))
}

// hasGlue is the cheap test before splitGluedSentences: sentence
// punctuation directly followed by a letter or a quote.
func hasGlue(t string) bool {
	for i := 0; i+1 < len(t); i++ {
		if c := t[i]; c == '.' || c == '!' || c == '?' {
			n := t[i+1]
			if n >= 'A' && n <= 'Z' || n >= 0x80 || n == '"' || n == '\'' {
				return true
			}
		}
	}
	return false
}

// countWords counts runs of letters and digits; in scripts written without
// spaces (Chinese, Japanese) every two characters count as a word, which
// is about what a word is there.
func countWords(s string) int {
	n, in, cjk := 0, false, 0
	for i := 0; i < len(s); i++ {
		// ASCII by table; the first other byte hands over to the
		// rune loop below.
		c := s[i]
		if c >= utf8.RuneSelf {
			n2, _, cjk2 := countWordsFrom(s[i:], in)
			return n + n2 + (cjk+cjk2+1)/2
		}
		w := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if w && !in {
			n++
		}
		in = w
	}
	return n + (cjk+1)/2
}

// firstCombiningMark is the first code point of the combining marks
// (U+0300); below it no rune is a mark.
const firstCombiningMark = 0x300

// countWordsFrom counts as countWords does, rune by rune, from a state in
// which the previous character was (in) or was not part of a word.
func countWordsFrom(s string, in bool) (n int, inWord bool, cjk int) {
	for _, r := range s {
		if isCJK(r) {
			cjk++
			in = false
			continue
		}
		// A combining mark (an Indic vowel sign, a Thai tone mark)
		// belongs to the letter before it.
		w := unicode.IsLetter(r) || unicode.IsNumber(r) || in && r >= firstCombiningMark && unicode.IsMark(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n, in, cjk
}

// isCJK reports ideographs and kana, which are written without spaces.
func isCJK(r rune) bool {
	if r < 0x2e80 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// endsSentence reports whether s ends like a sentence, ignoring closing
// quotes and brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'“”»«’)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:;。！？：；", r)
}

// A line is prose when it has proseMinWords words and ends like a
// sentence, or proseAnyWords words however it ends.
const (
	proseMinWords = 6
	proseAnyWords = 20
)

// A bulleted line of minBulletWords words is an item of a list written
// in the text ("+ Added Banners": menus and link lists are not typed with
// list markers); a question under maxQuestionHeadingWords words is a
// sub-heading.
const (
	minBulletWords          = 2
	maxQuestionHeadingWords = 12
)

// isProse is the core signal: article text comes in sentences, furniture
// in labels. Lines of separated items ("Home | News | Sport") are labels.
func isProse(s string, words int) bool {
	if strings.Count(s, " | ") >= 2 || strings.Count(s, " · ") >= 2 {
		return false
	}
	if bulleted(s) && words >= minBulletWords {
		return true // an item of a list written out in the text
	}
	t := strings.TrimRight(s, " \"'“”»«’)]")
	if strings.HasSuffix(t, "?") && words < maxQuestionHeadingWords {
		return false // a question as a sub-heading
	}
	return words >= proseAnyWords || words >= proseMinWords && endsSentence(s)
}

// minCJKSentenceChars is the shortest line of Chinese or Japanese that
// standing alone is a sentence: menu items and rubrics have two to six
// characters.
const minCJKSentenceChars = 12

// markCJKSentences marks as prose the lines of Chinese or Japanese that
// stand alone, set off by blank lines as paragraphs are, and are long
// enough to be a sentence (minCJKSentenceChars). Written without spaces,
// such a line has few "words" for isProse, and blogs in these scripts
// often end a sentence with the line instead of "。"; menus and lists of
// headlines come line under line, without blank lines.
func (pc *pageCopy) markCJKSentences() {
	for i := range pc.lines {
		l := &pc.lines[i]
		if l.prose || !pc.alone(i) || len(l.text) < 3*minCJKSentenceChars {
			continue
		}
		if n, most := cjkShare(l.text); most && n >= minCJKSentenceChars {
			l.prose = true
		}
	}
}

// cjkShare counts the ideographs and kana of s, and reports whether they
// are most of its letters.
func cjkShare(s string) (n int, most bool) {
	letters := 0
	for _, r := range s {
		switch {
		case isCJK(r):
			n++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return n, n > letters
}

// bulleted reports a line that starts with a typed list marker ("+ ",
// "* ", "- ", "• ").
func bulleted(s string) bool {
	for _, m := range []string{"+ ", "* ", "- ", "• ", "– ", "· ", "▪ ", "► "} {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

// codeLike reports a line of program code or a text table (a <pre> block
// in the article): brackets, operators and box-drawing characters, which
// menus and link lists do not use.
func codeLike(s string) bool {
	n := 0
	for _, r := range s {
		if strings.ContainsRune("{}();=<>[]│┼─_*\\$", r) {
			n++
		}
	}
	return n >= 2 || n == 1 && strings.HasSuffix(s, ";")
}

// maxFieldLabelWords bounds the label of a field line ("Ort:",
// "Anmeldung & Karten:").
const maxFieldLabelWords = 3

// dataLine reports a line of the page's data rather than its navigation:
// a field ("Ort: Marktplatz Halle", "Gewicht: 2 kg") or an amount ("125 g
// Mehl", "2 cups flour"). Menus and link lists carry neither.
func dataLine(t string) bool {
	if label, value, ok := strings.Cut(t, ": "); ok && value != "" && label != "" {
		if w := countWords(label); w >= 1 && w <= maxFieldLabelWords && !strings.ContainsAny(label, ".!?") {
			r, _ := utf8.DecodeRuneInString(label)
			return unicode.IsUpper(r)
		}
	}
	return quantityLine(t)
}

// closingBracket splits a line that ends with a part in brackets
// (open, close: '(' ')' for a credit, '[' ']' for a note's mark) into
// the text before the part and the part inside; ok is false when t does
// not end with close or nothing stands before the opening bracket.
func closingBracket(t string, open, close byte) (before, inner string, ok bool) {
	if t == "" || t[len(t)-1] != close {
		return "", "", false
	}
	rest := t[:len(t)-1]
	i := strings.LastIndexByte(rest, open)
	if i <= 0 {
		return "", "", false
	}
	return rest[:i], rest[i+1:], true
}

// tableRow reports a raw line of a copy that is a row of a table of
// figures: a browser copies a table's cells with tabs between them, and a
// row of data has a number in a cell ("Herbert Dürr\t63\t16.6%"). A layout
// table's row of links ("Kernel\tSecurity\tContact") has none.
func tableRow(raw string) bool {
	raw = strings.TrimSpace(raw)
	if strings.IndexByte(raw, '\t') < 0 {
		return false
	}
	cells := 0
	number := false
	for cell := range strings.SplitSeq(raw, "\t") {
		cell = strings.TrimSpace(cell)
		if cell == "" {
			continue
		}
		cells++
		if r, _ := utf8.DecodeRuneInString(cell); unicode.IsDigit(r) && !hasLetter(cell) {
			number = true
		}
	}
	return cells >= 2 && number
}

// isData reports a line of the page's data: a field, an amount (dataLine)
// or a row of a table of figures.
func (l *copyLine) isData() bool {
	return l.row || dataLine(l.text)
}

// quantityLine reports a line that starts with an amount: a number, maybe
// a fraction or range, then a word ("125 g Mehl", "1 ½ cups", "2-3 EL").
func quantityLine(t string) bool {
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == ',' || t[i] == '.' || t[i] == '/' || t[i] == '-') {
		i++
	}
	if i == 0 || i >= len(t) || t[0] < '0' || t[0] > '9' {
		return false
	}
	rest := strings.TrimLeft(t[i:], " "+fractions)
	return len(rest) < len(t[i:]) && rest != "" && countWords(rest) <= maxQuantityWords
}

// fractions open an amount as digits do ("½ Teelöffel Zimt") or follow
// them ("1½ Tassen").
const fractions = "½¼¾⅓⅔"

// maxQuantityWords bounds what follows an amount in a line of a list of
// amounts; a longer line starting with a number is a sentence.
const maxQuantityWords = 8

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
