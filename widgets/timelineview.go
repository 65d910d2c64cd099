package widgets

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TimelineSeries is one actor's (or topic's) count per period.
type TimelineSeries struct {
	Label  string
	Color  color.Color
	Counts []int
}

// Timeline view layout, in pixels.
const (
	timelineAxis   = 28 // room below the bars for period labels
	timelineLegend = 22 // room above for the legend
	timelineGap    = 0.2
)

// TimelineView draws counts per period as stacked bars, one colour per
// series, with a legend, the peak count and period labels. Hovering a bar
// segment shows its series, period and count; a click calls OnBarTapped
// with the series and period. Bars are drawn from a pool: one rectangle
// per non-empty segment.
type TimelineView struct {
	widget.BaseWidget

	OnBarTapped func(series, period int)

	periods []string
	series  []TimelineSeries
	peak    int
	// markFrom and markTo are the periods marked as the date window
	// (inclusive; -1 for none).
	markFrom, markTo int
	hoverS           int
	hoverP           int
}

// NewTimelineView makes an empty view.
func NewTimelineView() *TimelineView {
	v := &TimelineView{hoverS: -1, hoverP: -1, markFrom: -1, markTo: -1}
	v.ExtendBaseWidget(v)
	return v
}

// SetData shows periods (their labels) and series of counts, one per
// period each.
func (v *TimelineView) SetData(periods []string, series []TimelineSeries) {
	v.periods, v.series = periods, series
	v.peak = 0
	for p := range periods {
		sum := 0
		for _, s := range series {
			if p < len(s.Counts) {
				sum += s.Counts[p]
			}
		}
		v.peak = max(v.peak, sum)
	}
	v.hoverS, v.hoverP = -1, -1
	v.Refresh()
}

// SetMarked shades the periods from to to (inclusive) behind their bars:
// the date window the rest of the analysis shows. -1 marks none.
func (v *TimelineView) SetMarked(from, to int) {
	v.markFrom, v.markTo = from, to
	v.Refresh()
}

// Marked returns the marked periods (-1, -1 for none).
func (v *TimelineView) Marked() (from, to int) { return v.markFrom, v.markTo }

// plot returns the plotting area: left, top, width, height.
func (v *TimelineView) plot() (x, y, w, h float32) {
	s := v.Size()
	left := float32(36)
	return left, timelineLegend, max(s.Width-left-8, 1), max(s.Height-timelineLegend-timelineAxis, 1)
}

// segment returns the rectangle of series s in period p (stacked in
// series order from the bottom).
func (v *TimelineView) segment(s, p int) (pos fyne.Position, size fyne.Size) {
	x, y, w, h := v.plot()
	bw := w / float32(max(len(v.periods), 1))
	below := 0
	for i := 0; i < s; i++ {
		below += v.series[i].Counts[p]
	}
	unit := h / float32(max(v.peak, 1))
	top := y + h - float32(below+v.series[s].Counts[p])*unit
	return fyne.NewPos(x+float32(p)*bw+bw*timelineGap/2, top), fyne.NewSize(bw*(1-timelineGap), float32(v.series[s].Counts[p])*unit)
}

// BarAt returns the series and period of the segment under pos, or -1s.
func (v *TimelineView) BarAt(pos fyne.Position) (series, period int) {
	for p := range v.periods {
		for s := range v.series {
			if v.series[s].Counts[p] == 0 {
				continue
			}
			at, sz := v.segment(s, p)
			if pos.X >= at.X && pos.X <= at.X+sz.Width && pos.Y >= at.Y && pos.Y <= at.Y+sz.Height {
				return s, p
			}
		}
	}
	return -1, -1
}

// Tapped calls OnBarTapped for the segment under the pointer.
func (v *TimelineView) Tapped(ev *fyne.PointEvent) {
	if s, p := v.BarAt(ev.Position); s >= 0 && v.OnBarTapped != nil {
		v.OnBarTapped(s, p)
	}
}

// MouseIn shows the count under the pointer.
func (v *TimelineView) MouseIn(ev *desktop.MouseEvent) { v.MouseMoved(ev) }

// MouseMoved shows the count under the pointer.
func (v *TimelineView) MouseMoved(ev *desktop.MouseEvent) {
	if s, p := v.BarAt(ev.Position); s != v.hoverS || p != v.hoverP {
		v.hoverS, v.hoverP = s, p
		v.Refresh()
	}
}

// MouseOut hides the count.
func (v *TimelineView) MouseOut() {
	v.hoverS, v.hoverP = -1, -1
	v.Refresh()
}

// Hovered says what the pointer is over: "USA · 2024-11: 5", or "".
func (v *TimelineView) Hovered() string {
	if v.hoverS < 0 {
		return ""
	}
	s := v.series[v.hoverS]
	return fmt.Sprintf("%s · %s: %d", s.Label, v.periods[v.hoverP], s.Counts[v.hoverP])
}

// CreateRenderer makes the view's renderer.
func (v *TimelineView) CreateRenderer() fyne.WidgetRenderer {
	return &timelineRenderer{v: v, axis: canvas.NewLine(theme.Color(theme.ColorNameForeground)), mark: canvas.NewRectangle(color.Transparent),
		peak: canvas.NewText("", theme.Color(theme.ColorNameForeground)), tip: canvas.NewText("", theme.Color(theme.ColorNameForeground))}
}

type timelineRenderer struct {
	v       *TimelineView
	axis    *canvas.Line
	mark    *canvas.Rectangle
	peak    *canvas.Text
	tip     *canvas.Text
	bars    []*canvas.Rectangle
	texts   []*canvas.Text
	objects []fyne.CanvasObject
}

func (r *timelineRenderer) Destroy()                     {}
func (r *timelineRenderer) Layout(fyne.Size)             { r.build() }
func (r *timelineRenderer) MinSize() fyne.Size           { return fyne.NewSize(200, 120) }
func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *timelineRenderer) Refresh() {
	r.build()
	canvas.Refresh(r.v)
}

func (r *timelineRenderer) text(n int, s string, pos fyne.Position, c color.Color) int {
	if n == len(r.texts) {
		t := canvas.NewText("", c)
		t.TextSize = theme.CaptionTextSize()
		r.texts = append(r.texts, t)
	}
	t := r.texts[n]
	t.Text, t.Color = s, c
	t.Refresh()
	t.Move(pos)
	return n + 1
}

func (r *timelineRenderer) bar(n int, pos fyne.Position, size fyne.Size, c color.Color) int {
	if n == len(r.bars) {
		r.bars = append(r.bars, canvas.NewRectangle(c))
	}
	b := r.bars[n]
	b.FillColor = c
	b.StrokeWidth = 0
	b.Move(pos)
	b.Resize(size)
	b.Refresh()
	return n + 1
}

// placeMark shades the marked periods from the top of the plot to the
// axis, and reports whether any are marked.
func (r *timelineRenderer) placeMark() bool {
	v := r.v
	n := len(v.periods)
	if v.markFrom < 0 || v.markTo < v.markFrom || v.markFrom >= n {
		return false
	}
	x, y, w, h := v.plot()
	bw := w / float32(n)
	r.mark.FillColor = theme.Color(theme.ColorNameSelection)
	r.mark.Move(fyne.NewPos(x+float32(v.markFrom)*bw, y))
	r.mark.Resize(fyne.NewSize(float32(min(v.markTo, n-1)-v.markFrom+1)*bw, h))
	r.mark.Refresh()
	return true
}

// build lays out the legend, bars, axis, labels and hover text.
func (r *timelineRenderer) build() {
	v := r.v
	fg := theme.Color(theme.ColorNameForeground)
	x, y, w, h := v.plot()
	nb, nt := 0, 0
	lx := x
	for _, s := range v.series {
		nb = r.bar(nb, fyne.NewPos(lx, 6), fyne.NewSize(10, 10), nodeColor(s.Color))
		nt = r.text(nt, s.Label, fyne.NewPos(lx+14, 2), fg)
		lx += 14 + r.texts[nt-1].MinSize().Width + 12
	}
	for p := range v.periods {
		for s := range v.series {
			if v.series[s].Counts[p] == 0 {
				continue
			}
			pos, size := v.segment(s, p)
			c := nodeColor(v.series[s].Color)
			if s == v.hoverS && p == v.hoverP {
				c = theme.Color(theme.ColorNamePrimary)
			}
			nb = r.bar(nb, pos, size, c)
		}
	}
	// Period labels: as many as fit, evenly spaced.
	if n := len(v.periods); n > 0 {
		every := max(1, int(float32(n)*70/w)+1)
		for p := 0; p < n; p += every {
			nt = r.text(nt, v.periods[p], fyne.NewPos(x+float32(p)*w/float32(n), y+h+4), fg)
			if t := r.texts[nt-1]; t.Position().X+t.MinSize().Width > x+w+8 {
				nt-- // it would run past the view's edge
			}
		}
	}
	r.axis.StrokeColor, r.axis.StrokeWidth = fg, 1
	r.axis.Position1, r.axis.Position2 = fyne.NewPos(x, y+h), fyne.NewPos(x+w, y+h)
	r.axis.Refresh()
	r.peak.Text, r.peak.Color, r.peak.TextSize = fmt.Sprint(v.peak), fg, theme.CaptionTextSize()
	r.peak.Move(fyne.NewPos(4, y-6))
	r.peak.Refresh()
	r.tip.Text, r.tip.Color, r.tip.TextStyle.Bold = v.Hovered(), fg, true
	r.tip.Refresh()
	r.tip.Move(fyne.NewPos(x+w-r.tip.MinSize().Width, y))
	r.objects = append(r.objects[:0], r.axis, r.peak)
	if r.placeMark() {
		r.objects = append(r.objects, r.mark)
	}
	for _, b := range r.bars[:nb] {
		r.objects = append(r.objects, b)
	}
	for _, t := range r.texts[:nt] {
		r.objects = append(r.objects, t)
	}
	r.objects = append(r.objects, r.tip)
}
