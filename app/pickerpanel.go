package app

import (
	"strings"

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
// the note and the buttons, and the least height that still shows three
// rows. margin keeps the panel off the window's edges.
const (
	pickerWidth     = 460
	pickerHeight    = 600
	pickerMinHeight = 320
	pickerMargin    = 8
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
	heading := widget.NewLabel(title)
	heading.TextStyle.Bold = true
	quote := widget.NewLabel("“" + shortQuote(passage, 200) + "”")
	quote.Wrapping = fyne.TextWrapWord
	quote.TextStyle.Italic = true
	top := container.NewVBox(heading, quote)
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
	pos, size := placePicker(sh.canvas().Size(), at)
	// The quote wraps at the panel's width: measure it there.
	quote.Resize(fyne.NewSize(size.Width-2*pickerMargin, 0))
	p.SetMaxHeight(size.Height - 2*widgets.PanelPadding - top.MinSize().Height - theme.Padding())
	panel.ShowAt(pos, size)
	sh.focus(p.Focus())
	return panel
}

// placePicker chooses the picker panel's place and size on a canvas.
func placePicker(area fyne.Size, at *anchor) (fyne.Position, fyne.Size) {
	want := fyne.NewSize(pickerWidth, pickerHeight)
	if at == nil {
		w, h := min(want.Width, area.Width-2*pickerMargin), min(want.Height, area.Height-2*pickerMargin)
		return fyne.NewPos((area.Width-w)/2, (area.Height-h)/2), fyne.NewSize(w, h)
	}
	return widgets.PlacePanel(area, at.column, at.pos, at.size, at.columnW, pickerMargin, want, pickerMinHeight)
}

// shortQuote cuts a passage for the picker's header to at most n
// characters, at the end of a word.
func shortQuote(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:–-") + " …"
}
