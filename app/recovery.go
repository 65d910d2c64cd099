package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
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
	// restored receives the library once a backup was restored and opened.
	restored func(*storage.Library)
}

// showLibraryProblem opens the problem window for an error from storage.Open.
func showLibraryProblem(fa fyne.App, path string, openErr error, restored func(*storage.Library)) *problemWindow {
	p := &problemWindow{win: fa.NewWindow("Dramatis"), restored: restored}
	title := widget.NewLabel("The library cannot be opened")
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameSubHeadingText
	msg := widget.NewLabel(openErr.Error())
	msg.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton("Quit", fa.Quit)
	buttons := container.NewHBox(layout.NewSpacer(), quit)
	switch {
	case errors.Is(openErr, storage.ErrInUse):
		title.SetText("Dramatis is already open with this library")
		msg.SetText("Switch to the Dramatis window that is already open, or close it first. (" + path + ")")
	case errors.Is(openErr, storage.ErrDamaged):
		if backup, err := latestBackupFor(path); err == nil {
			status.SetText("The newest automatic backup is " + filepath.Base(backup) + ". Restoring it keeps the damaged file next to it, renamed.")
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

// restore replaces the damaged library with the backup off the main
// goroutine and, if it then opens, hands it over.
func (p *problemWindow) restore(path, backup string, status *widget.Label, btn *widget.Button) {
	status.SetText("Restoring " + filepath.Base(backup) + "…")
	go func() {
		var lib *storage.Library
		// Move the damaged file aside first: it stays for a closer look,
		// and Restore cannot take the lock of a file bbolt cannot read.
		aside := fmt.Sprintf("%s.damaged-%s", path, time.Now().Format("20060102-150405"))
		err := os.Rename(path, aside)
		if err == nil {
			err = storage.Restore(path, backup)
		}
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

// latestBackupFor finds the newest automatic backup of a library that
// cannot be opened (Library.LatestBackup needs an open library): the
// storage package writes them as backups/<name>-<date>[-schemaN].db.
func latestBackupFor(path string) (string, error) {
	dir := storage.BackupDir(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", fmt.Errorf("no backups: %w", err)
	}
	b := filepath.Base(path)
	prefix := strings.TrimSuffix(b, filepath.Ext(b)) + "-"
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() && strings.HasPrefix(n, prefix) && strings.HasSuffix(n, ".db") && !strings.Contains(n, "before-restore") {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return "", fmt.Errorf("no automatic backup in %s", dir)
	}
	sort.Strings(names)
	return filepath.Join(dir, names[len(names)-1]), nil
}
