package app

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// importProgress is the strip above the status line that shows a batch
// import (importbatch.go): which file of how many, its name, the time
// gone, a bar and Cancel; afterwards the summary, the list of what became
// of each file, and a button that puts the strip away. It is no dialog:
// the reader goes on reading, highlighting and searching while it runs.
type importProgress struct {
	box                  *fyne.Container
	title, name, elapsed *widget.Label
	bar                  *widget.ProgressBar
	cancel, list, close  *widget.Button
	// batch is the batch shown; a late tick of an earlier one is ignored.
	batch *importBatch
	// done, total are what the bar's text says.
	done, total int
}

// progressView is the importer's strip, made the first time it is needed
// (buildWindow places it).
func (im *importer) progressView() *importProgress {
	if im.progress != nil {
		return im.progress
	}
	p := &importProgress{}
	p.title = widget.NewLabel("")
	p.title.TextStyle.Bold = true
	p.name = widget.NewLabel("")
	p.name.Truncation = fyne.TextTruncateEllipsis
	p.elapsed = widget.NewLabel("")
	p.elapsed.Importance = widget.LowImportance
	p.bar = widget.NewProgressBar()
	p.bar.TextFormatter = func() string { return fmt.Sprintf("%d of %d", p.done, p.total) }
	p.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() {
		if p.batch != nil {
			p.batch.cancelByReader()
			p.show(p.batch, p.batch.snapshot())
		}
	})
	p.list = widget.NewButton("Show List", func() {
		if p.batch != nil {
			showBatchList(im.sh, batchSummary(p.batch.snapshot()), p.batch.list())
		}
	})
	p.close = widget.NewButtonWithIcon("", theme.WindowCloseIcon(), func() {
		im.sh.setStatus("%s", p.name.Text) // the summary stays in the status line
		p.batch = nil
		p.box.Hide()
	})
	line := container.NewBorder(nil, nil, p.title, p.elapsed, p.name)
	buttons := container.NewHBox(p.cancel, p.list, p.close)
	p.box = container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, buttons, container.NewVBox(line, p.bar)))
	p.box.Hide()
	im.progress = p
	return p
}

// start shows the strip for a new batch.
func (p *importProgress) start(b *importBatch) {
	p.batch = b
	p.cancel.Enable()
	p.cancel.SetText("Cancel")
	p.show(b, b.snapshot())
	p.box.Show()
}

// show shows where a running batch is.
func (p *importProgress) show(b *importBatch, s batchState) {
	if p.batch != b || s.ended {
		return
	}
	p.title.Show()
	p.elapsed.Show()
	p.bar.Show()
	p.cancel.Show()
	p.list.Hide()
	p.close.Hide()
	switch {
	case s.scanning != "" && s.current == 0:
		p.title.SetText("Looking for pages")
		p.name.SetText("in " + s.scanning + "…")
	case s.total == 0:
		p.title.SetText("Importing")
		p.name.SetText("")
	default:
		p.title.SetText(fmt.Sprintf("Importing %d of %d", s.current, s.total))
		p.name.SetText(s.name)
	}
	if b.byReader.Load() {
		p.cancel.Disable()
		p.cancel.SetText("Cancelling…")
		p.name.SetText("stopping after the page being stored")
	}
	p.elapsed.SetText(elapsedText(s.elapsed))
	p.done, p.total = s.done(), s.total
	p.bar.Max = float64(max(s.total, 1))
	p.bar.SetValue(float64(s.done()))
}

// finish turns the strip into the batch's summary; false means it shows
// another batch now.
func (p *importProgress) finish(b *importBatch, s batchState) bool {
	if p.batch != b {
		return false
	}
	p.title.Hide()
	p.elapsed.Hide()
	p.bar.Hide()
	p.cancel.Hide()
	p.name.SetText(batchSummary(s))
	if s.done() > 0 {
		p.list.Show()
	} else {
		p.list.Hide()
	}
	p.close.Show()
	p.box.Show()
	return true
}

// batchListLines are the summary's lines, what needs the reader first:
// skipped files with why ("Skipped  name: why"), then updated articles,
// then new ones, each in the batch's order.
func batchListLines(entries []batchEntry) []string {
	sorted := append([]batchEntry(nil), entries...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].outcome < sorted[j].outcome })
	lines := make([]string, len(sorted))
	for i, e := range sorted {
		word := map[batchOutcome]string{batchSkipped: "Skipped", batchUpdated: "Updated", batchImported: "Imported"}[e.outcome]
		lines[i] = word + "  " + e.label
		if e.detail != "" {
			lines[i] += ": " + e.detail
		}
	}
	return lines
}

// showBatchList shows what became of each file of a batch, skipped ones
// first with their reasons, and lets the reader copy the list.
func showBatchList(sh *shell, summary string, entries []batchEntry) {
	lines := batchListLines(entries)
	head := widget.NewLabel(summary)
	head.Wrapping = fyne.TextWrapWord
	list := widget.NewList(func() int { return len(lines) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.Importance = widget.MediumImportance
		if strings.HasPrefix(lines[i], "Skipped") {
			l.Importance = widget.WarningImportance
		}
		l.SetText(lines[i])
	})
	// A long reason is cut at the dialog's edge: a tap shows the whole
	// line in the heading's place.
	list.OnSelected = func(i widget.ListItemID) { head.SetText(lines[i]) }
	copyAll := widget.NewButtonWithIcon("Copy List", theme.ContentCopyIcon(), func() {
		sh.clipboard().SetContent(summary + "\n" + strings.Join(lines, "\n") + "\n")
		sh.setStatus("Copied the list of %d files.", len(lines))
	})
	content := container.NewBorder(head, container.NewHBox(copyAll), nil, nil, list)
	d := dialog.NewCustom("What the import did", "Close", content, sh.win)
	size := sh.canvas().Size()
	d.Resize(fyne.NewSize(min(680, size.Width-40), min(460, size.Height-40)))
	d.Show()
}
