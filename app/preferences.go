package app

import (
	"fmt"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// showPreferences lets the reader choose the theme, the reader's text size
// and where the library lives. Theme and size apply at once; a new library
// location applies at the next start, because this window's data comes
// from the open library.
func (a *App) showPreferences() {
	if a.dialogOpen() {
		return // one dialog at a time: the key reached the menu from inside a dialog
	}
	p := a.fa.Preferences()
	themeChoice := widget.NewRadioGroup([]string{themeSystem, themeLight, themeDark}, func(s string) {
		if s == "" {
			return
		}
		p.SetString(prefTheme, s)
		applyTheme(a.fa)
	})
	themeChoice.Horizontal = true
	themeChoice.Required = true
	themeChoice.SetSelected(p.StringWithFallback(prefTheme, themeSystem))

	sizeLabel := widget.NewLabel("")
	size := widget.NewSlider(minTextSize, maxTextSize)
	size.Step = 1
	size.SetValue(float64(a.reader.textSize))
	sizeLabel.SetText(strconv.Itoa(int(a.reader.textSize)) + " pt")
	size.OnChanged = func(v float64) {
		sizeLabel.SetText(strconv.Itoa(int(v)) + " pt")
		a.reader.setTextSize(float32(v))
	}

	loc := a.newDialogEntry()
	loc.SetText(a.lib.Path())
	note := widget.NewLabel("")
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	if a.opts.Library != "" {
		note.SetText("This run uses the library given with --library or DRAMATIS_LIBRARY, which overrides the choice here.")
	}
	choose := widget.NewButton("Choose Folder…", func() {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil || dir == nil {
				return
			}
			loc.SetText(filepath.Join(dir.Path(), "library.db"))
		}, a.win)
		if u, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(a.lib.Path()))); err == nil {
			d.SetLocation(u)
		}
		d.Show()
	})
	loc.OnChanged = func(s string) {
		if s != a.lib.Path() && s != "" {
			note.SetText(fmt.Sprintf("Dramatis will use %s from the next start (a new, empty library if no file is there yet).", s))
		}
	}
	form := widget.NewForm(
		widget.NewFormItem("Theme", themeChoice),
		widget.NewFormItem("Reader text", container.NewBorder(nil, nil, nil, sizeLabel, size)),
		widget.NewFormItem("Library", container.NewBorder(nil, nil, nil, choose, loc)),
	)
	d := dialog.NewCustom("Preferences", "Close", container.NewVBox(form, note), a.win)
	d.SetOnClosed(func() {
		if s := loc.Text; s != "" && s != a.lib.Path() {
			p.SetString(prefLibrary, s)
		}
	})
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
}
