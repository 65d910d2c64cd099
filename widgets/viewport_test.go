package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// lowestTextBottom returns the bottom edge, relative to the viewport, of the
// lowest line of text the page draws.
func lowestTextBottom(v *ArticleView) float32 {
	var bottom float32
	for _, o := range test.WidgetRenderer(v.page).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Visible() {
			bottom = max(bottom, tx.Position().Y+tx.Size().Height-v.scroll.Offset.Y)
		}
	}
	return bottom
}

// TestArticleViewGrowingFillsTheViewport grows the view in the ways a
// window grows: taller only (what the pane gets when a header above it
// re-wraps after a wider window), wider and taller, and taller again after
// the same document is shown once more. Every time the text must reach the
// bottom edge: a viewport that was not rebuilt left the lower part blank
// until the next wheel notch.
func TestArticleViewGrowingFillsTheViewport(t *testing.T) {
	doc := generatedDoc(60_000)
	for _, c := range []struct {
		name   string
		steps  []fyne.Size
		resend bool
	}{
		{"taller", []fyne.Size{{Width: 600, Height: 300}, {Width: 600, Height: 900}}, false},
		{"wider then taller", []fyne.Size{{Width: 400, Height: 300}, {Width: 1200, Height: 300}, {Width: 1200, Height: 900}}, false},
		{"same page again, then taller", []fyne.Size{{Width: 600, Height: 300}, {Width: 600, Height: 900}}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, _ := newTestView(t, doc, 100, 100)
			for i, s := range c.steps {
				if c.resend && i == len(c.steps)-1 {
					v.SetDocument(doc)
				}
				v.Resize(s)
			}
			want := c.steps[len(c.steps)-1].Height
			lh := v.layout.lineHeight(v.layout.paras[v.layout.nHead])
			if got := lowestTextBottom(v); got < want-2*lh {
				t.Errorf("text ends %.0f px down a %.0f px viewport", got, want)
			}
		})
	}
}

// TestArticleViewWheelNotchScrollsThreeLines: one notch of the wheel, as
// the desktop driver reports it, moves three body lines (issue 17.6: it
// moved one), down and back up.
func TestArticleViewWheelNotchScrollsThreeLines(t *testing.T) {
	v, win := newTestView(t, generatedDoc(60_000), 600, 400)
	lh := v.layout.lineHeight(v.layout.paras[v.layout.nHead])
	test.Scroll(win.Canvas(), fyne.NewPos(300, 200), 0, -driverNotch())
	if got := v.scroll.Offset.Y; got < 2.9*lh || got > 3.1*lh {
		t.Errorf("one notch down scrolled %.1f px, want three lines (%.0f px)", got, 3*lh)
	}
	test.Scroll(win.Canvas(), fyne.NewPos(300, 200), 0, driverNotch())
	if got := v.scroll.Offset.Y; got != 0 {
		t.Errorf("one notch back up left the offset at %.1f", got)
	}
}
