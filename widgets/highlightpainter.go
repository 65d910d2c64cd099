package widgets

import (
	"image/color"
	"slices"
)

// How a highlight looks: a pale tint of its colour behind the text, and
// under the text, below the descenders, a thin marker in each actor's full
// colour: a plain line for one actor, a dashed line cycling through the
// colours for several. Overlapping highlights deepen the tint where they
// overlap and get markers on lower lanes, as far as the line gap allows.
const (
	// markerThickness is the marker's thickness relative to the body size
	// (1.4 px at 16): thin enough to stay quiet, thick enough to show its hue.
	markerThickness = 0.09
	// markerDash is the length of one actor's dash, in body-size units.
	markerDash = 0.8
	// descenderDepth is how far the descenders of g, p and y reach below
	// the baseline, in font-size units (Noto and DejaVu: 0.22–0.24); the
	// font's descent metric is deeper and would push markers off the line.
	descenderDepth = 0.24
	// markerReach is how far below its line's box a marker lane may lie,
	// in font-size units: into the gap above the next line's accents.
	markerReach = 0.3
)

// drawHighlights draws the tints, markers and hotspots of the highlights
// on one line. textBottom is where the glyphs' descenders end.
func (v *ArticleView) drawHighlights(r *pageRenderer, p *para, ln span, x, top, lh, textBottom, fs float32, f *frameState) {
	e := v.extentOf(p, ln, x)
	hs := r.hlBuf[:0]
	v.hl.each(e.a, e.reach, func(h *Highlight) { hs = append(hs, h) })
	r.hlBuf = hs
	if len(hs) == 0 {
		return
	}
	v.drawTints(r, &e, hs, top, lh, f.pal)
	l := v.layout
	t := max(1, markerThickness*l.size)
	gap := t                 // between the descenders and the first lane
	pitch := t + max(1, t/2) // from lane to lane
	lanes := 1 + max(0, int((top+lh+markerReach*fs-textBottom-gap-t)/pitch))
	var laneEnd [8]int // where the last marker in each lane ends
	for i := range laneEnd {
		laneEnd[i] = -1
	}
	for _, h := range hs {
		x0, x1, ok := e.span(h.Start, h.End)
		if !ok {
			continue
		}
		r.spot(x0, top, e.xOf(h.End)-x0, lh) // not over the nub: a click there is not on the highlight
		lane := 0
		for lane < min(lanes, len(laneEnd))-1 && laneEnd[lane] > h.Start {
			lane++
		}
		laneEnd[lane] = max(laneEnd[lane], h.End)
		// The marker runs under the drawn text, not under spaces hanging
		// at the line's end.
		mx1 := e.xOf(min(h.End, e.drawnEnd))
		if mx1 <= x0 {
			mx1 = x1
		}
		y := textBottom + gap + float32(lane)*pitch
		cols := markerColors(h, f.pal)
		if len(cols) == 1 {
			r.over.place(x0, y, mx1-x0, t, cols[0])
			continue
		}
		r.dash(x0, y, mx1-x0, t, markerDash*l.size, x0, cols)
	}
}

// markerColors are the colours of a highlight's markers: one per actor,
// or the highlight's own colour, each deep enough to show on the page.
func markerColors(h *Highlight, pal *palette) []color.NRGBA {
	if len(h.Stripes) == 0 {
		return []color.NRGBA{pal.marker(opaque(h.Color))}
	}
	out := make([]color.NRGBA, len(h.Stripes))
	for i, c := range h.Stripes {
		out[i] = pal.marker(opaque(c))
	}
	return out
}

// defaultHighlight is the colour of a highlight given none.
var defaultHighlight = color.NRGBA{R: 0xff, G: 0xd5, B: 0x4f, A: 0xff}

// opaque is c without its alpha (nil: the default highlight colour).
func opaque(c color.Color) color.NRGBA {
	if c == nil {
		return defaultHighlight
	}
	n := nrgba(c)
	n.A = 0xff
	return n
}

// drawTints fills the line's stretches covered by highlights: each stretch
// between two highlight boundaries gets the tint of the mean colour of the
// highlights over it, deeper the more overlap; equal neighbours merge.
func (v *ArticleView) drawTints(r *pageRenderer, e *lineExtent, hs []*Highlight, top, lh float32, pal *palette) {
	cuts := r.cuts[:0]
	for _, h := range hs {
		cuts = append(cuts, max(h.Start, e.a), min(h.End, e.reach))
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	r.cuts = cuts
	var runX0, runX1 float32
	var runC color.NRGBA
	open := false
	flush := func() {
		if open {
			r.under.place(runX0, top, runX1-runX0, lh, runC)
			open = false
		}
	}
	for k := 0; k+1 < len(cuts); k++ {
		s, end := cuts[k], cuts[k+1]
		var sr, sg, sb, n int
		for _, h := range hs {
			if h.Start < end && h.End > s {
				c := opaque(h.Color)
				sr, sg, sb, n = sr+int(c.R), sg+int(c.G), sb+int(c.B), n+1
			}
		}
		if n == 0 {
			flush()
			continue
		}
		mean := color.NRGBA{R: uint8(sr / n), G: uint8(sg / n), B: uint8(sb / n), A: 0xff}
		c := pal.tint(mean, n)
		x0, x1, ok := e.span(s, end)
		if !ok {
			continue
		}
		if open && c == runC && x0 <= runX1 {
			runX1 = x1
			continue
		}
		flush()
		runX0, runX1, runC, open = x0, x1, c, true
	}
	flush()
}
