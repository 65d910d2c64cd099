package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// findRadio returns the first radio group in a tree.
func findRadio(o fyne.CanvasObject) *widget.RadioGroup {
	return findFirst[*widget.RadioGroup](o, nil)
}

// The export dialog as the reader uses it: "~/Vault" typed, a grouping
// picked, Enter. The notes land in the home folder's Vault (they used to
// land in a folder named "~" wherever Dramatis was started), and the next
// export offers the same grouping.
func TestExportDialogHomeFolderAndGrouping(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	workWithDemo(t, a)
	home := t.TempDir()
	t.Setenv("HOME", home)
	cwd := t.TempDir()
	t.Chdir(cwd)

	a.exporter.showExport()
	d := a.win.Canvas().Overlays().Top()
	dir, ok := a.win.Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatalf("the folder field does not have the focus: %T", a.win.Canvas().Focused())
	}
	dir.SetText("~/Vault")
	radio := findRadio(d)
	radio.SetSelected(exportGroupings[2].label) // one note per actor
	dir.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if a.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Enter left a dialog open: %q", renderedText(a.win.Canvas().Overlays().Top()))
	}
	notes, _ := filepath.Glob(filepath.Join(home, "Vault", "*.md"))
	if len(notes) < 2 {
		t.Errorf("~/Vault holds %v; want the article note and the actors' notes", notes)
	}
	if _, err := os.Stat(filepath.Join(cwd, "~")); err == nil {
		t.Error("the export made a folder named ~ in the working directory")
	}
	if got := a.fa.Preferences().String(prefExportDir); got != filepath.Join(home, "Vault") {
		t.Errorf("remembered folder %q", got)
	}
	a.exporter.showExport()
	if got := findRadio(a.win.Canvas().Overlays().Top()).Selected; got != exportGroupings[2].label {
		t.Errorf("the next export offers %q, want the grouping chosen last", got)
	}
	pressKey(a, fyne.KeyEscape)

	// A relative folder is refused in plain words, and nothing is written.
	a.exporter.showExport()
	dir = a.win.Canvas().Focused().(*dialogEntry)
	dir.SetText("Notizen")
	dir.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	top := a.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(renderedText(top), "whole path") {
		t.Errorf("a relative folder was not refused")
	}
	if _, err := os.Stat(filepath.Join(cwd, "Notizen")); err == nil {
		t.Error("a relative folder was created in the working directory")
	}
}

func TestExportFolder(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	file := filepath.Join(home, "a.md")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		" ~/Notes/ ":     filepath.Join(home, "Notes"),
		"~":              home,
		home + "/x/../y": filepath.Join(home, "y"),
		"":               "error",
		"Notes":          "error",
		file:             "error",
	} {
		got, err := exportFolder(in)
		if want == "error" {
			if err == nil {
				t.Errorf("exportFolder(%q) = %q, want an error", in, got)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("exportFolder(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
