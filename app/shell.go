package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/widgets"
)

// shell is what every pane and dialog may use of the main window: its
// canvas, its status line, its message dialogs and the background runner.
// It holds no article and no library; those are the controller's.
type shell struct {
	fa     fyne.App
	win    fyne.Window
	status *widget.Label
	jobs   *runner
	// fonts are the parsed fonts the panes' text shapers share (the
	// reader's, the library rows'), parsed once, at start-up beside the
	// window's creation (warmFonts).
	fonts *widgets.Fonts
}

func newShell(fa fyne.App, win fyne.Window, inline bool) *shell {
	status := widget.NewLabel("")
	status.Truncation = fyne.TextTruncateEllipsis
	return &shell{fa: fa, win: win, status: status, jobs: newRunner(inline), fonts: widgets.NewFonts()}
}

// run does work off the main goroutine and then applies its result on it.
func (s *shell) run(work, then func()) { s.jobs.run(work, then) }

// do runs f on the main goroutine, as fyne.Do does, unless the window is
// quitting (see runner).
func (s *shell) do(f func()) { s.jobs.do(f) }

// prefs are the per-user preferences (window sizes, theme, text size).
func (s *shell) prefs() fyne.Preferences { return s.fa.Preferences() }

// clipboard is the system clipboard.
func (s *shell) clipboard() fyne.Clipboard { return s.fa.Clipboard() }

// canvas is the main window's canvas.
func (s *shell) canvas() fyne.Canvas { return s.win.Canvas() }

// focus gives the keyboard to f.
func (s *shell) focus(f fyne.Focusable) { s.win.Canvas().Focus(f) }

// showError tells the reader in plain words what went wrong.
func (s *shell) showError(title string, err error) {
	if err == nil {
		return
	}
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "OK", msg, s.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// showErrorIn shows an error over a given window (e.g. the Actors window).
func (s *shell) showErrorIn(w fyne.Window, title string, err error) {
	if w == nil || w == s.win {
		s.showError(title, err)
		return
	}
	dialog.ShowError(fmt.Errorf("%s: %w", title, err), w)
}

// setStatus shows a one-line message at the bottom of the window.
func (s *shell) setStatus(format string, args ...any) {
	s.status.SetText(fmt.Sprintf(format, args...))
}

// showMenu opens a context menu at an absolute position in the window.
func (s *shell) showMenu(items []*fyne.MenuItem, abs fyne.Position) {
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), s.win.Canvas(), abs)
}
