package widgets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FindBar is a browser's find bar for the text in view: a field for the
// words, "n of N", previous and next, and a close button. It knows
// nothing of how words are found: the app hears OnChanged, finds them
// (off the main goroutine on a long text) and gives back how many with
// SetCount; the bar steps through them, wrapping at either end, and
// tells the app which one is current with OnMove.
//
// Keys in the field: Enter (or F3) steps to the next match, Shift+Enter
// (Shift+F3) to the previous one, Escape closes the bar.
type FindBar struct {
	widget.BaseWidget

	// OnChanged is called when the words in the field change.
	OnChanged func(words string)
	// OnMove is called when the current match changes, with its index.
	OnMove func(i int)
	// OnClose is called when the reader closes the bar (Escape, ×).
	OnClose func()

	entry      *findEntry
	count      *widget.Label
	prev, next *widget.Button
	content    fyne.CanvasObject

	n, cur  int  // matches and the current one (-1: none)
	pending bool // the words changed and no count has come for them yet
}

// NewFindBar returns an empty find bar.
func NewFindBar() *FindBar {
	b := &FindBar{cur: -1}
	b.ExtendBaseWidget(b)
	b.entry = newFindEntry(b)
	b.entry.SetPlaceHolder("Find in article")
	b.entry.OnChanged = func(s string) {
		b.n, b.cur, b.pending = 0, -1, true // the old count was for other words
		b.showCount()
		if b.OnChanged != nil {
			b.OnChanged(s)
		}
	}
	b.count = widget.NewLabel("")
	b.count.Importance = widget.LowImportance
	b.prev = widget.NewButtonWithIcon("", theme.MoveUpIcon(), b.Previous)
	b.next = widget.NewButtonWithIcon("", theme.MoveDownIcon(), b.Next)
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), b.close)
	for _, btn := range []*widget.Button{b.prev, b.next, closeBtn} {
		btn.Importance = widget.LowImportance
	}
	b.content = container.NewBorder(nil, nil, nil, container.NewHBox(b.count, b.prev, b.next, closeBtn), b.entry)
	b.showCount()
	return b
}

// CreateRenderer is part of fyne.Widget.
func (b *FindBar) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(b.content)
}

// Text returns the words in the field.
func (b *FindBar) Text() string { return b.entry.Text }

// SetText puts words into the field (as if typed: OnChanged follows).
func (b *FindBar) SetText(s string) {
	if s == b.entry.Text {
		return
	}
	b.entry.SetText(s)
	b.entry.CursorColumn = len([]rune(s))
	b.entry.Refresh()
}

// Field is the text field, to give it the keyboard.
func (b *FindBar) Field() fyne.Focusable { return b.entry }

// SetCount says how many matches the words have and which is current
// (-1: none yet); it does not call OnMove.
func (b *FindBar) SetCount(n, current int) {
	b.n, b.cur, b.pending = n, -1, false
	if current >= 0 && current < n {
		b.cur = current
	}
	b.showCount()
}

// Count returns the number of matches and the current one's index.
func (b *FindBar) Count() (n, current int) { return b.n, b.cur }

// CountText is what the bar says about the matches ("3 of 17").
func (b *FindBar) CountText() string { return b.count.Text }

// Next steps to the next match, from the last to the first.
func (b *FindBar) Next() { b.step(+1) }

// Previous steps to the previous match, from the first to the last.
func (b *FindBar) Previous() { b.step(-1) }

func (b *FindBar) step(d int) {
	if b.n == 0 {
		return
	}
	switch {
	case b.cur < 0 && d > 0:
		b.cur = 0
	case b.cur < 0:
		b.cur = b.n - 1
	default:
		b.cur = ((b.cur+d)%b.n + b.n) % b.n
	}
	b.showCount()
	if b.OnMove != nil {
		b.OnMove(b.cur)
	}
}

func (b *FindBar) close() {
	if b.OnClose != nil {
		b.OnClose()
	}
}

// showCount writes "n of N", "N matches" before the reader stepped, or
// "No matches"; nothing while the field is empty.
func (b *FindBar) showCount() {
	var s string
	switch {
	case b.entry.Text == "":
	case b.n == 0 && b.pending:
		s = "…"
	case b.n == 0:
		s = "No matches"
	case b.cur < 0:
		s = fmt.Sprintf("%d found", b.n)
	default:
		s = fmt.Sprintf("%d of %d", b.cur+1, b.n)
	}
	b.count.SetText(s)
	if b.n == 0 {
		b.prev.Disable()
		b.next.Disable()
	} else {
		b.prev.Enable()
		b.next.Enable()
	}
}

// findEntry is the bar's field: Enter and F3 step forward, with Shift
// back, Escape closes the bar.
type findEntry struct {
	widget.Entry
	bar   *FindBar
	shift bool // a Shift key is down (KeyEvent carries no modifiers)
}

func newFindEntry(b *FindBar) *findEntry {
	e := &findEntry{bar: b}
	e.ExtendBaseWidget(e)
	return e
}

// KeyDown is part of desktop.Keyable: it follows the Shift keys.
func (e *findEntry) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(ev)
}

// KeyUp is part of desktop.Keyable.
func (e *findEntry) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(ev)
}

// FocusLost is part of fyne.Focusable: a Shift released elsewhere is not
// seen here.
func (e *findEntry) FocusLost() {
	e.shift = false
	e.Entry.FocusLost()
}

// TypedKey is part of fyne.Focusable.
func (e *findEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF3:
		if e.shift {
			e.bar.Previous()
		} else {
			e.bar.Next()
		}
	case fyne.KeyEscape:
		e.bar.close()
	default:
		e.Entry.TypedKey(ev)
	}
}
