package app

import (
	"strings"
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

// A select-all of a huge page opens the picker with its Save and Cancel
// inside the panel and the panel inside the window, at the smallest and a
// large window: the passage fills the view, so the panel has no room
// beside, above or below it. The header quotes the passage's start, cut
// to a line or a few.
func TestPickerForHugePassageKeepsSaveInTheWindow(t *testing.T) {
	a := openBigArticle(t, 3<<20)
	n := len([]rune(a.ctl.art.Text()))
	for _, size := range []fyne.Size{{Width: 640, Height: 480}, {Width: 1600, Height: 1000}} {
		a.win.Resize(size)
		a.reader.view.SetSelection(0, n)
		a.ctl.highlightSelection()
		panel, ok := a.win.Canvas().Overlays().Top().(*widgets.Panel)
		if !ok {
			t.Fatalf("%v: the picker is a %T, not a panel", size, a.win.Canvas().Overlays().Top())
		}
		pos, psize := panel.Bounds()
		if pos.X < 0 || pos.Y < 0 || pos.X+psize.Width > size.Width || pos.Y+psize.Height > size.Height {
			t.Errorf("%v: the panel %v+%v leaves the window", size, pos, psize)
		}
		d := fyne.CurrentApp().Driver()
		for _, label := range []string{"Save", "Cancel"} {
			b := findButton(panel, label)
			if b == nil {
				t.Fatalf("%v: the picker has no %s", size, label)
			}
			p, s := d.AbsolutePositionForObject(b), b.Size()
			if p.Y < pos.Y || p.Y+s.Height > pos.Y+psize.Height || p.Y+s.Height > size.Height {
				t.Errorf("%v: %s at %v+%v is outside the panel %v+%v or the window", size, label, p, s, pos, psize)
			}
		}
		quote := findFirst(panel, func(l *widget.Label) bool { return strings.HasPrefix(l.Text, "“") })
		if quote == nil || len([]rune(quote.Text)) > pickerQuoteLen+4 {
			t.Errorf("%v: the header's quote is not the passage's start cut short", size)
		}
		a.ctl.picker.Cancel()
	}
}
