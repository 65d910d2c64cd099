package widgets

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestHighlightCardShowsQuoteChipsNote(t *testing.T) {
	test.NewTempApp(t)
	c := NewHighlightCard()
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(300, 400))
	long := strings.Repeat("Pjöngjang droht erneut. ", 40)
	c.Set(long, []Chip{{Label: "Nordkorea", Role: "speaker", Color: color.NRGBA{200, 0, 0, 255}}, {Label: "USA"}}, "note here", nil, "")
	if q := c.Quote(); len([]rune(q)) > maxQuoteRunes+4 || !strings.HasSuffix(q, "…”") {
		t.Errorf("quote not shortened: %d runes %q", len([]rune(q)), q[len(q)-20:])
	}
	if got := strings.Join(c.ChipLabels(), "|"); got != "Nordkorea · speaker|USA" {
		t.Errorf("chips = %q", got)
	}
	if c.Note() != "note here" {
		t.Errorf("note = %q", c.Note())
	}
	tapped := false
	c.OnTapped = func() { tapped = true }
	test.Tap(c)
	if !tapped {
		t.Error("tap not forwarded")
	}
	if c.MinSize().Height < 100 {
		t.Errorf("card min height %v: wrapped quote not accounted for", c.MinSize().Height)
	}
}
