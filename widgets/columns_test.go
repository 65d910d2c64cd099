package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// refreshCount is a column that counts how often it is refreshed.
type refreshCount struct {
	widget.BaseWidget
	n int
}

func newRefreshCount() *refreshCount {
	r := &refreshCount{}
	r.ExtendBaseWidget(r)
	return r
}

func (r *refreshCount) Refresh() {
	r.n++
	r.BaseWidget.Refresh()
}

func (r *refreshCount) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(nil)
	bg.SetMinSize(fyne.NewSize(50, 50))
	return widget.NewSimpleRenderer(bg)
}

// TestColumnsWidths walks a window through widths and pane toggles and
// checks which columns show and how wide each is: a column that comes
// back, at the size the window had before, gets its share again rather
// than the width it had while it stood alone.
func TestColumnsWidths(t *testing.T) {
	test.NewTempApp(t)
	lib, main, notes := newRefreshCount(), newRefreshCount(), newRefreshCount()
	c := NewColumns(lib, main, notes)
	c.NarrowWidth = 900
	c.Outer.SetOffset(0.25)
	c.Inner.SetOffset(0.7)
	w := test.NewTempWindow(t, c)
	w.SetPadded(false)
	steps := []struct {
		name   string
		do     func()
		lib    bool
		notes  bool
		mainAt float32 // main column's x
		mainW  bool    // main column narrower than the window
	}{
		{"wide", func() { w.Resize(fyne.NewSize(1200, 600)) }, true, true, 300, true},
		{"narrow", func() { w.Resize(fyne.NewSize(800, 600)) }, false, false, 0, false},
		{"wide again", func() { w.Resize(fyne.NewSize(1200, 600)) }, true, true, 300, true},
		{"library hidden", func() { c.SetShown(Leading, false) }, false, true, 0, true},
		{"library back", func() { c.SetShown(Leading, true) }, true, true, 300, true},
		{"both hidden", func() { c.SetShownWide(false, false) }, false, false, 0, false},
		{"both back", func() { c.SetShownWide(true, true) }, true, true, 300, true},
	}
	for _, s := range steps {
		s.do()
		if c.Shown(Leading) != s.lib || c.Shown(Trailing) != s.notes {
			t.Errorf("%s: shown %v/%v, want %v/%v", s.name, c.Shown(Leading), c.Shown(Trailing), s.lib, s.notes)
		}
		if lib.Visible() != s.lib || notes.Visible() != s.notes {
			t.Errorf("%s: visible %v/%v, want %v/%v", s.name, lib.Visible(), notes.Visible(), s.lib, s.notes)
		}
		x := fyne.CurrentApp().Driver().AbsolutePositionForObject(main).X
		if d := x - s.mainAt; d < -5 || d > 5 {
			t.Errorf("%s: main column at x=%v, want about %v", s.name, x, s.mainAt)
		}
		if narrower := main.Size().Width < c.Size().Width-1; narrower != s.mainW {
			t.Errorf("%s: main column %v wide in %v, want narrower: %v", s.name, main.Size().Width, c.Size().Width, s.mainW)
		}
	}
}

// TestColumnsRefreshOnlyWhatChanged checks that picking the arrangement
// the columns have already, or laying them out before the window has a
// width, does not refresh the panes: each refresh lays out and measures
// every label in them again (a tenth of the window's start-up).
func TestColumnsRefreshOnlyWhatChanged(t *testing.T) {
	test.NewTempApp(t)
	lib, main, notes := newRefreshCount(), newRefreshCount(), newRefreshCount()
	c := NewColumns(lib, main, notes)
	cases := []struct {
		name string
		do   func()
		want [3]int // refreshes of lib, main, notes
	}{
		{"same arrangement", func() { c.SetShownWide(true, true) }, [3]int{0, 0, 0}},
		{"laid out at no size", func() { c.Resize(fyne.NewSize(0, 0)); c.Refresh() }, [3]int{0, 0, 0}},
		{"laid out wide", func() { c.Resize(fyne.NewSize(1200, 600)) }, [3]int{0, 0, 0}},
		{"notes hidden", func() { c.SetShown(Trailing, false) }, [3]int{1, 1, 0}},
	}
	for _, tc := range cases {
		lib.n, main.n, notes.n = 0, 0, 0
		tc.do()
		if got := [3]int{lib.n, main.n, notes.n}; got != tc.want {
			t.Errorf("%s: refreshes %v, want %v", tc.name, got, tc.want)
		}
		if !c.Shown(Leading) {
			t.Errorf("%s: the library column hid", tc.name)
		}
	}
}
