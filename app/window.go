package app

import (
	"fmt"
	"os"

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

// buildWindow lays out the three panes, the menus, the toolbar and the
// status line, and restores their sizes from the last run.
func (a *App) buildWindow() {
	a.win = a.fa.NewWindow("Dramatis")
	a.status = widget.NewLabel("")
	a.status.Truncation = fyne.TextTruncateEllipsis
	a.library = newLibraryPane(a)
	a.reader = newReader(a)
	a.notes = newNotesPane(a)

	p := a.fa.Preferences()
	right := container.NewHSplit(a.reader.content, a.notes.content)
	right.SetOffset(p.FloatWithFallback(prefSplitRight, 0.70))
	split := container.NewHSplit(a.library.content, right)
	split.SetOffset(p.FloatWithFallback(prefSplitLeft, 0.24))
	a.splits = [2]*container.Split{split, right}

	top := a.toolbar()
	a.win.SetContent(container.NewBorder(top, a.status, nil, nil, split))
	a.win.SetMainMenu(a.mainMenu())
	a.installKeys()
	a.installDialogKeys()
	a.win.SetOnDropped(a.dropped)
	a.win.Resize(fyne.NewSize(
		float32(p.FloatWithFallback(prefWidth, 1200)),
		float32(p.FloatWithFallback(prefHeight, 800))))
	a.win.SetMaster()
	a.win.SetCloseIntercept(a.quit)
}

// toolbar offers the frequent actions to the mouse; each has a shortcut too.
func (a *App) toolbar() fyne.CanvasObject {
	hl := widget.NewButtonWithIcon("Highlight", theme.ColorPaletteIcon(), a.highlightSelection)
	hl.Importance = widget.HighImportance
	return container.NewHBox(
		widget.NewButtonWithIcon("Open…", theme.FolderOpenIcon(), a.openFile),
		widget.NewButtonWithIcon("Open URL…", theme.ComputerIcon(), a.openURL),
		widget.NewButtonWithIcon("Paste page", theme.ContentPasteIcon(), a.pastePage),
		widget.NewSeparator(),
		hl,
		widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), a.undoLast),
		widget.NewSeparator(),
		widget.NewButtonWithIcon("Actors", theme.AccountIcon(), a.showActors),
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
