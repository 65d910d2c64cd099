package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// menuBar is what the desktop driver's canvas offers for its menu bar
// (Fyne draws the bar itself on Linux and Windows): ToggleMenu activates
// the first menu, DismissMenu closes an open one. The test driver has no
// menu bar.
type menuBarCanvas interface {
	ToggleMenu()
	DismissMenu() bool
}

// openMenu opens the i-th menu of the menu bar from the keyboard (F10 the
// first, Alt+letter the one it names), as desktop programs do; the arrows
// then move through it. It reports whether the window has a menu bar.
func (a *App) openMenu(i int) bool {
	if a.menuOpener != nil {
		a.menuOpener(i)
		return true
	}
	bar, ok := a.win.Canvas().(menuBarCanvas)
	if !ok {
		return false
	}
	bar.DismissMenu()
	bar.ToggleMenu()
	// The menu titles take the keyboard in turn: Right moves to the next.
	for range i {
		if f := a.win.Canvas().Focused(); f != nil {
			f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
		}
	}
	return true
}

// menuKey opens a menu for F10; it reports whether it took the key.
func (a *App) menuKey(k fyne.KeyName) bool {
	if a.findKey(k) { // F3 steps through the words found in the article
		return true
	}
	if k != fyne.KeyF10 || a.shell.dialogOpen() {
		return false
	}
	return a.openMenu(0)
}

// menuShortcut opens the menu whose title starts with the letter of an
// Alt+letter shortcut (Alt+F File, Alt+E Edit, Alt+V View, Alt+H Help);
// it reports whether it took the shortcut.
func (a *App) menuShortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierAlt || a.shell.dialogOpen() {
		return false
	}
	m := a.win.MainMenu()
	if m == nil {
		return false
	}
	for i, menu := range m.Items {
		if strings.HasPrefix(strings.ToUpper(menu.Label), string(cs.KeyName)) {
			return a.openMenu(i)
		}
	}
	return false
}

// menuShortcuts are the Alt+letter shortcuts of the menu titles.
func (a *App) menuShortcuts() []fyne.Shortcut {
	var out []fyne.Shortcut
	for _, menu := range a.win.MainMenu().Items {
		if menu.Label != "" {
			out = append(out, &desktop.CustomShortcut{KeyName: fyne.KeyName(strings.ToUpper(menu.Label[:1])), Modifier: fyne.KeyModifierAlt})
		}
	}
	return out
}
