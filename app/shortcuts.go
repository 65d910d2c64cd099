package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/dramatis-app/dramatis/widgets"
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
	scUndo = &fyne.ShortcutUndo{}
	// Redo is Fyne's own too (Ctrl+Y; the menu shows it); Ctrl+Shift+Z,
	// the other hand's habit, arrives as a custom shortcut and is taken
	// for it (triggerShortcut).
	scRedo        = &fyne.ShortcutRedo{}
	scRedoShift   = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scHighlight   = &desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierShortcutDefault}
	scEditHL      = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	scDeleteHL    = &desktop.CustomShortcut{KeyName: fyne.KeyDelete, Modifier: fyne.KeyModifierShortcutDefault}
	scFind        = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	scFindArticle = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift} // Ctrl+F stays Find in Library
	scActors      = &desktop.CustomShortcut{KeyName: fyne.KeyA, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scArticleInfo = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}
	scTopics      = &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scPrefs       = &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault}
	scBigger      = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}
	scSmaller     = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}
	scNextArt     = &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}
	scPrevArt     = &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}
	scFocusLib    = &desktop.CustomShortcut{KeyName: fyne.Key1, Modifier: fyne.KeyModifierAlt}
	scFocusRead   = &desktop.CustomShortcut{KeyName: fyne.Key2, Modifier: fyne.KeyModifierAlt}
	scFocusNotes  = &desktop.CustomShortcut{KeyName: fyne.Key3, Modifier: fyne.KeyModifierAlt}
	scDeleteArt   = &desktop.CustomShortcut{KeyName: fyne.KeyDelete, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scExport      = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scCopyArticle = &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scLibraryPane = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scNotesPane   = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scAnalysis    = &desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	// scCloseWindow closes the Actors, Topics and Analysis windows (as
	// Escape does; windowkeys.go). The main window has Quit instead.
	scCloseWindow = &desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault}
)

// keyFindNext steps to the next word found in the article, with Shift
// to the previous one, wherever the keyboard is (Enter and Shift+Enter do
// the same in the find bar and in the text). Fyne makes no shortcut of a
// function key alone or with Shift, so it arrives as a key (findKey).
const keyFindNext = fyne.KeyF3

// Ctrl++ also means Larger Text: on a German keyboard + is a key of its own
// (and = needs Shift), on a US one Ctrl++ is Ctrl+Shift+=.
var (
	scBiggerPlus  = &desktop.CustomShortcut{KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierShortcutDefault}
	scBiggerShift = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// mainMenu builds the File, Edit, View and Help menus; every frequent action
// is there with its shortcut, so the shortcuts can be discovered.
func (a *App) mainMenu() *fyne.MainMenu {
	c := a.ctl
	quit := menuItem("Quit", scQuit, a.quit)
	quit.IsQuit = true
	fileItems := []*fyne.MenuItem{
		menuItem("Open File…", scOpen, a.importer.openFile),
		menuItem("Open URL…", scOpenURL, a.importer.openURL),
		menuItem("Paste Page from Browser", scPastePage, a.importer.pastePage),
	}
	fileItems = append(fileItems, a.exporter.exportMenuItems()...)
	fileItems = append(fileItems, fyne.NewMenuItem("Export Analysis…", c.exportAnalysis))
	fileItems = append(fileItems, fyne.NewMenuItemSeparator(), quit)
	file := fyne.NewMenu("File", fileItems...)
	prefs := menuItem("Preferences…", scPrefs, a.showPreferences)
	undo, redo := a.undoRedoItems()
	edit := fyne.NewMenu("Edit",
		undo,
		redo,
		fyne.NewMenuItemSeparator(),
		menuItem("Highlight Selection… (or H)", scHighlight, c.highlightSelection),
		menuItem("Edit Highlight…", scEditHL, c.editSelectedHighlight),
		menuItem("Delete Highlight", scDeleteHL, c.deleteSelectedHighlight),
		fyne.NewMenuItemSeparator(),
		menuItem("Find in Library", scFind, a.findInLibrary),
		menuItem("Find in Article", scFindArticle, a.reader.find.open),
		fyne.NewMenuItem("Find Next (F3)", func() { a.reader.find.step(+1) }),
		fyne.NewMenuItem("Find Previous (Shift+F3)", func() { a.reader.find.step(-1) }),
		menuItem("Article Info…", scArticleInfo, c.showArticleInfo),
		menuItem("Delete Article…", scDeleteArt, c.deleteCurrentArticle),
		fyne.NewMenuItem("Article Versions…", c.showVersions),
		fyne.NewMenuItemSeparator(),
		prefs,
	)
	view := fyne.NewMenu("View", a.viewItems()...)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("How to Highlight", func() { showHelp(a.win) }),
		fyne.NewMenuItemSeparator(),
		a.removeDemoItem(),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("About Dramatis", a.showAbout),
	)
	return fyne.NewMainMenu(file, edit, view, help)
}

// removeDemoItem is Help ▸ Remove the Example Article…, enabled only while
// the example article is in the library.
func (a *App) removeDemoItem() *fyne.MenuItem {
	it := fyne.NewMenuItem("Remove the Example Article…", a.ctl.removeDemo)
	it.Disabled = a.ctl.demo.article == ""
	a.ctl.onDemo = func(present bool) {
		if it.Disabled == !present {
			return
		}
		it.Disabled = !present
		if m := a.win.MainMenu(); m != nil {
			m.Refresh()
		}
	}
	return it
}

// viewItems are the View menu: the Actors window, moving between articles
// and panes, showing the side panes, the text size.
func (a *App) viewItems() []*fyne.MenuItem {
	libPane := menuItem("Library Pane", scLibraryPane, func() { a.togglePane(widgets.Leading) })
	notesPane := menuItem("Notes Pane", scNotesPane, func() { a.togglePane(widgets.Trailing) })
	libPane.Checked, notesPane.Checked = a.columns.Shown(widgets.Leading), a.columns.Shown(widgets.Trailing)
	a.columns.OnShownChanged = func(s widgets.Side, on bool) {
		[]*fyne.MenuItem{libPane, notesPane}[s].Checked = on
		if m := a.win.MainMenu(); m != nil {
			m.Refresh()
		}
	}
	return []*fyne.MenuItem{
		menuItem("Actors…", scActors, a.ctl.showActors),
		menuItem("Topics…", scTopics, a.ctl.showTopics),
		menuItem("Analysis…", scAnalysis, a.ctl.showAnalysis),
		fyne.NewMenuItemSeparator(),
		menuItem("Next Article", scNextArt, func() { a.library.step(1) }),
		menuItem("Previous Article", scPrevArt, func() { a.library.step(-1) }),
		menuItem("Go to Library", scFocusLib, func() {
			a.showPane(widgets.Leading, true)
			a.library.focusList()
		}),
		menuItem("Go to Reader", scFocusRead, a.reader.focus),
		menuItem("Go to Notes", scFocusNotes, func() {
			a.showPane(widgets.Trailing, true)
			a.notes.focusFilter()
		}),
		fyne.NewMenuItemSeparator(),
		libPane,
		notesPane,
		fyne.NewMenuItemSeparator(),
		menuItem("Larger Text", scBigger, func() { a.reader.changeTextSize(+1) }),
		menuItem("Smaller Text", scSmaller, func() { a.reader.changeTextSize(-1) }),
	}
}

// menuItem is a menu entry with its shortcut.
func menuItem(label string, sc fyne.Shortcut, f func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, f)
	it.Shortcut = sc
	return it
}

// allShortcuts are the shortcuts the canvas answers when the focused
// widget does not take them (the test driver has no menu bar).
var allShortcuts = []fyne.Shortcut{scOpen, scOpenURL, scPastePage, scQuit, scUndo, scRedo, scRedoShift, scHighlight,
	scEditHL, scDeleteHL, scFind, scFindArticle, scActors, scTopics, scArticleInfo, scPrefs, scBigger, scSmaller, scNextArt, scPrevArt,
	scFocusLib, scFocusRead, scFocusNotes, scExport, scCopyArticle, scDeleteArt, scBiggerPlus, scBiggerShift,
	scLibraryPane, scNotesPane, scAnalysis}

// installKeys lets a plain H highlight the selection, whether the reader has
// the focus (the ArticleView passes runes it does not use) or nothing has.
func (a *App) installKeys() {
	onRune := a.typedRune
	a.win.Canvas().SetOnTypedRune(onRune)
	// Shortcuts the view does not use: try the menu's, e.g. when the test
	// driver (which has no menu bar) delivers them to the view.
	onKey := func(k fyne.KeyName) { a.menuKey(k) }
	onShortcut := func(s fyne.Shortcut) { a.triggerShortcut(s) }
	a.reader.setKeys(onRune, onKey, onShortcut)
	a.wireFind()
	a.library.setKeys(onKey, onShortcut)
	a.notes.list.OnTypedKey = onKey
	for _, sc := range allShortcuts {
		sc := sc
		a.win.Canvas().AddShortcut(sc, func(fyne.Shortcut) { a.triggerShortcut(sc) })
	}
	for _, sc := range a.menuShortcuts() {
		a.win.Canvas().AddShortcut(sc, func(s fyne.Shortcut) { a.menuShortcut(s) })
	}
}

// findKey takes F3 and Shift+F3 from wherever the keyboard is (menuKey
// hears the keys no widget used).
func (a *App) findKey(k fyne.KeyName) bool {
	return !a.shell.dialogOpen() && a.reader.find.key(k)
}

// typedRune is a letter no focused widget took: H highlights the
// selection, E edits the selected highlight.
func (a *App) typedRune(r rune) {
	if a.shell.dialogOpen() {
		return // a dialog or menu is open: letters are not commands there
	}
	switch r {
	case 'h', 'H':
		a.ctl.highlightSelection()
	case 'e', 'E':
		a.ctl.editSelectedHighlight()
	}
}

// triggerShortcut runs the main-menu action bound to a shortcut, if any.
func (a *App) triggerShortcut(s fyne.Shortcut) bool {
	if a.menuShortcut(s) {
		return true
	}
	switch s.ShortcutName() {
	case scBiggerPlus.ShortcutName(), scBiggerShift.ShortcutName():
		s = scBigger
	case scRedoShift.ShortcutName():
		s = scRedo
	}
	m := a.win.MainMenu()
	if m == nil {
		return false
	}
	for _, menu := range m.Items {
		if runShortcut(menu.Items, s.ShortcutName()) {
			return true
		}
	}
	return false
}

// runShortcut runs the first menu action (in submenus too) whose shortcut
// is named name, and reports whether there was one.
func runShortcut(items []*fyne.MenuItem, name string) bool {
	for _, it := range items {
		if it.Shortcut != nil && it.Action != nil && it.Shortcut.ShortcutName() == name {
			it.Action()
			return true
		}
		if it.ChildMenu != nil && runShortcut(it.ChildMenu.Items, name) {
			return true
		}
	}
	return false
}

// undoRedoItems are Edit ▸ Undo and Edit ▸ Redo, each enabled exactly
// while the undo stack has a highlight change to take back or to make
// again. Their shortcuts work either way: a focused text field has its
// own undo and redo.
func (a *App) undoRedoItems() (undo, redo *fyne.MenuItem) {
	undo = menuItem("Undo Highlight Change", scUndo, a.undoKey)
	redo = menuItem("Redo Highlight Change", scRedo, a.redoKey)
	u := a.ctl.undo
	undo.Disabled, redo.Disabled = !u.canUndo(), !u.canRedo()
	u.onChange = func() {
		if undo.Disabled == !u.canUndo() && redo.Disabled == !u.canRedo() {
			return
		}
		undo.Disabled, redo.Disabled = !u.canUndo(), !u.canRedo()
		if m := a.win.MainMenu(); m != nil {
			m.Refresh()
		}
	}
	return undo, redo
}

// undoKey gives Ctrl+Z to a focused text field (its own typing undo) and
// otherwise undoes the last highlight change.
func (a *App) undoKey() {
	if e, ok := a.focusedTextField(); ok {
		e.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	a.ctl.undoLast()
}

// redoKey gives Ctrl+Y and Ctrl+Shift+Z to a focused text field (its own
// typing redo) and otherwise redoes the last undone highlight change.
func (a *App) redoKey() {
	if e, ok := a.focusedTextField(); ok {
		e.TypedShortcut(&fyne.ShortcutRedo{})
		return
	}
	a.ctl.redoLast()
}

// focusedTextField is the focused text field, if one has the focus: any,
// also those that embed widget.Entry (the picker's fields, the dialogs'
// address fields), whose undo and redo are their own.
func (a *App) focusedTextField() (fyne.Shortcutable, bool) {
	e, ok := a.win.Canvas().Focused().(interface {
		fyne.Shortcutable
		SetPlaceHolder(string)
	})
	return e, ok
}

// showPreferences opens Preferences over the main window.
func (a *App) showPreferences() {
	showPreferences(a.shell, a.reader, a.ctl, a.ctl.store.Path(), a.opts.Library != "")
}
