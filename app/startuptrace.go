package app

import (
	"fmt"
	"image"
	"image/color"
	"io"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// traceEnv names the environment variable that turns the start-up trace on.
const traceEnv = "DRAMATIS_TRACE_STARTUP"

// startupTrace prints to stderr, with DRAMATIS_TRACE_STARTUP set, how long
// each step of start-up took since the program began, so that the fixed
// cost of a start (issue 13: first article on screen in under 400 ms at
// 50,000 articles) can be read step by step in the real window. Off, every
// method does nothing.
type startupTrace struct {
	t0  time.Time
	out io.Writer // nil: off
}

// newStartupTrace starts a trace from t0 (the start of main; now when zero)
// when DRAMATIS_TRACE_STARTUP is set.
func newStartupTrace(t0 time.Time) *startupTrace {
	if os.Getenv(traceEnv) == "" {
		return &startupTrace{}
	}
	if t0.IsZero() {
		t0 = time.Now()
	}
	fmt.Fprintf(os.Stderr, "dramatis: start-up trace from %s (Unix ms %d)\n", t0.Format(time.RFC3339Nano), t0.UnixMilli())
	return &startupTrace{t0: t0, out: os.Stderr}
}

// on reports whether the trace prints.
func (t *startupTrace) on() bool { return t != nil && t.out != nil }

// mark prints that step is done, with the CPU time the process and the
// main thread have used so far where that is known. Call it on the main
// goroutine.
func (t *startupTrace) mark(step string) {
	if !t.on() {
		return
	}
	cpu := ""
	if p, th, ok := cpuTimes(); ok {
		cpu = fmt.Sprintf(" (CPU %d ms, main thread %d ms)", p.Milliseconds(), th.Milliseconds())
	}
	fmt.Fprintf(t.out, "dramatis: %s %d ms after start%s\n", step, time.Since(t.t0).Milliseconds(), cpu)
}

// paintProbe tells when the window has painted what it showed: a 1×1
// transparent raster on top of the window's content, whose image the
// driver asks for only while it paints a frame. The trace uses it for
// "first article on screen", which means painted, not just laid out.
type paintProbe struct {
	raster  *canvas.Raster
	pending func() // called at the next paint (main goroutine)
}

func newPaintProbe() *paintProbe {
	p := &paintProbe{}
	p.raster = canvas.NewRaster(func(w, h int) image.Image {
		if f := p.pending; f != nil {
			p.pending = nil
			f()
		}
		return image.NewUniform(color.Transparent)
	})
	p.raster.Resize(fyne.NewSize(1, 1))
	return p
}

// over returns content with the probe on top of it.
func (p *paintProbe) over(content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(content, container.NewWithoutLayout(p.raster))
}

// atNextPaint calls f when the next frame is painted (in it).
func (p *paintProbe) atNextPaint(f func()) {
	p.pending = f
	p.raster.Refresh()
}
