package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/widgets"
)

func TestLibraryChoice(t *testing.T) {
	dir := t.TempDir()
	notLib := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notLib, []byte("just some notes, not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	home, _ := os.UserHomeDir()
	for _, c := range []struct {
		in, want, err string
	}{
		{dir, filepath.Join(dir, "library.db"), ""},
		{"  " + dir + "/neu.db ", filepath.Join(dir, "neu.db"), ""},
		{"~/x.db", filepath.Join(home, "x.db"), ""},
		{"library.db", "", "whole path"},
		{filepath.Join(dir, "fehlt", "library.db"), "", "does not exist"},
		{notLib, "", "not a Dramatis library"},
	} {
		got, err := libraryChoice(c.in)
		switch {
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("libraryChoice(%q) = %q, %v; want %q", c.in, got, err, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("libraryChoice(%q) = %q, %v; want an error saying %q", c.in, got, err, c.err)
		}
	}
}

// A folder typed as the library location used to be saved as is, and every
// later start showed only "library path … is a folder, not a file" and Quit.
func TestPreferencesLibraryLocationIsChecked(t *testing.T) {
	a, _ := newTestApp(t, Options{NoDemo: true})
	folder := t.TempDir()
	a.showPreferences()
	d := a.win.Canvas().Overlays().Top()
	loc := findDialogEntry(d)
	if loc == nil {
		t.Fatal("Preferences has no library location field")
	}
	loc.SetText(folder)
	pressKey(a, fyne.KeyEscape) // closes Preferences
	if got := a.fa.Preferences().String(prefLibrary); got != filepath.Join(folder, "library.db") {
		t.Errorf("library location saved as %q, want library.db in the folder", got)
	}
	a.showPreferences()
	loc = findDialogEntry(a.win.Canvas().Overlays().Top())
	loc.SetText(filepath.Join(folder, "fehlt", "x.db"))
	if txt := renderedText(a.win.Canvas().Overlays().Top()); !strings.Contains(txt, "does not exist") {
		t.Errorf("Preferences does not say the folder is missing: %q", txt)
	}
	pressKey(a, fyne.KeyEscape)
	if got := a.fa.Preferences().String(prefLibrary); got != filepath.Join(folder, "library.db") {
		t.Errorf("an impossible location replaced the saved one: %q", got)
	}
}

// findDialogEntry returns the first dialogEntry in a tree.
func findDialogEntry(o fyne.CanvasObject) *dialogEntry {
	return findFirst[*dialogEntry](o, nil)
}

// Opening Preferences used to re-install the theme (the radio group's
// SetSelected ran its callback), which redraws the whole app; in the real
// window the dialog then appeared only at the next mouse move.
func TestOpeningPreferencesKeepsTheTheme(t *testing.T) {
	a, _ := newTestApp(t, Options{NoDemo: true})
	a.fa.Preferences().SetString(prefTheme, themeDark)
	applyTheme(a.fa)
	before := a.fa.Settings().Theme()
	a.showPreferences()
	if a.fa.Settings().Theme() != before {
		t.Error("opening Preferences installed the theme again")
	}
	radio := findRadio(a.win.Canvas().Overlays().Top())
	radio.SetSelected(themeLight)
	if v, ok := a.fa.Settings().Theme().(*variantTheme); !ok || v.variant != theme.VariantLight {
		t.Errorf("choosing Light installed %T", a.fa.Settings().Theme())
	}
	if got := a.fa.Preferences().String(prefTheme); got != themeLight {
		t.Errorf("theme saved as %q", got)
	}
}

// findFocusable returns the first focusable object inside o (o excluded)
// whose type name contains want.
func findFocusable(o fyne.CanvasObject, want string) fyne.Focusable {
	return findFirst(o, func(f fyne.Focusable) bool {
		return any(f) != any(o) && strings.Contains(fmt.Sprintf("%T", f), want)
	})
}

// A clicked theme option or text-size slider keeps the focus and swallowed
// Escape and Enter, so Preferences did not close from the keyboard after
// the reader changed something in it.
func TestPreferencesCloseWithEscapeAfterClicks(t *testing.T) {
	a, _ := newTestApp(t, Options{NoDemo: true})
	a.showPreferences()
	d := a.win.Canvas().Overlays().Top()
	radio := findRadio(d)
	item := findFocusable(radio, "radioItem") // "System", the one chosen now
	if item == nil {
		t.Fatal("no radio option in Preferences")
	}
	radio.SetSelected(themeDark) // with Dark chosen, the reader clicks System
	test.Tap(item.(fyne.Tappable))
	pressKey(a, fyne.KeyEscape)
	if a.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Escape after clicking a theme left Preferences open (focus on %T)", a.win.Canvas().Focused())
	}
	a.showPreferences()
	d = a.win.Canvas().Overlays().Top()
	slider := findFocusable(d, "dialogSlider")
	if slider == nil {
		t.Fatal("no text size slider in Preferences")
	}
	a.win.Canvas().Focus(slider) // as a click on it does
	slider.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if a.reader.textSize != defaultTextSize+1 {
		t.Errorf("Right on the slider: text size %v, want %v", a.reader.textSize, defaultTextSize+1)
	}
	pressKey(a, fyne.KeyReturn)
	if a.win.Canvas().Overlays().Top() != nil {
		t.Error("Enter on the slider left Preferences open")
	}
}

// The library folder dialog opened at Fyne's small default size, unlike
// the Open and Export dialogs.
func TestLibraryFolderDialogIsFullSize(t *testing.T) {
	a, _ := newTestApp(t, Options{NoDemo: true})
	a.showPreferences()
	findButton(a.win.Canvas().Overlays().Top(), "Choose Folder…").OnTapped()
	pop, ok := a.win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		t.Fatalf("the folder dialog is a %T", a.win.Canvas().Overlays().Top())
	}
	if s := pop.Content.Size(); s.Width < 800 || s.Height < 500 {
		t.Errorf("the folder dialog is %v, want 900×600 like the other file dialogs", s)
	}
}

// TestReadingSettingsAreRememberedInTheLibrary: the column width, line
// spacing and typeface chosen in Preferences apply to the reader at once,
// are stored in the library (they travel with it), and a window opened on
// the same library starts with them (issue 17.14).
func TestReadingSettingsAreRememberedInTheLibrary(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	a.showPreferences()
	d := a.win.Canvas().Overlays().Top()
	choose := func(option string) {
		g := findFirst[*widget.RadioGroup](d, func(g *widget.RadioGroup) bool { return slices.Contains(g.Options, option) })
		if g == nil {
			t.Fatalf("Preferences offers no %q", option)
		}
		g.SetSelected(option)
	}
	choose("Wide")
	choose("Loose")
	choose("Serif")
	pressKey(a, fyne.KeyEscape)
	want := widgets.ReadingStyle{Measure: widgets.MeasureWide, Spacing: widgets.SpacingLoose, Font: widgets.FontSerif}
	if got := a.reader.view.ReadingStyle(); got != want {
		t.Errorf("the reader's style is %+v, want %+v", got, want)
	}
	if b, err := lib.GetPreference(libPrefReading); err != nil || string(b) != "wide loose serif" {
		t.Errorf("stored in the library: %q, %v", b, err)
	}
	b := newApp(fyne.CurrentApp(), lib, Options{NoDemo: true}, true, nil)
	t.Cleanup(b.win.Close)
	if got := b.reader.view.ReadingStyle(); got != want {
		t.Errorf("a new window on the library starts with %+v, want %+v", got, want)
	}
	if got := decodeReadingStyle("narrow"); got != (widgets.ReadingStyle{Measure: widgets.MeasureNarrow}) {
		t.Errorf("a partial stored style reads as %+v", got)
	}
}
