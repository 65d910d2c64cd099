package app

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/dramatis-app/dramatis/widgets"
)

// bodyLine is the height of a body line at the default text size (the
// ArticleView sets body text at 1.55 × its size).
const bodyLine = defaultTextSize * 1.55

// menuBar is what the real window's menu bar takes above the content; the
// test driver draws none.
const menuBar = 30

// Below 900 px the library and the notes hide and the reader takes the
// width: at 800×600 it shows at least 12 body lines. The panes come back
// with their shortcuts, and a wide window shows them again.
func TestSmallWindowHidesSidePanes(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	a.win.Resize(fyne.NewSize(800, 600))
	if a.columns.Shown(widgets.Leading) || a.columns.Shown(widgets.Trailing) {
		t.Fatal("at 800 px the side panes still show")
	}
	v := a.reader.view
	if w := v.Size().Width; w < 780 {
		t.Errorf("at 800 px the reader is %v wide", w)
	}
	if h := v.Size().Height - menuBar; h < 12*bodyLine {
		t.Errorf("at 800×600 the reader has %v px for text: %.1f body lines, want 12", h, h/bodyLine)
	}
	a.triggerShortcut(scNotesPane)
	if !a.columns.Shown(widgets.Trailing) || !a.notes.content.Visible() {
		t.Fatal("Ctrl+Shift+N did not bring the notes back")
	}
	if rw, nw := v.Size().Width, a.notes.content.Size().Width; rw <= nw {
		t.Errorf("with the notes shown the reader is %v wide, the notes %v", rw, nw)
	}
	a.triggerShortcut(scFocusLib)
	if !a.columns.Shown(widgets.Leading) || a.win.Canvas().Focused() != focusable(a.library.list) {
		t.Error("Alt+1 did not show the library and give it the keyboard")
	}
	a.win.Resize(fyne.NewSize(1400, 900))
	if !a.columns.Shown(widgets.Leading) || !a.columns.Shown(widgets.Trailing) {
		t.Error("a wide window does not show both side panes")
	}
	a.win.Resize(fyne.NewSize(700, 500))
	if a.columns.Shown(widgets.Leading) || a.columns.Shown(widgets.Trailing) {
		t.Error("a narrow window again shows side panes the reader did not ask for now")
	}
}

// Whatever the dividers were left at, the reader stays wider than the
// notes and the library.
func TestReaderStaysWiderThanNotes(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	a.fa.Preferences().SetFloat(prefSplitRight, 0.2)
	a.fa.Preferences().SetFloat(prefSplitLeft, 0.6)
	b := newApp(a.fa, lib, Options{NoDemo: true}, true, nil)
	defer b.win.Close()
	for _, w := range []float32{920, 1200, 1600, 2560} {
		b.win.Resize(fyne.NewSize(w, 900))
		rw := b.reader.content.Size().Width
		if nw, lw := b.notes.content.Size().Width, b.library.content.Size().Width; rw <= nw || rw <= lw {
			t.Errorf("at %v px: reader %v, notes %v, library %v", w, rw, nw, lw)
		}
	}
}

// Hiding a side pane in a wide window is remembered for the next start.
func TestHiddenPaneIsRemembered(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	a.triggerShortcut(scLibraryPane)
	if a.columns.Shown(widgets.Leading) {
		t.Fatal("Ctrl+Shift+L did not hide the library")
	}
	a.saveLayout()
	b := newApp(a.fa, lib, Options{NoDemo: true}, true, nil)
	defer b.win.Close()
	b.win.Resize(fyne.NewSize(1200, 800))
	if b.columns.Shown(widgets.Leading) || !b.columns.Shown(widgets.Trailing) {
		t.Error("after a restart the hidden library shows again")
	}
}

// The reader finds an article where they left it: after reading another
// one, and after a restart (the library keeps the place).
func TestReadingPositionIsRestored(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	long := addArticle(t, lib, "Lang", strings.Repeat("Pjöngjang meldet einen neuen Raketentest, Seoul warnt. ", 400), time.Now())
	other := addArticle(t, lib, "Kurz", "Eins.", time.Now())
	a.library.reload()
	a.ctl.openArticle(long)
	v := a.reader.view
	v.SetTopOffset(9000)
	place := v.TopOffset()
	if place < 8000 {
		t.Fatalf("the test could not scroll: top offset %d", place)
	}
	a.ctl.openArticle(other)
	a.ctl.openArticle(long)
	if got := v.TopOffset(); got != place {
		t.Errorf("back at the article the top is at %d, want %d", got, place)
	}
	a.saveLayout() // what quitting does
	b := newApp(a.fa, lib, Options{NoDemo: true}, true, nil)
	defer b.win.Close()
	b.win.Resize(fyne.NewSize(1200, 800))
	if b.ctl.current != long {
		t.Fatalf("after a restart the reader shows %q", b.ctl.current)
	}
	if got := b.reader.view.TopOffset(); got != place {
		t.Errorf("after a restart the top is at %d, want %d", got, place)
	}
	// A deleted article's place is forgotten with it.
	b.ctl.deleteArticle(long)
	if b.ctl.places.of(long) != 0 {
		t.Error("the deleted article's place is still kept")
	}
}

// F10 opens the first menu and Alt+letter the menu it names, wherever the
// keyboard is in the main window; not while a dialog is open.
func TestMenusOpenFromTheKeyboard(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	var opened []int
	a.menuOpener = func(i int) { opened = append(opened, i) }
	c := a.win.Canvas()
	c.Unfocus()
	pressKey(a, fyne.KeyF10)
	for _, f := range []fyne.Focusable{focusable(a.reader.view), a.library.list, a.library.search, a.notes.list} {
		c.Focus(f)
		pressKey(a, fyne.KeyF10)
	}
	if len(opened) != 5 {
		t.Errorf("F10 opened %d menus in 5 places (%v)", len(opened), opened)
	}
	opened = nil
	altV := &desktop.CustomShortcut{KeyName: fyne.KeyV, Modifier: fyne.KeyModifierAlt}
	c.Unfocus()
	c.(fyne.Shortcutable).TypedShortcut(altV)
	a.reader.view.FocusTarget().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierAlt})
	a.library.search.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierAlt})
	if want := []int{2, 3, 0}; !slices.Equal(opened, want) {
		t.Errorf("Alt+V, Alt+H, Alt+F opened menus %v, want %v", opened, want)
	}
	opened = nil
	a.ctl.deleteCurrentArticle() // a question is open
	c.Unfocus()
	pressKey(a, fyne.KeyF10)
	if len(opened) != 0 {
		t.Error("F10 opened a menu over a dialog")
	}
}

// A saved window size is held to sane bounds: preferences.json is a file
// anyone can edit, and -50 × 99999999 gave a 633×57600 blank window, a
// height of 3000 on a 1000 px screen put the status line off-screen.
func TestSavedWindowSizeIsBounded(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	screen := fyne.NewSize(1600, 1000)
	for _, c := range []struct {
		name   string
		w, h   float64
		screen fyne.Size
		want   fyne.Size
	}{
		{"as saved", 1400, 900, screen, fyne.NewSize(1400, 900)},
		{"as saved, screen unknown", 1400, 900, fyne.Size{}, fyne.NewSize(1400, 900)},
		{"negative and absurd", -50, 99999999, fyne.Size{}, fyne.NewSize(1200, 800)},
		{"negative and absurd on a screen", -50, 99999999, screen, fyne.NewSize(1200, 800)},
		{"taller than the screen", 1200, 3000, screen, fyne.NewSize(1200, 1000)},
		{"wider than the screen", 5000, 800, screen, fyne.NewSize(1600, 800)},
		{"zero", 0, 0, screen, fyne.NewSize(1200, 800)},
		{"NaN", nan, nan, screen, fyne.NewSize(1200, 800)},
		{"infinite", inf, -inf, screen, fyne.NewSize(1200, 800)},
		{"too small", 100, 50, screen, fyne.NewSize(minWindowWidth, minWindowHeight)},
		{"small screen wins over the minimum", 1200, 800, fyne.NewSize(600, 400), fyne.NewSize(600, 400)},
		{"beyond any screen", 20000, 20000, fyne.Size{}, fyne.NewSize(1200, 800)},
	} {
		if got := windowSize(c.w, c.h, c.screen); got != c.want {
			t.Errorf("%s: %v×%v on %v gives %v, want %v", c.name, c.w, c.h, c.screen, got, c.want)
		}
	}
}
