package widgets

import (
	"image/color"
	"sort"

	"fyne.io/fyne/v2"
)

// frameState is what drawing one frame needs besides the layout.
type frameState struct {
	pal        *palette
	selA, selB int    // the selection
	mark       [2]int // the outlined highlight
	caret      int    // the caret's offset; -1: not drawn
}

// palette returns the reading colours of the current theme, derived once
// per theme and variant.
func (v *ArticleView) palette() *palette {
	th := v.Theme()
	vr := fyne.CurrentApp().Settings().ThemeVariant()
	if v.pal == nil || v.palTheme != th || v.palVariant != vr {
		v.pal, v.palTheme, v.palVariant = newPalette(th, vr), th, vr
	}
	return v.pal
}

// drawVisible creates the objects for the lines between y0 and y1.
func (v *ArticleView) drawVisible(r *pageRenderer, y0, y1 float32) {
	l := v.layout
	f := frameState{pal: v.palette(), caret: -1}
	f.selA, f.selB = v.sel.bounds()
	if v.marked != "" {
		if i := v.hl.index(v.marked); i >= 0 {
			f.mark = [2]int{v.hl.hs[i].Start, v.hl.hs[i].End}
		}
	}
	if v.page.focused && v.sel.placed {
		f.caret = v.sel.caret
		if f.selA < f.selB { // at the selection's moving end, which may have snapped to a word
			f.caret = f.selB
			if v.sel.caret < v.sel.anchor {
				f.caret = f.selA
			}
		}
	}
	for i := max(0, l.paraAtY(y0)); i < len(l.paras) && l.tops[i] < y1; i++ {
		if !l.paras[i].exact {
			l.ensure(i) // paragraphs in view are exact; this only guards
		}
		v.drawPara(r, i, y0, y1, &f)
		if i == l.nHead-1 {
			// the rule under the header, across the column
			y := l.tops[i+1] - headRule*l.size
			r.over.place(l.colX, y, l.colW, max(1, 1/r.scale), f.pal.bar)
		}
	}
}

// drawPara draws the lines of paragraph i between y0 and y1.
func (v *ArticleView) drawPara(r *pageRenderer, i int, y0, y1 float32, f *frameState) {
	l := v.layout
	p := l.paras[i]
	lh := l.lineHeight(p)
	base := l.tops[i] + p.before*l.size
	fs := l.fontSize(p)
	m := l.sh.lineMetrics(l.face(p), fs)
	x := l.textX(p)
	for j := max(0, int((y0-base)/lh)); j < len(p.lines); j++ {
		top := base + float32(j)*lh
		if top >= y1 {
			break
		}
		ln := p.lines[j]
		textY := top + (lh-m.thickness)/2
		if p.start >= 0 {
			textBottom := textY + m.ascent + descenderDepth*fs
			v.drawHighlights(r, p, ln, x, top, lh, textBottom, fs, f)
			v.drawFindMarks(r, p, ln, x, textY, textBottom, fs, f)
			v.drawSelection(r, p, ln, x, top, lh, textBottom, f)
		}
		if p.kind == BlockQuote && p.start >= 0 {
			r.under.place(l.colX+0.45*l.size, top, max(2, l.size/6), lh, f.pal.bar)
		}
		if p.kind == BlockListItem && j == 0 && !p.cont() {
			r.text(lineKey{para: i, line: j, bullet: true}, "•", x-0.95*l.size, textY, l.size, m.thickness, fs, p.style, nil, f.pal.text)
		}
		v.drawRuns(r, i, j, x, textY, m, fs, f)
		if p.start >= 0 && f.caret >= 0 && caretOnLine(p, ln, f.caret) {
			k := f.caret - p.start
			w := max(1.5, l.size/9)
			r.over.place(r.snap(x+p.prefix[k]-p.prefix[ln.from]-w/2), textY, w, m.thickness, f.pal.caret)
		}
	}
}

// caretOnLine reports whether the caret at off is drawn on line ln of p: a
// caret at a wrap point (or where one piece of a long block meets the
// next) is drawn at the start of the next line, one at the end of the
// paragraph on its last line.
func caretOnLine(p *para, ln span, off int) bool {
	k := off - p.start
	return k >= int(ln.from) && (k < int(ln.to) || int(ln.to) == len(p.runes) && k == int(ln.to) && !p.more())
}

// baseColor is the text colour of paragraph p.
func baseColor(p *para, pal *palette) color.NRGBA {
	switch {
	case p.role == roleKicker:
		return pal.accent
	case p.role == roleByline || p.kind == BlockCaption && p.start >= 0:
		return pal.muted
	}
	return pal.text
}

// drawRuns draws the text of line j of paragraph i, split into runs where
// its colour changes: the selected part in the page colour on the
// selection's fill, the source link in the accent colour.
func (v *ArticleView) drawRuns(r *pageRenderer, i, j int, x, y float32, m lineMetrics, fs float32, f *frameState) {
	l := v.layout
	p := l.paras[i]
	ln := p.lines[j]
	from, end := int(ln.from), int(ln.end)
	if end <= from {
		return
	}
	cuts := append(r.cuts[:0], from, end)
	inSel := func(k int) bool { return false }
	if p.start >= 0 && f.selB > f.selA {
		a, b := f.selA-p.start, f.selB-p.start
		cuts = append(cuts, a, b)
		inSel = func(k int) bool { return k >= a && k < b }
	}
	if p.linkFrom >= 0 {
		cuts = append(cuts, p.linkFrom)
	}
	sort.Ints(cuts)
	r.cuts = cuts
	run := 0
	for c := 0; c+1 < len(cuts); c++ {
		a, b := max(cuts[c], from), min(cuts[c+1], end)
		if b <= a {
			continue
		}
		col := baseColor(p, f.pal)
		link := p.linkFrom >= 0 && a >= p.linkFrom
		switch {
		case inSel(a):
			col = f.pal.selText
		case link:
			col = f.pal.accent
		}
		rx := x + p.prefix[a] - p.prefix[from]
		w := p.prefix[b] - p.prefix[a]
		s := runString(p, a, b)
		r.text(lineKey{para: i, line: j, run: run}, s, rx, y, w+1, m.thickness, fs, p.style, l.fontSource(p), col)
		run++
		if link {
			t := max(1, fs/16)
			r.over.place(rx, y+m.ascent+t*1.5, w, t, col)
			r.spot(rx, y, w, m.thickness) // the pointer cursor: it can be clicked
		}
	}
}

// runString is the drawn text of runes [a, b) of p, with tabs and newlines
// as spaces (which is how they were measured).
func runString(p *para, a, b int) string {
	rs := p.runes[a:b]
	if p.kind == BlockPre || hasTab(rs) {
		rs = displayRunes(rs)
	}
	return string(rs)
}

// lineExtent is one drawn line of a body paragraph as ranges see it: the x
// of its offsets, where it starts and ends, and how far a range over it
// may reach - past the end of a paragraph into the separator, so that a
// range that goes on into the next block gets a small nub after the last
// character.
type lineExtent struct {
	p        *para
	ln       span
	x        float32
	a, b     int // offsets of the line's start and end (trailing spaces included)
	reach    int
	last     bool
	nub      float32
	drawnEnd int // offset where the line's visible text ends
}

// extentOf returns the extent of line ln of p, drawn at x.
func (v *ArticleView) extentOf(p *para, ln span, x float32) lineExtent {
	e := lineExtent{p: p, ln: ln, x: x, a: p.start + int(ln.from), b: p.start + int(ln.to)}
	e.last = int(ln.to) == len(p.runes) && !p.more() // a piece's end is no paragraph's
	e.reach = e.b
	if e.last {
		e.reach = e.b + separatorLen
	}
	e.nub = 0.35 * v.layout.size
	e.drawnEnd = p.start + int(ln.end)
	return e
}

// xOf is the x of offset off, clamped to the line.
func (e *lineExtent) xOf(off int) float32 {
	k := min(max(off-e.p.start, int(e.ln.from)), int(e.ln.to))
	return e.x + e.p.prefix[k] - e.p.prefix[e.ln.from]
}

// span returns the x range of [s, e) on the line, with the nub when the
// range goes on past the paragraph's end.
func (e *lineExtent) span(s, end int) (float32, float32, bool) {
	if end <= e.a || s >= e.reach {
		return 0, 0, false
	}
	x0, x1 := e.xOf(s), e.xOf(end)
	if e.last && end > e.b {
		x1 += e.nub
	}
	return x0, x1, x1 > x0
}

// drawSelection fills the selected part of a line and outlines the marked
// highlight. The selection is inverse video in the accent colour (its text
// is drawn in the page colour by drawRuns), a form no highlight tint has.
// The outline encloses the first marker lane, so it never hides a marker.
func (v *ArticleView) drawSelection(r *pageRenderer, p *para, ln span, x, top, lh, textBottom float32, f *frameState) {
	e := v.extentOf(p, ln, x)
	if f.selB > f.selA {
		if x0, x1, ok := e.span(f.selA, f.selB); ok {
			r.under.place(x0, top, x1-x0, lh, f.pal.sel)
		}
	}
	if ms, me := f.mark[0], f.mark[1]; me > ms {
		if x0, x1, ok := e.span(ms, me); ok {
			t := max(1.5, lh/16)
			c := f.pal.sel
			mt := max(1, markerThickness*v.layout.size)
			h := max(lh, textBottom+2*mt-top) + t // to just under the first marker lane
			r.over.place(x0, top, x1-x0, t, c)
			r.over.place(x0, top+h-t, x1-x0, t, c)
			if ms >= e.a { // the highlight starts on this line
				r.over.place(x0, top, t, h, c)
			}
			if me <= e.reach { // and ends on it
				r.over.place(x1-t, top, t, h, c)
			}
		}
	}
}
