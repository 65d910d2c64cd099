package app

import (
	"fmt"
	"os"

	"github.com/dramatis-app/dramatis/storage"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Preference keys (Fyne preferences, per user rather than per library).
const (
	prefLibrary    = "library"
	prefTheme      = "theme"
	prefFontSize   = "readerFontSize"
	prefSplitLeft  = "splitLeft"
	prefSplitRight = "splitRight"
	prefWidth      = "windowWidth"
	prefHeight     = "windowHeight"
	prefSort       = "librarySort"
	prefOpenFolder = "openFolder"
)

// Library preference keys (stored in the library, so they travel with it).
const (
	libPrefLastArticle  = "gui.lastArticle"
	libPrefRecentActors = "gui.recentActors"
)

// buildPanes makes the panes and dialogs and wires each to the controller
// with the callbacks it needs.
func (a *App) buildPanes() {
	c, sh := a.ctl, a.shell
	a.library = newLibraryPane(sh, libraryActions{
		list: func(q string) ([]storage.ArticleInfo, error) {
			if q == "" {
				return c.store.Articles()
			}
			return c.store.SearchArticles(q)
		},
		open:        c.openArticle,
		focusReader: func() { a.reader.focus() },
	})
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
	})
	c.library, c.reader, c.notes = a.library, a.reader, a.notes
	a.importer = &importer{sh: sh, store: c.store.ImportArticle, imported: func(res storage.ImportResult) {
		a.library.showAll()
		c.openArticle(res.ID)
	}}
	a.exporter = &exporter{sh: sh, store: c.store, current: c.exportArticle}
	c.highlightMenuExtras = a.exporter.highlightExportItems
}

// buildWindow lays out the three panes, the menus, the toolbar and the
// status line, and restores their sizes from the last run.
func (a *App) buildWindow() {
	p := a.fa.Preferences()
	right := container.NewHSplit(a.reader.content, a.notes.content)
	right.SetOffset(p.FloatWithFallback(prefSplitRight, 0.70))
	split := container.NewHSplit(a.library.content, right)
	split.SetOffset(p.FloatWithFallback(prefSplitLeft, 0.24))
	a.splits = [2]*container.Split{split, right}

	a.win.SetContent(container.NewBorder(a.toolbar(), a.shell.status, nil, nil, split))
	a.win.SetMainMenu(a.mainMenu())
	a.installKeys()
	a.shell.installDialogKeys()
	a.win.SetOnDropped(a.importer.dropped)
	a.win.Resize(fyne.NewSize(
		float32(p.FloatWithFallback(prefWidth, 1200)),
		float32(p.FloatWithFallback(prefHeight, 800))))
	a.win.SetMaster()
	a.win.SetCloseIntercept(a.quit)
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

// saveLayout remembers the pane sizes and the window size for the next run.
func (a *App) saveLayout() {
	p := a.fa.Preferences()
	if a.splits[0] != nil {
		p.SetFloat(prefSplitLeft, a.splits[0].Offset)
		p.SetFloat(prefSplitRight, a.splits[1].Offset)
	}
	if c := a.win.Canvas(); c != nil {
		s := c.Size()
		if os.Getenv("DRAMATIS_TRACE_STARTUP") != "" {
			fmt.Fprintf(os.Stderr, "dramatis: window %v at quit\n", s)
		}
		if s.Width > 200 && s.Height > 200 && s.Width < 4000 && s.Height < 3000 {
			p.SetFloat(prefWidth, float64(s.Width))
			p.SetFloat(prefHeight, float64(s.Height))
		}
	}
}
