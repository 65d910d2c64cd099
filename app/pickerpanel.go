package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/widgets"
)

// pickerStart preloads the picker when editing.
type pickerStart struct {
	chosen []widgets.PickedActor
	note   string
}

// showPicker shows the actor picker in a dialog over the main window with
// the passage quoted above it; done receives the choice, closed runs when
// the dialog goes, saved or cancelled.
func showPicker(sh *shell, p *widgets.Picker, title, passage string, done func(widgets.PickerResult), closed func()) {
	quote := widget.NewLabel("“" + shortQuote(passage, 200) + "”")
	quote.Wrapping = fyne.TextWrapWord
	quote.TextStyle.Italic = true
	d := dialog.NewCustomWithoutButtons(title, container.New(&pickerLayout{}, quote, p), sh.win)
	p.OnCancel = d.Hide
	p.OnSubmit = func(res widgets.PickerResult) {
		d.Hide()
		done(res)
	}
	d.SetOnClosed(closed)
	// Keep Save on screen in a small window: the lists scroll instead.
	p.SetMaxHeight(sh.canvas().Size().Height - pickerChrome - quote.MinSize().Height)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	sh.focus(p.Focus())
}

// pickerChrome is the height a dialog adds around the picker: its title,
// its padding and the margin to the window's edges.
const pickerChrome = 120

// pickerLayout stacks the quote above the picker at the picker's width.
type pickerLayout struct{}

func (pickerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	q := objs[0]
	qh := q.MinSize().Height
	q.Move(fyne.NewPos(0, 0))
	q.Resize(fyne.NewSize(size.Width, qh))
	objs[1].Move(fyne.NewPos(0, qh))
	objs[1].Resize(fyne.NewSize(size.Width, size.Height-qh))
}

func (pickerLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	p := objs[1].MinSize()
	return fyne.NewSize(p.Width, p.Height+objs[0].MinSize().Height)
}

// shortQuote cuts a passage for the picker's header.
func shortQuote(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + " …"
}
