package app

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/widgets"
)

// pickerStart preloads the picker when editing.
type pickerStart struct {
	chosen []widgets.PickedActor
	note   string
}

// Picker panel geometry: the width the picker's rows read well at, the
// height that shows the query, seven candidate rows, a few chosen actors,
// the note and the buttons. margin keeps the panel off the window's
// edges, gap off the passage.
const (
	pickerWidth  = 460
	pickerHeight = 600
	pickerMargin = 8
	pickerGap    = 12
	// pickerMinHeight is the least height the panel is shrunk to beside a
	// passage: it shows two candidate rows and a chosen actor with the
	// compact header (TestPickerPanelHeights; three take 400, which a
	// 480 px window has beside no passage in its view). The panel was 320
	// tall at least, and showed one row there.
	pickerMinHeight = 360
	// pickerFloorHeight is the least height the picker's parts fit in,
	// with one row of each list: a panel goes below pickerMinHeight only
	// when the passage cannot be scrolled to where one fits (a short
	// article in a small window).
	pickerFloorHeight = 315
	// pickerCompactBelow is the panel height under which its header takes
	// one line: below it the candidate and chosen lists got one row
	// between them, and the chosen actors were out of sight (640×480).
	pickerCompactBelow = 420
	// pickerQuoteLen is how many characters of the passage the header
	// quotes: about four lines at the panel's width, enough to recognise
	// the passage beside it; a longer one ends in an ellipsis (the whole
	// passage is highlighted and saved all the same).
	pickerQuoteLen = 200
)

// anchor is where a passage is on the window's canvas: its visible lines,
// and the text column they are in.
type anchor struct {
	pos     fyne.Position
	size    fyne.Size
	column  fyne.Position
	columnW float32
}

// showPicker shows the actor picker in a panel beside the passage (never
// over it, when the window has room anywhere), with the title and the
// quoted passage above it; at the centre when the passage has no place in
// view (at, nil). The panel keeps its place and size while the reader
// types. done receives the choice; closed runs when the panel goes, saved
// or cancelled.
func showPicker(sh *shell, p *widgets.Picker, title, passage string, at *anchor, done func(widgets.PickerResult), closed func()) *widgets.Panel {
	pos, size, _ := placePicker(sh.canvas().Size(), at)
	top := pickerHeader(title, passage, size.Width-2*pickerMargin, size.Height < pickerCompactBelow)
	panel := widgets.NewPanel(container.NewBorder(top, nil, nil, nil, p), sh.canvas())
	hide := func() {
		panel.Hide()
		closed()
	}
	p.OnCancel = hide
	p.OnSubmit = func(res widgets.PickerResult) {
		hide()
		done(res)
	}
	p.SetMaxHeight(size.Height - 2*widgets.PanelPadding - top.MinSize().Height - theme.Padding())
	panel.ShowAt(pos, size)
	sh.focus(p.Focus())
	return panel
}

// pickerHeader is the panel's title above the quoted passage, or, in a
// compact panel, beside the passage cut to one line: the passage is in
// view beside the panel, and its lines would take the room the chosen
// actors need. width is the panel's inner width.
func pickerHeader(title, passage string, width float32, compact bool) fyne.CanvasObject {
	heading := widget.NewLabel(title)
	heading.TextStyle.Bold = true
	quote := widget.NewLabel("“" + shortQuote(passage, pickerQuoteLen) + "”")
	quote.TextStyle.Italic = true
	if compact {
		quote.Truncation = fyne.TextTruncateEllipsis
		return container.NewBorder(nil, nil, heading, nil, quote)
	}
	quote.Wrapping = fyne.TextWrapWord
	// The quote wraps at the panel's width: measure it there.
	quote.Resize(fyne.NewSize(width, 0))
	return container.NewVBox(heading, quote)
}

// placePicker chooses the picker panel's place and size on a canvas of
// size area, never over the passage when there is room elsewhere: beside
// its text column (right, then left) at its height; else below or above
// it, where there is room for at least pickerMinHeight (below when it
// holds the whole panel or has more room than above), shrunk to the room
// there. fits says whether such a place was found; when it was not, the
// caller scrolls the passage to the top of the view and asks again, and
// the place given is the larger side shrunk down to pickerFloorHeight, or
// (with less room than that, a passage filling the view) at the bottom,
// over the passage's lower part, where the reader has read least far.
// With no passage in view (at nil) the panel is at the centre.
func placePicker(area fyne.Size, at *anchor) (pos fyne.Position, size fyne.Size, fits bool) {
	w := min(pickerWidth, area.Width-2*pickerMargin)
	h := min(pickerHeight, area.Height-2*pickerMargin)
	if at == nil {
		return fyne.NewPos((area.Width-w)/2, (area.Height-h)/2), fyne.NewSize(w, h), true
	}
	clampY := func(y float32) float32 { return max(pickerMargin, min(y, area.Height-pickerMargin-h)) }
	x := max(pickerMargin, min(at.pos.X, area.Width-pickerMargin-w))
	if right := at.column.X + at.columnW + pickerGap; right+w <= area.Width-pickerMargin {
		return fyne.NewPos(right, clampY(at.pos.Y)), fyne.NewSize(w, h), true
	}
	if left := at.column.X - pickerGap - w; left >= pickerMargin {
		return fyne.NewPos(left, clampY(at.pos.Y)), fyne.NewSize(w, h), true
	}
	belowY := at.pos.Y + at.size.Height + pickerGap
	below := area.Height - pickerMargin - belowY
	above := at.pos.Y - pickerGap - pickerMargin
	least := min(h, pickerMinHeight)
	switch {
	case below >= least && (below >= h || below >= above):
		return fyne.NewPos(x, belowY), fyne.NewSize(w, min(h, below)), true
	case above >= least:
		hh := min(h, above)
		return fyne.NewPos(x, at.pos.Y-pickerGap-hh), fyne.NewSize(w, hh), true
	}
	floor := min(h, pickerFloorHeight)
	switch {
	case below >= floor && below >= above:
		return fyne.NewPos(x, belowY), fyne.NewSize(w, below), false
	case above >= floor:
		return fyne.NewPos(x, at.pos.Y-pickerGap-above), fyne.NewSize(w, above), false
	}
	hh := max(floor, below, above)
	return fyne.NewPos(x, area.Height-pickerMargin-hh), fyne.NewSize(w, hh), false
}

// shortQuote cuts a passage for the picker's header to at most n
// characters, at the end of a word, each run of spaces and line breaks
// one space. It reads the passage only as far as it keeps, so that the
// header of a select-all of a 30 MB page costs what a sentence's does
// (spreading the whole passage into words first took 230 MB and a
// quarter of a second there).
func shortQuote(s string, n int) string {
	out := make([]rune, 0, min(n, len(s)))
	gap, cut := false, false // a space is due before the next word; the passage goes on past n
	for _, r := range s {
		if unicode.IsSpace(r) {
			gap = len(out) > 0
			continue
		}
		room := n - len(out)
		if gap {
			room--
		}
		if room < 1 {
			cut = true
			break
		}
		if gap {
			out, gap = append(out, ' '), false
		}
		out = append(out, r)
	}
	if !cut {
		return string(out)
	}
	q := string(out)
	if !gap { // stopped inside a word: leave it out
		if i := strings.LastIndexByte(q, ' '); i > 0 {
			q = q[:i]
		}
	}
	return strings.TrimRight(q, " ,;:–-") + " …"
}
