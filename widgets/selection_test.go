package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// These tests replay what the desktop (GLFW) driver does, which the plain
// test helpers do not: it unfocuses the canvas when a drag is released over
// something unfocusable, and delivers Shift+arrows after mouse selections.

func TestArticleViewDragReleasedOutsideKeepsKeyboard(t *testing.T) {
	doc := germanDoc()
	text := canonical(doc)
	v, win := newTestView(t, doc, 700, 600)
	from := charCenter(t, v, runeIndex(t, text, "Regierung", 0)+2)
	to := charCenter(t, v, runeIndex(t, text, "Montag", 0)+2)
	press(v, from, 0)
	v.page.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	// The release lands on the status line: the driver unfocuses, then ends the drag.
	win.Canvas().Unfocus()
	v.page.DragEnd()
	if win.Canvas().Focused() != v.FocusTarget() {
		t.Fatalf("after a drag released outside the text the focus is %v, want the view", win.Canvas().Focused())
	}
	win.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutCopy{})
	if c := fyne.CurrentApp().Clipboard().Content(); c != "Regierung in Pjöngjang erklärte am Montag" {
		t.Errorf("Ctrl+C after the drag copied %q", c)
	}
}

func TestArticleViewShiftArrowExtendsSnappedSelection(t *testing.T) {
	doc := germanDoc()
	text := canonical(doc)
	v, _ := newTestView(t, doc, 700, 600)
	v.now = slowClock()
	shiftKey := func(k fyne.KeyName) {
		v.page.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		v.page.TypedKey(&fyne.KeyEvent{Name: k})
		v.page.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}

	// Forward drag from inside "Regierung" to inside "Pjöngjang": snapped
	// to whole words; Shift+Right adds the next character.
	drag(v, charCenter(t, v, runeIndex(t, text, "Regierung", 0)+3), charCenter(t, v, runeIndex(t, text, "Pjöngjang", 0)+4))
	if got := v.SelectedText(); got != "Regierung in Pjöngjang" {
		t.Fatalf("drag selected %q", got)
	}
	shiftKey(fyne.KeyRight)
	if got := v.SelectedText(); got != "Regierung in Pjöngjang " {
		t.Errorf("Shift+Right after a word-snapped drag selected %q, want one more character", got)
	}

	// Backward drag: Shift+Left moves the start, the end stays.
	drag(v, charCenter(t, v, runeIndex(t, text, "Pjöngjang", 0)+4), charCenter(t, v, runeIndex(t, text, "Regierung", 0)+3))
	if got := v.SelectedText(); got != "Regierung in Pjöngjang" {
		t.Fatalf("backward drag selected %q", got)
	}
	shiftKey(fyne.KeyLeft)
	if got := v.SelectedText(); got != " Regierung in Pjöngjang" {
		t.Errorf("Shift+Left after a backward drag selected %q", got)
	}

	// Shift-click inside a word snaps to its end; Shift+Right goes on from there.
	a := runeIndex(t, text, "Montag", 0)
	press(v, caretAt(t, v, a), 0)
	release(v, caretAt(t, v, a))
	b := runeIndex(t, text, "werde", 0) + 2
	press(v, charCenter(t, v, b), fyne.KeyModifierShift)
	release(v, charCenter(t, v, b))
	shiftKey(fyne.KeyRight)
	if got := v.SelectedText(); got != "Montag, man werde " {
		t.Errorf("Shift+Right after a shift-click selected %q", got)
	}
}

func TestArticleViewSetSelectionMovesTheCaret(t *testing.T) {
	doc := germanDoc()
	text := canonical(doc)
	v, _ := newTestView(t, doc, 700, 600)
	// A drag leaves the mouse inside "Pjöngjang"; the app then puts the
	// selection after the passage it highlighted.
	drag(v, charCenter(t, v, runeIndex(t, text, "Regierung", 0)+3), charCenter(t, v, runeIndex(t, text, "Pjöngjang", 0)+4))
	end := runeIndex(t, text, "Pjöngjang", 0) + len([]rune("Pjöngjang"))
	v.SetSelection(end, end)
	if v.sel.caret != end {
		t.Errorf("caret at %d after SetSelection(%d, %d)", v.sel.caret, end, end)
	}
	v.page.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	v.page.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	v.page.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if s, e := v.Selection(); s != end-1 || e != end {
		t.Errorf("Shift+Left after SetSelection selected [%d,%d) %q, want the last letter of Pjöngjang", s, e, v.SelectedText())
	}
}

// The marked highlight (the one Edit and Delete act on) is outlined in the
// selection's colour, on every line it covers; unmarking removes the outline.
func TestArticleViewMarkHighlightOutlines(t *testing.T) {
	doc := germanDoc()
	text := canonical(doc)
	v, _ := newTestView(t, doc, 300, 600) // narrow: the highlight spans lines
	h := Highlight{ID: "x", Start: runeIndex(t, text, "Regierung", 0), End: runeIndex(t, text, "Partnerschaft", 0)}
	v.SetHighlights([]Highlight{h})
	v.SetSelection(0, 0) // no selection, which has the same colour
	primary := v.palette().sel
	if c := countRects(v, primary); c[0] != 0 {
		t.Fatalf("%d outline rectangles before marking", c[0])
	}
	v.MarkHighlight("x")
	pa, la, _ := v.layout.position(h.Start)
	pb, lb, _ := v.layout.position(h.End - 1)
	if pa != pb || la == lb {
		t.Fatalf("test needs a highlight over several lines (lines %d..%d)", la, lb)
	}
	lines := lb - la + 1
	// top and bottom on each line, a left edge at the start, a right edge at the end
	if c := countRects(v, primary); c[0] != 2*lines+2 {
		t.Errorf("%d outline rectangles for a highlight over %d lines, want %d", c[0], lines, 2*lines+2)
	}
	if v.MarkedHighlight() != "x" {
		t.Errorf("MarkedHighlight() = %q", v.MarkedHighlight())
	}
	v.MarkHighlight("")
	if c := countRects(v, primary); c[0] != 0 {
		t.Errorf("%d outline rectangles after unmarking", c[0])
	}
}

// A drag that starts in the blank after a paragraph, or on a space between
// words, selects whole words: not the paragraph break, not the space.
func TestArticleViewDragDoesNotTakeLeadingBreakOrTrailingSpace(t *testing.T) {
	doc := germanDoc()
	text := canonical(doc)
	v, _ := newTestView(t, doc, 700, 600)
	v.now = slowClock()
	// From right of the first paragraph's last line into the heading.
	end := len([]rune(doc.Blocks[0].Text))
	pi, line, _ := v.layout.position(end)
	p := v.layout.paras[pi]
	blank := fyne.NewPos(v.layout.colX+v.layout.colW-2, v.layout.lineTop(pi, line)+v.layout.lineHeight(p)/2)
	drag(v, blank, charCenter(t, v, runeIndex(t, text, "Peking", 0)+2))
	if got := v.SelectedText(); got != "Reaktionen aus Peking" {
		t.Errorf("drag from the blank after a paragraph selected %q", got)
	}
	// Backwards from just before "erklärte" (after the space) into "Regierung".
	drag(v, caretAt(t, v, runeIndex(t, text, "erklärte", 0)), charCenter(t, v, runeIndex(t, text, "Regierung", 0)+3))
	if got := v.SelectedText(); got != "Regierung in Pjöngjang" {
		t.Errorf("backward drag from after a space selected %q", got)
	}
}

// After a scroll the cursor is decided by what is under the pointer now:
// the driver asks again at the next mouse move, before delivering it, when
// a hover flag would still describe the place under the mouse before the
// scroll.
func TestArticleViewCursorAfterScroll(t *testing.T) {
	doc := generatedDoc(20_000)
	text := canonical(doc)
	v, _ := newTestView(t, doc, 700, 400)
	h := Highlight{ID: "x", Start: runeIndex(t, text, "Regierung", 3), End: runeIndex(t, text, "Regierung", 3) + 9}
	v.SetHighlights([]Highlight{h})
	v.ScrollToOffset(h.Start)
	mouse := charCenter(t, v, h.Start+3).Subtract(v.scroll.Offset) // in the viewport
	at := func() fyne.Position { return mouse.Add(v.scroll.Offset) }
	if cursorAt(v, at()) != desktop.PointerCursor {
		t.Fatal("no pointer over the highlight")
	}
	v.scrollBy(v.layout.lineHeight(v.layout.paras[v.layout.bodyPara(h.Start)]) * 3)
	if cursorAt(v, at()) != desktop.TextCursor {
		t.Error("the pointer stayed after the highlight scrolled away from under the mouse")
	}
}

// A selection never starts or ends inside a grapheme cluster: half a flag
// or one member of a family emoji selects the whole, and Shift+arrows step
// over a cluster at once.
func TestArticleViewSelectionSnapsToGraphemes(t *testing.T) {
	doc := Document{Blocks: []Block{{Kind: BlockParagraph, Text: "Die Flagge 🇩🇪 und die Familie 👨\u200d👩\u200d👧 mit 👍🏽 auf dem Plakat."}}}
	text := canonical(doc)
	v, _ := newTestView(t, doc, 700, 400)
	flag := runeIndex(t, text, "🇩🇪", 0)
	family := runeIndex(t, text, "👨", 0)
	thumb := runeIndex(t, text, "👍", 0)
	for _, tc := range []struct {
		a, b int
		want string
	}{
		{flag + 1, flag + 2, "🇩🇪"},
		{flag - 4, flag + 1, "gge 🇩🇪"},
		{family + 2, family + 3, "👨\u200d👩\u200d👧"},
		{thumb + 1, thumb + 2, "👍🏽"},
		{thumb, thumb + 1, "👍🏽"},
	} {
		v.SetSelection(tc.a, tc.b)
		if got := v.SelectedText(); got != tc.want {
			t.Errorf("SetSelection(%d, %d) selected %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
	shiftKey := func(k fyne.KeyName) {
		v.page.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		v.page.TypedKey(&fyne.KeyEvent{Name: k})
		v.page.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
	v.SetSelection(family, family)
	shiftKey(fyne.KeyRight)
	if got := v.SelectedText(); got != "👨\u200d👩\u200d👧" {
		t.Errorf("Shift+Right before the family selected %q, want the whole family", got)
	}
	shiftKey(fyne.KeyRight)
	if got := v.SelectedText(); got != "👨\u200d👩\u200d👧 " {
		t.Errorf("a second Shift+Right selected %q, want one more character", got)
	}
	v.SetSelection(flag+2, flag+2)
	shiftKey(fyne.KeyLeft)
	if got := v.SelectedText(); got != "🇩🇪" {
		t.Errorf("Shift+Left after the flag selected %q, want the flag", got)
	}
}
