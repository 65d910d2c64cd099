package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
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
