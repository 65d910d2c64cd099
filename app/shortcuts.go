package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Every keyboard shortcut of the app, in one place. The menus show them;
// main-menu shortcuts fire even when a text field has the focus.
var (
	scOpen      = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	scOpenURL   = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
	scPastePage = &desktop.CustomShortcut{KeyName: fyne.KeyV, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scQuit      = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	// Undo is Fyne's own shortcut: the driver turns Ctrl+Z into ShortcutUndo
	// before menus see it, so a custom Ctrl+Z would never match.
	scUndo        = &fyne.ShortcutUndo{}
	scHighlight   = &desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierShortcutDefault}
	scEditHL      = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	scDeleteHL    = &desktop.CustomShortcut{KeyName: fyne.KeyDelete, Modifier: fyne.KeyModifierShortcutDefault}
	scFind        = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	scActors      = &desktop.CustomShortcut{KeyName: fyne.KeyA, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scPrefs       = &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault}
	scBigger      = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}
	scSmaller     = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}
	scNextArt     = &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}
	scPrevArt     = &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}
	scFocusRead   = &desktop.CustomShortcut{KeyName: fyne.Key2, Modifier: fyne.KeyModifierAlt}
	scFocusNotes  = &desktop.CustomShortcut{KeyName: fyne.Key3, Modifier: fyne.KeyModifierAlt}
	scDeleteArt   = &desktop.CustomShortcut{KeyName: fyne.KeyDelete, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scExport      = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scCopyArticle = &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// Ctrl++ also means Larger Text: on a German keyboard + is a key of its own
// (and = needs Shift), on a US one Ctrl++ is Ctrl+Shift+=.
var (
	scBiggerPlus  = &desktop.CustomShortcut{KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierShortcutDefault}
	scBiggerShift = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// mainMenu builds the File, Edit, View and Help menus; every frequent action
// is there with its shortcut, so the shortcuts can be discovered.
func (a *App) mainMenu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, f func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, f)
		it.Shortcut = sc
		return it
	}
	quit := item("Quit", scQuit, a.quit)
	quit.IsQuit = true
	fileItems := []*fyne.MenuItem{
		item("Open File…", scOpen, a.openFile),
		item("Open URL…", scOpenURL, a.openURL),
		item("Paste Page from Browser", scPastePage, a.pastePage),
	}
	fileItems = append(fileItems, a.exportMenuItems()...)
	fileItems = append(fileItems, fyne.NewMenuItemSeparator(), quit)
	file := fyne.NewMenu("File", fileItems...)
	prefs := item("Preferences…", scPrefs, a.showPreferences)
	edit := fyne.NewMenu("Edit",
		item("Undo Highlight Change", scUndo, a.undoKey),
		fyne.NewMenuItemSeparator(),
		item("Highlight Selection… (or H)", scHighlight, a.highlightSelection),
		item("Edit Highlight…", scEditHL, a.editSelectedHighlight),
		item("Delete Highlight", scDeleteHL, a.deleteSelectedHighlight),
		fyne.NewMenuItemSeparator(),
		item("Find in Library", scFind, a.library.focusSearch),
		item("Delete Article…", scDeleteArt, a.deleteCurrentArticle),
		fyne.NewMenuItemSeparator(),
		prefs,
	)
	view := fyne.NewMenu("View",
		item("Actors…", scActors, a.showActors),
		fyne.NewMenuItemSeparator(),
		item("Next Article", scNextArt, func() { a.library.step(1) }),
		item("Previous Article", scPrevArt, func() { a.library.step(-1) }),
		item("Go to Reader", scFocusRead, a.reader.focus),
		item("Go to Notes", scFocusNotes, a.notes.focusFilter),
		fyne.NewMenuItemSeparator(),
		item("Larger Text", scBigger, func() { a.reader.changeTextSize(+1) }),
		item("Smaller Text", scSmaller, func() { a.reader.changeTextSize(-1) }),
	)
	help := fyne.NewMenu("Help", fyne.NewMenuItem("How to Highlight", a.showHelp))
	return fyne.NewMainMenu(file, edit, view, help)
}

// installKeys lets a plain H highlight the selection, whether the reader has
// the focus (the ArticleView passes runes it does not use) or nothing has.
func (a *App) installKeys() {
	onRune := func(r rune) {
		if a.win.Canvas().Overlays().Top() != nil {
			return // a dialog or menu is open: letters are not commands there
		}
		switch r {
		case 'h', 'H':
			a.highlightSelection()
		case 'e', 'E':
			a.editSelectedHighlight()
		}
	}
	a.win.Canvas().SetOnTypedRune(onRune)
	a.reader.view.OnTypedRune = onRune
	a.reader.view.OnShortcut = func(s fyne.Shortcut) {
		// Shortcuts the view does not use: try the menu's, e.g. when the
		// test driver (which has no menu bar) delivers them to the view.
		a.triggerShortcut(s)
	}
	for _, sc := range []fyne.Shortcut{scOpen, scOpenURL, scPastePage, scQuit, scUndo, scHighlight,
		scEditHL, scDeleteHL, scFind, scActors, scPrefs, scBigger, scSmaller, scNextArt, scPrevArt, scFocusRead, scFocusNotes, scExport, scCopyArticle, scDeleteArt, scBiggerPlus, scBiggerShift} {
		sc := sc
		a.win.Canvas().AddShortcut(sc, func(fyne.Shortcut) { a.triggerShortcut(sc) })
	}
}

// triggerShortcut runs the main-menu action bound to a shortcut, if any.
func (a *App) triggerShortcut(s fyne.Shortcut) bool {
	if n := s.ShortcutName(); n == scBiggerPlus.ShortcutName() || n == scBiggerShift.ShortcutName() {
		s = scBigger
	}
	m := a.win.MainMenu()
	if m == nil {
		return false
	}
	var walk func(items []*fyne.MenuItem) bool
	walk = func(items []*fyne.MenuItem) bool {
		for _, it := range items {
			if it.Shortcut != nil && it.Action != nil && it.Shortcut.ShortcutName() == s.ShortcutName() {
				it.Action()
				return true
			}
			if it.ChildMenu != nil && walk(it.ChildMenu.Items) {
				return true
			}
		}
		return false
	}
	for _, menu := range m.Items {
		if walk(menu.Items) {
			return true
		}
	}
	return false
}

// undoKey gives Ctrl+Z to a focused text field (its own typing undo) and
// otherwise undoes the last highlight change.
func (a *App) undoKey() {
	// Any text field, also those that embed widget.Entry (the picker's
	// fields, the dialogs' address fields): their Ctrl+Z is their own.
	if e, ok := a.win.Canvas().Focused().(interface {
		fyne.Shortcutable
		SetPlaceHolder(string)
	}); ok {
		e.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	a.undoLast()
}
