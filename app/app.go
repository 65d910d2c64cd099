// Package app is the Dramatis window: it wires the cleaner, the library and
// the ArticleView widget into the program a reader uses all day. It is the
// only package that touches both widgets and storage.
package app

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/annotation/recognize"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/assets"
	"github.com/dramatis-app/dramatis/storage"
	"github.com/dramatis-app/dramatis/widgets"
)

// ID is the application id; Fyne keys preferences and storage by it.
const ID = "io.github.dramatis.reader"

// Options are what the command line may tell the window.
type Options struct {
	// Library is the library file; empty means the default location.
	Library string
	// Open lists sources (files or URLs) to import on start.
	Open []string
	// NoDemo skips importing the demo article into an empty library.
	NoDemo bool

	// started is when Run began, for the start-up trace.
	started time.Time
}

// App is one Dramatis main window over one library. Its fields are touched
// only on the Fyne main goroutine; disk and network work runs in
// background goroutines started by run, which hand results back with fyne.Do.
type App struct {
	fa   fyne.App
	win  fyne.Window
	lib  *storage.Library
	opts Options

	library *libraryPane
	reader  *reader
	notes   *notesPane
	actorsW *actorsWindow
	undo    *undoStack
	status  *widget.Label
	splits  [2]*container.Split
	// picker is the actor picker shown last (tests drive it).
	picker *widgets.Picker
	// matcher suggests actors for a passage: the library's actors, built-in
	// knowledge and names discovered in the article. Rebuilt off the main
	// goroutine whenever the actors change; nil until the first load.
	matcher *recognize.Matcher
	// suggested holds the full actors behind the picker's suggestions
	// (built-in ones carry aliases and a Wikidata id), by folded name.
	suggested map[string]annotation.Actor
	// pendingJump is a highlight to scroll to once its article is open.
	pendingJump string

	actors  map[string]annotation.Actor // library actors by id
	counts  map[string]int              // actor id → number of highlights
	recent  []string                    // actor ids, most recently used first
	current string                      // id of the article in the reader
	art     *article.Article
	info    storage.ArticleInfo
	hls     []annotation.Highlight // the current article's highlights, reading order

	// inline runs background work synchronously; tests set it so that a
	// flow is deterministic without sleeping.
	inline  bool
	pending sync.WaitGroup
	// onReady, when set, is called once the first article is on screen.
	onReady func()
}

// inUseQuitDelay is how long a second Dramatis shows why it cannot start.
const inUseQuitDelay = 8 * time.Second

// Run opens the library and the main window and blocks until it is closed.
// A library in use by another Dramatis, or a damaged one, gets a window that
// says so in plain words (and offers the latest backup for a damaged one).
func Run(opts Options) (err error) {
	opts.started = time.Now()
	if err := checkDisplay(); err != nil {
		return err
	}
	var lib *storage.Library
	defer func() {
		// The desktop driver panics when the X server it was pointed at
		// does not answer; say so in one line and let go of the library.
		if r := recover(); r != nil {
			if lib != nil {
				lib.Close()
			}
			err = fmt.Errorf("cannot open a window on display %q: %v", os.Getenv("DISPLAY"), r)
		}
	}()
	fa := fyneapp.NewWithID(ID)
	fa.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	applyTheme(fa)
	path, err := libraryPath(fa, opts.Library)
	if err != nil {
		return err
	}
	start := func(l *storage.Library) {
		lib = l
		a := New(fa, l, opts)
		a.win.Show()
	}
	l, openErr := storage.Open(path)
	if openErr == nil {
		start(l)
	} else {
		p := showLibraryProblem(fa, path, openErr, opts.Open, start)
		if errors.Is(openErr, storage.ErrInUse) {
			p.quitAfter(inUseQuitDelay, fa.Quit)
		}
		p.win.Show()
	}
	fa.Run()
	if lib == nil {
		if errors.Is(openErr, storage.ErrInUse) {
			return errors.New("Dramatis is already open with this library (" + path + ")")
		}
		return openErr
	}
	return lib.Close()
}

// checkDisplay refuses to start the window where there is no display to
// show it on (a server, an SSH session): on X11 and Wayland systems one of
// DISPLAY and WAYLAND_DISPLAY must be set. Other systems always have one.
func checkDisplay() error {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios", "js":
		return nil
	}
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errors.New("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); the commands of 'dramatis help' work without one")
	}
	return nil
}

// New builds the main window over an open library and starts loading it in
// the background. Run uses it with the real driver, tests with test.NewTempApp.
func New(fa fyne.App, lib *storage.Library, opts Options) *App {
	return newApp(fa, lib, opts, false, nil)
}

// newApp is New with the knobs tests and benchmarks need: inline runs all
// background work synchronously, onReady is called once the first article
// (or the empty state) is on screen.
func newApp(fa fyne.App, lib *storage.Library, opts Options, inline bool, onReady func()) *App {
	a := &App{fa: fa, lib: lib, opts: opts, inline: inline, onReady: onReady,
		actors: map[string]annotation.Actor{}, counts: map[string]int{}}
	a.undo = newUndoStack()
	a.buildWindow()
	fa.Lifecycle().SetOnStopped(a.saveLayout)
	if os.Getenv("DRAMATIS_TRACE_STARTUP") != "" {
		a.traceStartup(opts.started)
	}
	a.start()
	return a
}

// traceStartup prints to stderr how long start-up took: until the window
// was built, and until the first article was on screen (the CI smoke test
// and the start-up measurement read these lines).
func (a *App) traceStartup(t0 time.Time) {
	if t0.IsZero() {
		t0 = time.Now()
	}
	fmt.Fprintf(os.Stderr, "dramatis: window built %d ms after start\n", time.Since(t0).Milliseconds())
	prev := a.onReady
	a.onReady = func() {
		fmt.Fprintf(os.Stderr, "dramatis: first article on screen %d ms after start\n", time.Since(t0).Milliseconds())
		if prev != nil {
			prev()
		}
	}
}

// Window is the main window.
func (a *App) Window() fyne.Window { return a.win }

// run does work off the main goroutine and then applies its result on it.
// Either function may be nil. Errors are the work's business to report.
func (a *App) run(work func(), then func()) {
	if a.inline {
		if work != nil {
			work()
		}
		if then != nil {
			then()
		}
		return
	}
	a.pending.Add(1)
	go func() {
		defer a.pending.Done()
		if work != nil {
			work()
		}
		if then != nil {
			fyne.Do(then)
		}
	}()
}

// showError tells the reader in plain words what went wrong.
func (a *App) showError(title string, err error) {
	if err == nil {
		return
	}
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "OK", msg, a.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// setStatus shows a one-line message at the bottom of the window.
func (a *App) setStatus(format string, args ...any) {
	a.status.SetText(fmt.Sprintf(format, args...))
}

// quit ends the program; the layout is saved when the app stops, however
// it is asked to (menu, window close, or SIGTERM/SIGINT, which Fyne's
// driver turns into a clean quit).
func (a *App) quit() {
	a.fa.Quit()
}

// libraryPath picks the library file: the command line or environment
// first, then the location chosen in Preferences, then the default.
func libraryPath(fa fyne.App, flagPath string) (string, error) {
	if flagPath != "" {
		return flagPath, nil
	}
	if p := fa.Preferences().String(prefLibrary); p != "" {
		return p, nil
	}
	p, err := storage.DefaultPath()
	if err != nil {
		return "", fmt.Errorf("cannot find a place for the library: %w", err)
	}
	return p, nil
}
