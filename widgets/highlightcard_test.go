package widgets

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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

// TestHighlightCardDrawsWhatWasSet fills cards before and after they are
// first drawn (the notes pane fills new cards before laying them out) and
// checks what the window draws: the quote wrapped to the card, the note,
// the warning only when there is one.
func TestHighlightCardDrawsWhatWasSet(t *testing.T) {
	test.NewTempApp(t)
	quote := "Die Regierung in Pjöngjang erklärte am Montag, man werde die Partnerschaft mit Moskau ausbauen."
	cases := []struct {
		name     string
		set      func(c *HighlightCard) // before the card is in a window
		reset    func(c *HighlightCard) // after it is drawn
		want     []string
		wantNone []string
	}{
		{"set before drawing", func(c *HighlightCard) { c.Set(quote, nil, "eine Notiz", nil, "verwaist") }, nil,
			[]string{"Pjöngjang", "Moskau", "eine Notiz", "verwaist"}, nil},
		{"set again after drawing", func(c *HighlightCard) { c.Set(quote, nil, "eine Notiz", nil, "verwaist") },
			func(c *HighlightCard) { c.Set("Seoul antwortet.", nil, "andere Notiz", nil, "") },
			[]string{"Seoul antwortet.", "andere Notiz"}, []string{"Pjöngjang", "eine Notiz", "verwaist"}},
		{"set only after drawing", nil, func(c *HighlightCard) { c.Set(quote, nil, "", nil, "") },
			[]string{"Pjöngjang", "Moskau"}, []string{"verwaist"}},
	}
	for _, tc := range cases {
		c := NewHighlightCard()
		if tc.set != nil {
			tc.set(c)
		}
		w := test.NewTempWindow(t, c)
		w.Resize(fyne.NewSize(260, 400))
		if tc.reset != nil {
			tc.reset(c)
		}
		var lines []string
		walkTexts(c, func(t *canvas.Text) { lines = append(lines, t.Text) })
		drawn := strings.Join(lines, "\n")
		for _, s := range tc.want {
			if !strings.Contains(drawn, s) {
				t.Errorf("%s: %q not drawn in %q", tc.name, s, drawn)
			}
		}
		for _, s := range tc.wantNone {
			if strings.Contains(drawn, s) {
				t.Errorf("%s: %q drawn in %q", tc.name, s, drawn)
			}
		}
		for _, l := range lines {
			if strings.Contains(l, "Pjöngjang") && strings.Contains(l, "ausbauen") {
				t.Errorf("%s: quote not wrapped to the card: %q", tc.name, l)
			}
		}
	}
}

// walkTexts calls f for every visible canvas.Text drawn under o.
func walkTexts(o fyne.CanvasObject, f func(*canvas.Text)) {
	if o == nil || !o.Visible() {
		return
	}
	switch x := o.(type) {
	case *canvas.Text:
		f(x)
	case *fyne.Container:
		for _, k := range x.Objects {
			walkTexts(k, f)
		}
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(x).Objects() {
			walkTexts(k, f)
		}
	}
}

// shorten keeps a quote of n runes or fewer whole and cuts a longer one
// after n runes (ö is two bytes, one rune), at a word when one ends in
// its second half.
func TestShorten(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"Pjöngjang", 9, "Pjöngjang"},
		{"Pjöngjang", 20, "Pjöngjang"},
		{"Pjöngjang droht", 9, "Pjöngjang …"},
		{"Pjöngjang droht erneut", 18, "Pjöngjang droht …"},
	}
	for _, tt := range tests {
		if got := shorten(tt.in, tt.n); got != tt.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
