package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestSortBarShowsTheMenuInFull: the library pane's sort menu reads in
// full at every width the bar is given from its MinSize up, beside
// Analyse; where the three do not fit side by side the count moves above,
// and where they fit they share one line as before.
func TestSortBarShowsTheMenuInFull(t *testing.T) {
	test.NewTempApp(t)
	count := widget.NewLabel("50,000 articles · indexing 40%")
	sortBy := widget.NewSelect([]string{sortAdded, sortPublished}, nil)
	sortBy.SetSelected(sortPublished)
	analyse := widget.NewButton("Analyse", nil)
	b := newSortBar(count, sortBy, analyse)
	test.NewTempWindow(t, b)
	min := b.MinSize()
	for width := min.Width; width <= 700; width += 17 {
		b.Resize(fyne.NewSize(width, b.MinSize().Height))
		b.Resize(fyne.NewSize(width, b.MinSize().Height)) // the height for the lines chosen
		if got := drawnText(sortBy); got != sortPublished {
			t.Errorf("width %v: the menu shows %q", width, got)
		}
		if got := drawnText(analyse); got != "Analyse" {
			t.Errorf("width %v: the button shows %q", width, got)
		}
		if got := drawnText(count); !strings.HasSuffix(got, "40%") {
			t.Errorf("width %v: the count shows %q", width, got)
		}
		d := fyne.CurrentApp().Driver()
		oneLine := d.AbsolutePositionForObject(analyse).Y == d.AbsolutePositionForObject(count).Y
		if oneLine != b.fitsOnOneLine(width) || oneLine == b.wrapped {
			t.Errorf("width %v: one line %v, wrapped %v, fits %v", width, oneLine, b.wrapped, b.fitsOnOneLine(width))
		}
	}
	if !b.fitsOnOneLine(700) || b.fitsOnOneLine(min.Width) {
		t.Errorf("from %v to 700 the bar should go from two lines to one", min.Width)
	}
}
