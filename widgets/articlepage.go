package widgets

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// articlePage is the scrolled content of an ArticleView: as tall as the
// laid-out text, but holding canvas objects only for the lines in view.
// It receives the mouse and keyboard events (see selection.go).
type articlePage struct {
	widget.BaseWidget
	v       *ArticleView
	minH    float32
	focused bool
}

// newArticlePage returns the page of v.
func newArticlePage(v *ArticleView) *articlePage {
	p := &articlePage{v: v}
	p.ExtendBaseWidget(p)
	return p
}

// MinSize is the height of the whole text; the width follows the viewport.
func (p *articlePage) MinSize() fyne.Size { return fyne.NewSize(0, p.minH) }

// CreateRenderer is part of fyne.Widget.
func (p *articlePage) CreateRenderer() fyne.WidgetRenderer {
	r := &pageRenderer{p: p, sentinel: canvas.NewRectangle(color.Transparent), lineText: map[lineKey]*canvas.Text{}}
	p.v.render(r)
	return r
}

// lineKey names one wrapped line, so that a line that stays in view keeps
// its canvas.Text (and its rendered texture) while scrolling.
type lineKey struct {
	para, line int
	bullet     bool
}

// pageRenderer holds the pooled objects of the visible lines.
type pageRenderer struct {
	p        *articlePage
	sentinel *canvas.Rectangle // refreshed after every render to request a repaint
	objects  []fyne.CanvasObject

	rects []*canvas.Rectangle
	nRect int
	spots []*hotspot
	nSpot int

	lineText map[lineKey]*canvas.Text // texts of the previous render
	nextText map[lineKey]*canvas.Text
	freeText []*canvas.Text
	texts    []fyne.CanvasObject
	scale    float32 // canvas scale, to put texts on whole pixels
}

// Layout is part of fyne.WidgetRenderer: a resize re-flows the viewport.
func (r *pageRenderer) Layout(fyne.Size) { r.p.v.render(r) }

// MinSize is part of fyne.WidgetRenderer.
func (r *pageRenderer) MinSize() fyne.Size { return r.p.MinSize() }

// Refresh is part of fyne.WidgetRenderer.
func (r *pageRenderer) Refresh() { r.p.v.render(r) }

// Objects is part of fyne.WidgetRenderer: rectangles first, texts on top.
func (r *pageRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy is part of fyne.WidgetRenderer; it stops a running auto-scroll.
func (r *pageRenderer) Destroy() { r.p.v.stopAutoScroll() }

// begin starts a new frame of pooled objects.
func (r *pageRenderer) begin() {
	r.nRect, r.nSpot = 0, 0
	r.texts = r.texts[:0]
	r.scale = 1
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.p); c != nil {
		r.scale = c.Scale()
	}
	if r.nextText == nil {
		r.nextText = map[lineKey]*canvas.Text{}
	}
}

// rect places the next pooled rectangle.
func (r *pageRenderer) rect(x, y, w, h float32, c color.Color) {
	if w <= 0 || h <= 0 {
		return
	}
	if r.nRect == len(r.rects) {
		r.rects = append(r.rects, canvas.NewRectangle(c))
	}
	o := r.rects[r.nRect]
	r.nRect++
	if o.FillColor != c {
		o.FillColor = c
		o.Refresh()
	}
	o.Move(fyne.NewPos(x, y))
	o.Resize(fyne.NewSize(w, h))
}

// spot places the next pooled hotspot.
func (r *pageRenderer) spot(x, y, w, h float32) {
	if w <= 0 || h <= 0 {
		return
	}
	if r.nSpot == len(r.spots) {
		r.spots = append(r.spots, newHotspot())
	}
	o := r.spots[r.nSpot]
	r.nSpot++
	o.Move(fyne.NewPos(x, y))
	o.Resize(fyne.NewSize(w, h))
}

// text places the canvas.Text for line k, reusing last frame's object for
// the same line when possible.
func (r *pageRenderer) text(k lineKey, s string, x, y, w, h float32, size float32, style fyne.TextStyle, c color.Color) {
	o, ok := r.lineText[k]
	if ok {
		delete(r.lineText, k)
	} else if n := len(r.freeText); n > 0 {
		o = r.freeText[n-1]
		r.freeText = r.freeText[:n-1]
	} else {
		o = canvas.NewText("", c)
	}
	if o.Text != s || o.TextSize != size || o.TextStyle != style || o.Color != c {
		o.Text, o.TextSize, o.TextStyle, o.Color = s, size, style, c
		o.Refresh()
	}
	// On whole pixels: the GL painter sizes a text texture from the rounded
	// start and end, and a fractional start stretches it by a pixel, which
	// blurs part of the line.
	o.Move(fyne.NewPos(r.snap(x), r.snap(y)))
	o.Resize(fyne.NewSize(w, h))
	r.nextText[k] = o
	r.texts = append(r.texts, o)
}

// snap rounds a coordinate to the pixel grid of the canvas.
func (r *pageRenderer) snap(f float32) float32 {
	s := r.scale
	if s <= 0 {
		s = 1
	}
	return float32(math.Round(float64(f*s))) / s
}

// end publishes the frame's objects and recycles texts no longer in view.
func (r *pageRenderer) end() {
	for k, o := range r.lineText {
		r.freeText = append(r.freeText, o)
		delete(r.lineText, k)
	}
	r.lineText, r.nextText = r.nextText, r.lineText
	r.objects = append(r.objects[:0], r.sentinel)
	for _, o := range r.rects[:r.nRect] {
		r.objects = append(r.objects, o)
	}
	r.objects = append(r.objects, r.texts...)
	for _, o := range r.spots[:r.nSpot] {
		r.objects = append(r.objects, o)
	}
	r.sentinel.Refresh()
}

// renderState is what render remembers between frames.
type renderState struct {
	busy, again bool
	// anchor is the paragraph at the top of the viewport in the last frame
	// and its y then: when paragraphs above it change height (they were
	// estimated and are now laid out), the scroll offset follows so the
	// text in view does not jump.
	anchor    int
	anchorTop float32
	anchored  bool
	// pending is an offset to scroll to once the view has a size (+1; 0 = none).
	pending   int
	pendingAt bool
	// topOff is the offset last put at the top of the viewport (by a
	// re-flow or SetTopOffset) and topY the scroll offset it got: while the
	// reader has not scrolled since, the next re-flow keeps topOff itself,
	// so a window edge dragged in many steps does not drift a line per step.
	topOff   int
	topY     float32
	topKnown bool
	// viewport is the scroll container's size the last frame was drawn for.
	viewport fyne.Size
}

// palette is the theme colours one render uses.
type palette struct {
	fg, muted, sel, bar, caret color.Color
}

// colors reads the current theme colours, so a theme switch shows at once.
func (v *ArticleView) colors() palette {
	th := v.Theme()
	vr := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, vr)
	n := color.NRGBAModel.Convert(fg).(color.NRGBA)
	n.A = 0x50
	return palette{
		fg:    fg,
		muted: th.Color(theme.ColorNamePlaceHolder, vr),
		sel:   th.Color(theme.ColorNameSelection, vr),
		bar:   n,
		caret: th.Color(theme.ColorNamePrimary, vr),
	}
}

// render lays out the paragraphs in view and rebuilds the visible objects.
// Nested calls (a scroll refresh inside a render) ask for another pass.
func (v *ArticleView) render(r *pageRenderer) {
	st := &v.rendered
	if st.busy {
		st.again = true
		return
	}
	st.busy = true
	defer func() { st.busy = false }()
	for pass := 0; pass < 4; pass++ {
		st.again = false
		v.renderOnce(r)
		if !st.again {
			return
		}
	}
}

// renderOnce is one pass of render.
func (v *ArticleView) renderOnce(r *pageRenderer) {
	r.begin()
	defer r.end()
	l := v.layout
	vs := v.scroll.Size()
	st := &v.rendered
	st.viewport = vs
	if l == nil || vs.Width <= 0 || vs.Height <= 0 {
		return
	}
	if l.width > 0 && vs.Width != l.width && st.pending == 0 && v.scroll.Offset.Y > 0 {
		// A narrower or wider window re-wraps every paragraph: keep the
		// line at the top of the viewport there, not the pixel offset
		// (which in a long paragraph would show text far above or below).
		st.pending, st.pendingAt = v.keptTop()+1, true
	}
	l.setGeometry(v.TextSize(), vs.Width)
	placed := false
	if st.pending > 0 {
		off, atTop := st.pending-1, st.pendingAt
		st.pending = 0
		placed = v.placeOffset(off, atTop) && atTop
		if placed {
			st.topOff = off
		}
	}
	y := v.scroll.Offset.Y
	for iter := 0; iter < 4; iter++ {
		l.updateTops()
		if st.anchored && st.anchor < len(l.paras) {
			y += l.tops[st.anchor] - st.anchorTop
			st.anchorTop = l.tops[st.anchor]
		}
		l.exactRange(y, y+vs.Height)
		if !st.anchored || st.anchor >= len(l.paras) || l.tops[st.anchor] == st.anchorTop {
			break
		}
	}
	h := l.height()
	y = max(0, min(y, h-vs.Height))
	moved := y != v.scroll.Offset.Y
	v.scroll.Offset.Y = y
	if placed {
		st.topY, st.topKnown = y, true
	}
	if h != v.page.minH || moved {
		v.page.minH = h
		v.scroll.Refresh() // resizes the page and moves it to the new offset
	}
	st.anchor = max(0, l.paraAtY(y))
	st.anchored = len(l.paras) > 0
	if st.anchored {
		st.anchorTop = l.tops[st.anchor]
	}
	v.drawVisible(r, y, y+vs.Height)
}

// drawVisible creates the objects for the lines between y0 and y1.
func (v *ArticleView) drawVisible(r *pageRenderer, y0, y1 float32) {
	l := v.layout
	pal := v.colors()
	selA, selB := v.sel.bounds()
	mark := [2]int{}
	if v.marked != "" {
		if i := v.hl.index(v.marked); i >= 0 {
			mark = [2]int{v.hl.hs[i].Start, v.hl.hs[i].End}
		}
	}
	caret := -1
	if v.page.focused && v.sel.placed && selA == selB {
		caret = v.sel.caret
	}
	for i := max(0, l.paraAtY(y0)); i < len(l.paras) && l.tops[i] < y1; i++ {
		p := l.paras[i]
		if !p.exact {
			l.ensure(i) // paragraphs in view are exact; this only guards
		}
		lh := l.lineHeight(p)
		base := l.tops[i] + p.before*l.size
		j0 := max(0, int((y0-base)/lh))
		fs := l.fontSize(p)
		m := l.sh.lineMetrics(p.style, fs)
		x := l.textX(p)
		for j := j0; j < len(p.lines); j++ {
			top := base + float32(j)*lh
			if top >= y1 {
				break
			}
			ln := p.lines[j]
			if p.start >= 0 {
				v.drawLineBackground(r, p, ln, x, top, lh, selA, selB, mark, pal)
			}
			if caret >= 0 && p.start >= 0 && caret >= p.start+int(ln.from) && (caret < p.start+int(ln.to) || int(ln.to) == len(p.runes) && caret == p.start+int(ln.to)) {
				k := caret - p.start
				r.rect(x+p.prefix[k]-p.prefix[ln.from]-0.75, top+(lh-m.thickness)/2, 1.5, m.thickness, pal.caret)
			}
			if p.kind == BlockQuote && p.start >= 0 {
				r.rect(l.colX+0.45*l.size, top, max(2, l.size/6), lh, pal.bar)
			}
			if p.kind == BlockListItem && j == 0 {
				r.text(lineKey{i, j, true}, "•", x-0.95*l.size, top+(lh-m.thickness)/2, l.size, m.thickness, fs, p.style, pal.fg)
			}
			s := lineString(p, ln)
			if s == "" {
				continue
			}
			c := pal.fg
			if p.kind == BlockCaption || (p.start < 0 && p.kind != BlockHeading) {
				c = pal.muted
			}
			w := p.prefix[ln.end] - p.prefix[ln.from]
			r.text(lineKey{i, j, false}, s, x, top+(lh-m.thickness)/2, w+1, m.thickness, fs, p.style, c)
		}
	}
}

// lineString is the drawn text of a line, with tabs and newlines as spaces
// (which is how they were measured).
func lineString(p *para, ln span) string {
	rs := p.runes[ln.from:ln.end]
	if p.kind == BlockPre || hasTab(rs) {
		rs = displayRunes(rs)
	}
	return string(rs)
}

// drawLineBackground draws highlight, stripe, selection and mark
// rectangles of one line. A range that goes on past the end of a paragraph
// gets a small nub after the last character, so the break is visibly
// included. mark is the range of the marked highlight, outlined.
func (v *ArticleView) drawLineBackground(r *pageRenderer, p *para, ln span, x, top, lh float32, selA, selB int, mark [2]int, pal palette) {
	l := v.layout
	a := p.start + int(ln.from)
	b := p.start + int(ln.to)
	last := int(ln.to) == len(p.runes)
	reach := b
	if last {
		reach = b + separatorLen
	}
	nub := 0.35 * l.size
	xOf := func(off int) float32 {
		k := min(max(off-p.start, int(ln.from)), int(ln.to))
		return x + p.prefix[k] - p.prefix[ln.from]
	}
	span := func(s, e int) (float32, float32, bool) {
		if e <= a || s >= reach {
			return 0, 0, false
		}
		x0, x1 := xOf(s), xOf(e)
		if last && e > b {
			x1 += nub
		}
		return x0, x1, x1 > x0
	}
	v.hl.each(a, reach, func(h *Highlight) {
		x0, x1, ok := span(h.Start, h.End)
		if !ok {
			return
		}
		r.rect(x0, top, x1-x0, lh, fillColor(h.Color))
		r.spot(x0, top, xOf(h.End)-x0, lh) // not over the nub: a click there is not on the highlight
		if len(h.Stripes) > 1 {
			sh := max(2, lh/10)
			for k, c := range h.Stripes {
				r.rect(x0, top+lh-float32(k+1)*sh, x1-x0, sh, c)
			}
		}
	})
	if selB > selA {
		if x0, x1, ok := span(selA, selB); ok {
			r.rect(x0, top, x1-x0, lh, pal.sel)
		}
	}
	if ms, me := mark[0], mark[1]; me > ms {
		if x0, x1, ok := span(ms, me); ok {
			t := max(1.5, lh/14)
			r.rect(x0, top, x1-x0, t, pal.caret)
			r.rect(x0, top+lh-t, x1-x0, t, pal.caret)
			if ms >= a { // the highlight starts on this line
				r.rect(x0, top, t, lh, pal.caret)
			}
			if me <= reach { // and ends on it
				r.rect(x1-t, top, t, lh, pal.caret)
			}
		}
	}
}

// hotspot is an invisible object over a highlight on one line that shows
// the pointer cursor there. The desktop driver asks the objects under the
// pointer for their cursor before it delivers the mouse move, so a hover
// flag set in MouseMoved was one move late, and stayed wrong after a
// scroll moved a highlight under a still mouse; the hotspot answers for
// where it is. It takes no events: clicks go to the page beneath it.
type hotspot struct{ widget.BaseWidget }

func newHotspot() *hotspot {
	h := &hotspot{}
	h.ExtendBaseWidget(h)
	return h
}

// Cursor is part of desktop.Cursorable.
func (h *hotspot) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer is part of fyne.Widget: a hotspot draws nothing.
func (h *hotspot) CreateRenderer() fyne.WidgetRenderer { return hotspotRenderer{} }

type hotspotRenderer struct{}

func (hotspotRenderer) Layout(fyne.Size)             {}
func (hotspotRenderer) MinSize() fyne.Size           { return fyne.Size{} }
func (hotspotRenderer) Refresh()                     {}
func (hotspotRenderer) Objects() []fyne.CanvasObject { return nil }
func (hotspotRenderer) Destroy()                     {}
