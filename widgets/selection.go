package widgets

import (
	"math"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/dramatis-app/dramatis/internal/grapheme"
)

// multiClickDelay is the longest pause between clicks of a double or triple
// click. We count clicks ourselves: fyne.DoubleTappable would delay every
// single click by the double-tap delay.
const multiClickDelay = 450 * time.Millisecond

// selUnit is what a drag extends by: characters (snapping to words once the
// drag leaves the first word), words (after a double click) or paragraphs
// (after a triple click).
type selUnit int

const (
	unitChar selUnit = iota
	unitWord
	unitPara
)

// selectionState is the selection and the mouse/keyboard state behind it.
type selectionState struct {
	start, end int // the selection, start <= end
	anchor     int // the fixed end while extending
	caret      int // the moving end
	placed     bool
	unit       selUnit
	unitLo     int // the word or paragraph around the anchor
	unitHi     int

	pressed, dragged bool
	pressPos         fyne.Position
	lastDown         time.Time
	clicks           int
	shift            bool
	dragView         fyne.Position // last drag position relative to the viewport
	// goalX is the column Up, Down and Page keys keep (set by the first of
	// a run of them), so a short line in between does not pull it left.
	goalX   float32
	goalSet bool
}

// bounds returns the selection.
func (s *selectionState) bounds() (int, int) { return s.start, s.end }

// setSel changes the selection, widened to whole characters as readers
// see them (snapSel), and tells the app.
func (v *ArticleView) setSel(a, b int) {
	a, b = v.snapSel(a, b)
	if a == v.sel.start && b == v.sel.end {
		return
	}
	v.sel.start, v.sel.end = a, b
	v.page.Refresh()
	if v.OnSelectionChanged != nil {
		v.OnSelectionChanged(a, b)
	}
}

// snapSel orders a and b and widens them to whole grapheme clusters, so
// that a selection, and the highlight made from it, never holds half a
// flag, part of a family emoji or a lone skin-tone modifier.
func (v *ArticleView) snapSel(a, b int) (int, int) {
	return grapheme.Snap(v.text, a, b)
}

// snapStart moves o back to the start of the word it is inside.
func (v *ArticleView) snapStart(o int) int {
	if o < len(v.text) && wordChar(v.text[o]) {
		for o > 0 && wordChar(v.text[o-1]) {
			o--
		}
	}
	return o
}

// snapEnd moves o forward to the end of the word it is inside.
func (v *ArticleView) snapEnd(o int) int {
	if o > 0 && wordChar(v.text[o-1]) {
		for o < len(v.text) && wordChar(v.text[o]) {
			o++
		}
	}
	return o
}

// wordAt returns the word at off (for a double click); on punctuation or
// space it is that single character.
func (v *ArticleView) wordAt(off int) (int, int) {
	switch {
	case off < len(v.text) && wordChar(v.text[off]):
		return v.snapStart(off), v.snapEnd(off + 1)
	case off > 0 && wordChar(v.text[off-1]):
		return v.snapStart(off - 1), v.snapEnd(off)
	case off < len(v.text):
		return off, off + 1
	}
	return off, off
}

// paraAt returns the block holding off (for a triple click): the whole
// of a long block laid out in pieces.
func (v *ArticleView) paraAt(off int) (int, int) {
	l := v.layout
	i := l.bodyPara(off)
	if i < 0 {
		return 0, 0
	}
	p := l.paras[i]
	return p.blockStart, p.blockEnd
}

// extendTo moves the caret to off and selects from the anchor, by the
// current unit. A character drag that leaves its first word selects whole
// words, which is what readers marking a passage want.
func (v *ArticleView) extendTo(off int) {
	s := &v.sel
	s.caret = off
	a, b := s.anchor, off
	switch s.unit {
	case unitChar:
		lo, hi := v.wordAt(s.anchor)
		if off >= lo && off <= hi {
			break
		}
		// Whole words only: a drag that starts in the blank after a line
		// or paragraph does not take the spaces or the paragraph break.
		if off > s.anchor {
			a, b = v.snapStart(s.anchor), v.snapEnd(off)
			for a < b && isSpace(v.text[a]) {
				a++
			}
		} else {
			a, b = v.snapStart(off), v.snapEnd(s.anchor)
			for b > a && isSpace(v.text[b-1]) {
				b--
			}
		}
	case unitWord, unitPara:
		lo, hi := v.wordAt(off)
		if s.unit == unitPara {
			lo, hi = v.paraAt(off)
		}
		a, b = min(s.unitLo, lo), max(s.unitHi, hi)
	}
	v.setSel(a, b)
}

// MouseDown starts a selection, or a double/triple click, or extends the
// selection with Shift.
func (p *articlePage) MouseDown(ev *desktop.MouseEvent) {
	v := p.v
	if ev.Button != desktop.MouseButtonPrimary || v.layout == nil {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil && c.Focused() != p {
		c.Focus(p)
	}
	s := &v.sel
	off := v.layout.offsetAt(ev.Position)
	now := v.now()
	d := ev.Position.Subtract(s.pressPos)
	if s.clicks > 0 && now.Sub(s.lastDown) < multiClickDelay && d.X*d.X+d.Y*d.Y < 36 {
		s.clicks = s.clicks%3 + 1
	} else {
		s.clicks = 1
	}
	s.lastDown, s.pressPos = now, ev.Position
	s.pressed, s.dragged, s.goalSet = true, false, false
	shift := s.shift || ev.Modifier&fyne.KeyModifierShift != 0
	switch {
	case s.clicks == 1 && shift && s.placed:
		v.extendTo(off)
	case s.clicks == 1:
		s.unit, s.anchor, s.caret, s.placed = unitChar, off, off, true
		v.setSel(off, off)
	case s.clicks == 2:
		lo, hi := v.wordAt(off)
		s.unit, s.unitLo, s.unitHi, s.anchor, s.caret, s.placed = unitWord, lo, hi, lo, hi, true
		v.setSel(lo, hi)
	default:
		lo, hi := v.paraAt(off)
		s.unit, s.unitLo, s.unitHi, s.anchor, s.caret, s.placed = unitPara, lo, hi, lo, hi, true
		v.setSel(lo, hi)
	}
}

// MouseUp ends a press; a plain click on a highlight reports it, one on
// the source link in the header opens the source.
func (p *articlePage) MouseUp(ev *desktop.MouseEvent) {
	v := p.v
	s := &v.sel
	wasClick := s.pressed && !s.dragged && s.clicks == 1
	s.pressed = false
	v.stopAutoScroll()
	if ev.Button != desktop.MouseButtonPrimary || !wasClick || v.layout == nil {
		return
	}
	if v.doc.Source != nil && v.layout.onLink(ev.Position) {
		if err := v.openURL(v.doc.Source); err != nil {
			fyne.LogError("opening the article's source", err)
		}
		return
	}
	if v.OnHighlightTapped == nil {
		return
	}
	if h, ok := v.highlightAt(ev.Position); ok {
		v.OnHighlightTapped(h.ID)
	}
}

// highlightAt returns the highlight under a page position, if any.
func (v *ArticleView) highlightAt(pos fyne.Position) (Highlight, bool) {
	off := v.layout.charAt(pos)
	if off < 0 {
		return Highlight{}, false
	}
	return v.hl.at(off)
}

// Dragged extends the selection to the pointer and starts auto-scrolling
// when the pointer leaves the viewport.
func (p *articlePage) Dragged(ev *fyne.DragEvent) {
	v := p.v
	if v.layout == nil {
		return
	}
	s := &v.sel
	if !s.pressed { // a drag without a press (e.g. test.Drag): start where it began
		start := ev.Position.Subtract(ev.Dragged)
		off := v.layout.offsetAt(start)
		s.unit, s.anchor, s.caret, s.placed, s.clicks = unitChar, off, off, true, 1
		s.pressed = true
	}
	s.dragged = true
	s.dragView = ev.Position.Subtract(v.scroll.Offset)
	v.extendTo(v.layout.offsetAt(ev.Position))
	v.updateAutoScroll()
}

// DragEnd finishes a drag selection. A drag released outside the text
// (past the bottom edge onto the status line, or up onto the header) makes
// the desktop driver unfocus the canvas just before DragEnd, because the
// release lands on something that cannot take the focus; the page takes
// the keyboard back so that Ctrl+C, Shift+arrows and H act on the
// selection just made.
func (p *articlePage) DragEnd() {
	p.v.sel.pressed = false
	p.v.stopAutoScroll()
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil && c.Focused() != p {
		c.Focus(p)
	}
}

// TappedSecondary reports a context click on a highlight or elsewhere.
func (p *articlePage) TappedSecondary(ev *fyne.PointEvent) {
	v := p.v
	if v.layout == nil {
		return
	}
	if h, ok := v.highlightAt(ev.Position); ok && v.OnHighlightContext != nil {
		v.OnHighlightContext(h.ID, ev.AbsolutePosition)
		return
	}
	if v.OnContext != nil {
		v.OnContext(v.layout.offsetAt(ev.Position), ev.AbsolutePosition)
	}
}

// wheelLines is how many body lines one notch of the mouse wheel scrolls,
// as in browsers and reading apps; Fyne's own scroll moves about one.
const wheelLines = 3

// driverNotch is the scroll distance Fyne's desktop driver reports for one
// wheel notch (scroll_speed_*.go in its glfw driver: 10 on macOS, else 25).
func driverNotch() float32 {
	if runtime.GOOS == "darwin" {
		return 10
	}
	return 25
}

// Scrolled scrolls wheelLines body lines per wheel notch (touchpads, which
// report fractions of a notch, in proportion).
func (p *articlePage) Scrolled(ev *fyne.ScrollEvent) {
	v := p.v
	if v.layout == nil || len(v.layout.paras) == 0 {
		return
	}
	lh := float32(math.Round(float64(v.layout.size * v.layout.bodyLineF())))
	v.scrollBy(-ev.Scrolled.DY / driverNotch() * wheelLines * lh)
}

// Cursor is the text cursor; over highlights, the hotspots drawn on top
// of them answer with a pointer (see hotspot).
func (p *articlePage) Cursor() desktop.Cursor { return desktop.TextCursor }

// FocusGained shows the caret; one never placed goes to the first line in
// view, so the keyboard starts where the reader is reading.
func (p *articlePage) FocusGained() {
	p.focused = true
	if !p.v.sel.placed && p.v.layout != nil {
		p.v.placeCaretAtTop()
	}
	p.Refresh()
}

// FocusLost hides the caret and forgets a held Shift.
func (p *articlePage) FocusLost() {
	p.focused = false
	p.v.sel.shift = false
	p.Refresh()
}

// TypedRune hands runes to the app (the view itself does not edit).
func (p *articlePage) TypedRune(r rune) {
	if p.v.OnTypedRune != nil {
		p.v.OnTypedRune(r)
	}
}

// KeyDown tracks Shift: fyne.KeyEvent carries no modifiers.
func (p *articlePage) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		p.v.sel.shift = true
	}
}

// KeyUp is part of desktop.Keyable.
func (p *articlePage) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		p.v.sel.shift = false
	}
}

// shiftHeld reports whether Shift is down, from our own tracking or the driver.
func (v *ArticleView) shiftHeld() bool {
	if v.sel.shift {
		return true
	}
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// TypedKey moves the caret with the arrows, Home, End, Page Up and Page
// Down, extending the selection with Shift; other keys go to OnTypedKey.
func (p *articlePage) TypedKey(ev *fyne.KeyEvent) {
	v := p.v
	if v.layout == nil {
		return
	}
	if m, ok := plainMoves[ev.Name]; ok {
		v.moveCaret(m, v.shiftHeld())
		return
	}
	if v.OnTypedKey != nil {
		v.OnTypedKey(ev)
	}
}

// TypedShortcut copies, selects all and moves the caret with Ctrl; the rest goes
// to OnShortcut, because a focused view swallows every shortcut.
func (p *articlePage) TypedShortcut(sc fyne.Shortcut) {
	v := p.v
	switch sc := sc.(type) {
	case *fyne.ShortcutCopy:
		if t := v.SelectedText(); t != "" {
			cb := sc.Clipboard
			if cb == nil {
				cb = fyne.CurrentApp().Clipboard()
			}
			cb.SetContent(t)
		}
		return
	case *fyne.ShortcutSelectAll:
		v.sel.anchor, v.sel.caret, v.sel.placed, v.sel.unit = 0, len(v.text), true, unitChar
		v.setSel(0, len(v.text))
		return
	case *desktop.CustomShortcut:
		// Ctrl with arrows, Home and End moves by words, paragraphs and to
		// the ends of the article; the driver sends them as shortcuts.
		mod := sc.Modifier &^ fyne.KeyModifierShift
		if m, ok := ctrlMoves[sc.KeyName]; ok && mod == fyne.KeyModifierShortcutDefault && v.layout != nil {
			v.moveCaret(m, sc.Modifier&fyne.KeyModifierShift != 0)
			return
		}
	}
	if v.OnShortcut != nil {
		v.OnShortcut(sc)
	}
}

// scrollBy scrolls the viewport by dy (clamped) and redraws.
func (v *ArticleView) scrollBy(dy float32) {
	maxY := max(0, v.page.minH-v.scroll.Size().Height)
	y := max(0, min(v.scroll.Offset.Y+dy, maxY))
	if y == v.scroll.Offset.Y {
		return
	}
	v.scroll.Offset.Y = y
	v.scroll.Refresh()
	v.page.Refresh()
}

// scrollToOffset scrolls to off: to the top with atTop, else only when the
// line is out of view, putting it a third down the viewport.
func (v *ArticleView) scrollToOffset(off int, atTop bool) {
	vs := v.scroll.Size()
	if v.layout == nil || vs.Width <= 0 || vs.Height <= 0 {
		v.rendered.pending, v.rendered.pendingAt = off+1, atTop
		return
	}
	v.layout.setGeometry(v.TextSize(), vs.Width)
	if v.placeOffset(off, atTop) {
		v.scroll.Refresh()
		v.page.Refresh()
		if atTop {
			st := &v.rendered
			st.topOff, st.topY, st.topKnown = off, v.scroll.Offset.Y, true
		}
	}
}

// placeOffset sets the scroll offset for scrollToOffset and anchors the
// target paragraph so that re-laid-out paragraphs above it cannot move it.
func (v *ArticleView) placeOffset(off int, atTop bool) bool {
	l := v.layout
	pi, line, _ := l.position(off)
	if pi < 0 {
		return false
	}
	l.updateTops()
	ly := l.lineTop(pi, line)
	lh := l.lineHeight(l.paras[pi])
	y, vh := v.scroll.Offset.Y, v.scroll.Size().Height
	if !atTop && ly >= y && ly+lh <= y+vh {
		return false
	}
	target := ly - vh/3
	if atTop {
		target = ly
	}
	v.scroll.Offset.Y = max(0, target)
	v.rendered.anchor, v.rendered.anchorTop, v.rendered.anchored = pi, l.tops[pi], true
	return true
}
