package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/export/gather"
)

// prefExportDir and prefExportGrouping remember the notes folder and the
// grouping between exports.
const (
	prefExportDir      = "exportFolder"
	prefExportGrouping = "exportGrouping"
)

// Groupings offered in the export dialog, in the export package's terms.
var exportGroupings = []struct {
	label string
	g     export.Grouping
}{
	{"One note per article", export.PerArticle},
	{"One note per article, grouped by actor", export.ByActor},
	{"One note per actor (plus article notes)", export.PerActor},
}

// exportMenuItems are File ▸ Export Notes… and Copy Article as Markdown.
func (a *App) exportMenuItems() []*fyne.MenuItem {
	exp := fyne.NewMenuItem("Export Notes to Folder…", a.showExport)
	exp.Shortcut = scExport
	cp := fyne.NewMenuItem("Copy Article as Markdown", a.copyArticleMarkdown)
	cp.Shortcut = scCopyArticle
	return []*fyne.MenuItem{fyne.NewMenuItemSeparator(), exp, cp}
}

// highlightExportItems adds Copy as Markdown to a highlight's context menu.
func (a *App) highlightExportItems(id string) []*fyne.MenuItem {
	return []*fyne.MenuItem{fyne.NewMenuItem("Copy as Markdown", func() { a.copyHighlightMarkdown(id) })}
}

// currentExportArticle is the article in the reader as export sees it.
func (a *App) currentExportArticle() (export.Article, bool) {
	if a.art == nil {
		return export.Article{}, false
	}
	return export.Article{ID: a.current, Added: a.info.Added, Article: *a.art, Highlights: append([]annotation.Highlight(nil), a.hls...)}, true
}

// copyArticleMarkdown puts the current article's note on the clipboard,
// ready to paste into Obsidian.
func (a *App) copyArticleMarkdown() {
	art, ok := a.currentExportArticle()
	if !ok {
		return
	}
	a.fa.Clipboard().SetContent(string(export.ArticleMarkdown(art, a.actors)))
	a.setStatus("Copied the article's note as Markdown.")
}

// copyHighlightMarkdown puts one highlight as Markdown on the clipboard.
func (a *App) copyHighlightMarkdown(id string) {
	art, ok := a.currentExportArticle()
	h, found := a.highlight(id)
	if !ok || !found {
		return
	}
	a.fa.Clipboard().SetContent(string(export.HighlightMarkdown(art, h, a.actors)))
	a.setStatus("Copied the highlight as Markdown.")
}

// showExport asks for a notes folder and a grouping, then writes the
// library's notes there off the main goroutine. Notes already in the
// folder keep everything outside the part Dramatis manages.
func (a *App) showExport() {
	if a.dialogOpen() {
		return // one dialog at a time: the key reached the menu from inside a dialog
	}
	p := a.fa.Preferences()
	dir := a.newDialogEntry()
	dir.SetPlaceHolder("Notes folder, e.g. your Obsidian vault")
	dir.SetText(p.String(prefExportDir))
	choose := widget.NewButton("Choose…", func() {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				dir.SetText(u.Path())
			}
		}, a.win)
		if cur := strings.TrimSpace(dir.Text); cur != "" {
			if l, err := fynestorage.ListerForURI(fynestorage.NewFileURI(cur)); err == nil {
				d.SetLocation(l)
			}
		}
		d.Resize(fyne.NewSize(900, 600))
		d.Show()
	})
	var labels []string
	for _, g := range exportGroupings {
		labels = append(labels, g.label)
	}
	group := widget.NewRadioGroup(labels, nil)
	group.Required = true
	group.SetSelected(labels[0])
	for _, l := range labels {
		if l == p.String(prefExportGrouping) {
			group.SetSelected(l)
		}
	}
	a.unfocusAfterChoice(group)
	form := widget.NewForm(
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, dir)),
		widget.NewFormItem("Notes", group),
	)
	d := dialog.NewCustomConfirm("Export notes", "Export", "Cancel", form, func(ok bool) {
		if !ok {
			return
		}
		folder, err := exportFolder(dir.Text)
		if err != nil {
			a.showError("Could not export the notes", err)
			return
		}
		g := export.PerArticle
		for _, eg := range exportGroupings {
			if eg.label == group.Selected {
				g = eg.g
			}
		}
		p.SetString(prefExportDir, folder)
		p.SetString(prefExportGrouping, group.Selected)
		a.exportTo(folder, g)
	}, a.win)
	dir.OnSubmitted = func(string) { a.dialogKey(fyne.KeyReturn) }
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
	a.win.Canvas().Focus(dir)
}

// exportFolder turns what the reader typed as the notes folder into a full
// path. "~/Notes" is the home folder's Notes (it used to become a folder
// named "~" wherever Dramatis was started), and a relative path is refused
// for the same reason.
func exportFolder(s string) (string, error) {
	s, err := expandHome(strings.TrimSpace(s))
	switch {
	case err != nil:
		return "", err
	case s == "":
		return "", errors.New("choose the folder for the notes first (Choose…)")
	case !filepath.IsAbs(s):
		return "", fmt.Errorf("give the whole path of the notes folder, e.g. %s", filepath.Join(string(filepath.Separator), "home", "me", "Notes"))
	}
	s = filepath.Clean(s)
	if fi, err := os.Stat(s); err == nil && !fi.IsDir() {
		return "", fmt.Errorf("%s is a file, not a folder", s)
	}
	return s, nil
}

// exportTo gathers the whole library and writes its notes into dir.
func (a *App) exportTo(dir string, g export.Grouping) {
	var (
		rep export.FolderReport
		err error
	)
	a.setStatus("Exporting notes to %s…", dir)
	a.run(func() {
		var lib *export.Library
		if lib, err = gather.Library(a.lib, nil); err != nil {
			return
		}
		rep, err = export.WriteFolder(dir, lib, g)
	}, func() {
		if err != nil {
			a.setStatus("Export failed.")
			a.showError("Could not export the notes", err)
			return
		}
		a.setStatus("%d notes written, %d unchanged in %s.", len(rep.Written), len(rep.Unchanged), filepath.Clean(dir))
		a.showExportNotices(rep)
	})
}

// showExportNotices tells the reader, in one dialog, what an export
// left as it was (and why), what it kept or could not merge (notes where
// both sides changed the same lines: the reader's lines stay, Dramatis's
// version is in a copy beside the note), lines kept from notes without a
// record, and warnings. Nothing to say, no dialog.
func (a *App) showExportNotices(rep export.FolderReport) {
	notes := rep.Notices()
	for _, e := range rep.Skipped {
		notes = append(notes, e.Error())
	}
	if len(notes) == 0 {
		return
	}
	title := "Notes exported"
	switch {
	case len(rep.Skipped) > 0:
		title = fmt.Sprintf("%d notes were left as they were", len(rep.Skipped))
	case len(rep.Conflicts) > 0:
		title = fmt.Sprintf("%d notes had changes on both sides", len(rep.Conflicts))
	}
	msg := widget.NewLabel(strings.Join(notes, "\n\n"))
	msg.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(msg)
	scroll.SetMinSize(fyne.NewSize(520, min(60*float32(len(notes)), 360)))
	d := dialog.NewCustom(title, "OK", scroll, a.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}
