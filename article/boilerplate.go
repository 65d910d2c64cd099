package article

import (
	"bufio"
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The phrase lists are data, not code: adding a phrase a site uses must not
// need a change to the cleaner's logic.
//
//go:embed boilerplate/*.txt
var boilerplateFiles embed.FS

// phraseKind says how a boilerplate phrase is recognised and what is dropped.
type phraseKind string

// The phrase kinds of the boilerplate lists (see boilerplate/de.txt).
const (
	// phraseLine: a line that is only the phrase is dropped; a multi-word
	// phrase is also cut off the end of a line it is glued to.
	phraseLine phraseKind = "line"
	// phraseSection: the phrase opens a box of short lines (related topics),
	// which ends at a blank line or at the next line of article text.
	phraseSection phraseKind = "section"
	// phrasePrefix: a line starting with the phrase is dropped (credits);
	// after a sentence inside a line it marks a photo caption.
	phrasePrefix phraseKind = "prefix"
	// phraseContains: a short line containing the phrase is dropped.
	phraseContains phraseKind = "contains"
	// phraseEnd: the phrase starts the page's tail (comments, footer).
	phraseEnd phraseKind = "end"
	// phraseMore: a line ending with the phrase ("… Mehr…", "… Read
	// more") is the teaser of another article.
	phraseMore phraseKind = "more"
	// phraseKicker: a known rubric word shown above titles.
	phraseKicker phraseKind = "kicker"
	// phraseCredit: a picture credit ("Foto:", "Photograph:"). It works as
	// a prefix, and the caption line right above a credit line (no blank
	// line between: one figure) is not article text either.
	phraseCredit phraseKind = "credit"
	// phraseAgency: a picture agency or library ("Getty Images", "dpa",
	// "iStock"). A short line of names around a slash or dash that names
	// one ("Judy Eddy/WENN.com") is a picture credit, and so is such a
	// line in brackets at the end of a caption.
	phraseAgency phraseKind = "agency"
	// phraseContact: the first word of the line that closes an article
	// with its author's address ("Email Jane at jane@example.com", "Follow
	// him @jane"): such a line, short and with an e-mail address or a
	// handle in it, is not article text.
	phraseContact phraseKind = "contact"
	// phraseDisclosure: the words of a disclosure or editorial note
	// ("contains affiliate links", "Links zu Anbietern enthalten"): a
	// paragraph whose first sentence holds one, at most disclosureWords
	// long, is a note about the article, not article text. A note states
	// what it is in its first sentence and may run on for several more.
	phraseDisclosure phraseKind = "disclosure"
	// phrasePromo: the start of a word or words with which a page calls
	// its reader to act ("Newsletter", "abonn", "support us"): a short
	// paragraph holding one at the very end of an article is a sign-up,
	// subscription or donation box, not the article's last paragraph.
	phrasePromo phraseKind = "promo"
	// phraseThread: the words after a count that head a thread of
	// comments ("11 Antworten zu „…“", "4 thoughts on “…”"): such a line
	// starts the page's tail.
	phraseThread phraseKind = "thread"
	// phraseCommenter: the word after a name with which a comment opens
	// ("Art Edwards says:", "Petra sagt:"): such a short line starts the
	// page's tail when a date follows it.
	phraseCommenter phraseKind = "commenter"
)

// boilerplate is one language's list of phrases that mark page furniture
// rather than article text. It is read-only once built.
type boilerplate struct {
	Lang        string
	lines       map[string]bool
	sections    map[string]bool
	ends        map[string]bool
	kickers     map[string]bool
	prefixes    []string // folded
	contains    []string // folded
	suffixes    []string // folded multi-word line phrases, longest first
	mores       []string // lower-cased, punctuation kept
	credits     []string // lower-cased, punctuation kept; also in prefixes
	agencies    []string // lower-cased
	contacts    []string // lower-cased
	disclosures []string // lower-cased
	promos      []string // lower-cased
	threads     []string // lower-cased
	commenters  []string // lower-cased, with their colon
	// lastWords are the final words of suffixes: a line whose last word
	// is not among them cannot end with one (a cheap pre-check).
	lastWords map[string]bool
	// prefixesAt lists, for each first byte, the prefixes that start with
	// it: a line is compared only with the few that can open it.
	prefixesAt [256][]string
	// containsAt lists, for each first byte, the contains phrases that
	// start with it (phraseStart): one pass over a line finds them all.
	containsAt [256][]phraseStart
	// containsNext has bit b of row c set when a contains phrase starts
	// with the bytes c, b: most positions in a line fail this one lookup.
	containsNext [256][4]uint64
}

// phraseLists holds every language's phrase list, and the languages in
// the order of their file names.
type phraseLists struct {
	langs  []string
	byLang map[string]*boilerplate
}

// loadedBoilerplate parses the embedded lists once, one language per file
// (boilerplate/<lang>.txt); the result is never modified afterwards, so it
// is a constant table, not mutable state.
var loadedBoilerplate = sync.OnceValues(func() (*phraseLists, error) {
	entries, err := boilerplateFiles.ReadDir("boilerplate")
	if err != nil {
		return nil, err
	}
	pl := &phraseLists{byLang: map[string]*boilerplate{}}
	for _, e := range entries { // ReadDir sorts by name
		lang, ok := strings.CutSuffix(e.Name(), ".txt")
		if !ok {
			continue
		}
		data, err := boilerplateFiles.ReadFile("boilerplate/" + e.Name())
		if err != nil {
			return nil, err
		}
		bp, err := parseBoilerplate(lang, string(data))
		if err != nil {
			return nil, fmt.Errorf("boilerplate/%s: %w", e.Name(), err)
		}
		pl.langs = append(pl.langs, lang)
		pl.byLang[lang] = bp
	}
	return pl, nil
})

// boilerplateLangs returns the languages that have a phrase list, sorted.
func boilerplateLangs() []string {
	pl, err := loadedBoilerplate()
	if err != nil {
		return nil
	}
	return pl.langs
}

// boilerplateFor returns the phrase list of lang ("de", "en"); languages
// without a list of their own get the English one, whose words (Share,
// Advertisement, Cookies) are the web's lingua franca.
func boilerplateFor(lang string) *boilerplate {
	pl, err := loadedBoilerplate()
	if err != nil {
		// The lists are embedded and covered by tests; an error here is a
		// build defect, and an empty list keeps cleaning working.
		return &boilerplate{Lang: lang}
	}
	if bp, ok := pl.byLang[lang]; ok {
		return bp
	}
	return pl.byLang["en"]
}

// parseBoilerplate reads a phrase list: one "kind: phrase" a line, "#"
// comments and blank lines ignored.
func parseBoilerplate(lang, data string) (*boilerplate, error) {
	bp := &boilerplate{
		Lang:      lang,
		lines:     map[string]bool{},
		sections:  map[string]bool{},
		ends:      map[string]bool{},
		kickers:   map[string]bool{},
		lastWords: map[string]bool{},
	}
	sc := bufio.NewScanner(strings.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		ln := strings.TrimSpace(sc.Text())
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		kind, phrase, ok := strings.Cut(ln, ":")
		phrase = strings.TrimSpace(phrase)
		if !ok || phrase == "" {
			return nil, fmt.Errorf("line %d: want \"kind: phrase\", got %q", n, ln)
		}
		key := foldPhrase(phrase)
		switch phraseKind(strings.TrimSpace(kind)) {
		case phraseLine:
			bp.lines[key] = true
			if strings.Contains(key, " ") {
				bp.suffixes = append(bp.suffixes, key)
				bp.lastWords[key[strings.LastIndexByte(key, ' ')+1:]] = true
			}
		case phraseSection:
			bp.sections[key] = true
		case phrasePrefix, phraseCredit:
			// Prefixes keep their punctuation ("Foto:" is not "Foto").
			lp := strings.ToLower(phrase)
			bp.prefixes = append(bp.prefixes, lp)
			bp.prefixesAt[lp[0]] = append(bp.prefixesAt[lp[0]], lp)
			if phraseKind(strings.TrimSpace(kind)) == phraseCredit {
				bp.credits = append(bp.credits, lp)
			}
		case phraseContains:
			bp.contains = append(bp.contains, strings.ToLower(phrase))
		case phraseEnd:
			bp.ends[key] = true
		case phraseKicker:
			bp.kickers[key] = true
		case phraseContact:
			bp.contacts = append(bp.contacts, strings.ToLower(phrase))
		case phraseDisclosure:
			bp.disclosures = append(bp.disclosures, strings.ToLower(phrase))
		case phrasePromo:
			bp.promos = append(bp.promos, strings.ToLower(phrase))
		case phraseThread:
			bp.threads = append(bp.threads, strings.ToLower(phrase)+" ")
		case phraseCommenter:
			bp.commenters = append(bp.commenters, " "+strings.ToLower(phrase))
		case phraseAgency:
			bp.agencies = append(bp.agencies, strings.ToLower(phrase))
		case phraseMore:
			bp.mores = append(bp.mores, strings.ToLower(phrase))
		default:
			return nil, fmt.Errorf("line %d: unknown kind %q", n, kind)
		}
	}
	// Longest first, so that "share this article" wins over "share".
	sortByLenDesc(bp.suffixes)
	for i, p := range bp.contains {
		ps := phraseStart{index: i, single: len(p) == 1}
		if !ps.single {
			ps.second = p[1]
		}
		bp.containsAt[p[0]] = append(bp.containsAt[p[0]], ps)
		if len(p) == 1 {
			bp.containsNext[p[0]] = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		} else {
			bp.containsNext[p[0]][p[1]>>6] |= 1 << (p[1] & 63)
		}
	}
	return bp, sc.Err()
}

func sortByLenDesc(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && (len(s[j]) > len(s[j-1]) || len(s[j]) == len(s[j-1]) && s[j] < s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// foldPhrase lower-cases s, trims punctuation and symbols at both ends and
// collapses inner whitespace, so that "Share this article »" and
// "share this article" compare equal; digit runs become "#".
func foldPhrase(s string) string {
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	return foldLowered(strings.ToLower(s))
}

// foldLowered is foldPhrase of a string that strings.ToLower returned,
// without lower-casing it again: lower-casing is idempotent rune by rune
// (TestLowerIdempotent), and collapsing white space only drops runes of it
// and puts in spaces.
func foldLowered(s string) string {
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	if strings.IndexFunc(s, unicode.IsDigit) >= 0 {
		// Numbers vary ("941 comments", "Kommentare (12)"): "#" stands
		// for any.
		var b strings.Builder
		digits := false
		for _, r := range s {
			if unicode.IsDigit(r) {
				if !digits {
					b.WriteByte('#')
				}
				digits = true
				continue
			}
			digits = false
			b.WriteRune(r)
		}
		s = b.String()
	}
	return strings.TrimFunc(s, func(r rune) bool {
		return r != '#' && (unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r))
	})
}

// singleSpaced reports a string whose words are already separated by
// single spaces, with none at either end and no other white space:
// strings.Fields and Join would return it unchanged. Other runes are
// decoded only to see that they are not white space (Fields' test).
func singleSpaced(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += n
			continue
		}
		switch {
		case c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && s[i+1] == ' ':
			return false
		}
		i++
	}
	return true
}

// disclosureWords is the longest paragraph that can be a disclosure: the
// longest notes on the development pages (a card site's advertising
// policy, a magazine's affiliate note) run to about 45 words.
const disclosureWords = 80

// IsDisclosure reports a paragraph that is a disclosure or editorial note:
// at most disclosureWords words, with a disclosure phrase in its first
// sentence.
func (bp *boilerplate) IsDisclosure(text string) bool {
	if len(bp.disclosures) == 0 {
		return false
	}
	return bp.isDisclosureLower(strings.ToLower(firstSentence(text)), countWords(text))
}

// isDisclosureLower is IsDisclosure of a lower-cased paragraph that is
// words long.
func (bp *boilerplate) isDisclosureLower(lower string, words int) bool {
	if len(bp.disclosures) == 0 || words > disclosureWords {
		return false
	}
	first := firstSentence(lower)
	for _, d := range bp.disclosures {
		if strings.Contains(first, d) {
			return true
		}
	}
	return false
}

// isThreadHeading reports a line (lower-cased) that heads a thread of
// comments: a count, then a thread phrase ("11 antworten zu „…“").
func (bp *boilerplate) isThreadHeading(lower string) bool {
	rest := strings.TrimLeft(lower, "0123456789")
	if len(rest) == len(lower) || !strings.HasPrefix(rest, " ") {
		return false
	}
	for _, t := range bp.threads {
		if strings.HasPrefix(rest[1:], t) {
			return true
		}
	}
	return false
}

// maxCommenterWords bounds the line that opens a comment: a name, maybe
// two, and the verb.
const maxCommenterWords = 5

// isCommenter reports a short line (lower-cased, words long) that opens
// a comment: a name and a commenter phrase ("art edwards says:").
func (bp *boilerplate) isCommenter(lower string, words int) bool {
	if words > maxCommenterWords || !strings.HasSuffix(lower, ":") {
		return false
	}
	for _, c := range bp.commenters {
		if strings.HasSuffix(lower, c) && len(lower) > len(c) {
			return true
		}
	}
	return false
}

// firstSentence returns text up to the end of its first sentence (a
// full stop, question or exclamation mark before a space), or all of it.
func firstSentence(text string) string {
	for i := 0; i+1 < len(text); i++ {
		switch text[i] {
		case '.', '!', '?':
			if text[i+1] == ' ' {
				return text[:i+1]
			}
		}
	}
	return text
}

// phraseStart is a "contains" phrase in the list of its first byte: its
// index in the list of phrases, and its second byte unless it has one
// byte only.
type phraseStart struct {
	index  int
	second byte
	single bool
}

// phraseKey is a line prepared once for matching against the lists.
type phraseKey struct {
	lower string // lower-cased, trimmed
	fold  string // foldPhrase; empty for lines too long to be a phrase
}

// maxPhraseBytes bounds the lines worth folding: no listed phrase is
// longer, so longer lines cannot equal one.
const maxPhraseBytes = 120

func newPhraseKey(line string) phraseKey {
	k := phraseKey{lower: strings.ToLower(strings.TrimSpace(line))}
	if len(line) <= maxPhraseBytes {
		k.fold = foldLowered(k.lower)
	}
	return k
}

// IsLine reports whether line consists of a droppable phrase only.
func (bp *boilerplate) IsLine(line string) bool { return bp.lines[newPhraseKey(line).fold] }

// IsSection reports whether line opens a boilerplate box.
func (bp *boilerplate) IsSection(line string) bool { return bp.sections[newPhraseKey(line).fold] }

// IsEnd reports whether line starts the page's tail.
func (bp *boilerplate) IsEnd(line string) bool { return bp.ends[newPhraseKey(line).fold] }

// IsKicker reports whether word is a known rubric.
func (bp *boilerplate) IsKicker(word string) bool { return bp.kickers[newPhraseKey(word).fold] }

// HasPrefix reports whether line starts with a credit-like phrase.
func (bp *boilerplate) HasPrefix(line string) bool { return bp.hasPrefix(newPhraseKey(line)) }

func (bp *boilerplate) hasPrefix(k phraseKey) bool {
	if k.lower == "" {
		return false
	}
	for _, p := range bp.prefixesAt[k.lower[0]] {
		if strings.HasPrefix(k.lower, p) {
			return true
		}
	}
	return false
}

// IsCredit reports whether line starts with a picture credit.
func (bp *boilerplate) IsCredit(line string) bool { return bp.isCredit(newPhraseKey(line)) }

func (bp *boilerplate) isCredit(k phraseKey) bool {
	l := strings.TrimPrefix(k.lower, "(") // "(Foto: dpa)"
	for _, p := range bp.credits {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// CreditAt returns the byte index in line where a credit phrase ("Foto:",
// "Photograph:") follows the end of a sentence, or -1. Such a line is a
// photo caption glued to its credit.
func (bp *boilerplate) CreditAt(line string) int {
	return bp.creditAt(strings.ToLower(line))
}

// creditSeparators may stand between a caption's last sentence and its
// credit.
var creditSeparators = []string{"(", "|", "–", "—", "-", "/"}

func (bp *boilerplate) creditAt(l string) int {
	if strings.IndexByte(l, ':') < 0 && !strings.Contains(l, "©") {
		return -1 // credit phrases end in a colon, or are the copyright sign
	}
	for _, p := range bp.prefixes {
		if !strings.HasSuffix(p, ":") && p != "©" {
			continue
		}
		if i := creditIn(l, p); i >= 0 {
			return i
		}
	}
	return -1
}

// creditIn returns the first place in l where the credit phrase p follows
// the end of a sentence (afterSentence), or -1.
func creditIn(l, p string) int {
	if strings.IndexByte(p, ':') == len(p)-1 {
		// The phrase's only colon ends it: its places end at distinct
		// colons of the line, which are few, and do not overlap.
		for j := strings.IndexByte(l, ':'); j >= 0; {
			if i := j + 1 - len(p); i >= 0 && l[i:j+1] == p && afterSentence(l, i) {
				return i
			}
			k := strings.IndexByte(l[j+1:], ':')
			if k < 0 {
				break
			}
			j += k + 1
		}
		return -1
	}
	for from := 0; ; {
		i := strings.Index(l[from:], p)
		if i < 0 {
			return -1
		}
		i += from
		if afterSentence(l, i) {
			return i
		}
		from = i + len(p)
	}
}

// afterSentence reports whether the credit at i in l follows the end of a
// sentence: "… Ortsschild. (Foto: …)", "… gesegnet. | © …" (an opening
// bracket or a separator may stand between the sentence and the credit).
func afterSentence(l string, i int) bool {
	before := strings.TrimRight(l[:i], " \u00a0")
	for _, sep := range creditSeparators {
		if b, ok := strings.CutSuffix(before, sep); ok {
			before = strings.TrimRight(b, " \u00a0")
			break
		}
	}
	return before != "" && len(before) < i && strings.IndexAny(before[len(before)-1:], ".!?)”\"'") == 0
}

// Contains reports whether a short line holds a phrase of the "contains"
// kind. Long lines are prose and only lose to phrases of three or more
// words, so that an article mentioning cookies keeps its sentence.
func (bp *boilerplate) Contains(line string, words int) bool {
	return bp.containsIn(newPhraseKey(line), words)
}

// One "contains" phrase marks a line of up to shortNoticeWords words, and
// a phrase of three or more words one of up to noticeWords. Several
// different phrases in one line mark a consent or newsletter notice,
// however long it is: two in a line of up to noticeWords words, three in a
// longer one (an article about cookies uses the word, not the notice's
// whole vocabulary). Phrases nested in each other ("cookies", "we use
// cookies") count once.
const (
	shortNoticeWords = 10
	noticeWords      = 40
)

// containsIn applies the "contains" rules above to a prepared line of
// words words.
func (bp *boilerplate) containsIn(k phraseKey, words int) bool {
	// Which phrases occur, in list order (the nesting rule below counts
	// the first of two nested phrases).
	var hits []int
	l := k.lower
	for i := 0; i < len(l); i++ {
		next := byte(0) // past the end: only one-byte phrases match
		if i+1 < len(l) {
			next = l[i+1]
		}
		if bp.containsNext[l[i]][next>>6]&(1<<(next&63)) == 0 {
			continue
		}
		for _, ps := range bp.containsAt[l[i]] {
			// A phrase whose second byte is not the next one cannot
			// start here (past the end, none of two bytes can): most
			// phrases of the first byte's list are ruled out so,
			// without reading the phrase.
			if !ps.single && ps.second != next {
				continue
			}
			pi := ps.index
			p := bp.contains[pi]
			if !strings.HasPrefix(l[i:], p) || slices.Contains(hits, pi) {
				continue
			}
			if words <= shortNoticeWords || strings.Count(p, " ") >= 2 && words <= noticeWords {
				return true
			}
			hits = append(hits, pi)
		}
	}
	if len(hits) < 2 {
		return false
	}
	slices.Sort(hits)
	var found []string
	for _, pi := range hits {
		p := bp.contains[pi]
		nested := false
		for _, f := range found {
			if strings.Contains(f, p) || strings.Contains(p, f) {
				nested = true
				break
			}
		}
		if !nested {
			found = append(found, p)
		}
	}
	return len(found) >= 2 && words <= noticeWords || len(found) >= 3
}

// callsToAct reports a line (lower-cased) holding a promo phrase at the
// start of a word.
func (bp *boilerplate) callsToAct(lower string) bool {
	for _, p := range bp.promos {
		for i := 0; i < len(lower); {
			j := strings.Index(lower[i:], p)
			if j < 0 {
				break
			}
			j += i
			if r, _ := utf8.DecodeLastRuneInString(lower[:j]); j == 0 || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return true
			}
			i = j + len(p)
		}
	}
	return false
}

// IsTeaser reports a line that ends with a "read more" link: the teaser
// of another article in a list of them.
func (bp *boilerplate) IsTeaser(line string) bool { return bp.isTeaser(newPhraseKey(line)) }

func (bp *boilerplate) isTeaser(k phraseKey) bool {
	for _, p := range bp.mores {
		if len(k.lower) > len(p) && strings.HasSuffix(k.lower, p) {
			return true
		}
	}
	return false
}

// maxWordBytes is longer than any word of a listed phrase.
const maxWordBytes = 40

// TrimSuffix cuts a multi-word line phrase glued to the end of line
// ("… 12:22 Uhr Artikel anhören") and reports whether it did.
func (bp *boilerplate) TrimSuffix(line string) (string, bool) {
	last := line[strings.LastIndexByte(line, ' ')+1:]
	if len(last) > maxWordBytes || !bp.isLastWord(last) {
		return line, false
	}
	// Only the end of the line can hold the phrase; lower-case just that.
	from := max(0, len(line)-maxPhraseBytes)
	for from > 0 && !utf8.RuneStart(line[from]) {
		from++
	}
	tail := line[from:]
	l := strings.ToLower(tail)
	if len(l) != len(tail) {
		return line, false // case mapping changed the byte length; offsets would not match
	}
	for _, p := range bp.suffixes {
		if len(l) > len(p)+1 && strings.HasSuffix(l, p) || from > 0 && strings.HasSuffix(l, p) {
			rest := line[:len(line)-len(p)]
			if rest == "" {
				continue
			}
			if r := rest[len(rest)-1]; r == ' ' || r == '|' {
				return strings.TrimRight(rest, " |"), true
			}
		}
	}
	return line, false
}

// isLastWord reports whether word, lower-cased, is among lastWords. An
// ASCII word (at most maxWordBytes long) is lower-cased on the stack, as
// strings.ToLower would, which allocates for every line ending in a
// capital; others take strings.ToLower.
func (bp *boilerplate) isLastWord(word string) bool {
	var buf [maxWordBytes]byte
	if len(word) > len(buf) {
		return bp.lastWords[strings.ToLower(word)]
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return bp.lastWords[strings.ToLower(word)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return bp.lastWords[string(buf[:len(word)])]
}

// namesAgency reports whether s names a picture agency of the list as a
// whole word ("Mike Watson Images/Moodboard/Getty", not "Gettysburg").
func (bp *boilerplate) namesAgency(s string) bool {
	l := strings.ToLower(s)
	for _, a := range bp.agencies {
		for from := 0; ; {
			i := strings.Index(l[from:], a)
			if i < 0 {
				break
			}
			i += from
			end := i + len(a)
			if (i == 0 || !isAlnum(l[i-1])) && (end == len(l) || !isAlnum(l[end])) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// opensContact reports whether line starts with a contact phrase followed
// by a space ("email ", not "emails").
func (bp *boilerplate) opensContact(line string) bool {
	l := strings.ToLower(line)
	for _, c := range bp.contacts {
		if strings.HasPrefix(l, c+" ") {
			return true
		}
	}
	return false
}
