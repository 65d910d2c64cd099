package widgets

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
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

// lineKey names one run of text on one wrapped line (a line splits into
// runs where the selection or the source link changes its colour), so that
// a line that stays in view keeps its canvas.Text (and its rendered
// texture) while scrolling.
type lineKey struct {
	para, line, run int
	bullet          bool
}

// pageRenderer holds the pooled objects of the visible lines, in drawing
// order: fills under the text, the text, marks over it, hotspots on top.
type pageRenderer struct {
	p        *articlePage
	sentinel *canvas.Rectangle // refreshed after every render to request a repaint
	objects  []fyne.CanvasObject

	under  rectPool // highlight tints, selection
	dashes []*dashLine
	nDash  int
	over   rectPool // underlines of one actor, caret, outlines, rules
	spots  []*hotspot
	nSpot  int

	lineText map[lineKey]*canvas.Text // texts of the previous render
	nextText map[lineKey]*canvas.Text
	freeText []*canvas.Text
	texts    []fyne.CanvasObject
	scale    float32 // canvas scale, to put texts on whole pixels

	hlBuf []*Highlight // the highlights of one line, reused
	cuts  []int        // boundaries of one line's highlights or runs, reused
}

// Layout is part of fyne.WidgetRenderer: a resize re-flows the viewport.
func (r *pageRenderer) Layout(fyne.Size) { r.p.v.render(r) }

// MinSize is part of fyne.WidgetRenderer.
func (r *pageRenderer) MinSize() fyne.Size { return r.p.MinSize() }

// Refresh is part of fyne.WidgetRenderer.
func (r *pageRenderer) Refresh() { r.p.v.render(r) }

// Objects is part of fyne.WidgetRenderer.
func (r *pageRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy is part of fyne.WidgetRenderer; it stops a running auto-scroll.
func (r *pageRenderer) Destroy() { r.p.v.stopAutoScroll() }

// begin starts a new frame of pooled objects.
func (r *pageRenderer) begin() {
	r.under.n, r.over.n, r.nDash, r.nSpot = 0, 0, 0, 0
	r.texts = r.texts[:0]
	r.scale = 1
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.p); c != nil {
		r.scale = c.Scale()
	}
	if r.nextText == nil {
		r.nextText = map[lineKey]*canvas.Text{}
	}
}

// rectPool reuses rectangles from frame to frame.
type rectPool struct {
	rs []*canvas.Rectangle
	n  int
}

// place puts the next pooled rectangle at x, y with size w×h.
func (p *rectPool) place(x, y, w, h float32, c color.Color) {
	if w <= 0 || h <= 0 {
		return
	}
	if p.n == len(p.rs) {
		p.rs = append(p.rs, canvas.NewRectangle(c))
	}
	o := p.rs[p.n]
	p.n++
	if o.FillColor != c {
		o.FillColor = c
		o.Refresh()
	}
	o.Move(fyne.NewPos(x, y))
	o.Resize(fyne.NewSize(w, h))
}

// dashLine is a thin line of dashes cycling through several colours: the
// marker of a highlight with several actors. One raster per line segment
// keeps the object count independent of the dash count.
type dashLine struct {
	r     *canvas.Raster
	cols  []color.NRGBA
	dash  float32 // dash length in pixels
	phase float32 // pixels of the pattern before the left edge
}

func newDashLine() *dashLine {
	d := &dashLine{}
	d.r = canvas.NewRasterWithPixels(func(x, _, _, _ int) color.Color {
		if len(d.cols) == 0 || d.dash <= 0 {
			return color.Transparent
		}
		k := int((float32(x) + d.phase) / d.dash)
		return d.cols[k%len(d.cols)]
	})
	return d
}

// dash places the next pooled dash line; x0 is where the pattern starts
// (the start of the highlight's first line), so dashes of one highlight
// line up from line to line.
func (r *pageRenderer) dash(x, y, w, h, dash, x0 float32, cols []color.NRGBA) {
	if w <= 0 || h <= 0 {
		return
	}
	if r.nDash == len(r.dashes) {
		r.dashes = append(r.dashes, newDashLine())
	}
	d := r.dashes[r.nDash]
	r.nDash++
	s := r.scale
	if s <= 0 {
		s = 1
	}
	phase := float32(math.Mod(float64((x-x0)*s), float64(dash*s*float32(len(cols)))))
	changed := d.dash != dash*s || d.phase != phase || len(d.cols) != len(cols)
	for i := 0; !changed && i < len(cols); i++ {
		changed = d.cols[i] != cols[i]
	}
	if changed {
		d.cols = append(d.cols[:0], cols...)
		d.dash, d.phase = dash*s, phase
		d.r.Refresh()
	}
	d.r.Move(fyne.NewPos(x, y))
	d.r.Resize(fyne.NewSize(w, h))
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

// text places the canvas.Text for run k, reusing last frame's object for
// the same run when possible. src is the font to draw with (nil: the
// theme's for style).
func (r *pageRenderer) text(k lineKey, s string, x, y, w, h float32, size float32, style fyne.TextStyle, src fyne.Resource, c color.Color) {
	o, ok := r.lineText[k]
	if ok {
		delete(r.lineText, k)
	} else if n := len(r.freeText); n > 0 {
		o = r.freeText[n-1]
		r.freeText = r.freeText[:n-1]
	} else {
		o = canvas.NewText("", c)
	}
	if o.Text != s || o.TextSize != size || o.TextStyle != style || o.FontSource != src || o.Color != c {
		o.Text, o.TextSize, o.TextStyle, o.FontSource, o.Color = s, size, style, src, c
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
	for _, o := range r.under.rs[:r.under.n] {
		r.objects = append(r.objects, o)
	}
	for _, d := range r.dashes[:r.nDash] {
		r.objects = append(r.objects, d.r)
	}
	r.objects = append(r.objects, r.texts...)
	for _, o := range r.over.rs[:r.over.n] {
		r.objects = append(r.objects, o)
	}
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
	h := l.height() + v.endSpace
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
