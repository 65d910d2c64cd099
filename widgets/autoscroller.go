package widgets

import (
	"time"

	"fyne.io/fyne/v2"
)

// autoScrollTick is how often a drag past the viewport edge scrolls.
const autoScrollTick = 30 * time.Millisecond

// autoScroller scrolls while a selection drag is held past the top or
// bottom edge. Fyne sends Dragged only when the mouse moves, so a ticker
// goroutine asks the UI goroutine (fyne.Do) to take each step.
type autoScroller struct {
	stop  chan struct{}
	speed float32 // Fyne units per tick; negative scrolls up
}

// updateAutoScroll starts, changes or stops auto-scrolling from the last
// drag position relative to the viewport.
func (v *ArticleView) updateAutoScroll() {
	vh := v.scroll.Size().Height
	y := v.sel.dragView.Y
	var speed float32
	switch {
	case y < 0:
		speed = max(y, -vh/2) / 2
	case y > vh:
		speed = min(y-vh, vh/2) / 2
	}
	if speed == 0 {
		v.stopAutoScroll()
		return
	}
	if v.auto == nil {
		a := &autoScroller{stop: make(chan struct{})}
		v.auto = a
		go func() {
			t := time.NewTicker(v.autoTick)
			defer t.Stop()
			for {
				select {
				case <-a.stop:
					return
				case <-t.C:
					fyne.Do(func() { v.autoScrollStep(a) })
				}
			}
		}()
	}
	v.auto.speed = max(4, abs32(speed)) * sign32(speed)
}

// autoScrollStep scrolls one step and extends the selection to where the
// (unmoved) pointer now points in the text.
func (v *ArticleView) autoScrollStep(a *autoScroller) {
	if v.auto != a || !v.sel.pressed {
		return
	}
	v.scrollBy(a.speed)
	pos := v.sel.dragView.Add(v.scroll.Offset)
	v.extendTo(v.layout.offsetAt(pos))
}

// stopAutoScroll ends auto-scrolling, if running.
func (v *ArticleView) stopAutoScroll() {
	if v.auto != nil {
		close(v.auto.stop)
		v.auto = nil
	}
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

func sign32(f float32) float32 {
	if f < 0 {
		return -1
	}
	return 1
}
