package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// With nothing focused, as after clicking an article in the library list,
// the desktop driver gives Ctrl+A and Ctrl+C to the canvas: they select
// and copy the article all the same.
func TestSelectAllAndCopyWithNothingFocused(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	c := a.win.Canvas()
	c.Unfocus()
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutSelectAll{})
	if s, e := a.reader.view.Selection(); s != 0 || e != len([]rune(a.art.Text())) {
		t.Fatalf("Ctrl+A with nothing focused selected [%d,%d)", s, e)
	}
	a.reader.view.SetSelection(0, 8)
	c.Unfocus()
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutCopy{})
	if got, want := a.fa.Clipboard().Content(), string([]rune(a.art.Text())[:8]); got != want {
		t.Errorf("Ctrl+C with nothing focused copied %q, want %q", got, want)
	}
}

// An opened article has the keyboard, so Page Down reads on at once.
func TestOpenedArticleHasTheKeyboard(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	a.win.Canvas().Unfocus()
	a.openArticle(a.current)
	f := a.win.Canvas().Focused()
	if f == nil || (f != fyne.Focusable(a.reader.view) && f != a.reader.view.FocusTarget()) {
		t.Errorf("after opening an article the focus is %v, want the reader", f)
	}
}
