package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// helpText is the short how-to behind Help ▸ How to Highlight.
const helpText = `**Import** an article with File ▸ Open (an HTML or text file) or File ▸ Open URL, or copy a whole page in the browser (Ctrl+A, Ctrl+C) and press Ctrl+Shift+V here. You can also drop files onto the window.

**Highlight** by selecting a passage with the mouse and pressing H (or Ctrl+H, the toolbar button, or the right-click menu). The actor picker opens at once with the actors named in the passage first. Type a few letters of a name or alias (accents optional: "pjo" finds Pjöngjang) and press Enter to add the best match or to create a new actor, or press a digit 1–9 for a listed actor. Alt+S, Alt+T and Alt+M make the actor added last a speaker, target or mentioned. Add a note if you like, then press Enter on the empty name field, Ctrl+Enter in the note, or Save.

**Find it again** in the notes pane on the right: click a card to go to the passage, right-click it to edit or delete it, or filter the pane by actor, topic and stance. Ctrl+F searches the whole library (words, notes, actors, topics, in any order): each result shows where it was found, and a click opens the article at that passage, or at the first of your words in its text, each of them marked: Enter or F3 goes to the next, Shift+Enter or Shift+F3 back, Escape clears the marks. Ctrl+Shift+F finds words in the article you are reading. View ▸ Actors lists every actor with all its highlights across the library. Ctrl+Z undoes the last highlight change; Ctrl+Y (or Ctrl+Shift+Z) redoes it.
`

// showHelp explains the main job in a few sentences.
func showHelp(win fyne.Window) {
	t := widget.NewRichTextFromMarkdown(helpText)
	t.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("How to highlight", "Close", t, win)
	d.Resize(fyne.NewSize(620, 460))
	d.Show()
}
