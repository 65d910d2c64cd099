package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/widgets"
)

// In a small window the picker panel holds the whole picker: the note and
// Save inside it, and the actor already chosen in sight above them (the
// header takes one line there). At 640×480 the chosen actors were out of
// sight.
func TestPickerPanelSmallWindowShowsChosen(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 640, Height: 440}, {Width: 640, Height: 480}, {Width: 820, Height: 600}, {Width: 1600, Height: 1000}} {
		a, _ := newTestApp(t, Options{})
		a.win.Resize(size)
		h := a.ctl.hls[0]
		a.ctl.editHighlight(h.ID)
		panel, ok := a.win.Canvas().Overlays().Top().(*widgets.Panel)
		if !ok {
			t.Fatalf("%v: the picker is a %T, not a panel", size, a.win.Canvas().Overlays().Top())
		}
		pos, psize := panel.Bounds()
		d := fyne.CurrentApp().Driver()
		inside := func(o fyne.CanvasObject) bool {
			p := d.AbsolutePositionForObject(o)
			return p.Y >= pos.Y && p.Y+o.Size().Height <= pos.Y+psize.Height
		}
		save := findButton(panel, "Save")
		if save == nil || !inside(save) {
			t.Errorf("%v: Save is not inside the panel %v+%v", size, pos, psize)
		}
		name := a.ctl.actors.name(h.Actors[0].ActorID)
		chosen := findFirst(panel, func(l *widget.Label) bool { return l.Text == name && l.Visible() })
		if chosen == nil || !inside(chosen) || !inView(panel, chosen) {
			t.Errorf("%v: the chosen %s is not in sight in the panel", size, name)
		}
		a.ctl.picker.Cancel()
	}
}

// inView reports whether o lies inside the part of every scroll around it
// (under root) that is on screen: a row below a scroll's visible part is
// out of sight though it is inside the window.
func inView(root, o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	top, h := d.AbsolutePositionForObject(o).Y, o.Size().Height
	var walk func(n fyne.CanvasObject, scrolls []*container.Scroll) bool
	walk = func(n fyne.CanvasObject, scrolls []*container.Scroll) bool {
		if n == o {
			for _, s := range scrolls {
				sy := d.AbsolutePositionForObject(s).Y
				if top < sy || top+h > sy+s.Size().Height {
					return false
				}
			}
			return true
		}
		if s, ok := n.(*container.Scroll); ok {
			scrolls = append(scrolls, s)
		}
		var kids []fyne.CanvasObject
		switch x := n.(type) {
		case *fyne.Container:
			kids = x.Objects
		case fyne.Widget:
			kids = test.WidgetRenderer(x).Objects()
		}
		for _, ch := range kids {
			if walk(ch, scrolls) {
				return true
			}
		}
		return false
	}
	return walk(root, nil)
}
