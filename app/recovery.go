package app

import (
	"errors"
	"fmt"
	"image/color"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/internal/userpath"
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
	// notices opens the restored library as the window opens libraries.
	notices *libraryNotices
}

// showLibraryProblem opens the problem window for an error from storage.Open,
// in win (the main window Run made while the library opened; nil: a new
// one); notOpened are the files or URLs the reader asked to open, which
// are not.
func showLibraryProblem(fa fyne.App, win fyne.Window, path string, openErr error, notOpened []string, notices *libraryNotices, restored func(*storage.Library)) *problemWindow {
	if notices == nil {
		notices = &libraryNotices{}
	}
	if win == nil {
		win = fa.NewWindow("Dramatis")
	}
	p := &problemWindow{win: win, restored: restored, notices: notices}
	title := widget.NewLabel("The library cannot be opened")
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameSubHeadingText
	msg := widget.NewLabel(sentence(openErr.Error()))
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
			lib, err = p.notices.open(path)
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

// libraryNotices carries what the library says about itself to the window:
// that it is read-only, that the daily backup could not be made, that
// damage was found while the window was open. The library is opened before
// the window exists and tells its background findings from other
// goroutines, so notices wait here until a window's bar is attached.
type libraryNotices struct {
	mu      sync.Mutex
	bar     *noticeBar
	pending []error
	// startCompaction is the libraries' storage.Options.StartCompaction
	// (Options.StartCompaction; nil in tests, where starting this binary
	// would start the test binary).
	startCompaction func(libraryPath string)
}

// open opens a library as the window does: read-only when its file or disk
// may not be written (the bar says so), checked whole in the background
// once a day and, after an unclean shutdown, right after it opens (the
// reader reads meanwhile; changes wait for the check), its background
// findings told to the bar, compacted after it closes when that pays.
func (n *libraryNotices) open(path string) (*storage.Library, error) {
	return storage.OpenWith(path, storage.Options{FallBackToReadOnly: true, BackgroundCheck: true, CheckLater: true, OnProblem: n.problem,
		StartCompaction: n.startCompaction})
}

// problem is the library's Options.OnProblem.
func (n *libraryNotices) problem(err error) {
	n.mu.Lock()
	bar := n.bar
	if bar == nil {
		n.pending = append(n.pending, err)
	}
	n.mu.Unlock()
	if bar != nil {
		bar.do(func() { bar.showProblem(err) })
	}
}

// attach makes bar the window's notices, showing what lib knew at once
// and what came before.
func (n *libraryNotices) attach(bar *noticeBar, lib *storage.Library) {
	bar.path = lib.Path()
	if why := lib.ReadOnly(); why != "" {
		bar.show(noticeReadOnly, true, "This library is read-only ("+why+"): you can read, search and export it, but no change can be saved. "+lib.Path())
	}
	if err := lib.BackupProblem(); err != nil {
		bar.showProblem(err)
	}
	bar.showChecking(lib.Checking())
	n.mu.Lock()
	n.bar = bar
	pending := n.pending
	n.pending = nil
	n.mu.Unlock()
	for _, err := range pending {
		bar.showProblem(err)
	}
}

// The kinds of notice; one of each is shown at a time.
const (
	noticeReadOnly = "read-only"
	noticeBackup   = "backup"
	noticeDamage   = "damage"
	noticeCheck    = "check"
	noticeMoved    = "moved"
)

// noticeBar is the strip above the toolbar where the library's notices
// stand, each in a sentence with a button to dismiss it, warnings on a
// tinted background.
type noticeBar struct {
	box   *fyne.Container
	shown map[string]fyne.CanvasObject
	path  string // the library's, for the backup a damage notice names
	// damaged: damage was told. From then on the damage notice is the
	// one word on the library's state: a backup notice ("your work is
	// saved as always") would contradict it, and no backup of a damaged
	// library is made anyway.
	damaged bool
	// do runs a change of the bar on the main goroutine for the library's
	// goroutines: the window's shell.do, which drops it once the window
	// quits (see runner), since a notice shown during Fyne's shutdown would
	// be built on the goroutine that found it.
	do func(func())
}

// newNoticeBar makes an empty bar whose changes from other goroutines go
// through do.
func newNoticeBar(do func(func())) *noticeBar {
	return &noticeBar{box: container.NewVBox(), shown: map[string]fyne.CanvasObject{}, do: do}
}

// showProblem shows a problem the library found in the background.
func (b *noticeBar) showProblem(err error) {
	if errors.Is(err, storage.ErrDamaged) {
		b.damaged = true
		b.remove(noticeBackup)
		b.show(noticeDamage, true, damageNotice(err, b.path))
		return
	}
	if b.damaged {
		return
	}
	if errors.Is(err, storage.ErrMoved) {
		b.remove(noticeBackup)
		b.show(noticeMoved, true, sentence(oneLine(err.Error()))+". What you see can still be read and exported; quit and start Dramatis again to go on working.")
		return
	}
	if errors.Is(err, storage.ErrNotCompacted) {
		b.show(noticeBackup, false, oneLine(err.Error())+". Nothing was lost; the library only takes longer to open until it is compacted.")
		return
	}
	b.show(noticeBackup, false, oneLine(err.Error())+". Your work is saved as always; only the day's copy in the backups folder is missing.")
}

// damageNotice is the one message for a library found damaged while the
// window has it open: what happened (the store's words), that nothing
// more is at risk and what is shown still reads, and the way back — the
// latest automatic backup, restored by starting again (the problem window
// offers it) or by 'dramatis restore', as the commands name it
// (cli.openFailure); without a backup, exporting what still reads.
func damageNotice(err error, path string) string {
	text := sentence(damageWhat(err, path)) + ". Dramatis has stopped writing to it, so nothing more can be lost; what you see can still be read and exported."
	backup, berr := storage.LatestBackup(path)
	if path == "" || berr != nil {
		return text + " There is no automatic backup of it to restore: export what you need (File ▸ Export Notes to Folder…) before you quit."
	}
	return text + " To go on working, quit and start Dramatis again: it offers to restore the latest backup (" + filepath.Base(backup) +
		") and keeps the damaged file in the backups folder. From a terminal: dramatis restore --library " + userpath.Quote(path) + " " + userpath.Quote(backup)
}

// showChecking says, until done is closed, that the library is being read
// whole after an unclean shutdown and that changes wait for it (see
// storage.Options.CheckLater); nothing when done is nil or closed already.
// Damage the check finds comes as a problem of its own. The channel it
// returns is closed once the notice is down.
func (b *noticeBar) showChecking(done <-chan struct{}) <-chan struct{} {
	gone := make(chan struct{})
	select {
	case <-done:
		close(gone)
		return gone
	default:
		if done == nil {
			close(gone)
			return gone
		}
	}
	b.show(noticeCheck, false, "Dramatis was not closed properly last time, so it is reading the whole library to make sure nothing was damaged. You can read meanwhile; what you change is saved once the check is done.")
	go func() {
		<-done
		b.do(func() {
			b.remove(noticeCheck)
			close(gone)
		})
	}()
	return gone
}

// remove takes the notice of kind down, if it is up.
func (b *noticeBar) remove(kind string) {
	if row := b.shown[kind]; row != nil {
		b.box.Remove(row)
		delete(b.shown, kind)
		b.box.Refresh() // Remove only lays out: without it the window repaints late
	}
}

// show puts up (or replaces) the notice of kind.
func (b *noticeBar) show(kind string, warning bool, text string) {
	if old := b.shown[kind]; old != nil {
		b.box.Remove(old)
	}
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	icon := widget.NewIcon(theme.InfoIcon())
	bg := canvas.NewRectangle(color.Transparent)
	if warning {
		icon.SetResource(theme.WarningIcon())
		bg.FillColor = tint(theme.Color(theme.ColorNameWarning))
	} else {
		bg.FillColor = tint(theme.Color(theme.ColorNamePrimary))
	}
	dismiss := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { b.remove(kind) })
	dismiss.Importance = widget.LowImportance
	row := container.NewStack(bg, container.NewBorder(nil, nil, icon, dismiss, label))
	b.shown[kind] = row
	b.box.Add(row)
	b.box.Refresh() // Add only lays out: a notice from the background would wait for a repaint
}

// tint is a colour at a fifth of its strength, for a background that
// stays readable in light and dark themes.
func tint(c color.Color) color.Color {
	r, g, bl, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8), A: 0x33}
}

// oneLine keeps a message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// damageWhat says what happened in the store's words, naming the library
// once: damage found in a record says only "library file is damaged: the
// text of article … is missing", damage found by a check names the file.
func damageWhat(err error, path string) string {
	what := strings.TrimPrefix(oneLine(err.Error()), storage.ErrDamaged.Error()+": ")
	if strings.HasPrefix(what, "the library ") || path == "" {
		return what
	}
	return "the library " + path + " is damaged: " + what
}

// sentence starts a message with a capital letter, as the window's text
// does (errors are written to follow "dramatis CMD: ").
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
