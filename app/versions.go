package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// versionKeeper is what the versions dialog asks of the library (off the
// main goroutine): an article's versions, one version's text, what
// restoring it would do, and restoring it. *storage.Library is one.
type versionKeeper interface {
	Versions(id string) ([]storage.Version, error)
	VersionArticle(id string, n int) (*article.Article, storage.Version, error)
	PreviewRestore(id string, n int) (storage.ImportResult, error)
	RestoreVersion(id string, n int, force bool) (storage.ImportResult, error)
}

// previewRunes is how much of a version's text the dialog shows: enough to
// tell versions apart (a screen or two), little enough that the label lays
// out at once (Fyne's labels wrap their whole text on every resize).
const previewRunes = 5000

// versionsDialog lists the texts an article has had (every re-import,
// restore or backup import that changed it kept the one before), shows the
// start of the one selected and what restoring it would do to the
// highlights, and restores it.
type versionsDialog struct {
	sh    *shell
	store versionKeeper
	id    string
	// restored is told, on the main goroutine, what a restore did.
	restored func(n int, res storage.ImportResult)

	d        *dialog.CustomDialog
	list     *widget.List
	versions []storage.Version
	sel      int
	title    *widget.Label // of the selected version
	info     *widget.Label // its address and what restoring it does
	preview  *widget.Label // the start of its text
	restore  *widget.Button
	// plan is what restoring the selected version would do.
	plan storage.ImportResult
}

// showVersions opens the versions of the article in the reader.
func (c *controller) showVersions() {
	if c.current == "" || c.art == nil || c.sh.dialogOpen() {
		return
	}
	id := c.current
	newVersionsDialog(c.sh, c.store, id, orUntitled(c.art.Title), func(n int, res storage.ImportResult) {
		c.undo.forget(id) // the highlights moved: old positions must not come back
		c.sh.setStatus("Restored version %d as version %d: %s.", n, res.Version, res.Changes())
		c.openArticle(id)
	}).load()
}

func newVersionsDialog(sh *shell, store versionKeeper, id, title string, restored func(int, storage.ImportResult)) *versionsDialog {
	v := &versionsDialog{sh: sh, store: store, id: id, restored: restored, sel: -1}
	v.title = widget.NewLabel("")
	v.title.TextStyle.Bold = true
	v.title.Wrapping = fyne.TextWrapWord
	v.info = widget.NewLabel("")
	v.info.Wrapping = fyne.TextWrapWord
	v.preview = widget.NewLabel("")
	v.preview.Wrapping = fyne.TextWrapWord
	v.list = widget.NewList(func() int { return len(v.versions) }, v.newRow, v.updateRow)
	v.list.OnSelected = v.selected
	v.restore = widget.NewButton("Restore This Version", v.restoreSelected)
	v.restore.Importance = widget.HighImportance
	v.restore.Disable()
	head := container.NewVBox(v.title, v.info, widget.NewSeparator())
	right := container.NewBorder(head, nil, nil, nil, container.NewVScroll(v.preview))
	split := container.NewHSplit(v.list, right)
	split.SetOffset(0.34)
	v.d = dialog.NewCustomWithoutButtons("Versions of “"+title+"”", split, sh.win)
	v.d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", func() { v.d.Hide() }), v.restore})
	v.d.Resize(fyne.NewSize(920, 580))
	return v
}

// newRow is a version in the list: its number, when it was the text,
// what replaced it and its length. The lines are plain labels, readable on
// the selection colour too.
func (v *versionsDialog) newRow() fyne.CanvasObject {
	head := widget.NewLabel("")
	head.TextStyle.Bold = true
	when, what := widget.NewLabel(""), widget.NewLabel("")
	when.Truncation, what.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
	return container.New(&tightRows{}, head, when, what)
}

func (v *versionsDialog) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	ver := v.versions[i]
	labels := o.(*fyne.Container).Objects
	head := fmt.Sprintf("Version %d", ver.Number)
	if ver.Current {
		head += " · the text now"
	}
	when, what := versionLines(ver)
	labels[0].(*widget.Label).SetText(head)
	labels[1].(*widget.Label).SetText(when)
	labels[2].(*widget.Label).SetText(what)
}

// versionLines are a version's second and third lines: when it was the
// article's text; what replaced it and how long it is.
func versionLines(ver storage.Version) (when, what string) {
	chars := groupDigits(ver.Chars) + " characters"
	if ver.Current {
		return "since " + shortTime(ver.Since), chars
	}
	from, to := ver.Since.Local(), ver.Replaced.Local()
	end := shortTime(to)
	if from.Year() == to.Year() && from.YearDay() == to.YearDay() {
		end = to.Format("15:04") // the same day: the date once
	}
	return shortTime(from) + " – " + end, ver.Reason + " · " + chars
}

// shortTime is a local date and time as a list shows it.
func shortTime(t time.Time) string {
	return t.Local().Format("2 Jan 2006 15:04")
}

// tightRows stacks a list row's labels with half the usual padding between
// them, so that three lines read as one entry.
type tightRows struct{}

func (tightRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		if i > 0 {
			s.Height -= rowOverlap
		}
	}
	return s
}

func (tightRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - rowOverlap
	}
}

// rowOverlap is how much of a label's padding the rows of tightRows share.
const rowOverlap = 12

// groupDigits writes n with thin spaces between thousands (12 345).
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "\u202f" + s[i:]
	}
	return s
}

// load reads the versions off the main goroutine and shows the dialog with
// the newest earlier version selected.
func (v *versionsDialog) load() {
	var vs []storage.Version
	var err error
	v.sh.run(func() { vs, err = v.store.Versions(v.id) }, func() {
		if err != nil {
			v.sh.showError("Could not read the article’s versions", err)
			return
		}
		v.versions = vs
		v.list.Refresh()
		v.d.Show()
		v.list.Select(min(1, len(vs)-1))
	})
}

// selected shows the start of a version's text and what restoring it
// would do.
func (v *versionsDialog) selected(i widget.ListItemID) {
	v.sel = i
	v.restore.Disable()
	ver := v.versions[i]
	var (
		a    *article.Article
		plan storage.ImportResult
		err  error
	)
	v.sh.run(func() {
		if a, _, err = v.store.VersionArticle(v.id, ver.Number); err != nil || ver.Current {
			return
		}
		plan, err = v.store.PreviewRestore(v.id, ver.Number)
	}, func() {
		if v.sel != i {
			return // another version was selected meanwhile
		}
		if err != nil {
			v.title.SetText(fmt.Sprintf("Version %d", ver.Number))
			v.info.SetText("This version cannot be read: " + err.Error())
			v.preview.SetText("")
			return
		}
		v.plan = plan
		v.title.SetText(orUntitled(a.Title))
		v.info.SetText(versionInfo(ver, a, plan))
		v.preview.SetText(previewText(a))
		if !ver.Current {
			v.restore.Enable()
		}
	})
}

// versionInfo heads a version's preview, under its title: its address,
// and what restoring it would do to the highlights.
func versionInfo(ver storage.Version, a *article.Article, plan storage.ImportResult) string {
	var lines []string
	if a.URL != "" {
		lines = append(lines, a.URL)
	}
	switch {
	case ver.Current:
		lines = append(lines, "This is the article’s text now.")
	case plan.Highlights == 0:
		lines = append(lines, "Restoring it makes it the article’s text again; the text now is kept as a version.")
	default:
		s := fmt.Sprintf("Restoring it finds %d of the article’s %d highlights in it", plan.Highlights-plan.Orphaned, plan.Highlights)
		if plan.NeedsForce {
			s += "; most highlights that fit the text now would be orphaned"
		}
		lines = append(lines, s+". The text now is kept as a version.")
	}
	return strings.Join(lines, "\n")
}

// previewText is the start of a version's text, up to previewRunes.
func previewText(a *article.Article) string {
	text := []rune(a.Text())
	if len(text) <= previewRunes {
		return string(text)
	}
	return string(text[:previewRunes]) + fmt.Sprintf("\n\n… and %s more characters", groupDigits(len(text)-previewRunes))
}

// restoreSelected restores the selected version, after asking when it
// would orphan most of the highlights.
func (v *versionsDialog) restoreSelected() {
	if v.sel < 0 || v.versions[v.sel].Current {
		return
	}
	n := v.versions[v.sel].Number
	if !v.plan.NeedsForce {
		v.restoreVersion(n, false)
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("Version %d lacks the passages of %d of the %d highlights that fit the text now. "+
		"If you restore it, they are kept as orphans, and the text now stays available as a version.",
		n, v.plan.NewlyOrphaned, v.plan.Anchored))
	msg.Wrapping = fyne.TextWrapWord
	var ask *dialog.CustomDialog
	keep := widget.NewButton(keepTextLabel, func() { ask.Hide() })
	anyway := widget.NewButton("Restore Anyway", func() {
		ask.Hide()
		v.restoreVersion(n, true)
	})
	anyway.Importance = widget.DangerImportance
	ask = dialog.NewCustomWithoutButtons("Orphan most highlights?", msg, v.sh.win)
	ask.SetButtons([]fyne.CanvasObject{keep, anyway})
	ask.Resize(fyne.NewSize(480, 0))
	ask.Show()
}

// restoreVersion restores version n off the main goroutine, then closes
// the dialog and reports.
func (v *versionsDialog) restoreVersion(n int, force bool) {
	var res storage.ImportResult
	var err error
	v.restore.Disable()
	v.sh.run(func() { res, err = v.store.RestoreVersion(v.id, n, force) }, func() {
		if err != nil {
			v.sh.showError(fmt.Sprintf("Could not restore version %d", n), err)
			v.restore.Enable()
			return
		}
		v.d.Hide()
		v.restored(n, res)
	})
}
