package widgets

import (
	"image/color"
	"sort"
)

// TextRange is a range [Start, End) of code point offsets into the text.
type TextRange struct {
	Start, End int
}

// findMarks are the places a find found in the text: every one gets a
// light mark, the current one (the one the reader stepped to) a stronger
// one. The ranges are sorted by start and do not overlap (a find marks
// words), so a line finds its marks with one binary search: cheap with
// 100,000 of them.
type findMarks struct {
	rs  []TextRange
	cur int // index into rs; -1: none is current
}

// How find marks look. They are drawn over the highlight tints and under
// the selection, and only as tall as the glyphs (from the accents' top to
// the descenders' foot), not the whole line like a tint: a box around the
// word, in a hue of their own, reads as "found here", not as "highlighted".
const (
	// findMarkShare is how much of the find colour a mark lays over the
	// page (light theme); findMarkShareDark on a dark page, where a hue
	// shows with less.
	findMarkShare     = 0.45
	findMarkShareDark = 0.55
	// findMarkAbove is how far above the ascent a mark begins, in
	// font-size units: enough for the accents of capitals (Ä, É).
	findMarkAbove = 0.08
	// findFrame is the thickness of the current mark's frame, in
	// font-size units (1.5 px at 16, the least that shows on a dark page).
	findFrame = 0.09
)

// The find colours, as browsers have taught readers: yellow for every
// match, orange for the current one.
var (
	findColor    = color.NRGBA{R: 0xff, G: 0xd0, B: 0x00, A: 0xff}
	findCurColor = color.NRGBA{R: 0xff, G: 0x80, B: 0x00, A: 0xff}
)

// SetFindMarks marks every range of rs (sorted by start, not
// overlapping, as a find of words gives them) with a light find mark, and
// rs[current] with a stronger one (current < 0: none). It does not
// scroll; nil clears the marks. The view keeps rs: the caller must not
// change it afterwards.
func (v *ArticleView) SetFindMarks(rs []TextRange, current int) {
	v.find.rs = rs
	v.find.cur = -1
	if current >= 0 && current < len(rs) {
		v.find.cur = current
	}
	v.page.Refresh()
}

// ShowFindMark makes rs[i] of SetFindMarks the current mark and scrolls
// it into view (a third down the view when it was out of it).
func (v *ArticleView) ShowFindMark(i int) {
	if i < 0 || i >= len(v.find.rs) {
		return
	}
	v.find.cur = i
	v.scrollToOffset(v.clamp(v.find.rs[i].Start), false)
	v.page.Refresh()
}

// FindMarks returns the marked ranges and the index of the current one
// (-1: none).
func (v *ArticleView) FindMarks() ([]TextRange, int) { return v.find.rs, v.find.cur }

// each calls fn with the index of every mark overlapping [a, b).
func (m *findMarks) each(a, b int, fn func(i int)) {
	i := sort.Search(len(m.rs), func(k int) bool { return m.rs[k].End > a })
	for ; i < len(m.rs) && m.rs[i].Start < b; i++ {
		fn(i)
	}
}

// drawFindMarks fills the marks on one line, glyph-high: from just above
// the ascent (textY + ascent is the baseline) to the descenders' foot.
func (v *ArticleView) drawFindMarks(r *pageRenderer, p *para, ln span, x, textY, textBottom, fs float32, f *frameState) {
	if len(v.find.rs) == 0 {
		return
	}
	e := v.extentOf(p, ln, x)
	top := textY - findMarkAbove*fs
	h := textBottom - top
	v.find.each(e.a, e.b, func(i int) {
		m := v.find.rs[i]
		x0, x1, ok := e.span(m.Start, min(m.End, e.b))
		if !ok {
			return
		}
		if i != v.find.cur {
			r.under.place(x0, top, x1-x0, h, f.pal.findMark(false))
			return
		}
		// The current one is also framed in full orange, so that it
		// stands out on a dark page and over a highlight's tint, where
		// its fill alone is one brownish tone among others.
		r.under.place(x0, top, x1-x0, h, f.pal.findMark(true))
		t := max(1.5, findFrame*fs)
		c := f.pal.marker(findCurColor)
		r.over.place(x0, top, x1-x0, t, c)
		r.over.place(x0, top+h-t, x1-x0, t, c)
		if m.Start >= e.a { // begins on this line (a long word may wrap)
			r.over.place(x0, top, t, h, c)
		}
		if m.End <= e.b { // and ends on it
			r.over.place(x1-t, top, t, h, c)
		}
	})
}

// findMark is the fill of a find mark (current: the stronger one): the
// find colour laid over the page, made paler until the body text on it
// keeps textOnTint, as highlight tints do.
func (p *palette) findMark(current bool) color.NRGBA {
	i := 0
	if current {
		i = 1
	}
	if p.finds[i].A != 0 {
		return p.finds[i]
	}
	c, share := findColor, findMarkShare
	if p.dark {
		share = findMarkShareDark
	}
	if current {
		c, share = findCurColor, share+0.25
	}
	var t color.NRGBA
	for ; share > 0; share -= 0.02 {
		t = mix(p.bg, c, share)
		if contrast(t, p.text) >= textOnTint {
			break
		}
	}
	p.finds[i] = t
	return t
}
