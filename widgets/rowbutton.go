package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rowButton is a full-width button whose label is cut with an ellipsis to
// the width it is given. widget.Button sizes itself to its whole label and
// never cuts it, so one long actor or topic name ("Kim Jong Un, Oberster
// Führer der Demokratischen Volksrepublik Korea — person") made its row,
// and the picker with it, wider than the panel in a window 800 px wide:
// the text ran past the row's right edge.
//
// It is a flat widget.Button without a label under a truncating RichText:
// the text is not tappable, so taps and hovers reach the button, which
// draws the cursor row's emphasis (Importance) as any button does.
type rowButton struct {
	widget.BaseWidget
	Text       string
	Importance widget.Importance
	OnTapped   func()

	button *widget.Button
	label  *widget.RichText
}

// newRowButton makes a row showing text that calls tapped when tapped; set
// Importance before it is shown, or Refresh after changing it or Text.
func newRowButton(text string, tapped func()) *rowButton {
	r := &rowButton{Text: text, OnTapped: tapped}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer stacks the label over the button that takes the taps.
func (r *rowButton) CreateRenderer() fyne.WidgetRenderer {
	r.button = widget.NewButton("", r.tapped)
	r.label = widget.NewRichText()
	r.label.Truncation = fyne.TextTruncateEllipsis
	r.sync()
	return widget.NewSimpleRenderer(container.NewStack(r.button, r.label))
}

// tapped calls OnTapped as it is when tapped (the picker sets it after
// making the row).
func (r *rowButton) tapped() {
	if r.OnTapped != nil {
		r.OnTapped()
	}
}

// Refresh shows a changed Text or Importance.
func (r *rowButton) Refresh() {
	if r.button != nil {
		r.sync()
	}
	r.BaseWidget.Refresh()
}

// sync gives the button the row's importance and the label its text, in
// the colour a button's own label would have on that importance (the
// foreground on the primary colour for the emphasised row) and bold, as a
// button's label is.
func (r *rowButton) sync() {
	r.button.Importance = r.Importance
	col := theme.ColorNameForeground
	if r.Importance == widget.HighImportance {
		col = theme.ColorNameForegroundOnPrimary
	}
	r.label.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: r.Text, Style: widget.RichTextStyle{
		ColorName: col, TextStyle: fyne.TextStyle{Bold: true}, Inline: true, SizeName: theme.SizeNameText,
	}}}
	r.button.Refresh()
	r.label.Refresh()
}
