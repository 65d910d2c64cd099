package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// helpText is the short how-to behind Help ▸ How to Highlight.
const helpText = `**Import** an article with File ▸ Open (an HTML or text file), File ▸ Open URL, or copy a whole page in the browser (Ctrl+A, Ctrl+C) and press **Ctrl+Shift+V** here. You can also drop files onto the window.

**Highlight** by selecting a passage with the mouse and pressing **H** (or Ctrl+H, the toolbar button, or the right-click menu). The actor picker opens at once: actors named in the passage come first; type a few letters of a name or alias (accents optional: "pjo" finds Pjöngjang), press **Enter** to add the best match or to create a new actor, or a digit **1–9** for a listed actor. Give each actor a role (speaker, target, mentioned), add a note, and press Enter on the empty name field or Save.

**Find it again** in the notes pane on the right (click a card to go to the passage, right-click to edit or delete), filter it by actor, or open View ▸ Actors to see every highlight of an actor across the library. **Ctrl+Z** undoes the last highlight change.`

// showHelp explains the main job in a few sentences.
func (a *App) showHelp() {
	t := widget.NewRichTextFromMarkdown(helpText)
	t.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("How to highlight", "Close", t, a.win)
	d.Resize(fyne.NewSize(620, 460))
	d.Show()
}
