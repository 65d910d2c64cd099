package app

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/assets"
)

// aboutIconSize is the icon's side in the About dialog: large enough to
// recognise, small beside the text.
const aboutIconSize = 64

// showAbout shows Help ▸ About: the version and build from FyneApp.toml,
// the commit it was built from, where the library is, and a button that
// copies all of it for a bug report.
func (a *App) showAbout() {
	b := a.opts.Build
	icon := canvas.NewImageFromResource(fyne.NewStaticResource("icon.png", assets.Icon))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(aboutIconSize))
	name := widget.NewLabelWithStyle(b.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	lines := aboutLines(b.VersionString(), b.ShortCommit(), b.Go+" "+b.Platform, a.ctl.store.Path())
	details := widget.NewLabel(lines)
	details.Selectable = true
	report := b.String() + "\nlibrary " + a.ctl.store.Path()
	copyBtn := widget.NewButton("Copy Version Details", func() {
		a.shell.clipboard().SetContent(report)
		a.shell.setStatus("Version details copied")
	})
	items := []fyne.CanvasObject{container.NewHBox(icon, container.NewVBox(name, widget.NewLabel(b.Comment)))}
	items = append(items, details)
	if u, err := url.Parse(b.Website); b.Website != "" && err == nil {
		items = append(items, widget.NewHyperlink(b.Website, u))
	}
	items = append(items, container.NewHBox(copyBtn))
	dialog.NewCustom("About Dramatis", "Close", container.NewVBox(items...), a.win).Show()
}

// aboutLines is the About dialog's text, one fact a line.
func aboutLines(version, commit, goPlatform, library string) string {
	return "Version " + version + "\nCommit " + commit + "\nBuilt with " + goPlatform + "\nLibrary " + library
}
