package app

import (
	"fmt"
	"math"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/storage"
	"github.com/dramatis-app/dramatis/widgets"
)

// Preference keys (Fyne preferences, per user rather than per library).
const (
	prefLibrary     = "library"
	prefTheme       = "theme"
	prefFontSize    = "readerFontSize"
	prefSplitLeft   = "splitLeft"
	prefSplitRight  = "splitRight"
	prefWidth       = "windowWidth"
	prefHeight      = "windowHeight"
	prefSort        = "librarySort"
	prefShowLibrary = "showLibraryPane"
	prefShowNotes   = "showNotesPane"
	prefOpenFolder  = "openFolder"
)

// Library preference keys (stored in the library, so they travel with it).
const (
	libPrefLastArticle  = "gui.lastArticle"
	libPrefRecentActors = "gui.recentActors"
	libPrefPositions    = "gui.readingPositions"
	libPrefReading      = "gui.readingStyle" // column width, line spacing, typeface
)

// buildPanes makes the panes and dialogs and wires each to the controller
// with the callbacks it needs.
func (a *App) buildPanes() {
	c, sh := a.ctl, a.shell
	acts := storeListing(c.store) // what start-up's first listing reads too
	acts.open, acts.openAt = c.openArticle, c.jumpToHighlight
	acts.focusReader = func() { a.reader.focus() }
	acts.analyse = c.analyseArticles
	a.library = newLibraryPane(sh, acts)
	a.reader = newReaderPane(sh, readerActions{
		selectHighlight: func(id string) { c.selectHighlight(id, false) },
		highlightMenu: func(id string, abs fyne.Position) {
			c.selectHighlight(id, false)
			c.showHighlightMenu(id, abs)
		},
		highlight: c.highlightSelection,
	})
	a.notes = newNotesPane(sh, notesActions{
		selectHighlight: func(id string) { c.selectHighlight(id, true) },
		highlightMenu:   c.showHighlightMenu,
		edit:            c.editHighlight,
		remove:          c.deleteHighlight,
		letGo:           func() { c.selectHighlight("", false) },
		typedRune:       func(r rune) { a.typedRune(r) },
	})
	c.library, c.reader, c.notes = a.library, a.reader, a.notes
	a.importer = &importer{sh: sh, store: c.store.Import, imported: func(res storage.ImportResult) {
		a.library.showAll()
		if sh.dialogOpen() {
			// The picker or a question belongs to the article in the
			// reader (a file dropped or handed over meanwhile).
			sh.setStatus("Imported; the article is in the list.")
			return
		}
		c.openArticle(res.ID)
	}, askDetails: c.askMissingDetails, clipboardPage: a.opts.ClipboardPage, readOnly: c.store.ReadOnly,
		listChanged: a.library.reload}
	a.exporter = &exporter{sh: sh, store: c.store, current: c.exportArticle,
		leaveOut: func() (string, map[string]bool) { return c.demo.leftOut() }}
	c.highlightMenuExtras = a.exporter.highlightExportItems
}

// buildWindow lays out the three panes, the menus, the toolbar and the
// status line, and restores their sizes from the last run.
func (a *App) buildWindow() {
	p := a.fa.Preferences()
	a.columns = widgets.NewColumns(a.library.content, a.reader.content, a.notes.content)
	a.columns.NarrowWidth = narrowWindow
	a.columns.Inner.SetOffset(p.FloatWithFallback(prefSplitRight, 0.70))
	a.columns.Outer.SetOffset(p.FloatWithFallback(prefSplitLeft, 0.24))
	a.columns.SetShownWide(p.BoolWithFallback(prefShowLibrary, true), p.BoolWithFallback(prefShowNotes, true))
	a.splits = [2]*container.Split{a.columns.Outer, a.columns.Inner}

	a.notices = newNoticeBar(a.shell.do)
	var content fyne.CanvasObject = container.NewBorder(container.NewVBox(a.notices.box, a.toolbar()),
		container.NewVBox(a.importer.progressView().box, a.shell.status), nil, nil, a.columns)
	if a.probe != nil {
		content = a.probe.over(content)
	}
	a.win.SetContent(content)
	a.win.SetMainMenu(a.mainMenu())
	a.installKeys()
	a.shell.installDialogKeys(func(k fyne.KeyName) {
		// Escape with nothing focused (after a click on a card) lets go
		// of the outlined highlight, as it does in the text.
		if k == fyne.KeyEscape {
			a.ctl.selectHighlight("", false)
		}
		a.menuKey(k)
	})
	a.win.SetOnDropped(a.importer.dropped)
	a.win.Resize(savedWindowSize(p, a.opts.screen))
	a.win.SetMaster()
	a.win.SetCloseIntercept(a.quit)
}

// savedWindowSize is the window's size when it was last closed (1200×800
// the first time), held to sane bounds: preferences.json is a file the
// reader (or a tool) can edit, and its numbers were used as they stood (a
// width of -50 and a height of 99999999 gave a 633×57600 blank window
// without menus; a height of 3000 on a 1000 px screen put the status line
// off the screen). screen is the screen's size, zero when unknown.
func savedWindowSize(p fyne.Preferences, screen fyne.Size) fyne.Size {
	return windowSize(p.FloatWithFallback(prefWidth, defaultWindowWidth), p.FloatWithFallback(prefHeight, defaultWindowHeight), screen)
}

// The window's size bounds. The default is the first run's size. Below
// the minimum the toolbar's buttons and the picker no longer fit (640×480
// is the smallest size the panes and the picker are tested at). A saved
// size beyond the largest is no size a screen has (8K is 7680×4320): it
// is nonsense, like a negative one or NaN, and the default stands in for
// it.
const (
	defaultWindowWidth  = 1200
	defaultWindowHeight = 800
	minWindowWidth      = 640
	minWindowHeight     = 480
	maxWindowSide       = 16384
)

// windowSize holds a saved width and height to sane bounds, each on its
// own: a nonsense value (negative, zero, NaN, infinite, beyond any screen)
// becomes the default; a value below the minimum rises to it; and neither
// is larger than the screen (when its size is known, non-zero), which
// wins over the minimum on a screen smaller than that.
func windowSize(w, h float64, screen fyne.Size) fyne.Size {
	side := func(v, def, least float64, screen float32) float32 {
		if math.IsNaN(v) || v <= 0 || v > maxWindowSide {
			v = def
		}
		v = max(v, least)
		if screen > 0 {
			v = min(v, float64(screen))
		}
		return float32(v)
	}
	return fyne.NewSize(side(w, defaultWindowWidth, minWindowWidth, screen.Width),
		side(h, defaultWindowHeight, minWindowHeight, screen.Height))
}

// narrowWindow is the window width below which the library and the notes
// hide until asked for: at 900 px the three panes leave the reader about
// 480 px, some 55 characters of body text, the least a column reads well at.
const narrowWindow = 900

// showPane shows a side pane that a narrow window (or the reader) hid;
// View ▸ Library Pane and Notes Pane toggle them.
func (a *App) showPane(s widgets.Side, on bool) {
	a.columns.SetShown(s, on)
}

// findInLibrary shows the library pane (a narrow window hides it) and
// puts the cursor into its search field.
func (a *App) findInLibrary() {
	a.showPane(widgets.Leading, true)
	a.library.focusSearch()
}

// togglePane shows a hidden side pane or hides a shown one.
func (a *App) togglePane(s widgets.Side) {
	a.showPane(s, !a.columns.Shown(s))
}

// toolbar offers the frequent actions to the mouse; each has a shortcut too.
func (a *App) toolbar() fyne.CanvasObject {
	hl := widget.NewButtonWithIcon("Highlight", theme.ColorPaletteIcon(), a.ctl.highlightSelection)
	hl.Importance = widget.HighImportance
	return container.NewHBox(
		widget.NewButtonWithIcon("Open…", theme.FolderOpenIcon(), a.importer.openFile),
		widget.NewButtonWithIcon("Open URL…", theme.ComputerIcon(), a.importer.openURL),
		widget.NewButtonWithIcon("Paste page", theme.ContentPasteIcon(), a.importer.pastePage),
		widget.NewSeparator(),
		hl,
		widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), a.ctl.undoLast),
		widget.NewSeparator(),
		widget.NewButtonWithIcon("Actors", theme.AccountIcon(), a.ctl.showActors),
	)
}

// saveLayout remembers the pane sizes and the window size for the next run,
// and the reading position in the library.
func (a *App) saveLayout() {
	a.ctl.rememberPlaceNow()
	p := a.fa.Preferences()
	if a.splits[0] != nil {
		p.SetFloat(prefSplitLeft, a.splits[0].Offset)
		p.SetFloat(prefSplitRight, a.splits[1].Offset)
		lib, notes := a.columns.ShownWide()
		p.SetBool(prefShowLibrary, lib)
		p.SetBool(prefShowNotes, notes)
	}
	if c := a.win.Canvas(); c != nil {
		s := c.Size()
		if a.opts.trace.on() {
			fmt.Fprintf(os.Stderr, "dramatis: window %v at quit\n", s)
		}
		if s.Width > 200 && s.Height > 200 && s.Width < 4000 && s.Height < 3000 {
			p.SetFloat(prefWidth, float64(s.Width))
			p.SetFloat(prefHeight, float64(s.Height))
		}
	}
}
