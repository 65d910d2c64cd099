// Package app is the Dramatis window: it wires the cleaner, the library and
// the ArticleView widget into the program a reader uses all day.
package app

import (
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

// ID is the application id; Fyne keys preferences and storage by it.
const ID = "io.github.dramatis.reader"

// Options are what the command line may tell the window.
type Options struct {
	// Library is the library file; empty means the default location.
	Library string
	// Open lists sources (files or URLs) to import on start.
	Open []string
}

// Run opens the main window and blocks until it is closed.
func Run(opts Options) error {
	a := fyneapp.NewWithID(ID)
	w := a.NewWindow("Dramatis")
	w.SetContent(widget.NewLabel("Dramatis"))
	w.ShowAndRun()
	return nil
}
