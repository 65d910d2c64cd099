package widgets

import (
	"math"
	"sort"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/segmenter"

	"github.com/dramatis-app/dramatis/internal/grapheme"
	"github.com/dramatis-app/dramatis/widgets/internal/serif"
)

// Break flags per rune position of a paragraph (index i means "before rune i").
const (
	canBreak  uint8 = 1
	mustBreak uint8 = 2
)

// eagerRunes is the document size (in code points) up to which every
// paragraph is shaped and wrapped at once. News articles are far below it,
// so their scroll bar is exact; longer texts are laid out lazily around the
// viewport with estimated heights elsewhere.
const eagerRunes = 60_000

// eagerParas bounds eager layout by paragraph count too: each paragraph
// costs a shaper call (~50 µs), so thousands of tiny blocks go lazy.
const eagerParas = 1500

// A block longer than splitRunes code points is laid out in pieces of at
// most pieceRunes, each a para of its own, so that opening, scrolling and
// jumping through it shape and wrap only the pieces in view (a page that
// is one 30 MB paragraph was shaped whole: 72 s and 5 GB). Real paragraphs
// (court rulings, Wikipedia: up to ~10,000) stay whole and wrap exactly;
// a split block starts a new line at each piece, so a piece ends where a
// line may end anyway: after a line break, a sentence or a space (see
// pieceEnd). pieceRunes is about two screenfuls of a column: a frame
// shapes one or two pieces, as much as it shapes of normal paragraphs.
const (
	splitRunes = 20_000
	pieceRunes = 4096
)

// span is one wrapped line of a paragraph: runes [from, to), of which
// [from, end) are drawn (trailing spaces and newlines hang in the margin).
type span struct{ from, to, end int32 }

// para is one laid-out block, a piece of a long block (see splitRunes),
// or a line of the header (start == -1).
type para struct {
	kind BlockKind
	role headRole
	// linkFrom is where the source link starts in a byline's runes; -1: none.
	linkFrom int
	level    int
	runes    []rune
	start    int // offset of runes[0] in the canonical text; -1 for header lines
	style    fyne.TextStyle
	scale    float32 // font size relative to the body size
	lineF    float32 // line height relative to the font size
	before   float32 // space above, in body-size units
	after    float32 // space below, in body-size units
	indent   float32 // left indent, in body-size units

	// blockStart and blockEnd are the offsets of the whole block this
	// para is (a piece of); -1 for header lines.
	blockStart, blockEnd int

	shapedAt float32   // font size prefix was computed for; 0 = not shaped
	prefix   []float32 // prefix[i] = advance of runes[:i]
	flags    []uint8   // break opportunities, len(runes)+1

	wrapW  float32 // width lines were wrapped for; 0 = not wrapped
	lines  []span
	height float32
	exact  bool // height comes from real lines for the current width
}

// textLayout places paragraphs in a column: it shapes and wraps only what
// is asked for and estimates the height of the rest.
type textLayout struct {
	sh    *textShaper
	seg   segmenter.Segmenter
	style ReadingStyle // normalised
	paras []*para
	nHead int // leading header paragraphs (kicker, title, standfirst, byline)
	total int // length of the canonical text in code points
	eager bool

	size  float32 // body text size
	width float32 // width of the whole page
	colX  float32 // left edge of the text column
	colW  float32 // width of the text column
	pad   float32

	tops      []float32 // tops[i] = y of paragraph i; tops[len] = end
	topsDirty bool
	avgEm     float32 // mean advance per rune in em, learnt while shaping
	advSum    float64
	runeSum   int
	advBuf    []float32
	shapes    int // paragraphs shaped so far (tests check what is re-shaped)
	// pre holds paragraphs shaped ahead, on another goroutine (nil: none).
	pre *Preshaped
}

// newTextLayout returns an empty layout measuring with sh.
func newTextLayout(sh *textShaper, size float32) *textLayout {
	return &textLayout{sh: sh, size: size, avgEm: 0.5, pad: 16, topsDirty: true, style: ReadingStyle{}.normal()}
}

// headRole says which part of the header a header paragraph is.
type headRole int

const (
	roleBody headRole = iota
	roleKicker
	roleTitle
	roleStandfirst
	roleByline
)

// headRule is the space around the rule under the header, in body-size
// units: the header reads as one unit, set apart from the body.
const headRule = 1.1

// setDocument builds paragraphs for doc, whose canonical text is text
// (paragraphs share its runes); nothing is shaped yet.
func (l *textLayout) setDocument(doc Document, text []rune) {
	l.paras = l.paras[:0]
	head := func(role headRole, s string) *para {
		if s == "" {
			return nil
		}
		p := &para{role: role, runes: []rune(s), start: -1, blockStart: -1, blockEnd: -1, linkFrom: -1}
		styleHeader(p)
		l.paras = append(l.paras, p)
		return p
	}
	head(roleKicker, doc.Kicker)
	head(roleTitle, doc.Title)
	head(roleStandfirst, doc.Standfirst)
	byline := doc.Byline
	link := doc.SourceLabel
	if doc.Source == nil {
		link = ""
	}
	if link != "" && byline != "" {
		byline += " · "
	}
	if p := head(roleByline, byline+link); p != nil && link != "" {
		p.linkFrom = len(p.runes) - len([]rune(link))
	}
	l.nHead = len(l.paras)
	if l.nHead > 0 {
		l.paras[l.nHead-1].after += 2 * headRule
	}
	off := 0
	for i, b := range doc.Blocks {
		if i > 0 {
			off += separatorLen
		}
		n := utf8.RuneCountInString(b.Text)
		block := text[off : off+n : off+n]
		for from := 0; ; {
			to := n
			if n > splitRunes {
				to = pieceEnd(block, from)
			}
			p := &para{kind: b.Kind, level: b.Level, runes: block[from:to:to], start: off + from, blockStart: off, blockEnd: off + n, linkFrom: -1}
			styleBlock(p)
			if p.cont() {
				p.before = 0
			}
			if p.more() {
				p.after = 0
			}
			l.paras = append(l.paras, p)
			if from = to; from >= n {
				break
			}
		}
		off += n
	}
	l.total = off
	l.eager = off <= eagerRunes && len(l.paras) <= eagerParas
	l.topsDirty = true
}

// cont reports whether p continues the block of the para before it: a
// piece after the first draws no space above and no list bullet.
func (p *para) cont() bool { return p.start > p.blockStart }

// more reports whether p's block goes on in the next para: a piece
// before the last draws no space below, and ranges over its end go on
// to the next line rather than into a paragraph break.
func (p *para) more() bool { return p.start+len(p.runes) < p.blockEnd }

// pieceEnd is where the piece of the long block rs that starts at from
// ends: at most pieceRunes on, and at the last place in the piece's
// second half where a line may end with the least harm to the reading:
// after a line break, else after a sentence and its spaces, else after
// any space, else (a text without spaces) between two characters as
// readers see them.
func pieceEnd(rs []rune, from int) int {
	limit := from + pieceRunes
	if limit >= len(rs) {
		return len(rs)
	}
	sentence, space := -1, -1
	for k := limit; k > from+pieceRunes/2; k-- {
		prev := rs[k-1]
		if prev == '\n' {
			return k
		}
		if !isSpace(prev) || isSpace(rs[k]) {
			continue
		}
		if space < 0 {
			space = k
		}
		if sentence < 0 {
			j := k - 1
			for j > from && isSpace(rs[j-1]) {
				j--
			}
			for j > from && closing(rs[j-1]) {
				j--
			}
			if j > from && sentenceEnd(rs[j-1]) {
				sentence = k
			}
		}
	}
	switch {
	case sentence > 0:
		return sentence
	case space > 0:
		return space
	}
	if k := grapheme.Floor(rs, limit); k > from {
		return k
	}
	return limit
}

// sentenceEnd reports whether r ends a sentence.
func sentenceEnd(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '。', '！', '？':
		return true
	}
	return false
}

// closing reports whether r may close a quotation or a parenthesis after
// the end of a sentence.
func closing(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '’', '»', '«', ')', ']':
		return true
	}
	return false
}

// styleHeader sets the typography of a header paragraph, in units of the
// body text size like styleBlock.
func styleHeader(p *para) {
	switch p.role {
	case roleKicker:
		p.style.Bold = true
		p.scale, p.lineF, p.after = 0.85, 1.4, 0.3
	case roleTitle:
		p.kind, p.level = BlockHeading, 1
		p.style.Bold = true
		p.scale, p.lineF, p.after = titleMaxScale, 1.22, 0.6
	case roleStandfirst:
		p.scale, p.lineF, p.after = 1.15, 1.5, 0.7
	case roleByline:
		p.scale, p.lineF, p.after = 0.88, 1.45, 0
	}
}

// bodyLineF is the line height of body paragraphs relative to the body size.
func (l *textLayout) bodyLineF() float32 { return l.style.Spacing.lineF() }

// bodyLineHeight is the body text's line height relative to its size:
// generous, as in print for a column of about 70 characters.
const bodyLineHeight = 1.55

// styleBlock sets the typography of a block from its kind: the numbers are
// in units of the body text size so that SetTextSize scales everything.
func styleBlock(p *para) {
	p.scale, p.lineF, p.after = 1, bodyLineHeight, 0.85
	switch p.kind {
	case BlockHeading:
		p.style.Bold = true
		p.lineF, p.before, p.after = 1.3, 0.7, 0.45
		switch {
		case p.level <= 1:
			p.scale = 1.55
		case p.level == 2:
			p.scale = 1.35
		case p.level == 3:
			p.scale = 1.18
		default:
			p.scale = 1.05
		}
	case BlockQuote:
		p.indent = 1.6
	case BlockListItem:
		p.indent = 1.6 * float32(max(1, p.level))
		p.after = 0.45
	case BlockCaption:
		p.style.Italic = true
		p.scale, p.lineF = 0.86, 1.45
	case BlockPre:
		p.style.Monospace = true
		p.scale, p.lineF, p.indent = 0.9, 1.4, 0.8
	}
}

// setGeometry sets body size and page width; it invalidates what depends
// on them and reports whether anything changed.
func (l *textLayout) setGeometry(size, width float32) bool {
	if size == l.size && width == l.width {
		return false
	}
	sizeChanged := size != l.size
	l.size, l.width = size, width
	l.pad = max(12, size)
	maxCol := l.columnWidth()
	l.colW = max(size*4, min(width-2*l.pad, maxCol))
	l.colX = max(l.pad, (width-l.colW)/2)
	for _, p := range l.paras {
		if sizeChanged {
			p.shapedAt = 0
		}
		if p.role == roleTitle {
			p.scale = l.titleScale()
		}
		p.exact = false
		p.wrapW = 0
	}
	l.topsDirty = true
	return true
}

// The title's size relative to the body: titleMaxScale in a full column,
// shrinking in a narrow one (a small window) down to titleMinScale, so the
// title does not fill the first screen. titleEms is the column width, in
// body sizes, below which it shrinks.
const (
	titleMaxScale = 1.9
	titleMinScale = 1.6
	titleEms      = 16 * titleMaxScale
)

// titleScale is the title's size for the current column.
func (l *textLayout) titleScale() float32 {
	return min(titleMaxScale, max(titleMinScale, l.colW/(l.size*titleEms)*titleMaxScale))
}

// columnWidth is the readable measure: the reading style's number of
// characters of body text (70 by default).
func (l *textLayout) columnWidth() float32 {
	sample := []rune("Die Regierung in Pjöngjang erklärte am Montag, man werde die Gespräche fortsetzen")
	adv := make([]float32, len(sample))
	l.sh.advances(sample, l.face(&para{}), l.size, adv)
	var w float32
	for _, a := range adv {
		w += a
	}
	return w / float32(len(sample)) * l.style.Measure.chars()
}

// fontSource is the font paragraph p is drawn with; nil is the theme's
// font for p's style. The serif setting covers the article's words (title,
// standfirst, body, headings, captions), not the kicker and byline, which
// are labels, nor preformatted text.
func (l *textLayout) fontSource(p *para) fyne.Resource {
	if l.style.Font != FontSerif || p.style.Monospace || p.role == roleKicker || p.role == roleByline {
		return nil
	}
	return serif.For(p.style)
}

// face is the font paragraph p is measured with.
func (l *textLayout) face(p *para) faceKey {
	return faceKey{style: p.style, src: l.fontSource(p)}
}

// setStyle applies a reading style: the next setGeometry re-wraps
// everything, and a new typeface re-shapes.
func (l *textLayout) setStyle(s ReadingStyle) {
	if s.Font != l.style.Font {
		l.size = 0 // forces re-shaping
	}
	l.style = s
	l.width = 0
	l.topsDirty = true
}

// fontSize is the size paragraph p is drawn at.
func (l *textLayout) fontSize(p *para) float32 { return l.size * p.scale }

// lineHeight is the distance between baselines in paragraph p; the
// reading style's spacing scales the body's, not headings or code.
func (l *textLayout) lineHeight(p *para) float32 {
	f := p.lineF
	if p.role == roleBody && p.kind != BlockHeading && p.kind != BlockPre {
		f *= l.style.Spacing.lineF() / bodyLineHeight
	}
	return float32(math.Round(float64(l.fontSize(p) * f)))
}

// textX is the left edge of paragraph p's text.
func (l *textLayout) textX(p *para) float32 { return l.colX + p.indent*l.size }

// wrapWidth is the width paragraph p wraps to.
func (l *textLayout) wrapWidth(p *para) float32 {
	return max(l.size*2, l.colW-p.indent*l.size)
}

// shape computes advances and break opportunities of p at its font size.
func (l *textLayout) shape(p *para) {
	fs := l.fontSize(p)
	if p.shapedAt == fs {
		return
	}
	n := len(p.runes)
	if got, ok := l.pre.lookup(l.sh, p.runes, l.face(p), fs); ok {
		p.prefix = append(p.prefix[:0], got.prefix...) // re-shaping writes into prefix
		if p.flags == nil {
			p.flags = got.flags // never written once made
		}
		l.shaped(p, fs)
		return
	}
	if cap(l.advBuf) < n {
		l.advBuf = make([]float32, n)
	}
	adv := l.advBuf[:n]
	disp := p.runes
	if p.kind == BlockPre || hasTab(p.runes) {
		disp = displayRunes(p.runes)
	}
	l.sh.advances(disp, l.face(p), fs, adv)
	if cap(p.prefix) < n+1 {
		p.prefix = make([]float32, n+1)
	}
	p.prefix = p.prefix[:n+1]
	p.prefix[0] = 0
	for i, a := range adv {
		p.prefix[i+1] = p.prefix[i] + a
	}
	if p.flags == nil {
		p.flags = make([]uint8, n+1)
		if n > 0 {
			l.seg.Init(p.runes)
			it := l.seg.LineIterator()
			for it.Next() {
				ln := it.Line()
				end := ln.Offset + len(ln.Text)
				if end < n {
					p.flags[end] |= canBreak
					if ln.IsMandatoryBreak {
						p.flags[end] |= mustBreak
					}
				}
			}
		}
	}
	l.shapes++
	l.shaped(p, fs)
}

// shaped records that p is shaped at font size fs and learns its mean
// advance for the estimates of paragraphs not shaped yet.
func (l *textLayout) shaped(p *para, fs float32) {
	p.shapedAt = fs
	n := len(p.runes)
	if !p.style.Monospace && p.start >= 0 && n > 0 {
		l.advSum += float64(p.prefix[n] / fs)
		l.runeSum += n
		l.avgEm = float32(l.advSum / float64(l.runeSum))
	}
}

// hasTab reports whether rs holds a tab or newline, which are drawn as spaces.
func hasTab(rs []rune) bool {
	for _, r := range rs {
		if r == '\t' || r == '\n' || r == '\r' {
			return true
		}
	}
	return false
}

// displayRunes replaces control characters with spaces so that what we
// measure is what canvas.Text draws (it would expand tabs to tab stops).
func displayRunes(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		if r == '\t' || r == '\n' || r == '\r' {
			r = ' '
		}
		out[i] = r
	}
	return out
}

// isSpace reports whether r hangs at the end of a line.
func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == 0x3000 }

// trimRight returns the end of [from, to) without trailing spaces.
func (p *para) trimRight(from, to int) int {
	for to > from && isSpace(p.runes[to-1]) {
		to--
	}
	return to
}

// wrap breaks p into lines no wider than maxW: greedy, at UAX #14
// opportunities, splitting a word only when it alone is wider than a line.
func (p *para) wrap(maxW float32) {
	p.lines = p.lines[:0]
	n := len(p.runes)
	emit := func(a, b int) {
		p.lines = append(p.lines, span{int32(a), int32(b), int32(p.trimRight(a, b))})
	}
	lineStart, lineEnd, pos := 0, -1, 0
	for pos < n {
		next := pos + 1
		for next < n && p.flags[next]&canBreak == 0 {
			next++
		}
		vis := p.trimRight(pos, next)
		w := p.prefix[vis] - p.prefix[lineStart]
		if w > maxW && lineEnd >= 0 {
			emit(lineStart, lineEnd)
			lineStart, lineEnd = lineEnd, -1
			continue
		}
		for w > maxW { // one word wider than the line: split it by characters
			cut := lineStart + 1 + sort.Search(vis-lineStart-1, func(k int) bool {
				return p.prefix[lineStart+1+k+1]-p.prefix[lineStart] > maxW
			})
			emit(lineStart, cut)
			lineStart = cut
			w = p.prefix[vis] - p.prefix[lineStart]
		}
		lineEnd, pos = next, next
		if next < n && p.flags[next]&mustBreak != 0 {
			emit(lineStart, next)
			lineStart, lineEnd = next, -1
		}
	}
	if lineStart < n || len(p.lines) == 0 {
		emit(lineStart, n)
	}
	p.wrapW = maxW
}

// ensure makes paragraph i exact (shaped and wrapped for the current width)
// and reports whether its height changed.
func (l *textLayout) ensure(i int) bool {
	p := l.paras[i]
	if p.exact {
		return false
	}
	l.shape(p)
	w := l.wrapWidth(p)
	if p.wrapW != w {
		p.wrap(w)
	}
	h := l.size*(p.before+p.after) + float32(len(p.lines))*l.lineHeight(p)
	p.exact = true
	if h != p.height {
		p.height = h
		l.topsDirty = true
		return true
	}
	return false
}

// estimate guesses the height of a paragraph that is not laid out yet from
// its length and the average advance seen so far.
func (l *textLayout) estimate(p *para) float32 {
	fs := l.fontSize(p)
	var textW float32
	if p.shapedAt == fs {
		textW = p.prefix[len(p.prefix)-1]
	} else {
		textW = float32(len(p.runes)) * l.avgEm * fs
	}
	lines := max(1, int(math.Ceil(float64(textW/l.wrapWidth(p)*1.04))))
	return l.size*(p.before+p.after) + float32(lines)*l.lineHeight(p)
}

// updateTops recomputes paragraph positions, estimating inexact ones.
// It is O(paragraphs) and runs only after heights changed.
func (l *textLayout) updateTops() {
	if !l.topsDirty {
		return
	}
	if len(l.tops) != len(l.paras)+1 {
		l.tops = make([]float32, len(l.paras)+1)
	}
	y := l.pad
	for i, p := range l.paras {
		if !p.exact {
			if l.eager {
				l.ensure(i)
			} else {
				p.height = l.estimate(p)
			}
		}
		l.tops[i] = y
		y += p.height
	}
	l.tops[len(l.paras)] = y
	l.topsDirty = false
}

// height is the height of the whole page.
func (l *textLayout) height() float32 {
	l.updateTops()
	return l.tops[len(l.paras)] + l.pad
}

// paraAtY returns the paragraph covering y (clamped).
func (l *textLayout) paraAtY(y float32) int {
	l.updateTops()
	n := len(l.paras)
	if n == 0 {
		return -1
	}
	i := sort.Search(n, func(k int) bool { return l.tops[k+1] > y })
	return min(i, n-1)
}

// exactRange makes every paragraph overlapping [y0, y1) exact. Heights that
// change push later paragraphs down, so it repeats until stable.
func (l *textLayout) exactRange(y0, y1 float32) {
	for iter := 0; iter < 50; iter++ {
		l.updateTops()
		first := l.paraAtY(y0)
		if first < 0 {
			return
		}
		changed := false
		for i := first; i < len(l.paras) && l.tops[i] < y1; i++ {
			if l.ensure(i) {
				changed = true
			}
		}
		if !changed {
			l.updateTops()
			return
		}
	}
}

// bodyPara returns the body paragraph holding offset off (an offset in a
// separator belongs to the paragraph before it).
func (l *textLayout) bodyPara(off int) int {
	body := l.paras[l.nHead:]
	if len(body) == 0 {
		return -1
	}
	k := sort.Search(len(body), func(i int) bool { return body[i].start > off })
	return l.nHead + max(0, k-1)
}

// lineTop returns the y of line j of paragraph i (which must be exact).
func (l *textLayout) lineTop(i, j int) float32 {
	p := l.paras[i]
	return l.tops[i] + p.before*l.size + float32(j)*l.lineHeight(p)
}

// lineOf returns the line of exact paragraph p holding rune index k; a
// position at a wrap point belongs to the line it starts.
func (p *para) lineOf(k int) int {
	j := sort.Search(len(p.lines), func(j int) bool { return int(p.lines[j].from) > k })
	return max(0, j-1)
}

// position returns paragraph, line and x (page coordinates) of offset off,
// making its paragraph exact.
func (l *textLayout) position(off int) (pi, line int, x float32) {
	pi = l.bodyPara(off)
	if pi < 0 {
		return -1, 0, 0
	}
	l.ensure(pi)
	l.updateTops()
	p := l.paras[pi]
	k := min(max(0, off-p.start), len(p.runes))
	line = p.lineOf(k)
	ln := p.lines[line]
	k = min(k, int(ln.end))
	return pi, line, l.textX(p) + p.prefix[k] - p.prefix[ln.from]
}

// offsetAt maps a page position to the nearest caret offset. Paragraphs in
// view are exact; others are made exact on the way.
func (l *textLayout) offsetAt(pos fyne.Position) int {
	if len(l.paras) == l.nHead {
		return 0
	}
	l.updateTops()
	if pos.Y < l.tops[l.nHead] {
		return 0
	}
	i := l.paraAtY(pos.Y)
	if l.ensure(i) {
		l.updateTops()
	}
	p := l.paras[i]
	lh := l.lineHeight(p)
	j := int((pos.Y - l.tops[i] - p.before*l.size) / lh)
	if j < 0 {
		j = 0
	}
	if j >= len(p.lines) {
		return p.start + len(p.runes)
	}
	return p.start + p.indexAtX(j, pos.X-l.textX(p))
}

// indexAtX returns the rune index in line j nearest to x (relative to the
// line's left edge), rounding at glyph midpoints.
func (p *para) indexAtX(j int, x float32) int {
	ln := p.lines[j]
	from, end := int(ln.from), int(ln.end)
	if x <= 0 {
		return from
	}
	base := p.prefix[from]
	k := from + sort.Search(end-from, func(k int) bool { return p.prefix[from+k+1]-base > x })
	if k >= end {
		return end
	}
	mid := (p.prefix[k]+p.prefix[k+1])/2 - base
	if x >= mid {
		return k + 1
	}
	return k
}

// wordChar reports whether r belongs to a word for double-click and snapping.
func wordChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
}

// charAt returns the offset of the character under pos, or -1 when pos is
// not over body text (margins, past a line's end, the header). Trailing
// spaces count: a highlight covers them.
func (l *textLayout) charAt(pos fyne.Position) int {
	pi, k, ok := l.runeAt(pos)
	if !ok || pi < l.nHead {
		return -1
	}
	return l.paras[pi].start + k
}

// runeAt returns the paragraph and the index of the rune under pos, in the
// header or the body; ok is false over margins and past a line's end.
func (l *textLayout) runeAt(pos fyne.Position) (pi, k int, ok bool) {
	if len(l.paras) == 0 {
		return 0, 0, false
	}
	l.updateTops()
	if pos.Y < l.tops[0] || pos.Y >= l.tops[len(l.paras)] {
		return 0, 0, false
	}
	i := l.paraAtY(pos.Y)
	if l.ensure(i) {
		l.updateTops()
	}
	p := l.paras[i]
	j := int(math.Floor(float64((pos.Y - l.tops[i] - p.before*l.size) / l.lineHeight(p))))
	if j < 0 || j >= len(p.lines) {
		return 0, 0, false
	}
	ln := p.lines[j]
	x := pos.X - l.textX(p)
	base := p.prefix[ln.from]
	if x < 0 || x >= p.prefix[ln.to]-base {
		return 0, 0, false
	}
	k = int(ln.from) + sort.Search(int(ln.to-ln.from), func(k int) bool { return p.prefix[int(ln.from)+k+1]-base > x })
	return i, k, true
}

// onLink reports whether pos is over the source link in the header.
func (l *textLayout) onLink(pos fyne.Position) bool {
	pi, k, ok := l.runeAt(pos)
	return ok && pi < l.nHead && l.paras[pi].linkFrom >= 0 && k >= l.paras[pi].linkFrom
}
