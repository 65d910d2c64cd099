package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// CardList is the notes pane's list of highlight cards: a vertical,
// scrolled list that takes the keyboard, so that Tab from the actor filter
// reaches the cards. ↑/↓ move a focus mark over the cards (Home/End to the
// first and last); Enter, E and Delete call back with the marked card's
// index; Escape calls OnEscape. Other letters go to OnTypedRune.
type CardList struct {
	widget.BaseWidget

	OnActivate  func(i int) // Enter: go to the passage
	OnEdit      func(i int) // E
	OnDelete    func(i int) // Delete or Backspace
	OnEscape    func()
	OnTypedRune func(r rune)
	// OnTypedKey gets the keys the list does not use.
	OnTypedKey func(k fyne.KeyName)

	scroll  *container.Scroll
	box     *fyne.Container
	cards   []*HighlightCard
	cursor  int
	focused bool
}

// NewCardList makes an empty list.
func NewCardList() *CardList {
	l := &CardList{box: container.NewVBox()}
	l.scroll = container.NewVScroll(l.box)
	l.ExtendBaseWidget(l)
	return l
}

// Scroller is the list's scroll container (the pane keeps its offset).
func (l *CardList) Scroller() *container.Scroll { return l.scroll }

// SetContent shows cards with other objects before and after them (page
// buttons, a hint). The focus mark stays at its index, within the cards.
func (l *CardList) SetContent(before []fyne.CanvasObject, cards []*HighlightCard, after []fyne.CanvasObject) {
	objs := make([]fyne.CanvasObject, 0, len(before)+len(cards)+len(after))
	objs = append(objs, before...)
	for _, c := range cards {
		objs = append(objs, c)
	}
	objs = append(objs, after...)
	l.cards = cards
	l.box.Objects = objs
	l.box.Refresh()
	l.setCursor(min(l.cursor, len(cards)-1))
}

// Cursor is the index of the card with the focus mark, -1 for none.
func (l *CardList) Cursor() int { return l.cursor }

// SetCursor moves the focus mark to card i without scrolling.
func (l *CardList) SetCursor(i int) {
	if i >= 0 && i < len(l.cards) {
		l.setCursor(i)
	}
}

func (l *CardList) setCursor(i int) {
	l.cursor = max(i, -1)
	if l.cursor < 0 && len(l.cards) > 0 {
		l.cursor = 0
	}
	for k, c := range l.cards {
		c.SetFocused(l.focused && k == l.cursor)
	}
}

// ShowCard scrolls card i into view, only when it is out of view: a card
// clicked in the list must not jump away from under the mouse.
func (l *CardList) ShowCard(i int) {
	if i < 0 || i >= len(l.cards) {
		return
	}
	c := l.cards[i]
	y, h := c.Position().Y, c.Size().Height
	top, vh := l.scroll.Offset.Y, l.scroll.Size().Height
	switch {
	case y < top || h >= vh:
		l.scroll.ScrollToOffset(fyne.NewPos(0, y))
	case y+h > top+vh:
		l.scroll.ScrollToOffset(fyne.NewPos(0, y+h-vh))
	}
}

// ClampScroll keeps the offset inside the content when the content got
// shorter: the scroll keeps a stale offset otherwise, and the cards that
// are left show cut off or not at all.
func (l *CardList) ClampScroll() {
	maxY := max(0, l.box.MinSize().Height-l.scroll.Size().Height)
	if l.scroll.Offset.Y > maxY {
		l.scroll.ScrollToOffset(fyne.NewPos(0, maxY))
	}
}

// CreateRenderer draws the scrolled cards.
func (l *CardList) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(l.scroll)
}

// FocusGained shows the focus mark.
func (l *CardList) FocusGained() {
	l.focused = true
	l.setCursor(l.cursor)
	l.ShowCard(l.cursor)
}

// FocusLost hides the focus mark.
func (l *CardList) FocusLost() {
	l.focused = false
	l.setCursor(l.cursor)
}

// TypedRune takes E; other letters go on to OnTypedRune.
func (l *CardList) TypedRune(r rune) {
	switch {
	case (r == 'e' || r == 'E') && l.OnEdit != nil && l.cursor >= 0:
		l.OnEdit(l.cursor)
	case l.OnTypedRune != nil:
		l.OnTypedRune(r)
	}
}

// TypedKey moves the focus mark and acts on the marked card.
func (l *CardList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp:
		l.move(l.cursor - 1)
	case fyne.KeyDown:
		l.move(l.cursor + 1)
	case fyne.KeyHome:
		l.move(0)
	case fyne.KeyEnd:
		l.move(len(l.cards) - 1)
	case fyne.KeyReturn, fyne.KeyEnter:
		l.call(l.OnActivate)
	case fyne.KeyDelete, fyne.KeyBackspace:
		l.call(l.OnDelete)
	case fyne.KeyEscape:
		if l.OnEscape != nil {
			l.OnEscape()
		}
	default:
		if l.OnTypedKey != nil {
			l.OnTypedKey(ev.Name)
		}
	}
}

func (l *CardList) move(i int) {
	if len(l.cards) == 0 {
		return
	}
	l.setCursor(min(max(i, 0), len(l.cards)-1))
	l.ShowCard(l.cursor)
}

func (l *CardList) call(f func(int)) {
	if f != nil && l.cursor >= 0 && l.cursor < len(l.cards) {
		f(l.cursor)
	}
}
