package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/export/gather"
	"github.com/dramatis-app/dramatis/internal/userpath"
	"github.com/dramatis-app/dramatis/storage"
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

// exporter writes the library's notes into a folder and copies the
// current article or one highlight as Markdown.
type exporter struct {
	sh    *shell
	store *storage.Library
	// current is the article in the reader with its highlights, and the
	// library's actors; ok is false when no article is open.
	current func() (art export.Article, actors map[string]annotation.Actor, topics map[string]annotation.Topic, ok bool)
	// leaveOut, when set, names an article and actors that are not the
	// reader's work (the demo as shipped): the notes folder gets neither.
	leaveOut func() (articleID string, actors map[string]bool)
}

// exportMenuItems are File ▸ Export Notes… and Copy Article as Markdown.
func (x *exporter) exportMenuItems() []*fyne.MenuItem {
	exp := fyne.NewMenuItem("Export Notes to Folder…", x.showExport)
	exp.Shortcut = scExport
	cp := fyne.NewMenuItem("Copy Article as Markdown", x.copyArticleMarkdown)
	cp.Shortcut = scCopyArticle
	return []*fyne.MenuItem{fyne.NewMenuItemSeparator(), exp, cp}
}

// highlightExportItems adds Copy as Markdown to a highlight's context menu.
func (x *exporter) highlightExportItems(id string) []*fyne.MenuItem {
	return []*fyne.MenuItem{fyne.NewMenuItem("Copy as Markdown", func() { x.copyHighlightMarkdown(id) })}
}

// copyArticleMarkdown puts the current article's note on the clipboard,
// ready to paste into Obsidian.
func (x *exporter) copyArticleMarkdown() {
	art, actors, topics, ok := x.current()
	if !ok {
		return
	}
	x.sh.clipboard().SetContent(string(export.ArticleMarkdown(art, actors, topics)))
	x.sh.setStatus("Copied the article's note as Markdown.")
}

// copyHighlightMarkdown puts one highlight as Markdown on the clipboard.
func (x *exporter) copyHighlightMarkdown(id string) {
	art, actors, topics, ok := x.current()
	if !ok {
		return
	}
	for _, h := range art.Highlights {
		if h.ID == id {
			x.sh.clipboard().SetContent(string(export.HighlightMarkdown(art, h, actors, topics)))
			x.sh.setStatus("Copied the highlight as Markdown.")
		}
	}
}

// showExport asks for a notes folder and a grouping, then writes the
// library's notes there off the main goroutine. Notes already in the
// folder keep everything outside the part Dramatis manages.
func (x *exporter) showExport() {
	if x.sh.dialogOpen() {
		return // one dialog at a time: the key reached the menu from inside a dialog
	}
	p := x.sh.prefs()
	dir := x.sh.newDialogEntry()
	dir.SetPlaceHolder("Notes folder, e.g. your Obsidian vault")
	dir.SetText(p.String(prefExportDir))
	choose := widget.NewButton("Choose…", func() {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				dir.SetText(u.Path())
			}
		}, x.sh.win)
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
	x.sh.unfocusAfterChoice(group)
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
			x.sh.showError("Could not export the notes", err)
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
		x.exportTo(folder, g)
	}, x.sh.win)
	dir.OnSubmitted = func(string) { x.sh.dialogKey(fyne.KeyReturn) }
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
	x.sh.focus(dir)
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
		return "", fmt.Errorf("give the whole path of the notes folder, e.g. %s", userpath.Example(runtime.GOOS, "Notes"))
	}
	s = filepath.Clean(s)
	if fi, err := os.Stat(s); err == nil && !fi.IsDir() {
		return "", fmt.Errorf("%s is a file, not a folder", s)
	}
	return s, nil
}

// exportTo gathers the whole library and writes its notes into dir.
func (x *exporter) exportTo(dir string, g export.Grouping) {
	var (
		rep    export.FolderReport
		unread []error
		err    error
	)
	x.sh.setStatus("Exporting notes to %s…", dir)
	var skipArticle string
	var skipActors map[string]bool
	if x.leaveOut != nil {
		skipArticle, skipActors = x.leaveOut()
	}
	x.sh.run(func() {
		var src *gather.Notes
		if src, err = gather.NewNotes(x.store, nil); err != nil {
			return
		}
		src.LeaveOut(skipArticle, skipActors)
		rep, err = export.WriteFolderFrom(dir, src, g)
		unread = src.Skipped
	}, func() {
		if err != nil {
			x.sh.setStatus("Export failed.")
			x.sh.showError("Could not export the notes", err)
			return
		}
		x.sh.setStatus("%s, %d unchanged in %s.", count(len(rep.Written), "note written", "notes written"), len(rep.Unchanged), filepath.Clean(dir))
		x.showExportNotices(rep, unread)
	})
}

// showExportNotices tells the reader, in one dialog, what of a damaged
// library could not be read (unread: everything else was exported), what
// an export left as it was (and why), what it kept or could not merge
// (notes where both sides changed the same lines: the reader's lines
// stay, Dramatis's version is in a copy beside the note), lines kept from
// notes without a record, and warnings. Nothing to say, no dialog.
func (x *exporter) showExportNotices(rep export.FolderReport, unread []error) {
	var notes []string
	for _, e := range unread {
		notes = append(notes, e.Error())
	}
	notes = append(notes, rep.Notices()...)
	for _, e := range rep.Skipped {
		notes = append(notes, e.Error())
	}
	if len(notes) == 0 {
		return
	}
	title := "Notes exported"
	switch {
	case len(unread) > 0:
		title = fmt.Sprintf("%s of the library could not be read; everything else was exported", count(len(unread), "record"))
	case len(rep.Skipped) > 0:
		title = fmt.Sprintf("%s left as they were", count(len(rep.Skipped), "note was", "notes were"))
	case len(rep.Conflicts) > 0:
		title = fmt.Sprintf("%s changes on both sides", count(len(rep.Conflicts), "note had", "notes had"))
	}
	msg := widget.NewLabel(strings.Join(notes, "\n\n"))
	msg.Wrapping = fyne.TextWrapWord
	var content fyne.CanvasObject = msg
	if len(notes) > noticesWithoutScroll {
		scroll := container.NewVScroll(msg)
		scroll.SetMinSize(fyne.NewSize(noticesWidth-40, noticesScrollHeight))
		content = scroll
	}
	d := dialog.NewCustom(title, "OK", content, x.sh.win)
	d.Resize(fyne.NewSize(noticesWidth, 0))
	d.Show()
}

// The export notices dialog: wide enough for two long note names on a
// line or two; a few notices are shown whole, more scroll.
const (
	noticesWidth         = 640
	noticesWithoutScroll = 4
	noticesScrollHeight  = 360
)

// count says "1 note was" or "3 notes were": n with the singular or, for
// any other number, the plural (the singular with an s when none is
// given).
func count(n int, one string, many ...string) string {
	if n == 1 {
		return "1 " + one
	}
	if len(many) > 0 {
		return fmt.Sprintf("%d %s", n, many[0])
	}
	return fmt.Sprintf("%d %ss", n, one)
}
