package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/dramatis-app/dramatis/widgets"
)

// firstScreenStyles are the text styles the window's first screen draws:
// labels, buttons and menus (regular), the titles in the library list
// (bold) and the quotes on the highlight cards (italic).
func firstScreenStyles() []fyne.TextStyle {
	return []fyne.TextStyle{{}, {Bold: true}, {Italic: true}}
}

// warmFonts loads the fonts of the first screen on another goroutine and
// returns a function that waits until they are loaded. The first text
// Fyne measures in a style parses the theme's font, the emoji font and a
// system font for the locale (after reading the system's font index):
// 50–100 ms per style on this machine, which start-up paid on the main
// goroutine one style at a time. Started before the library opens and
// the window is created, it runs while the main goroutine waits for the
// library file and the GL driver. The main goroutine waits for it before
// it builds the panes: measuring meanwhile would load the same fonts a
// second time rather than wait for them.
//
// The widgets' own shapers (the reader's text, the library rows) parse
// the same font files again into fonts, on a goroutine of their own:
// 3-4 ms a style, which the main goroutine paid while it showed the first
// article. A pane that needs a font still being parsed waits for it.
func warmFonts(th fyne.Theme, fonts *widgets.Fonts) (wait func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, st := range firstScreenStyles() {
			fyne.MeasureText("Dramatis", theme.TextSize(), st)
		}
	}()
	go fonts.Preload(th, firstScreenStyles()...)
	return func() { <-done }
}
