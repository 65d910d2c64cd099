package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/internal/userpath"
	"github.com/dramatis-app/dramatis/storage"
	"github.com/dramatis-app/dramatis/widgets"
)

// textSizer is the reader's text size, which Preferences shows and sets.
type textSizer interface {
	currentTextSize() float32
	setTextSize(float32)
}

// readingStyler is the reader's column width, line spacing and typeface,
// which Preferences shows and sets (remembered in the library).
type readingStyler interface {
	currentReadingStyle() widgets.ReadingStyle
	setReadingStyle(widgets.ReadingStyle)
}

// showPreferences lets the reader choose the theme, the reader's text size,
// column width, line spacing and typeface, and where the library lives.
// Theme and reading settings apply at once; a new library location applies
// at the next start, because this window's data comes from the open
// library (libPath; overridden when --library chose it).
func showPreferences(sh *shell, text textSizer, reading readingStyler, libPath string, overridden bool) {
	if sh.dialogOpen() {
		return // one dialog at a time: the key reached the menu from inside a dialog
	}
	loc, choose, note := libraryRow(sh, libPath)
	if overridden {
		note.SetText("This run uses the library given with --library or DRAMATIS_LIBRARY, which overrides the choice here.")
	}
	form := widget.NewForm(
		widget.NewFormItem("Theme", themeRow(sh)),
		widget.NewFormItem("Reader text", textSizeRow(sh, text)),
		widget.NewFormItem("Column", readingRow(sh, reading, widgets.Measures(), func(st *widgets.ReadingStyle) *widgets.Measure { return &st.Measure })),
		widget.NewFormItem("Lines", readingRow(sh, reading, widgets.Spacings(), func(st *widgets.ReadingStyle) *widgets.Spacing { return &st.Spacing })),
		widget.NewFormItem("Typeface", readingRow(sh, reading, widgets.BodyFonts(), func(st *widgets.ReadingStyle) *widgets.BodyFont { return &st.Font })),
		widget.NewFormItem("Library", container.NewBorder(nil, nil, nil, choose, loc)),
	)
	d := dialog.NewCustom("Preferences", "Close", container.NewVBox(form, note), sh.win)
	d.SetOnClosed(func() {
		if s := loc.Text; strings.TrimSpace(s) != "" && s != libPath {
			// A location that cannot be opened would greet every later
			// start with "the library cannot be opened" and only a Quit
			// button, so it is not saved.
			if path, err := libraryChoice(s); err == nil {
				sh.prefs().SetString(prefLibrary, path)
			}
		}
	})
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
}

// themeRow offers System, Light and Dark; a choice applies at once.
func themeRow(sh *shell) *widget.RadioGroup {
	p := sh.prefs()
	themeChoice := widget.NewRadioGroup([]string{themeSystem, themeLight, themeDark}, func(s string) {
		// SetSelected below calls this too: opening Preferences must not
		// re-install the theme, which redraws every widget of the app.
		if s == "" || s == p.StringWithFallback(prefTheme, themeSystem) {
			return
		}
		p.SetString(prefTheme, s)
		applyTheme(sh.fa)
	})
	themeChoice.Horizontal = true
	themeChoice.Required = true
	themeChoice.SetSelected(p.StringWithFallback(prefTheme, themeSystem))
	sh.unfocusAfterChoice(themeChoice)
	return themeChoice
}

// textSizeRow is a slider for the reader's text size with its value.
func textSizeRow(sh *shell, text textSizer) fyne.CanvasObject {
	sizeLabel := widget.NewLabel("")
	size := sh.newDialogSlider(minTextSize, maxTextSize)
	cur := text.currentTextSize()
	size.SetValue(float64(cur))
	sizeLabel.SetText(strconv.Itoa(int(cur)) + " pt")
	size.OnChanged = func(v float64) {
		sizeLabel.SetText(strconv.Itoa(int(v)) + " pt")
		text.setTextSize(float32(v))
	}
	return container.NewBorder(nil, nil, nil, sizeLabel, size)
}

// readingRow offers the choices of one reading setting (field picks it
// out of the style) as radio buttons; a choice applies at once.
func readingRow[T ~string](sh *shell, reading readingStyler, choices []T, field func(*widgets.ReadingStyle) *T) *widget.RadioGroup {
	labels := make([]string, len(choices))
	for i, c := range choices {
		labels[i] = strings.ToUpper(string(c[:1])) + string(c[1:])
	}
	cur := reading.currentReadingStyle()
	group := widget.NewRadioGroup(labels, func(label string) {
		for i, l := range labels {
			st := reading.currentReadingStyle()
			if l == label && *field(&st) != choices[i] {
				*field(&st) = choices[i]
				reading.setReadingStyle(st)
			}
		}
	})
	group.Horizontal = true
	group.Required = true
	for i, c := range choices {
		if c == *field(&cur) {
			group.SetSelected(labels[i])
		}
	}
	sh.unfocusAfterChoice(group)
	return group
}

// libraryRow is the library location field, its Choose Folder button and
// a note that says what a new location will do.
func libraryRow(sh *shell, libPath string) (*dialogEntry, *widget.Button, *widget.Label) {
	loc := sh.newDialogEntry()
	loc.SetText(libPath)
	note := widget.NewLabel("")
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	choose := widget.NewButton("Choose Folder…", func() {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil || dir == nil {
				return
			}
			loc.SetText(filepath.Join(dir.Path(), "library.db"))
		}, sh.win)
		if u, err := fynestorage.ListerForURI(fynestorage.NewFileURI(filepath.Dir(libPath))); err == nil {
			d.SetLocation(u)
		}
		d.Resize(fyne.NewSize(900, 600)) // as large as the other file dialogs
		d.Show()
	})
	loc.OnChanged = func(s string) {
		if strings.TrimSpace(s) == "" || s == libPath {
			note.SetText("")
			return
		}
		path, err := libraryChoice(s)
		if err != nil {
			note.SetText(err.Error() + "; the library stays where it is.")
			return
		}
		note.SetText(fmt.Sprintf("Dramatis will use %s from the next start (a new, empty library if no file is there yet).", path))
	}
	return loc, choose, note
}

// libraryChoice turns what the reader typed as the library location into
// the library file to use, or says in one line why it cannot be one: a
// folder means library.db inside it (the button chooses folders), "~" is
// the home folder, and the folder must exist.
func libraryChoice(s string) (string, error) {
	s, err := expandHome(strings.TrimSpace(s))
	if err != nil {
		return "", err
	}
	if !filepath.IsAbs(s) {
		return "", fmt.Errorf("give the whole path of the library, e.g. %s", userpath.Example(runtime.GOOS, "library.db"))
	}
	s = filepath.Clean(s)
	fi, err := os.Stat(s)
	switch {
	case err == nil && fi.IsDir():
		return libraryChoice(filepath.Join(s, "library.db"))
	case err == nil:
		if !isLibraryFile(s, fi) {
			return "", fmt.Errorf("%s is not a Dramatis library", s)
		}
		return s, nil
	case !errors.Is(err, os.ErrNotExist):
		return "", fmt.Errorf("cannot use %s: %w", s, err)
	}
	if dir, err := os.Stat(filepath.Dir(s)); err != nil || !dir.IsDir() {
		return "", fmt.Errorf("the folder %s does not exist", filepath.Dir(s))
	}
	return s, nil
}

// expandHome replaces a leading ~ with the home folder, as a shell would:
// readers type ~/Notes (~\Notes on Windows), and a GUI program has no
// shell to do it.
func expandHome(s string) (string, error) {
	home, _ := os.UserHomeDir()
	return userpath.ExpandHome(runtime.GOOS, home, s)
}

// isLibraryFile reports whether an existing file can be opened as a
// library: empty (it becomes one) or a bbolt file.
func isLibraryFile(path string, fi os.FileInfo) bool {
	if fi.Size() == 0 {
		return true
	}
	lib, err := storage.HasBoltHeader(path)
	return err == nil && lib
}
