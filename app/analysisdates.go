package app

import (
	"time"

	"github.com/dramatis-app/dramatis/analysis"
)

// Date slider tuning.
const (
	// sliderSettle is how long the slider must rest while dragged before
	// the network is computed for where it is: a drag across a year of
	// weeks computes a handful of times, not fifty (a computation of a
	// large library takes a few hundred milliseconds).
	sliderSettle = 150 * time.Millisecond
	// sliderWidth and sliderLabelWidth size the slider and the period
	// beside it ("2024-03-01 – 2024-03-31" fits).
	sliderWidth      = 220
	sliderLabelWidth = 200
	// allDates is the slider's left end: no date window.
	allDates = "All dates"
)

// sliderMoved sets the date window to the period the slider points at
// (its left end: no window) and computes again once the slider rests.
func (w *analysisWindow) sliderMoved(v float64) {
	if w.syncing || w.tl == nil {
		return
	}
	i := int(v)
	if i <= 0 || i > len(w.periods) {
		w.from.SetText("")
		w.to.SetText("")
		w.sliderLabel.SetText(allDates)
	} else {
		start := w.periods[i-1]
		w.from.SetText(start.Format(time.DateOnly))
		w.to.SetText(periodEnd(w.tl.By, start).Format(time.DateOnly))
		w.sliderLabel.SetText(w.tl.By.Label(start))
	}
	w.scheduleRecompute()
}

// periodEnd is the last day of the period starting at start.
func periodEnd(by analysis.Period, start time.Time) time.Time {
	return by.Next(start).AddDate(0, 0, -1)
}

// step moves the date window by one period (week or month) back or
// forward; without one, back starts at the last period with statements
// and forward at the first. It stops at either end.
func (w *analysisWindow) step(dir int) {
	n := len(w.periods)
	if !w.ready || n == 0 {
		return
	}
	i := int(w.slider.Value)
	switch {
	case i <= 0 && dir < 0:
		i = n
	case i <= 0:
		i = 1
	default:
		i = min(max(i+dir, 1), n)
	}
	w.slider.SetValue(float64(i))
	w.recomputeNow()
}

// syncSlider fits the slider to the periods of the statements shown and
// points it at the date window: at its period when the window is one
// whole period, at its left end otherwise (the label then says the
// dates typed).
func (w *analysisWindow) syncSlider() {
	w.periods = w.tl.Starts
	at, label := 0, allDates
	from, okFrom := readDay(w.from.Text)
	to, okTo := readDay(w.to.Text)
	if okFrom && okTo && (!from.IsZero() || !to.IsZero()) {
		label = w.from.Text + " – " + w.to.Text
		for i, s := range w.periods {
			if s.Format(time.DateOnly) == w.from.Text && periodEnd(w.tl.By, s).Format(time.DateOnly) == w.to.Text {
				at, label = i+1, w.tl.By.Label(s)
			}
		}
	}
	w.syncing = true
	w.slider.Max = float64(max(1, len(w.periods)))
	w.slider.SetValue(float64(at))
	w.slider.Refresh()
	w.syncing = false
	w.sliderLabel.SetText(label)
}

// markedPeriods returns the timeline periods the date window covers
// (from, to inclusive; -1, -1 without a window).
func (w *analysisWindow) markedPeriods(f analysis.Filter) (int, int) {
	if f.From.IsZero() && f.To.IsZero() || w.tl == nil {
		return -1, -1
	}
	lo, hi := -1, -1
	for i, s := range w.tl.Starts {
		end := w.tl.By.Next(s)
		if (f.To.IsZero() || s.Before(f.To)) && (f.From.IsZero() || end.After(f.From)) {
			if lo < 0 {
				lo = i
			}
			hi = i
		}
	}
	return lo, hi
}

// scheduleRecompute computes again once the filter bar has rested for
// sliderSettle (a later call restarts the wait).
func (w *analysisWindow) scheduleRecompute() {
	if w.settle != nil {
		w.settle.Stop()
	}
	w.settle = time.AfterFunc(sliderSettle, func() { w.c.sh.do(w.recomputeNow) })
}

// recompute computes the analysis for the filter bar as it is now.
func (w *analysisWindow) recompute() { w.recomputeNow() }

// recomputeNow selects, computes the network, its layout and the
// timeline off the main goroutine, then shows them. One computation runs
// at a time: a change meanwhile starts one more when it ends, for the
// filter bar as it is by then, so that dragging the slider never queues
// a computation per step.
func (w *analysisWindow) recomputeNow() {
	if w.settle != nil {
		w.settle.Stop()
	}
	if !w.ready || w.group == nil {
		return
	}
	if w.computing {
		w.pending = true
		return
	}
	w.computing = true
	w.gen++
	gen, x := w.gen, w.x
	f, problem := w.filter()
	o := w.options()
	o.Top = analysis.LayoutEdges // the layout reads these; the view draws fewer
	by := analysis.Month
	if w.period.Selected == "Week" {
		by = analysis.Week
	}
	group := analysis.ByActor
	if w.group.Selected == "Topics" {
		group = analysis.ByTopic
	}
	var r analysisResult
	w.c.sh.run(func() { r = computeAnalysis(x, f, o, by, group) }, func() {
		w.computing = false
		if gen == w.gen {
			w.apply(r, f, problem)
		}
		if w.pending {
			w.pending = false
			w.recomputeNow()
		}
	})
}

// analysisResult is what one computation gives the window.
type analysisResult struct {
	sel []int
	net *analysis.Network
	pos []analysis.Point
	tl  *analysis.Timeline
	err error
}

// computeAnalysis runs off the main goroutine: the statements f keeps,
// their network laid out, and the timeline of the statements f keeps
// whatever their date, so that the date window is seen in its time.
func computeAnalysis(x *analysis.Index, f analysis.Filter, o analysis.NetworkOptions, by analysis.Period, group analysis.GroupBy) (r analysisResult) {
	undated := f
	undated.From, undated.To = time.Time{}, time.Time{}
	r.sel = x.Select(f)
	if r.net, r.err = x.Network(r.sel, o); r.err != nil {
		return r
	}
	r.pos = analysis.Layout(r.net)
	r.tl = topSeries(x.Timeline(x.Select(undated), by, group, nil), timelineSeries)
	return r
}

// apply shows a computation's result.
func (w *analysisWindow) apply(r analysisResult, f analysis.Filter, problem string) {
	if r.err != nil {
		w.status.SetText(r.err.Error())
		return
	}
	w.sel, w.net, w.tl, w.pos = r.sel, r.net, r.tl, r.pos
	w.syncSlider()
	w.show(f)
	w.status.SetText(w.summary(problem))
}
