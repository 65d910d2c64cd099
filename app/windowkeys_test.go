package app

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/annotation"
)

// pressKeyOn delivers a key to a canvas as the desktop driver does: to
// the focused widget, else to the canvas.
func pressKeyOn(c fyne.Canvas, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if on := c.OnTypedKey(); on != nil {
		on(ev)
	}
}

// pressShortcut delivers a shortcut as the desktop driver does: to a
// focused widget that takes shortcuts, else to the canvas.
func pressShortcut(c fyne.Canvas, s fyne.Shortcut) {
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(s)
}

// secondaryWindow opens one of the windows the keys close and says
// whether it is still open.
type secondaryWindow struct {
	name string
	open func(a *App) (win fyne.Window, entry fyne.Focusable, list fyne.Focusable)
	gone func(a *App) bool
}

var secondaryWindows = []secondaryWindow{
	{"Actors",
		func(a *App) (fyne.Window, fyne.Focusable, fyne.Focusable) {
			a.ctl.showActors()
			a.ctl.actorsW.selectActor(a.ctl.actors.sorted()[0].ID) // the form shows
			return a.ctl.actorsW.win, a.ctl.actorsW.name, a.ctl.actorsW.list
		},
		func(a *App) bool { return a.ctl.actorsW == nil }},
	{"Topics",
		func(a *App) (fyne.Window, fyne.Focusable, fyne.Focusable) {
			a.ctl.showTopics()
			a.ctl.topicsW.selectTopic(a.ctl.topics.sorted()[0].ID)
			return a.ctl.topicsW.win, a.ctl.topicsW.aliases, a.ctl.topicsW.hlList
		},
		func(a *App) bool { return a.ctl.topicsW == nil }},
	{"Analysis",
		func(a *App) (fyne.Window, fyne.Focusable, fyne.Focusable) {
			a.ctl.showAnalysis()
			return a.ctl.analysisW.win, a.ctl.analysisW.site, a.ctl.analysisW.list
		},
		func(a *App) bool { return a.ctl.analysisW == nil }},
}

// Escape and Ctrl+W close the Actors, Topics and Analysis windows, with
// the focus nowhere, in a text field or in a clicked list (before, only
// the window manager's button closed them); a dialog over the window
// takes Escape first, and the window stays.
func TestSecondaryWindowsCloseByKeyboard(t *testing.T) {
	focusNone := func(c fyne.Canvas, _, _ fyne.Focusable) { c.Unfocus() }
	focusEntry := func(c fyne.Canvas, e, _ fyne.Focusable) { c.Focus(e) }
	focusList := func(c fyne.Canvas, _, l fyne.Focusable) { c.Focus(l) }
	// The focus must have gone where a case says.
	focused := map[string]func(e, l fyne.Focusable) fyne.Focusable{
		"none":  func(_, _ fyne.Focusable) fyne.Focusable { return nil },
		"entry": func(e, _ fyne.Focusable) fyne.Focusable { return e },
		"list":  func(_, l fyne.Focusable) fyne.Focusable { return l },
	}
	escape := func(c fyne.Canvas) { pressKeyOn(c, fyne.KeyEscape) }
	ctrlW := func(c fyne.Canvas) { pressShortcut(c, scCloseWindow) }
	cases := []struct {
		name, where string
		focus       func(c fyne.Canvas, entry, list fyne.Focusable)
		press       func(c fyne.Canvas)
	}{
		{"Escape, nothing focused", "none", focusNone, escape},
		{"Escape in a text field", "entry", focusEntry, escape},
		{"Escape in a list", "list", focusList, escape},
		{"Ctrl+W, nothing focused", "none", focusNone, ctrlW},
		{"Ctrl+W in a text field", "entry", focusEntry, ctrlW},
		{"Ctrl+W in a list", "list", focusList, ctrlW},
	}
	for _, sw := range secondaryWindows {
		a, lib := newTestApp(t, Options{})
		if _, err := lib.AddTopic(annotation.Topic{Name: "Sanktionen"}); err != nil {
			t.Fatal(err)
		}
		a.ctl.applyStart(a.ctl.loadStart(a.ctl.library.request()))
		for _, tc := range cases {
			win, entry, list := sw.open(a)
			tc.focus(win.Canvas(), entry, list)
			if got, want := win.Canvas().Focused(), focused[tc.where](entry, list); got != want {
				t.Fatalf("%s window, %s: the focus is on %T", sw.name, tc.name, got)
			}
			tc.press(win.Canvas())
			if !sw.gone(a) {
				t.Errorf("%s window: %s did not close it", sw.name, tc.name)
				win.Close()
			}
		}
		win, _, _ := sw.open(a)
		a.ctl.showError(win, "Could not save", errors.New("the disk is full"))
		escape(win.Canvas())
		if sw.gone(a) || win.Canvas().Overlays().Top() != nil {
			t.Errorf("%s window: Escape over a message closed the window (or left the message)", sw.name)
		}
		win.Close()
	}
}

// The Actors and Topics windows wrap their hint by words at a readable
// width and ask for no more than their first size, before and after a
// record is chosen: the hint stood one letter a line and made the Topics
// window 1742 px tall.
func TestNamedEditorFitsItsSize(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	topic, err := lib.AddTopic(annotation.Topic{Name: "Sanktionen"})
	if err != nil {
		t.Fatal(err)
	}
	a.ctl.applyStart(a.ctl.loadStart(a.ctl.library.request()))
	act := a.ctl.actors.sorted()[0]
	for _, tc := range []struct {
		name   string
		ed     func() *namedEditor
		choose func()
	}{
		{"Actors", func() *namedEditor { a.ctl.showActors(); return a.ctl.actorsW.namedEditor }, func() { a.ctl.actorsW.selectActor(act.ID) }},
		{"Topics", func() *namedEditor { a.ctl.showTopics(); return a.ctl.topicsW.namedEditor }, func() { a.ctl.topicsW.selectTopic(topic.ID) }},
	} {
		ed := tc.ed()
		for _, size := range []fyne.Size{namedEditorSize, fyne.NewSize(640, 480)} {
			ed.win.Resize(size)
			line := widget.NewLabel("x").MinSize().Height
			if w := ed.hint.Size().Width; w < min(namedHintWidth, size.Width*(1-namedListShare))/2 {
				t.Errorf("%s at %v: the hint is %v wide", tc.name, size, w)
			}
			if h := ed.hint.MinSize().Height; h > 4*line {
				t.Errorf("%s at %v: the hint takes %v px (%.0f lines)", tc.name, size, h, h/line)
			}
		}
		if m := ed.win.Content().MinSize(); m.Height > namedEditorSize.Height || m.Width > namedEditorSize.Width {
			t.Errorf("%s: the content asks for %v, more than the window's %v", tc.name, m, namedEditorSize)
		}
		tc.choose()
		if m := ed.win.Content().MinSize(); m.Height > namedEditorSize.Height || m.Width > namedEditorSize.Width {
			t.Errorf("%s with a record chosen: the content asks for %v, more than the window's %v", tc.name, m, namedEditorSize)
		}
		ed.win.Close()
	}
}

// The Analysis window's Export button is in view at its first size and in
// a narrow window (the filter row scrolls, Export stays): at 1100 px the
// row cut it off.
func TestAnalysisExportInView(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	a.ctl.showAnalysis()
	w := a.ctl.analysisW
	first := w.win.Canvas().Size()
	for _, size := range []fyne.Size{first, fyne.NewSize(640, 480)} {
		w.win.Resize(size)
		export := findButton(w.win.Content(), "Export…")
		if export == nil {
			t.Fatal("no Export button")
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(export)
		if right := pos.X + export.Size().Width; right > size.Width || export.Size().Width < export.MinSize().Width {
			t.Errorf("window %v: Export ends at %v (%v wide)", size, right, export.Size().Width)
		}
	}
}
