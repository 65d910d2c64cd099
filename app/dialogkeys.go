package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne's dialogs take no keys: in the real window Escape did not close the
// Open File, error or Delete Article dialogs, and Enter did not press their
// default button, so every dialog needed the mouse. dialogKey gives them
// the usual keys; it is installed on the canvas (keys arrive there when
// nothing has the focus, which is the case in a freshly shown dialog) and
// called by the text fields inside our dialogs for Escape.

// dismissLabels are the texts of the buttons that close a dialog without
// acting (Fyne's file dialog uses "Cancel", its confirm dialog "No").
var dismissLabels = map[string]bool{"Cancel": true, "Close": true, "OK": true, "No": true, keepTextLabel: true, skipLabel: true}

// enterLabels are the plain buttons Enter may press when a dialog has no
// default button: acknowledging a message. "Cancel" is not among them, so
// that an Enter pressed twice never cancels the download it just started.
var enterLabels = map[string]bool{"OK": true, "Close": true, keepTextLabel: true}

// installDialogKeys routes Escape and Enter that nobody else took to the
// dialog on top of the window; the keys no dialog used go to other.
func (s *shell) installDialogKeys(other func(fyne.KeyName)) {
	s.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if !s.dialogKey(ev.Name) && other != nil && !s.dialogOpen() {
			other(ev.Name)
		}
	})
}

// dialogKey closes the top dialog on Escape and presses its default button
// on Enter. It reports whether it did anything.
func (s *shell) dialogKey(key fyne.KeyName) bool {
	return dialogKeyOn(s.win.Canvas(), key)
}

// dialogKeyOn is dialogKey for the dialogs over any canvas.
func dialogKeyOn(c fyne.Canvas, key fyne.KeyName) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	dismiss, confirm := dialogButtons(top)
	switch key {
	case fyne.KeyEscape:
		if dismiss != nil {
			dismiss.OnTapped()
			return true
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if confirm == nil && dismiss != nil && enterLabels[dismiss.Text] {
			confirm = dismiss
		}
		if confirm != nil {
			confirm.OnTapped()
			return true
		}
	}
	return false
}

// dialogOpen reports whether a dialog (or any pop-up) covers the window.
// Main-menu shortcuts reach the menu even from inside a dialog; the actions
// that open another dialog or change the article use this to wait until it
// is closed, instead of stacking a second Open URL on the first.
func (s *shell) dialogOpen() bool {
	return s.win.Canvas().Overlays().Top() != nil
}

// dialogButtons finds a dialog's dismiss button and its default (high
// importance, enabled) button. It looks only through containers, where
// Fyne's dialogs keep their button rows, never inside other widgets (a
// form's own buttons are not the dialog's); the last match wins because
// the button row comes after the content.
func dialogButtons(o fyne.CanvasObject) (dismiss, confirm *widget.Button) {
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.PopUp:
			walk(x.Content)
		case *fyne.Container:
			for _, ch := range x.Objects {
				walk(ch)
			}
		case *widget.Button:
			if x.OnTapped == nil || x.Disabled() {
				return
			}
			if x.Importance == widget.HighImportance {
				confirm = x
			} else if dismissLabels[x.Text] {
				dismiss = x
			}
		}
	}
	walk(o)
	return dismiss, confirm
}

// dialogEntry is a text field for a dialog: Escape closes the dialog, as
// it does when nothing has the focus (Fyne's Entry swallows Escape).
type dialogEntry struct {
	widget.Entry
	onEscape func()
	// onEnter, when set, takes Enter (a wrapping field of one line, the
	// title, whose Enter must press the default button, not break it).
	onEnter func()
}

// newDialogEntry makes a one-line field whose Escape closes the top dialog.
func (s *shell) newDialogEntry() *dialogEntry {
	e := &dialogEntry{onEscape: func() { s.dialogKey(fyne.KeyEscape) }}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey hands Escape (and Enter, with onEnter) to the dialog and
// everything else to the Entry.
func (e *dialogEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	if (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && e.onEnter != nil {
		e.onEnter()
		return
	}
	e.Entry.TypedKey(ev)
}

// dialogSlider is a slider for a dialog: Escape closes the dialog and Enter
// presses its default button; arrows still move the slider. (A clicked
// slider keeps the focus, and Fyne's Slider swallows both keys.)
type dialogSlider struct {
	widget.Slider
	onKey func(fyne.KeyName) bool
}

// newDialogSlider makes a horizontal slider from min to max in steps of 1.
func (s *shell) newDialogSlider(min, max float64) *dialogSlider {
	sl := &dialogSlider{onKey: s.dialogKey}
	sl.Min, sl.Max, sl.Value, sl.Step = min, max, min, 1
	sl.Orientation = widget.Horizontal
	sl.ExtendBaseWidget(sl)
	return sl
}

// TypedKey hands Escape and Enter to the dialog.
func (s *dialogSlider) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter:
		s.onKey(ev.Name)
	default:
		s.Slider.TypedKey(ev)
	}
}

// unfocusAfterChoice gives the keyboard back to the dialog after an option
// of a radio group is chosen: a clicked option keeps the focus, and Fyne's
// radio options swallow Escape and Enter, so the dialog no longer closed.
func (s *shell) unfocusAfterChoice(r *widget.RadioGroup) {
	prev := r.OnChanged
	r.OnChanged = func(choice string) {
		if prev != nil {
			prev(choice)
		}
		s.win.Canvas().Unfocus()
	}
}
