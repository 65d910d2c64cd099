package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/storage"
)

// problemWindow tells the reader why the library cannot be opened, in the
// store's words, and offers what can be done: restoring the latest
// automatic backup of a damaged library, or quitting.
type problemWindow struct {
	win fyne.Window
	// status says what happens next (a restore's progress, the countdown
	// before a second instance quits).
	status *widget.Label
	// restored receives the library once a backup was restored and opened.
	restored func(*storage.Library)
}

// showLibraryProblem opens the problem window for an error from storage.Open;
// notOpened are the files or URLs the reader asked to open, which are not.
func showLibraryProblem(fa fyne.App, path string, openErr error, notOpened []string, restored func(*storage.Library)) *problemWindow {
	p := &problemWindow{win: fa.NewWindow("Dramatis"), restored: restored}
	title := widget.NewLabel("The library cannot be opened")
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameSubHeadingText
	msg := widget.NewLabel(openErr.Error())
	msg.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	p.status = status
	quit := widget.NewButton("Quit", fa.Quit)
	buttons := container.NewHBox(layout.NewSpacer(), quit)
	switch {
	case errors.Is(openErr, storage.ErrInUse):
		title.SetText("Dramatis is already open with this library")
		text := "Switch to the Dramatis window that is already open, or close it first. (" + path + ")"
		if len(notOpened) > 0 {
			text += "\n\nNot opened here: " + strings.Join(notOpened, ", ") + ". Open them in the running Dramatis (File ▸ Open, or drop them on its window)."
		}
		msg.SetText(text)
	case errors.Is(openErr, storage.ErrDamaged):
		if backup, err := storage.LatestBackup(path); err == nil {
			status.SetText("The newest automatic backup is " + filepath.Base(backup) + ". Restoring it keeps the damaged file in " + storage.BackupDir(path) + ".")
			restore := widget.NewButton("Restore Latest Backup", nil)
			restore.Importance = widget.HighImportance
			restore.OnTapped = func() {
				restore.Disable()
				p.restore(path, backup, status, restore)
			}
			buttons.Add(restore)
		} else {
			status.SetText("There is no automatic backup of this library to restore. Start Dramatis with --library to use another file.")
		}
	}
	p.win.SetContent(container.NewPadded(container.NewVBox(title, msg, status, buttons)))
	p.win.Resize(fyne.NewSize(560, 240))
	return p
}

// quitAfter counts down in the status line and then calls quit: a second
// Dramatis says why it cannot start and goes away by itself, as a second
// instance should, without waiting for a click.
func (p *problemWindow) quitAfter(d time.Duration, quit func()) {
	end := time.Now().Add(d)
	show := func() {
		left := (time.Until(end) + time.Second - 1) / time.Second // whole seconds, rounded up
		p.status.SetText(fmt.Sprintf("This window closes in %d s.", max(left, 0)))
	}
	show()
	go func() {
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		deadline := time.After(d)
		for {
			select {
			case <-tick.C:
				fyne.Do(show)
			case <-deadline:
				fyne.Do(quit)
				return
			}
		}
	}()
}

// restore replaces the damaged library with the backup off the main
// goroutine and, if it then opens, hands it over.
func (p *problemWindow) restore(path, backup string, status *widget.Label, btn *widget.Button) {
	status.SetText("Restoring " + filepath.Base(backup) + "…")
	go func() {
		var lib *storage.Library
		err := storage.Restore(path, backup) // keeps the damaged file in backups/
		if err == nil {
			lib, err = storage.Open(path)
		}
		fyne.Do(func() {
			if err != nil {
				status.SetText("Restoring failed: " + err.Error())
				btn.Enable()
				return
			}
			p.restored(lib)
			p.win.Close()
		})
	}()
}
