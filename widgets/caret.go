package widgets

import (
	"fyne.io/fyne/v2"

	"github.com/dramatis-app/dramatis/internal/grapheme"
)

// caretMove is one movement of the caret by the keyboard.
type caretMove int

const (
	moveCharBack  caretMove = iota // ←: one character (a whole grapheme cluster)
	moveCharFwd                    // →
	moveWordBack                   // Ctrl+←: to the start of a word
	moveWordFwd                    // Ctrl+→: to the end of a word
	moveLineUp                     // ↑: the same x on the line above
	moveLineDown                   // ↓
	moveLineStart                  // Home
	moveLineEnd                    // End
	moveParaBack                   // Ctrl+↑: to the start of the paragraph, or the one before
	moveParaFwd                    // Ctrl+↓: to the start of the next paragraph
	moveDocStart                   // Ctrl+Home
	moveDocEnd                     // Ctrl+End
	movePageUp                     // Page Up: a viewport up, scrolling with it
	movePageDown                   // Page Down
)

// plainMoves are the caret moves of keys without Ctrl.
var plainMoves = map[fyne.KeyName]caretMove{
	fyne.KeyLeft: moveCharBack, fyne.KeyRight: moveCharFwd,
	fyne.KeyUp: moveLineUp, fyne.KeyDown: moveLineDown,
	fyne.KeyHome: moveLineStart, fyne.KeyEnd: moveLineEnd,
	fyne.KeyPageUp: movePageUp, fyne.KeyPageDown: movePageDown,
}

// ctrlMoves are the caret moves of keys with Ctrl (Cmd on macOS).
var ctrlMoves = map[fyne.KeyName]caretMove{
	fyne.KeyLeft: moveWordBack, fyne.KeyRight: moveWordFwd,
	fyne.KeyUp: moveParaBack, fyne.KeyDown: moveParaFwd,
	fyne.KeyHome: moveDocStart, fyne.KeyEnd: moveDocEnd,
}

// vertical reports whether m keeps the caret's x (the goal column).
func (m caretMove) vertical() bool {
	return m == moveLineUp || m == moveLineDown || m == movePageUp || m == movePageDown
}

// moveCaret moves the caret; with extend the selection runs from the
// anchor to the new caret, without it the caret moves alone (an arrow on a
// selection first collapses it to that side, as in editors). The caret is
// kept in view.
func (v *ArticleView) moveCaret(m caretMove, extend bool) {
	if v.layout == nil {
		return
	}
	s := &v.sel
	if !s.placed || s.start == s.end && !v.offsetInView(s.caret) {
		// Never placed, or left behind by the wheel or the scroll bar:
		// start where the reader is reading.
		v.placeCaretAtTop()
	}
	switch {
	case s.start == s.end:
		s.anchor = s.caret
	case s.caret >= s.anchor:
		// A drag or double click snapped to whole words: extend from the
		// selection's ends, not from the characters under the mouse.
		s.anchor, s.caret = s.start, s.end
	default:
		s.anchor, s.caret = s.end, s.start
	}
	if !m.vertical() {
		s.goalSet = false
	}
	var c int
	switch {
	case !extend && s.start != s.end && m == moveCharBack:
		c = s.start
	case !extend && s.start != s.end && m == moveCharFwd:
		c = s.end
	default:
		c = v.clamp(v.caretTarget(s.caret, m))
	}
	s.caret, s.unit = c, unitChar
	if !extend {
		s.anchor = c
	}
	v.setSel(min(s.anchor, c), max(s.anchor, c))
	v.scrollToOffset(c, false)
	v.page.Refresh() // the caret may have moved without the selection changing
}

// offsetInView reports whether the line holding off is in the viewport.
func (v *ArticleView) offsetInView(off int) bool {
	l := v.layout
	pi, line, _ := l.position(off)
	if pi < 0 {
		return true
	}
	y := l.lineTop(pi, line)
	top := v.scroll.Offset.Y
	return y >= top-1 && y+l.lineHeight(l.paras[pi]) <= top+v.scroll.Size().Height+1
}

// placeCaretAtTop puts the caret at the start of the first line in view,
// where a reader who starts using the keyboard is reading.
func (v *ArticleView) placeCaretAtTop() {
	top := v.TopOffset()
	v.sel.anchor, v.sel.caret, v.sel.placed = top, top, true
	v.sel.goalSet = false
}

// caretTarget is where move m takes a caret at c.
func (v *ArticleView) caretTarget(c int, m caretMove) int {
	switch m {
	case moveCharBack:
		return v.charStep(c, -1)
	case moveCharFwd:
		return v.charStep(c, +1)
	case moveWordBack:
		for c > 0 && !wordChar(v.text[c-1]) {
			c--
		}
		for c > 0 && wordChar(v.text[c-1]) {
			c--
		}
		return c
	case moveWordFwd:
		for c < len(v.text) && !wordChar(v.text[c]) {
			c++
		}
		for c < len(v.text) && wordChar(v.text[c]) {
			c++
		}
		return c
	case moveParaBack, moveParaFwd:
		return v.paraStep(c, m == moveParaFwd)
	case moveDocStart:
		return 0
	case moveDocEnd:
		return len(v.text)
	case movePageUp, movePageDown:
		return v.pageStep(c, m == movePageDown)
	}
	return v.lineMove(c, m)
}

// charStep moves c one grapheme cluster back or forward (dir -1 or +1);
// from the end of a paragraph it goes to the start of the next, never
// into the separator between them. Where the pieces of a long block meet
// it steps as inside a line.
func (v *ArticleView) charStep(c, dir int) int {
	l := v.layout
	i := l.bodyPara(c)
	if i < 0 {
		return c
	}
	p := l.paras[i]
	switch {
	case dir > 0 && c >= p.blockEnd:
		if i+1 < len(l.paras) {
			return l.paras[i+1].start
		}
		return p.blockEnd
	case dir < 0 && c <= p.blockStart:
		if i-1 >= l.nHead {
			return l.paras[i-1].blockEnd
		}
		return p.blockStart
	}
	if dir > 0 {
		return grapheme.Ceil(v.text, c+1)
	}
	return grapheme.Floor(v.text, c-1)
}

// paraStep is Ctrl+↓ (fwd: the start of the next paragraph, or the end of
// the last) and Ctrl+↑ (the start of this paragraph, or of the one before
// when the caret is already there). A paragraph is a whole block, however
// many pieces it is laid out in.
func (v *ArticleView) paraStep(c int, fwd bool) int {
	l := v.layout
	i := l.bodyPara(c)
	if i < 0 {
		return c
	}
	p := l.paras[i]
	if fwd {
		if p.blockEnd < l.total {
			return p.blockEnd + separatorLen
		}
		return p.blockEnd
	}
	if c > p.blockStart || p.blockStart == 0 {
		return p.blockStart
	}
	return l.paras[l.bodyPara(p.blockStart-separatorLen)].blockStart
}

// pageStep scrolls a viewport up or down (less two lines, so the reader
// keeps their place) and moves the caret as far, keeping its column.
func (v *ArticleView) pageStep(c int, down bool) int {
	l := v.layout
	pi, line, x := l.position(c)
	if pi < 0 {
		return c
	}
	if v.sel.goalSet {
		x = v.sel.goalX
	}
	v.sel.goalX, v.sel.goalSet = x, true
	p := l.paras[pi]
	y := l.lineTop(pi, line) + l.lineHeight(p)/2
	step := max(l.size, v.scroll.Size().Height-2*l.size*l.bodyLineF())
	if !down {
		step = -step
	}
	v.scrollBy(step)
	y = max(l.tops[l.nHead], y+step)
	if y >= l.height()-l.pad {
		return len(v.text)
	}
	return l.offsetAt(fyne.NewPos(x, y))
}

// lineMove returns the caret after Up/Down (the goal column on the
// neighbouring line) or Home/End (start or end of the visual line).
func (v *ArticleView) lineMove(c int, m caretMove) int {
	l := v.layout
	pi, line, x := l.position(c)
	if pi < 0 {
		return c
	}
	p := l.paras[pi]
	switch m {
	case moveLineStart:
		return p.start + int(p.lines[line].from)
	case moveLineEnd:
		return p.start + int(p.lines[line].end)
	}
	if v.sel.goalSet {
		x = v.sel.goalX
	}
	v.sel.goalX, v.sel.goalSet = x, true
	if m == moveLineUp {
		line--
		if line < 0 {
			if pi-1 < l.nHead {
				return p.start
			}
			pi--
			l.ensure(pi)
			p = l.paras[pi]
			line = len(p.lines) - 1
		}
	} else {
		line++
		if line >= len(p.lines) {
			if pi+1 >= len(l.paras) {
				return p.start + len(p.runes)
			}
			pi++
			l.ensure(pi)
			p = l.paras[pi]
			line = 0
		}
	}
	return p.start + p.indexAtX(line, x-l.textX(p))
}
