package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The Actors, Topics and Analysis windows close with Escape and Ctrl+W
// (scCloseWindow), as secondary windows do elsewhere: before, only the
// window manager's close button closed them. Fyne hands a key to the
// focused widget and a shortcut to a focused text field, never to the
// window, so the widgets that take the focus in these windows (text
// fields, lists, choices) pass the two keys on; nothing else does.

// windowKeys closes one secondary window by the keyboard.
type windowKeys struct{ win fyne.Window }

// installWindowKeys gives a secondary window Escape and Ctrl+W while
// nothing (or a widget that does not take the keys) has the focus; the
// dialogs over it keep Escape and Enter.
func installWindowKeys(w fyne.Window) *windowKeys {
	k := &windowKeys{win: w}
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { k.key(ev.Name) })
	w.Canvas().AddShortcut(scCloseWindow, func(fyne.Shortcut) { w.Close() })
	return k
}

// key closes the dialog on top on Escape (or presses its default button on
// Enter), else closes the window on Escape; it reports whether it took the
// key. A pop-up without a dismiss button (a choice's menu) keeps the
// window open.
func (k *windowKeys) key(name fyne.KeyName) bool {
	if dialogKeyOn(k.win.Canvas(), name) {
		return true
	}
	if name != fyne.KeyEscape || k.win.Canvas().Overlays().Top() != nil {
		return false
	}
	k.win.Close()
	return true
}

// shortcut closes the window on Ctrl+W; it reports whether it did.
func (k *windowKeys) shortcut(s fyne.Shortcut) bool {
	if s.ShortcutName() != scCloseWindow.ShortcutName() {
		return false
	}
	k.win.Close()
	return true
}

// entry is a one-line text field of the window.
func (k *windowKeys) entry() *windowEntry {
	e := &windowEntry{keys: k}
	e.ExtendBaseWidget(e)
	return e
}

// multiLineEntry is a wrapping text field of several lines.
func (k *windowKeys) multiLineEntry() *windowEntry {
	e := &windowEntry{keys: k}
	e.MultiLine, e.Wrapping = true, fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// releaseAfterChoice gives the keyboard back to the window once a choice
// is made: a clicked Select keeps the focus and swallows Escape.
func (k *windowKeys) releaseAfterChoice(s *widget.Select) {
	prev := s.OnChanged
	s.OnChanged = func(v string) {
		if prev != nil {
			prev(v)
		}
		// Only a choice the reader made: the form setting it must not
		// take the focus from the list.
		if k.win.Canvas().Focused() == fyne.Focusable(s) {
			k.win.Canvas().Unfocus()
		}
	}
}

// windowEntry is a text field that hands Escape and Ctrl+W to its window
// (Fyne's Entry swallows both).
type windowEntry struct {
	widget.Entry
	keys *windowKeys
}

// TypedKey hands Escape to the window and everything else to the Entry.
func (e *windowEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.keys.key(ev.Name) {
		return
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut closes the window on Ctrl+W and gives the Entry the rest.
func (e *windowEntry) TypedShortcut(s fyne.Shortcut) {
	if e.keys.shortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// windowList is a list that hands Escape to its window: a clicked row
// gives the list the focus, and Fyne's List swallows Escape.
type windowList struct {
	widget.List
	keys *windowKeys
}

// list is widget.NewList whose Escape closes the window.
func (k *windowKeys) list(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *windowList {
	l := &windowList{keys: k}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey hands Escape to the window and the rest to the List.
func (l *windowList) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && l.keys.key(ev.Name) {
		return
	}
	l.List.TypedKey(ev)
}
