package article

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	unicodeenc "golang.org/x/text/encoding/unicode"
)

// MaxTextBytes caps the size of a page copy. A select-all copy of even a
// very long article is well under a megabyte; anything this big is not one.
const MaxTextBytes = 16 << 20

// Tuning of the body search. Each kept line costs lineCost; prose lines
// earn one point per word. The run of lines with the highest sum is the
// body (the "body text extraction" idea: text wins, furniture costs).
const (
	lineCost      = 5
	droppedCost   = 1
	proseMinWords = 6  // with sentence punctuation at the end
	proseAnyWords = 20 // without it
	headerLookup  = 30 // lines above the body searched for the title
)

// CleanText turns text copied from a browser page (select all, copy) into
// an article: it drops menus, share buttons, captions, ads and related-link
// boxes, finds the title, kicker, teaser, byline and date, and keeps the
// body's paragraphs, headings and list items in order. name only labels
// errors. Errors wrap ErrNoText when nothing in the text reads as an article.
func CleanText(data []byte, name string) (*Article, error) {
	if len(data) > MaxTextBytes {
		return nil, fmt.Errorf("%s: %w (a page copy of %d MB; the limit is %d MB)", name, ErrTooLarge, len(data)>>20, MaxTextBytes>>20)
	}
	text, err := decodePageCopy(data, name)
	if err != nil {
		return nil, err
	}
	doc := newPageCopy(text)
	art, ok := doc.article()
	if !ok {
		return nil, fmt.Errorf("%w in %s", ErrNoText, name)
	}
	art.Normalize()
	if len(art.Blocks) == 0 {
		return nil, fmt.Errorf("%w in %s", ErrNoText, name)
	}
	return art, nil
}

// decodePageCopy returns data as a UTF-8 string. Clipboard text is UTF-8
// almost always; UTF-16 with a byte-order mark and Latin-1/windows-1252
// (old Windows editors) are decoded, binary data is refused.
func decodePageCopy(data []byte, name string) (string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", fmt.Errorf("%w in %s: the text is empty", ErrNoText, name)
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		dec := unicodeenc.UTF16(unicodeenc.BigEndian, unicodeenc.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", fmt.Errorf("%s: cannot decode UTF-16 text: %w", name, err)
		}
		data = out
	}
	if looksBinary(data) {
		return "", fmt.Errorf("%s looks like a binary file, not text copied from a page", name)
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	if !hasUTF8Multibyte(data) {
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err == nil {
			return string(out), nil
		}
	}
	return strings.ToValidUTF8(string(data), "\uFFFD"), nil
}

// looksBinary reports NUL bytes or many control characters near the start:
// images, archives and executables, not text.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl*20 > len(head)
}

// hasUTF8Multibyte reports whether data holds at least one well-formed
// multi-byte UTF-8 sequence. Text with invalid bytes but such sequences is
// damaged UTF-8; text with none is a single-byte encoding.
func hasUTF8Multibyte(data []byte) bool {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError && n > 1 {
			return true
		}
		i++
	}
	return false
}

// copyLine is one non-blank line of a page copy and what the cleaner
// decided about it.
type copyLine struct {
	text  string
	para  bool // a blank line (or the start of the text) precedes it
	words int
	prose bool // reads like a sentence or paragraph of article text
	drop  bool // page furniture
	meta  bool // used as byline, date, kicker or teaser
	kind  BlockType
	level int
	key   phraseKey // the text prepared for the phrase lists
}

// pageCopy is a page copy split into lines, with the phrase lists of its
// language.
type pageCopy struct {
	lines []copyLine
	lang  string
	bps   []*Boilerplate // own language first, English as a fallback
}

func newPageCopy(text string) *pageCopy {
	pc := &pageCopy{}
	// Buttons glued to lines are cut with every list: the language is
	// not known until the prose lines are.
	for _, lang := range boilerplateLangs {
		pc.bps = append(pc.bps, BoilerplateFor(lang))
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	para := true
	for raw := range strings.SplitSeq(text, "\n") {
		t := cleanLine(raw)
		if t == "" {
			para = true
			continue
		}
		t = pc.trimGluedPhrases(t)
		for i, part := range splitGluedSentences(t) {
			pc.lines = append(pc.lines, copyLine{text: part, para: para && i == 0})
		}
		para = false
	}
	for i := range pc.lines {
		l := &pc.lines[i]
		l.words = countWords(l.text)
		l.prose = isProse(l.text, l.words)
	}
	pc.lang = pc.detectLang(text)
	pc.bps = pc.bps[:0]
	pc.bps = append(pc.bps, BoilerplateFor(pc.lang))
	if pc.lang != "en" {
		pc.bps = append(pc.bps, BoilerplateFor("en"))
	}
	pc.markBoilerplate()
	pc.joinWrapped()
	return pc
}

// proseSample is how much prose the language guess reads: a few pages of
// article text decide it.
const proseSample = 12 << 10

// detectLang guesses the language from the prose lines, where the
// article's words are, rather than from menus; the whole text decides
// when the prose alone is too little.
func (pc *pageCopy) detectLang(text string) string {
	var b strings.Builder
	for _, l := range pc.lines {
		if l.prose {
			b.WriteString(l.text)
			b.WriteByte('\n')
			if b.Len() > proseSample {
				break
			}
		}
	}
	if lang := DetectLang(b.String()); lang != "" {
		return lang
	}
	return DetectLang(text)
}

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
		for i+1 < len(ls) && !l.drop && !ls[i+1].drop && !ls[i+1].para && continues(last, ls[i+1].text) {
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
		}
		out = append(out, l)
	}
	pc.lines = out
}

// continues reports whether next carries on the sentence that prev breaks
// off.
func continues(prev, next string) bool {
	if endsSentence(prev) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r) && countWords(prev) >= 2
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

// countWordsFrom counts as countWords does, rune by rune, from a state in
// which the previous character was (in) or was not part of a word.
func countWordsFrom(s string, in bool) (n int, inWord bool, cjk int) {
	for _, r := range s {
		if isCJK(r) {
			cjk++
			in = false
			continue
		}
		w := unicode.IsLetter(r) || unicode.IsNumber(r)
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

// isProse is the core signal: article text comes in sentences, furniture
// in labels. Lines of separated items ("Home | News | Sport") are labels.
func isProse(s string, words int) bool {
	if strings.Count(s, " | ") >= 2 || strings.Count(s, " · ") >= 2 {
		return false
	}
	if bulleted(s) && words >= 4 {
		return true // an item of a list written out in the text
	}
	t := strings.TrimRight(s, " \"'“”»«’)]")
	if strings.HasSuffix(t, "?") && words < 12 {
		return false // a question as a sub-heading
	}
	return words >= proseAnyWords || words >= proseMinWords && endsSentence(s)
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

// markBoilerplate drops lines matched by the phrase lists, photo captions
// with credits, and lines without words.
func (pc *pageCopy) markBoilerplate() {
	ls := pc.lines
	for i := range ls {
		ls[i].key = newPhraseKey(ls[i].text)
	}
	for i := 0; i < len(ls); i++ {
		l := &ls[i]
		if l.words == 0 {
			l.drop = true
			continue
		}
		if pc.isSection(l.key) {
			l.drop = true
			// The box holds short lines up to a blank line or prose.
			for j := i + 1; j < len(ls) && !ls[j].para && !ls[j].prose; j++ {
				ls[j].drop = true
				i = j
			}
			continue
		}
		l.drop = pc.isFurniture(l)
		if !l.drop && isSlideCounter(l.text) {
			// A slide of a picture gallery: its counter line, its
			// caption and the credit under it are not article text.
			// The slide runs to its caption's sentence, over a few
			// lines of its own (furniture between them is free); a
			// paragraph after a blank line, once the slide has a line,
			// is the article again.
			l.drop = true
			own := 0
			for j := i + 1; j < len(ls) && own < maxSlideLines; j++ {
				if isSlideCounter(ls[j].text) || own > 0 && ls[j].para && ls[j].prose {
					break
				}
				if ls[j].words > 0 && !pc.isFurniture(&ls[j]) {
					own++
				}
				ls[j].drop = true
				i = j
				if ls[j].prose {
					break
				}
			}
		}
	}
	pc.dropCaptions()
}

// maxCaptionWords bounds a picture caption; a longer line above a credit
// is article text.
const maxCaptionWords = 40

// dropCaptions drops the caption line right above a picture credit
// ("Nachts fehlt Personal." / "Bild: picture alliance / dpa"): caption and
// credit form one figure, which a copy writes without a blank line
// between, while a paragraph of text is set off by one.
func (pc *pageCopy) dropCaptions() {
	ls := pc.lines
	for i := 1; i < len(ls); i++ {
		if ls[i].para || !ls[i].drop || !pc.isCredit(&ls[i]) {
			continue
		}
		if c := &ls[i-1]; !c.drop && c.words <= maxCaptionWords && hasLetter(c.text) {
			c.drop = true
		}
	}
}

func (pc *pageCopy) isCredit(l *copyLine) bool {
	if isBracketCredit(l.text) {
		return true
	}
	for _, bp := range pc.bps {
		if bp.isCredit(l.key) {
			return true
		}
	}
	return false
}

// isBracketCredit reports a short line that is all in brackets, as
// British sites credit pictures: "(PA Archive)", "(Getty Images)".
func isBracketCredit(t string) bool {
	r, _ := utf8.DecodeRuneInString(t[min(1, len(t)):])
	return len(t) > 2 && t[0] == '(' && t[len(t)-1] == ')' && unicode.IsUpper(r) && countWords(t) <= 4 && !strings.ContainsAny(t[1:len(t)-1], "()")
}

// boxReach is how far (in lines) a widget's furniture may stand from a
// line it encloses.
const boxReach = 2

// dropBoxText drops the short text inside a widget set into the body
// [s, e) (a newsletter sign-up, a paywall or app promotion): a line of
// prose with furniture both above and below it within the same block of
// the copy (no blank line between), and the heading right above such a
// line. The article's own paragraphs are set off by blank lines and do not
// sit between buttons; paragraph-long lines are kept, as a paragraph
// between two ad labels is still text. Only the body is searched: in the
// page header the title sits between menus and buttons.
func (pc *pageCopy) dropBoxText(s, e int) {
	ls := pc.lines
	dropped := func(k int) bool { return ls[k].drop && !ls[k].meta && ls[k].words > 0 }
	candidate := func(l *copyLine) bool {
		return !l.drop && !l.meta && !l.para && l.words < minArticleWords && !codeLike(l.text)
	}
	above := func(i int) bool {
		for k := i - 1; k >= max(s, i-boxReach); k-- {
			if dropped(k) {
				return true
			}
			if ls[k].para {
				break
			}
		}
		return false
	}
	boxed := make([]bool, e-s)
	for i := s + 1; i < e-1; i++ {
		if l := &ls[i]; !candidate(l) || !l.prose || !above(i) {
			continue
		}
		for k := i + 1; k <= min(e-1, i+boxReach) && !ls[k].para; k++ {
			if dropped(k) {
				boxed[i-s] = true
				break
			}
		}
	}
	for i := s + 1; i < e-1; i++ {
		if boxed[i-s] {
			ls[i].drop = true
			if h := &ls[i-1]; candidate(h) && !h.prose && i-1 > s && above(i-1) {
				h.drop = true
			}
		}
	}
}

// dropAuthorBio drops the note about the author that closes many pages
// ("Maria Santos covers politics in the Philippines."): the body's last
// kept line, after furniture, opening with the name of one of the authors
// the byline named.
func (pc *pageCopy) dropAuthorBio(authors []string, s, e int) {
	k := e - 1
	for k > s && (pc.lines[k].drop || pc.lines[k].meta) {
		k--
	}
	if k <= s || !pc.lines[k-1].drop || pc.lines[k].words >= 2*minArticleWords {
		return
	}
	for _, a := range authors {
		if strings.Contains(a, " ") && strings.HasPrefix(pc.lines[k].text, a+" ") {
			pc.lines[k].drop = true
			return
		}
	}
}

// resumesAfterBox reports whether the article goes on right after the
// box that line i opens ("Mehr zum Thema" with two links, then more
// paragraphs): a marker that opens a box as well as the page's tail ends
// the body only when the text after its box is not the article's. The
// article resumes with consecutive paragraphs, a blank line between them
// (a heading may lead in); teasers of other articles come one short text
// each, between headlines, sources and buttons, or as a list without
// blank lines.
func (pc *pageCopy) resumesAfterBox(i, e int) bool {
	if !pc.isSection(pc.lines[i].key) {
		return false
	}
	ls := pc.lines
	k := i + 1
	for k < e && ls[k].drop {
		k++ // the box
	}
	for n := 0; k < e && !ls[k].prose && n < 2; n++ {
		k++ // a heading or two
	}
	kept := func(l *copyLine) bool { return l.prose && !l.drop }
	return k+1 < e && kept(&ls[k]) && kept(&ls[k+1]) && ls[k+1].para && ls[k].words+ls[k+1].words >= 2*minArticleWords
}

// minArticleWords is about the length of a paragraph of an article;
// teasers of other articles are shorter.
const minArticleWords = 25

// maxSlideLines bounds the lines of a gallery slide other than listed
// furniture: title, caption, credit, the viewer's buttons.
const maxSlideLines = 6

// isSlideCounter reports the "3/50 Title" or "3 of 50" line that opens a
// slide of a picture gallery.
func isSlideCounter(t string) bool {
	// A noun may name the slide ("Item 1 of 2", "Bild 3 von 12").
	if sp := strings.IndexByte(t, ' '); sp >= 3 && sp <= 6 && sp+1 < len(t) && t[sp+1] >= '0' && t[sp+1] <= '9' && t[0] >= 'A' && t[0] <= 'Z' {
		t = t[sp+1:]
	}
	n := 0
	for n < len(t) && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n == 0 || n > 3 {
		return false
	}
	rest := t[n:]
	switch {
	case strings.HasPrefix(rest, "/"):
		rest = rest[1:]
	case strings.HasPrefix(rest, " of "):
		rest = rest[4:]
	case strings.HasPrefix(rest, " von "):
		rest = rest[5:]
	default:
		return false
	}
	m := 0
	for m < len(rest) && rest[m] >= '0' && rest[m] <= '9' {
		m++
	}
	return m > 0 && m <= 3 && (m == len(rest) || rest[m] == ' ')
}

// startsWithClock reports a line that opens with a time of day ("14:44
// Accusations …"): an entry of a news ticker beside the article.
func startsWithClock(t string) bool {
	if len(t) < 5 {
		return false
	}
	i := 0
	for i < 2 && i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i+3 > len(t) || t[i] != ':' || t[i+1] < '0' || t[i+1] > '5' || t[i+2] < '0' || t[i+2] > '9' {
		return false
	}
	return i+3 == len(t) || t[i+3] == ' '
}

func (pc *pageCopy) isSection(k phraseKey) bool {
	for _, bp := range pc.bps {
		if bp.sections[k.fold] {
			return true
		}
	}
	return false
}

func (pc *pageCopy) isEnd(k phraseKey) bool {
	for _, bp := range pc.bps {
		if bp.ends[k.fold] {
			return true
		}
	}
	return false
}

func (pc *pageCopy) isKicker(t string) bool {
	for _, bp := range pc.bps {
		if bp.IsKicker(t) {
			return true
		}
	}
	return false
}

// isFurniture applies the phrase lists and the generic shapes of page
// furniture to one line.
func (pc *pageCopy) isFurniture(l *copyLine) bool {
	t, k := l.text, l.key
	for _, bp := range pc.bps {
		if bp.lines[k.fold] || bp.hasPrefix(k) || bp.containsIn(k, l.words) || bp.isTeaser(k) {
			return true
		}
		if l.words < 80 && bp.creditAt(k.lower) >= 0 {
			return true // a photo caption with its credit
		}
	}
	return isURLLine(t) || isMarkupLine(t) || startsWithClock(t) && !l.prose || isBracketCredit(t) && hasLetter(t)
}

// isMarkupLine reports HTML source in the copy: with JavaScript off a
// browser copies the contents of <noscript> (tracking pixels, ad tags) as
// text.
func isMarkupLine(t string) bool {
	if !strings.HasPrefix(t, "<") {
		return false
	}
	end := strings.IndexByte(t, '>')
	if end < 0 {
		return len(t) > 3 && (t[1] == '/' || t[1] >= 'a' && t[1] <= 'z')
	}
	tag := t[1:end]
	return tag != "" && (tag[0] == '/' || tag[0] >= 'a' && tag[0] <= 'z' || tag[0] == '!')
}

// isURLLine reports a line that is a bare web address (permalinks, short
// links).
func isURLLine(t string) bool {
	return !strings.Contains(t, " ") && (strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "www."))
}

// weights returns each line's contribution to the body search. Prose
// earns its words. Short lines cost little when they interrupt prose
// briefly (headings, captions, one-line asides) or follow a colon (a list
// the text announces), and cost fully in long runs (menus, link lists);
// lines without letters (chart labels, counters) are neutral.
func (pc *pageCopy) weights() []int {
	ls := pc.lines
	w := make([]int, len(ls))
	for i := 0; i < len(ls); {
		if ls[i].prose && !ls[i].drop {
			w[i] = ls[i].words - lineCost
			i++
			continue
		}
		j, n := i, 0
		for j < len(ls) && !(ls[j].prose && !ls[j].drop) {
			if !ls[j].drop && hasLetter(ls[j].text) {
				n++
			}
			j++
		}
		intro := i > 0 && strings.HasSuffix(ls[i-1].text, ":")
		for k := i; k < j; k++ {
			switch {
			case ls[k].drop:
				w[k] = -droppedCost
			case !hasLetter(ls[k].text):
				w[k] = 0
			case codeLike(ls[k].text):
				w[k] = -1
			case intro && n <= 20:
				w[k] = -1
			case n <= 3 || pc.alone(k):
				w[k] = -2
			default:
				w[k] = -lineCost
			}
		}
		i = j
	}
	return w
}

// minCards is how many headline-and-teaser pairs in a row make a list of
// other articles rather than sections of this one.
const minCards = 4

// cutTeaserCards ends the body before a run of teaser cards in its later
// part: a headline followed by exactly one short text, again and again
// (related or latest articles). An article's sections have longer or more
// paragraphs under each heading.
func (pc *pageCopy) cutTeaserCards(s, e int, w []int) int {
	total := 0
	for i := s; i < e; i++ {
		total += w[i]
	}
	acc := 0
	for i := s; i < e; i++ {
		if acc > min(total/2, 150) && pc.cardsAt(i, e) >= minCards {
			return i
		}
		acc += w[i]
	}
	return e
}

// cardsAt counts the headline-and-teaser pairs that start at line i.
func (pc *pageCopy) cardsAt(i, e int) int {
	ls := pc.lines
	next := func(k int) int {
		for k < e && ls[k].drop {
			k++
		}
		return k
	}
	cards := 0
	for h := next(i); h < e; {
		// Headlines of other articles are sentences of four or more
		// words; terms of a definition list or section names are shorter.
		if ls[h].prose || ls[h].words < 4 || !headingShaped(&ls[h]) {
			break
		}
		p := next(h + 1)
		if p >= e || !ls[p].prose || ls[p].words > 32 {
			break
		}
		cards++
		h = next(p + 1)
	}
	return cards
}

// dateJustBefore reports a date in the two lines above i: a comment count
// under a byline ("December 2, 2016 / 11 Comments") is a link, not the
// start of the comments.
func (pc *pageCopy) dateJustBefore(i int) bool {
	for k := max(0, i-2); k < i; k++ {
		if _, ok := findTextDate(pc.lines[k].text, pc.lang); ok && !pc.lines[k].prose {
			return true
		}
	}
	return false
}

// isDateOnly reports a short line that holds a date and little else.
func (pc *pageCopy) isDateOnly(i int) bool {
	l := &pc.lines[i]
	if l.words > 8 || l.prose {
		return false
	}
	d, ok := findTextDate(l.text, pc.lang)
	return ok && countWords(trimMetaWords(l.text[:d.start]+" "+l.text[d.end:])) <= 2
}

// alone reports a line with blank lines on both sides. A browser copy
// puts blank lines around paragraphs (<p>) but not between the items of a
// menu or list, so a short line standing alone is the page's text more
// likely than its navigation.
func (pc *pageCopy) alone(i int) bool {
	return pc.lines[i].para && (i+1 == len(pc.lines) || pc.lines[i+1].para)
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

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// bodyRange finds the run of lines with the highest total weight (Kadane's
// maximum subarray) and returns it as [start, end).
func (pc *pageCopy) bodyRange() (int, int, bool) {
	w := pc.weights()
	bestSum, bestS, bestE := 0, 0, 0
	sum, s := 0, 0
	for i := range pc.lines {
		if sum <= 0 {
			sum, s = 0, i
		}
		sum += w[i]
		if sum > bestSum {
			bestSum, bestS, bestE = sum, s, i+1
		}
	}
	if bestSum <= 0 {
		return 0, 0, false
	}
	// A tail marker ("Comments") ends the body once some of it has passed
	// (a comment count next to the byline must not).
	half, acc := min(bestSum/2, 60), 0
	for i := bestS; i < bestE; i++ {
		if acc > half && pc.isEnd(pc.lines[i].key) && !pc.dateJustBefore(i) && !pc.resumesAfterBox(i, bestE) {
			bestE = i
			break
		}
		if acc > half && i > 0 && pc.lines[i-1].prose && pc.isDateOnly(i) {
			// A date under a short text late in the body dates a teaser
			// card of another article (related links): the body ended
			// before the card's headline.
			k := i - 1
			for k > bestS && pc.lines[k].prose {
				k--
			}
			if k > bestS && !pc.lines[k].prose {
				bestE = k
				break
			}
		}
		acc += w[i]
	}
	bestE = pc.cutTeaserCards(bestS, bestE, w)
	// A short text after furniture at the very end is a promo ("Sign up
	// for our newsletter" / "The best of …, every morning"), not the
	// article's last paragraph.
	for cut := 0; cut < 2 && bestE-1 > bestS; cut++ {
		k := bestE - 1
		for k > bestS && pc.lines[k].drop {
			k--
		}
		if k <= bestS || pc.lines[k].words >= 15 || !pc.lines[k-1].drop {
			break
		}
		bestE = k
	}
	return bestS, bestE, true
}

// article builds the Article, or reports that there is none.
func (pc *pageCopy) article() (*Article, bool) {
	s, e, ok := pc.bodyRange()
	if !ok {
		if !pc.plainSnippet() {
			return nil, false
		}
		// A selection of article text without any page furniture (the
		// reader copied a passage, not the page) is taken as it is.
		s, e = 0, len(pc.lines)
	}
	art := &Article{Lang: pc.lang}
	title := pc.findTitle(s)
	if title >= 0 {
		art.Title = pc.lines[title].text
		pc.lines[title].meta = true
		pc.splitKicker(art, title)
	}
	s = pc.readHeader(art, title, s, e)
	if ok {
		pc.dropBoxText(s, e)
		pc.dropAuthorBio(art.Authors, s, e)
		pc.classifyBody(s, e)
	} else {
		for i := s; i < e; i++ {
			pc.lines[i].kind = Paragraph
		}
	}
	for i := s; i < e; i++ {
		l := &pc.lines[i]
		if l.drop || l.meta || l.kind == "" {
			continue
		}
		art.Blocks = append(art.Blocks, Block{Type: l.kind, Level: l.level, Text: l.text})
	}
	return art, len(art.Blocks) > 0
}

// plainSnippet reports a short text with no furniture at all.
func (pc *pageCopy) plainSnippet() bool {
	if len(pc.lines) == 0 || len(pc.lines) > 40 {
		return false
	}
	for _, l := range pc.lines {
		if l.drop {
			return false
		}
	}
	return true
}

// findTitle looks upward from the body start for the headline: the
// nearest headline-shaped line that shares words with the body's opening
// (a headline names what the article is about; menus, promos and buttons
// do not). Without such a line, a headline the page repeats (share text,
// image credit) or else the nearest headline-shaped line is taken.
func (pc *pageCopy) findTitle(s int) int {
	body := pc.openingWords(s)
	nearest, repeated, topical := -1, -1, -1
	seen := 0
	for i := s - 1; i >= 0 && seen < headerLookup; i-- {
		l := &pc.lines[i]
		seen++
		if !pc.headlineShaped(l) || pc.inHeadlineList(i) {
			continue
		}
		cw := contentWords(l.text)
		shared := 0
		for _, w := range cw {
			if body[w] {
				shared++
			}
		}
		// A headline in title case reads like a list of names ("Octopuses
		// Sleep, and May Even Dream, Researchers Say"); it is a byline
		// unless it names what the body is about.
		if parseAuthors(l.text) != nil && shared < 2 {
			continue
		}
		if nearest < 0 {
			nearest = i
		}
		if repeated < 0 && pc.repeatedElsewhere(i) {
			repeated = i
		}
		if topical < 0 && (shared >= 2 || shared == 1 && len(cw) <= 3) {
			topical = i
		}
	}
	switch {
	case topical >= 0:
		return topical
	case repeated >= 0 && nearest >= 0 && nearest-repeated <= 12:
		return repeated
	case nearest < 0 && s+1 < len(pc.lines) && pc.titleShaped(&pc.lines[s]) && !pc.lines[s].prose:
		return s
	}
	return nearest
}

// inHeadlineList reports whether line i is one of three or more
// headline-shaped lines in a row (a summary's bullet points, a list of
// other articles): a page's own headline stands apart from its
// neighbours, with a rubric, byline or teaser around it.
func (pc *pageCopy) inHeadlineList(i int) bool {
	shaped := func(k int) bool {
		return k >= 0 && k < len(pc.lines) && pc.lines[k].words >= 4 && !pc.lines[k].prose && pc.titleShaped(&pc.lines[k])
	}
	if !shaped(i) {
		return false
	}
	return shaped(i-1) && (shaped(i-2) || shaped(i+1)) || shaped(i+1) && shaped(i+2)
}

// openingWords are the content words of the body's first prose lines.
func (pc *pageCopy) openingWords(s int) map[string]bool {
	words := map[string]bool{}
	n := 0
	for i := s; i < len(pc.lines) && n < 400; i++ {
		if l := &pc.lines[i]; l.prose && !l.drop {
			for _, w := range contentWords(l.text) {
				words[w] = true
				n++
			}
		}
	}
	return words
}

// contentWords are the lower-cased words of four or more letters: names
// and nouns more than function words.
func contentWords(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(f) >= 4 {
			out = append(out, f)
		}
	}
	return out
}

// titleShaped: 3 to 30 words, no full stop at the end, not furniture, not a
// byline or a date.
func (pc *pageCopy) titleShaped(l *copyLine) bool {
	return pc.headlineShaped(l) && parseAuthors(l.text) == nil
}

// headlineShaped is titleShaped except for the byline test.
func (pc *pageCopy) headlineShaped(l *copyLine) bool {
	if l.drop || l.words < 3 || l.words > 30 || utf8.RuneCountInString(l.text) > 250 {
		return false
	}
	t := strings.TrimRight(l.text, " \"'“”»")
	if strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",") || strings.HasSuffix(t, ":") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(l.text); unicode.IsLower(r) {
		return false
	}
	if isCreditLine(l.text) || numberedItem(l.text) {
		return false
	}
	if _, ok := findTextDate(l.text, pc.lang); ok {
		return false
	}
	return true
}

// repeatedElsewhere reports whether line i's text occurs again in another
// line, whole or as its end ("Africa|United States to Lift …").
func (pc *pageCopy) repeatedElsewhere(i int) bool {
	t := pc.lines[i].key.lower
	for j := range pc.lines {
		if j != i && strings.HasSuffix(pc.lines[j].key.lower, t) {
			return true
		}
	}
	return false
}

// splitKicker separates a rubric glued to the title ("GeopolitikAnnäherung
// von …"): the first word changes from lower to upper case inside one
// token, and the part before is a known rubric or a plain capitalised word
// of five letters or more. A short rubric line right above the title counts
// as its kicker too.
func (pc *pageCopy) splitKicker(art *Article, ti int) {
	t := art.Title
	first, _, _ := strings.Cut(t, " ")
	rs := []rune(first)
	for k := 1; k+1 < len(rs); k++ {
		if !unicode.IsLower(rs[k-1]) || !unicode.IsUpper(rs[k]) || !unicode.IsLower(rs[k+1]) {
			continue
		}
		kicker := string(rs[:k])
		rest := string(rs[k:])
		plain := k >= 5 && len([]rune(rest)) >= 5 && !strings.ContainsAny(first, "-0123456789") && countUpper(kicker) == 1
		// A camel-case name ("ThyssenKrupp") recurs in the text; a glued
		// rubric and headline word do not.
		if pc.isKicker(kicker) || plain && strings.Count(t, " ") >= 3 && !pc.occursElsewhere(first, ti) {
			art.Kicker = kicker
			art.Title = strings.TrimSpace(t[len(kicker):])
			return
		}
		break
	}
	if ti > 0 {
		p := &pc.lines[ti-1]
		// A lone label, not the last item of a breadcrumb or menu run.
		lone := ti < 2 || p.para || pc.lines[ti-2].prose || pc.lines[ti-2].drop && !pc.lines[ti-2].prose && pc.lines[ti-2].words == 0
		if !p.drop && !p.prose && p.words <= 3 && !endsSentence(p.text) && lone && pc.isKicker(p.text) {
			if r, _ := utf8.DecodeRuneInString(p.text); unicode.IsUpper(r) {
				art.Kicker = p.text
				p.meta = true
			}
		}
	}
}

// occursElsewhere reports whether word appears in a line other than i.
func (pc *pageCopy) occursElsewhere(word string, i int) bool {
	for j := range pc.lines {
		if j != i && strings.Contains(pc.lines[j].text, word) {
			return true
		}
	}
	return false
}

func countUpper(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// readHeader takes the byline, date and teaser from the lines between the
// title and the body (and the first lines of the body, where a teaser or a
// byline joined by the copy may sit). It returns the new body start.
func (pc *pageCopy) readHeader(art *Article, title, s, e int) int {
	from := title + 1
	if title < 0 {
		from = max(0, s-5)
	}
	// The header reaches four lines into the body; furniture between
	// them (share buttons, a captioned picture) does not count.
	to, kept := s, 0
	for to < e && kept < 4 {
		if !pc.lines[to].drop {
			kept++
		}
		to++
	}
	dateFound := false
	metaAt := -1
	// Dates sometimes stand just above the title (heise: "08.04.2015 12:46").
	for i := max(0, from-4); i < to; i++ {
		l := &pc.lines[i]
		if i < from && l.meta {
			continue
		}
		d, ok := findTextDate(l.text, pc.lang)
		if ok && !dateFound && !l.prose {
			art.Published = d.t.Truncate(0)
			dateFound = true
			rest := strings.TrimSpace(l.text[:d.start] + " " + l.text[d.end:])
			if i >= from {
				if authors := parseAuthors(trimMetaWords(rest)); authors != nil && len(art.Authors) == 0 {
					art.Authors = authors
				}
				if countWords(trimMetaWords(rest)) <= 6 || len(art.Authors) > 0 {
					l.meta = true
					metaAt = max(metaAt, i)
				}
			}
			continue
		}
		if i < from || l.prose {
			continue
		}
		if len(art.Authors) == 0 && !l.drop {
			if authors := parseAuthors(l.text); authors != nil && (hasBylinePrefix(l.text) || pc.nextToDate(i)) {
				art.Authors = authors
				l.meta = true
				metaAt = max(metaAt, i)
			}
		}
	}
	// The teaser: prose between the title and the byline or date.
	if title >= 0 && metaAt > title {
		var teaser []string
		for i := title + 1; i < metaAt; i++ {
			l := &pc.lines[i]
			if l.prose && !l.drop && !l.meta && len(teaser) < 3 {
				teaser = append(teaser, l.text)
				l.meta = true
			}
		}
		art.Description = strings.Join(teaser, " ")
	}
	for s < e && (pc.lines[s].meta || pc.lines[s].drop) {
		s++
	}
	return s
}

// isCreditLine reports "By …", "Edited by …", "Photo by …" lines: bylines
// and credits, whatever follows the names.
func isCreditLine(t string) bool {
	l := strings.ToLower(t)
	if hasBylinePrefix(t) {
		return true
	}
	for _, w := range []string{"edited", "reviewed", "written", "posted", "photo", "photos", "photograph", "photographs", "portrait", "illustration", "illustrations", "video", "image", "images", "words", "text", "reporting", "produced", "updated", "published", "fotos", "foto", "bild"} {
		if strings.HasPrefix(l, w+" by ") || strings.HasPrefix(l, w+" von ") {
			return true
		}
	}
	return false
}

// numberedItem reports a line that starts like an item of a numbered list
// ("4. Zwischen Nordkorea …"): breadcrumbs and rankings.
func numberedItem(t string) bool {
	i := 0
	for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' '
}

// nextToDate reports a date line right above or below line i: a name
// without "By" is a byline only in that company ("Jane Doe" / "5 March
// 2025"), as title-case menus and headings look like names too.
func (pc *pageCopy) nextToDate(i int) bool {
	for _, k := range []int{i - 1, i + 1} {
		if k >= 0 && k < len(pc.lines) && pc.isDateOnly(k) {
			return true
		}
	}
	return false
}

// hasBylinePrefix reports "By …" / "Von …" lines.
func hasBylinePrefix(t string) bool {
	l := strings.ToLower(t)
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// trimMetaWords removes the words that accompany a date in a byline
// ("Updated", "Uhr", "Published on", separators).
func trimMetaWords(s string) string {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '|' || r == '·' || r == '–' || r == '—' })
	var out []string
	for _, f := range fields {
		switch strings.ToLower(strings.Trim(f, ",:-")) {
		case "", "uhr", "updated", "published", "posted", "on", "at", "am", "um", "stand", "veröffentlicht", "aktualisiert", "last", "modified", "-":
			continue
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
}

// classifyBody decides the block type of each line in [s, e): prose is a
// paragraph; short lines are headings when prose follows, list items when
// a colon introduces them, and otherwise furniture; runs of three or more
// short lines are link lists unless introduced by a colon.
func (pc *pageCopy) classifyBody(s, e int) {
	ls := pc.lines
	for i := s; i < e; {
		l := &ls[i]
		if l.drop || l.meta {
			i++
			continue
		}
		if l.prose {
			l.kind = Paragraph
			if bulleted(l.text) {
				l.kind, l.level = ListItem, 1
			}
			i++
			continue
		}
		// A run of short lines, skipping dropped ones.
		j, n, words := i, 0, 0
		var run []int
		for j < e && !ls[j].prose {
			if !ls[j].drop && !ls[j].meta {
				run = append(run, j)
				n++
				words += ls[j].words
			}
			j++
		}
		prev := pc.prevKept(i, s)
		intro := prev >= 0 && strings.HasSuffix(strings.TrimSpace(ls[prev].text), ":")
		// A heading leads into kept text, not into a dropped box.
		k := j
		for k < e && ls[k].drop {
			k++
		}
		proseNext := k < e && ls[k].prose
		switch {
		case n >= 3 && intro && words >= 4*n:
			for _, k := range run {
				ls[k].kind, ls[k].level = ListItem, 1
			}
		case n >= 3:
			// a list of links: related articles, topics, tags
		default:
			for idx, k := range run {
				lk := &ls[k]
				last := idx == len(run)-1
				switch {
				case intro && lk.words >= 3:
					lk.kind, lk.level = ListItem, 1
				case last && proseNext && headingShaped(lk) && !pc.amidFurniture(k):
					lk.kind, lk.level = Heading, 2
				case endsSentence(lk.text) && lk.words >= 3:
					lk.kind = Paragraph
				}
			}
		}
		i = j
	}
}

// amidFurniture reports a line glued (no blank line) between two dropped
// lines: an unlisted button among listed ones ("X.com" between
// "Zur Merkliste" and "Facebook"), not a heading of the text.
func (pc *pageCopy) amidFurniture(i int) bool {
	ls := pc.lines
	return i > 0 && i+1 < len(ls) && !ls[i].para && !ls[i+1].para && ls[i-1].drop && ls[i+1].drop
}

// prevKept returns the nearest kept line before i (not before s), or -1.
func (pc *pageCopy) prevKept(i, s int) int {
	for k := i - 1; k >= s; k-- {
		if !pc.lines[k].drop && !pc.lines[k].meta {
			return k
		}
	}
	return -1
}

// headingShaped: a short line that starts with a capital, digit or quote
// and does not end like a sentence (questions are allowed).
func headingShaped(l *copyLine) bool {
	if l.words > 20 || l.words < 1 {
		return false
	}
	t := strings.TrimRight(l.text, " \"'“”»")
	if strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",") || strings.HasSuffix(t, ";") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(l.text)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"„“«»'", r)
}
