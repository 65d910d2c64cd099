package annotation

import (
	"strings"
	"unicode/utf8"
)

// AnchorMethod says how a highlight was found again in a changed text.
type AnchorMethod string

// The ways Anchor can find a passage, from most to least certain. An empty
// method means the highlight is orphaned.
const (
	AnchorPosition AnchorMethod = "position" // the quote is still at its offsets
	AnchorExact    AnchorMethod = "exact"    // the exact quote elsewhere, chosen by its surroundings
	AnchorFuzzy    AnchorMethod = "fuzzy"    // an approximate match of the quote
	AnchorOrphaned AnchorMethod = ""
)

// Thresholds of the anchoring rules. They are strict on purpose: an
// orphaned highlight is shown to the reader, a wrongly moved one lies.
const (
	// contextAccept is the context similarity (0..1, prefix and suffix
	// averaged) an exact occurrence needs away from the old position.
	contextAccept = 0.5
	// contextShift is the near-identical context a match at the previous
	// highlight's shift needs to skip the search (see Anchorer.shift).
	contextShift = 0.9
	// contextLongUnique is the lower bar for the only occurrence of a long
	// quote (at least longQuote code points): such a passage is its own
	// evidence, but it must not be surrounded by entirely different text.
	contextLongUnique = 0.25
	longQuote         = 40
	// minFuzzyLen: shorter quotes are never matched approximately; a few
	// letters match too many places.
	minFuzzyLen = 8
	// maxFuzzyLen: longer quotes are only matched exactly (the approximate
	// search costs quote length × window).
	maxFuzzyLen = 1000
	// fuzzyWithContext is the quote similarity (1 - edits/length) a fuzzy
	// match needs when its surroundings agree (contextAccept); fuzzyAlone
	// the higher bar for a long quote whose surroundings changed more
	// (down to contextLongUnique).
	fuzzyAlone       = 0.85
	fuzzyWithContext = 0.7
	// fuzzyWindow is how far around the old position the approximate
	// search looks first; the whole text is searched only when
	// text length × quote length stays under fuzzyBudget.
	fuzzyWindow = 2000
	fuzzyBudget = 20_000_000
	// anchorerBudget bounds the approximate search over all highlights of
	// one text (about a second of work): re-importing a page whose text was
	// replaced entirely must not take minutes. Past it, highlights that no
	// exact rule finds are orphaned.
	anchorerBudget = 500_000_000
	// sameScore: context scores closer than this are equal (they are sums
	// of float divisions); the occurrence nearest the old position wins.
	sameScore = 1e-9
)

// Anchoring is where a quote was found: [Start, End) in the new text, how,
// and for an orphan why not.
type Anchoring struct {
	Start, End int
	Method     AnchorMethod
	// Score is the quote similarity of the match (1 for exact matches).
	Score float64
	// Reason says why nothing was found, for programs; Orphaned says it
	// in words for the reader (Reason.Message()).
	Reason   OrphanReason
	Orphaned string
}

// OrphanReason says why a highlight has no place in a changed text.
type OrphanReason string

// The reasons Anchor orphans a highlight.
const (
	OrphanNoQuote   OrphanReason = "no-quote"  // the highlight has no quoted text
	OrphanTooLong   OrphanReason = "too-long"  // the quote is longer than the new text
	OrphanGone      OrphanReason = "gone"      // the quoted passage is not in the text
	OrphanElsewhere OrphanReason = "elsewhere" // the words are there, in other surroundings
)

// Message is the reason in words for the reader, which is what a
// highlight stores (Highlight.Orphaned).
func (r OrphanReason) Message() string {
	switch r {
	case OrphanNoQuote:
		return "the highlight has no quoted text to look for"
	case OrphanTooLong:
		return "the quoted passage is longer than the new text"
	case OrphanGone:
		return "the quoted passage is no longer in the text"
	case OrphanElsewhere:
		return "the quoted words appear elsewhere, but not in the same surroundings"
	}
	return ""
}

// OrphanReasonOf tells the reason from a stored Highlight.Orphaned
// message; "" for none and for words Anchor does not write.
func OrphanReasonOf(message string) OrphanReason {
	for _, r := range [...]OrphanReason{OrphanNoQuote, OrphanTooLong, OrphanGone, OrphanElsewhere} {
		if message != "" && r.Message() == message {
			return r
		}
	}
	return ""
}

// orphaned is an Anchoring that leaves the highlight at [start, end).
func orphaned(start, end int, r OrphanReason) Anchoring {
	return Anchoring{Start: start, End: end, Reason: r, Orphaned: r.Message()}
}

// QuoteAt returns the W3C TextQuoteSelector of text[start:end): the exact
// passage with up to ContextLen code points before and after. Out-of-range
// offsets are clamped.
func QuoteAt(text []rune, start, end int) TextQuote {
	start = clamp(start, 0, len(text))
	end = clamp(end, start, len(text))
	return TextQuote{
		Exact:  string(text[start:end]),
		Prefix: string(text[max(0, start-ContextLen):start]),
		Suffix: string(text[end:min(len(text), end+ContextLen)]),
	}
}

// Anchorer re-anchors highlights in one text. Build it once per text: it
// keeps the text both as runes (offsets) and as a string (fast search).
type Anchorer struct {
	runes []rune
	str   string
	// budget is what is left of anchorerBudget (DP cells).
	budget int
	// shift is how far the last highlight found away from its old offset
	// moved. Highlights are re-anchored in reading order and an edit moves
	// everything after it alike, so trying the same shift first spares a
	// search of the whole text for most of them.
	shift int
}

// NewAnchorer prepares text for anchoring.
func NewAnchorer(text string) *Anchorer {
	text = strings.ToValidUTF8(text, "\uFFFD")
	return &Anchorer{runes: []rune(text), str: text, budget: anchorerBudget}
}

// Anchor finds q in text; see (*Anchorer).Anchor.
func Anchor(text string, start, end int, q TextQuote) Anchoring {
	return NewAnchorer(text).Anchor(start, end, q)
}

// Reanchor returns h placed in the anchorer's text: offsets and context
// updated when found (and Orphaned cleared), or kept with Orphaned set to
// the reason when not. The exact quote is what the reader highlighted and
// is never rewritten: a fuzzy match on changed words ("am Montag" now
// reads "am Dienstag") takes the new place and context but keeps the old
// words in Quote.Exact, so QuoteChanged tells it afterwards and nothing
// the reader marked is lost.
func (a *Anchorer) Reanchor(h Highlight) (Highlight, AnchorMethod) {
	r := a.Anchor(h.Start, h.End, h.Quote)
	if r.Method == AnchorOrphaned {
		h.Orphaned = r.Orphaned
		return h, r.Method
	}
	h.Start, h.End = r.Start, r.End
	q := QuoteAt(a.runes, r.Start, r.End)
	q.Exact = h.Quote.Exact
	h.Quote = q
	h.Orphaned = ""
	return h, r.Method
}

// QuoteChanged reports whether the text at h's offsets in the anchorer's
// text is no longer the quote the reader highlighted (a fuzzy re-anchoring
// onto changed words). An orphan's offsets point nowhere: false.
func (a *Anchorer) QuoteChanged(h Highlight) bool {
	return h.Orphaned == "" && a.TextAt(h.Start, h.End) != h.Quote.Exact
}

// TextAt is the anchorer's text in [start, end), the offsets clamped:
// what a highlight's offsets cover now, to compare with its quote.
func (a *Anchorer) TextAt(start, end int) string {
	start = clamp(start, 0, len(a.runes))
	end = clamp(end, start, len(a.runes))
	return string(a.runes[start:end])
}

// Anchor finds the passage q, last seen at [start, end), in the text:
//  1. at its old position if the exact quote is still there and its
//     surroundings agree;
//  2. else the exact quote elsewhere, the occurrence whose prefix and
//     suffix agree best (nearest the old position on ties), if they agree
//     well enough;
//  3. else an approximate match of the quote above a strict score;
//  4. else it is orphaned, with the reason.
func (a *Anchorer) Anchor(start, end int, q TextQuote) Anchoring {
	exact := []rune(strings.ToValidUTF8(q.Exact, "\uFFFD"))
	m := len(exact)
	if m == 0 {
		return orphaned(start, end, OrphanNoQuote)
	}
	if m > len(a.runes) {
		return orphaned(start, end, OrphanTooLong)
	}
	if a.matchesAt(start, exact, q, contextAccept) {
		return Anchoring{Start: start, End: start + m, Method: AnchorPosition, Score: 1}
	}
	if s := start + a.shift; a.shift != 0 && a.matchesAt(s, exact, q, contextShift) {
		return Anchoring{Start: s, End: s + m, Method: AnchorExact, Score: 1}
	}
	r := a.search(start, end, exact, q)
	if r.Method != AnchorOrphaned {
		a.shift = r.Start - start
	}
	return r
}

// matchesAt reports whether the exact quote is at s with surroundings that
// agree at least minContext.
func (a *Anchorer) matchesAt(s int, exact []rune, q TextQuote, minContext float64) bool {
	m := len(exact)
	return s >= 0 && s+m <= len(a.runes) && runesEqual(a.runes[s:s+m], exact) && a.context(s, s+m, q) >= minContext
}

// search applies rules 2 to 4 of Anchor: the whole text is looked at.
func (a *Anchorer) search(start, end int, exact []rune, q TextQuote) Anchoring {
	m := len(exact)
	occ := a.occurrences(string(exact))
	if len(occ) > 0 {
		best, bestCtx, bestDist := -1, -1.0, 0
		for _, s := range occ {
			ctx := a.context(s, s+m, q)
			dist := abs(s - start)
			if ctx > bestCtx+sameScore || (ctx > bestCtx-sameScore && dist < bestDist) {
				best, bestCtx, bestDist = s, ctx, dist
			}
		}
		if bestCtx >= contextAccept || (len(occ) == 1 && m >= longQuote && bestCtx >= contextLongUnique) {
			return Anchoring{Start: best, End: best + m, Method: AnchorExact, Score: 1}
		}
	}
	if m >= minFuzzyLen && m <= maxFuzzyLen {
		if r, ok := a.fuzzy(start, exact, q); ok {
			return r
		}
	}
	if len(occ) > 0 {
		return orphaned(start, end, OrphanElsewhere)
	}
	return orphaned(start, end, OrphanGone)
}

// occurrences returns the code point offsets of every occurrence of s.
func (a *Anchorer) occurrences(s string) []int {
	var out []int
	bytePos, runePos := 0, 0
	for {
		i := strings.Index(a.str[bytePos:], s)
		if i < 0 {
			return out
		}
		runePos += utf8.RuneCountInString(a.str[bytePos : bytePos+i])
		out = append(out, runePos)
		// Step one rune so overlapping occurrences are found too.
		_, size := utf8.DecodeRuneInString(a.str[bytePos+i:])
		bytePos += i + size
		runePos++
	}
}

// context scores how well the text around [s, e) agrees with the quote's
// prefix and suffix, from 0 (nothing alike) to 1 (identical).
func (a *Anchorer) context(s, e int, q TextQuote) float64 {
	pre := []rune(q.Prefix)
	suf := []rune(q.Suffix)
	// An empty side means the passage began (or ended) the text. Text added
	// or removed at the edges is common (a new kicker, a dropped footer), so
	// a side is left out of the score when exactly one of "was at the edge"
	// and "is at the edge" holds.
	var sum float64
	n := 0
	if (len(pre) == 0) == (s == 0) {
		sum += a.prefixSimilarity(pre, s)
		n++
	}
	if (len(suf) == 0) == (e == len(a.runes)) {
		sum += a.suffixSimilarity(suf, e)
		n++
	}
	if n == 0 {
		return contextAccept // the quote was the whole text: no evidence either way
	}
	return sum / float64(n)
}

// contextSlack lets words inserted next to the passage cost only their own
// length: the prefix may end anywhere in a window this much wider.
const contextSlack = 16

// prefixSimilarity compares the stored prefix with the text just before s.
// An empty prefix meant the passage began the text.
func (a *Anchorer) prefixSimilarity(pre []rune, s int) float64 {
	if len(pre) == 0 {
		if s == 0 {
			return 1
		}
		return 0
	}
	w := a.runes[max(0, s-len(pre)-contextSlack):s]
	return 1 - float64(anchoredDistance(reversed(pre), reversed(w)))/float64(len(pre))
}

// suffixSimilarity compares the stored suffix with the text just after e.
func (a *Anchorer) suffixSimilarity(suf []rune, e int) float64 {
	if len(suf) == 0 {
		if e == len(a.runes) {
			return 1
		}
		return 0
	}
	w := a.runes[e:min(len(a.runes), e+len(suf)+contextSlack)]
	return 1 - float64(anchoredDistance(suf, w))/float64(len(suf))
}

// anchoredDistance is the edit distance between p and the best prefix of
// w (w's tail is free), capped at len(p).
func anchoredDistance(p, w []rune) int {
	prev := make([]int, len(w)+1)
	cur := make([]int, len(w)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(p); i++ {
		cur[0] = i
		for j := 1; j <= len(w); j++ {
			c := prev[j-1]
			if p[i-1] != w[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	best := len(p)
	for _, d := range prev {
		best = min(best, d)
	}
	return best
}

// fuzzy searches for the closest approximate occurrence of exact (Sellers'
// algorithm: edit distance with free start and end in the text), first in
// a window around the old position, then in the whole text if affordable.
func (a *Anchorer) fuzzy(start int, exact []rune, q TextQuote) (Anchoring, bool) {
	m := len(exact)
	lo := clamp(start-fuzzyWindow-m, 0, len(a.runes))
	hi := clamp(start+fuzzyWindow+2*m, lo, len(a.runes))
	if r, ok := a.fuzzyIn(lo, hi, start, exact, q); ok {
		return r, true
	}
	if (lo > 0 || hi < len(a.runes)) && len(a.runes)*m <= fuzzyBudget {
		return a.fuzzyIn(0, len(a.runes), start, exact, q)
	}
	return Anchoring{}, false
}

func (a *Anchorer) fuzzyIn(lo, hi, start int, exact []rune, q TextQuote) (Anchoring, bool) {
	m := len(exact)
	t := a.runes[lo:hi]
	cost := m * len(t)
	if cost > a.budget {
		return Anchoring{}, false
	}
	a.budget -= cost
	// dist[i]: edits to match exact[:i] ending at the current text
	// position; from[i]: where in t that match starts.
	dist := make([]int, m+1)
	from := make([]int, m+1)
	nd := make([]int, m+1)
	nf := make([]int, m+1)
	for i := range dist {
		dist[i] = i
	}
	bestD, bestS, bestE := m+1, 0, 0
	for j := 1; j <= len(t); j++ {
		nd[0], nf[0] = 0, j
		for i := 1; i <= m; i++ {
			d, f := dist[i-1], from[i-1]
			if exact[i-1] != t[j-1] {
				d++
			}
			// On equal cost prefer the earlier start: words inserted at
			// the passage's edge then stay inside it.
			if c := dist[i] + 1; c < d || (c == d && from[i] < f) {
				d, f = c, from[i]
			}
			if c := nd[i-1] + 1; c < d || (c == d && nf[i-1] < f) {
				d, f = c, nf[i-1]
			}
			nd[i], nf[i] = d, f
		}
		dist, nd = nd, dist
		from, nf = nf, from
		s := lo + from[m]
		if dist[m] < bestD || (dist[m] == bestD && abs(s-start) < abs(bestS-start)) {
			bestD, bestS, bestE = dist[m], s, lo+j
		}
	}
	if bestD > m || bestE <= bestS {
		return Anchoring{}, false
	}
	// Trim spaces an approximate match may have swallowed at its edges.
	for bestS < bestE && a.runes[bestS] == ' ' && exact[0] != ' ' {
		bestS++
	}
	for bestE > bestS && a.runes[bestE-1] == ' ' && exact[m-1] != ' ' {
		bestE--
	}
	if bestD == 0 {
		// An exact occurrence: Anchor already judged (and refused) it.
		return Anchoring{}, false
	}
	score := 1 - float64(bestD)/float64(m)
	ctx := a.context(bestS, bestE, q)
	if (score >= fuzzyWithContext && ctx >= contextAccept) || (score >= fuzzyAlone && m >= longQuote && ctx >= contextLongUnique) {
		return Anchoring{Start: bestS, End: bestE, Method: AnchorFuzzy, Score: score}, true
	}
	return Anchoring{}, false
}

func runesEqual(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func reversed(r []rune) []rune {
	out := make([]rune, len(r))
	for i, c := range r {
		out[len(r)-1-i] = c
	}
	return out
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
