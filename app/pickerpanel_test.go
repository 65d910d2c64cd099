package app

import (
	"fmt"
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

// The picker panel never covers the passage when the window has room for
// it anywhere: beside the text column, else below or above the passage,
// shrunk to the room there but not below pickerMinHeight. At 640×480 it
// was put at the bottom over a passage on the body's first line (y 153–470
// over y 187). Where no place has room, it says so (the reader is then
// scrolled), and takes the larger side down to pickerFloorHeight; only
// with less room than that (a short article in a small window, a passage
// filling the view) does it cover the passage.
func TestPickerPlacementAvoidsThePassage(t *testing.T) {
	// A passage on the canvas: its lines' top and height in a text column.
	line := func(x, w, y, h float32) *anchor {
		return &anchor{pos: fyne.NewPos(x, y), size: fyne.NewSize(w, h), column: fyne.NewPos(x, 0), columnW: w}
	}
	small, mid, big := fyne.NewSize(640, 480), fyne.NewSize(800, 600), fyne.NewSize(1400, 900)
	for _, c := range []struct {
		name   string
		area   fyne.Size
		at     *anchor
		fits   bool
		covers bool
	}{
		{"640×480, bottom of the view: above", small, line(41, 558, 410, 30), true, false},
		{"640×480, top of the view: below, shrunk", small, line(41, 558, 88, 30), false, false},
		{"640×480, first body line of a short article", small, line(41, 558, 187, 30), false, true},
		{"640×480, middle", small, line(41, 558, 235, 30), false, true},
		{"800×600, top: below", mid, line(60, 680, 90, 30), true, false},
		{"800×600, middle: scroll", mid, line(60, 680, 280, 60), false, true},
		{"800×600, bottom: above", mid, line(60, 680, 540, 30), true, false},
		{"1400×900, narrow column: beside", big, line(100, 600, 400, 90), true, false},
		{"1400×900, wide column, top: below", big, line(100, 1000, 90, 30), true, false},
		{"1400×900, wide column, middle: below", big, line(100, 1000, 400, 30), true, false},
		{"1400×900, wide column, bottom: above", big, line(100, 1000, 840, 30), true, false},
		{"640×480, the passage fills the view", small, line(41, 558, 80, 370), false, true},
	} {
		pos, size, fits := placePicker(c.area, c.at)
		if fits != c.fits {
			t.Errorf("%s: fits = %v, want %v", c.name, fits, c.fits)
		}
		if pos.X < pickerMargin || pos.Y < pickerMargin || pos.X+size.Width > c.area.Width-pickerMargin || pos.Y+size.Height > c.area.Height-pickerMargin {
			t.Errorf("%s: the panel %v+%v leaves the window %v", c.name, pos, size, c.area)
		}
		least := float32(pickerFloorHeight)
		if fits {
			least = pickerMinHeight
		}
		if size.Height < least {
			t.Errorf("%s: the panel is %v tall, less than %v", c.name, size.Height, least)
		}
		p, s := c.at.pos, c.at.size
		covers := pos.X < p.X+s.Width && p.X < pos.X+size.Width && pos.Y < p.Y+s.Height && p.Y < pos.Y+size.Height
		if covers != c.covers {
			t.Errorf("%s: the panel %v+%v covers the passage %v+%v: %v, want %v", c.name, pos, size, p, s, covers, c.covers)
		}
	}
}

// The panel's heights hold what their names promise: at pickerFloorHeight
// Save is inside it and a candidate row in sight, at pickerMinHeight two
// rows (at 320 it showed one), at its full height more.
func TestPickerPanelHeights(t *testing.T) {
	for _, c := range []struct {
		height float32
		rows   int
	}{
		{pickerFloorHeight, 1},
		{pickerMinHeight, 2},
		{pickerHeight, 5},
	} {
		a, _ := newTestApp(t, Options{})
		a.win.Resize(fyne.NewSize(640, c.height+2*pickerMargin))
		var five []widgets.PickerActor
		for i := range 5 {
			five = append(five, widgets.PickerActor{Name: fmt.Sprintf("Actor %d", i+1)})
		}
		p := widgets.NewPicker(nil, five, nil, pickerRoles, pickerKinds)
		panel := showPicker(a.shell, p, "Highlight", "some words", nil, func(widgets.PickerResult) {}, func() {})
		pos, size := panel.Bounds()
		if size.Height != c.height {
			t.Fatalf("the panel is %v tall, want %v", size.Height, c.height)
		}
		rows := 0
		for i := range five {
			r := findFirst(panel, func(r *widget.RichText) bool { return strings.HasPrefix(r.String(), fmt.Sprintf("%d  Actor", i+1)) })
			if r != nil && inView(panel, r) {
				rows++
			}
		}
		if rows < c.rows {
			t.Errorf("%v tall: %d candidate rows in sight, want %d", c.height, rows, c.rows)
		}
		save := findButton(panel, "Save")
		if bottom := fyne.CurrentApp().Driver().AbsolutePositionForObject(save).Y + save.Size().Height; bottom > pos.Y+size.Height {
			t.Errorf("%v tall: Save ends at %v, below the panel's %v", c.height, bottom, pos.Y+size.Height)
		}
		p.Cancel()
	}
}
