// Package app is the Dramatis window: it wires the cleaner, the library and
// the ArticleView widget into the program a reader uses all day. It is the
// only package that touches both widgets and storage.
//
// The window is split as in dweymouth/supersonic: App (app.go, window.go,
// shortcuts.go) only wires; the controller (controller.go, highlighting.go,
// suggest.go, undo.go, actors.go) owns the state and is the only part that
// talks to the library; each pane or dialog (librarypane.go, reader.go,
// notespane.go, actorswindow.go, pickerpanel.go, importer.go, exporter.go,
// preferences.go) owns its widgets and gets callbacks or a small interface,
// plus the shell (shell.go): the window's canvas, status line, message
// dialogs and background runner. Every shortcut is in shortcuts.go.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	fynestorage "fyne.io/fyne/v2/storage"

	"github.com/dramatis-app/dramatis/assets"
	"github.com/dramatis-app/dramatis/internal/buildinfo"
	"github.com/dramatis-app/dramatis/internal/handoff"
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
	// Build is the version and commit Help ▸ About shows.
	Build buildinfo.Info

	// Started is when the program began (main sets it), for the start-up
	// trace; zero means when Run began.
	Started time.Time

	// StartCompaction, when set, starts the library's compaction in a
	// process of its own ('dramatis backup --auto --compact'; main wires
	// the CLI's) when the window closes a library with many free pages:
	// the window holds its library all session, so only a process after
	// it can compact it. The window does not wait for it; one that could
	// not start is tried again at the next close.
	StartCompaction func(libraryPath string) error

	// ClipboardPage, when set, reads what a browser put on the clipboard
	// beside the text of a copied page: the same selection as HTML and
	// the page's address, either empty when the clipboard holds none
	// (main wires the clipboard package's reader). A paste cleans both
	// flavours together (article.CleanPaste); without it, or when it
	// fails, a paste is cleaned from its text alone.
	ClipboardPage func(ctx context.Context) (html []byte, pageURL string, err error)
	// ScreenSize, when set, is the size of the screen the window opens
	// on (zero when it cannot tell): a saved window size is held within
	// it. Fyne does not say (main asks the X server).
	ScreenSize func() fyne.Size

	// screen is what ScreenSize said, asked once at start (zero: unknown).
	screen fyne.Size
	// trace prints how long start-up took (DRAMATIS_TRACE_STARTUP).
	trace *startupTrace
	// beforePanes, when set, is called with the empty main window before
	// the panes are built (Run shows it then; see showEarly).
	beforePanes func(fyne.Window)
	// startWait, when set, replaces startWait (tests).
	startWait time.Duration
	// win, when set, is the main window, made while the library opened;
	// preload is the start-up read Run began then (see openInBackground).
	win     fyne.Window
	preload <-chan *startLoad
	// fonts, when set, are the panes' shared parsed fonts, loading since
	// Run began (warmFonts).
	fonts *widgets.Fonts
	// shapeTheme, when set, is the theme the first article's text is
	// shaped for ahead (preloadStart), at the reader's text size shapeSize.
	shapeTheme fyne.Theme
	shapeSize  float32
}

// App is one Dramatis main window over one library. It only wires: it
// builds the panes, hands each the callbacks it needs into the controller
// (which owns the state and talks to the library), and holds the menus and
// shortcuts. Everything runs on the Fyne main goroutine; disk and network
// work goes through the shell's runner.
type App struct {
	fa    fyne.App
	win   fyne.Window
	opts  Options
	shell *shell
	ctl   *controller

	library  *libraryPane
	reader   *readerPane
	notes    *notesPane
	importer *importer
	exporter *exporter
	columns  *widgets.Columns
	// menuOpener, when set, stands in for the menu bar (tests: the test
	// driver has none).
	menuOpener func(i int)
	splits     [2]*container.Split // columns' Outer and Inner
	notices    *noticeBar          // the library's notices above the toolbar (recovery.go)
	probe      *paintProbe         // tells the start-up trace when a frame is painted
	quitBegun  bool                // beginQuit has run
}

// inUseQuitDelay is how long a second Dramatis shows why it cannot start.
const inUseQuitDelay = 8 * time.Second

// startCompaction is StartCompaction as storage.Options takes it, or nil.
func (o *Options) startCompaction() func(string) {
	if o.StartCompaction == nil {
		return nil
	}
	return func(libraryPath string) { _ = o.StartCompaction(libraryPath) }
}

// Run opens the library and the main window and blocks until it is closed.
// A library in use by another Dramatis, or a damaged one, gets a window that
// says so in plain words (and offers the latest backup for a damaged one).
func Run(opts Options) (err error) {
	if opts.Started.IsZero() {
		opts.Started = time.Now()
	}
	opts.trace = newStartupTrace(opts.Started)
	if err := checkDisplay(); err != nil {
		return err
	}
	var lib *storage.Library
	var opening <-chan openedLibrary
	defer func() {
		// The desktop driver panics when the X server it was pointed at
		// does not answer; say so in one line and let go of the library.
		if r := recover(); r != nil {
			if lib == nil && opening != nil {
				lib = (<-opening).lib
			}
			if lib != nil {
				lib.Close()
			}
			err = fmt.Errorf("cannot open a window on display %q: %v", os.Getenv("DISPLAY"), r)
		}
	}()
	fa := fyneapp.NewWithID(ID)
	fa.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	applyTheme(fa)
	fonts := widgets.NewFonts()
	fontsLoaded := warmFonts(fa.Settings().Theme(), fonts)
	path, err := libraryPath(fa, opts.Library)
	if err != nil {
		return err
	}
	var listener io.Closer
	var window *App
	endWatch := func() {}
	notices := &libraryNotices{startCompaction: opts.startCompaction()}
	if opts.ScreenSize != nil {
		opts.screen = opts.ScreenSize()
	}
	start := func(l *storage.Library, win fyne.Window, preload <-chan *startLoad) {
		lib = l
		o := opts
		o.win, o.preload, o.fonts = win, preload, fonts
		o.beforePanes = func(w fyne.Window) { showEarly(fa, w, o.screen, fontsLoaded, o.trace) }
		a := New(fa, l, o)
		notices.attach(a.notices, l)
		listener = a.listenForOthers(path)
		window, endWatch = a, watchQuit(a, l)
	}
	opts.shapeTheme, opts.shapeSize = fa.Settings().Theme(), savedTextSize(fa.Preferences())
	opening = openInBackground(notices, path, startRequest(fa.Preferences()), opts)
	// The GL driver starts (glfwInit, in the first NewWindow) while the
	// library opens.
	win := fa.NewWindow("Dramatis")
	opts.trace.mark("driver started")
	op := <-opening
	lib, opening = op.lib, nil
	opts.trace.mark("library open")
	openErr := op.err
	if openErr == nil {
		start(op.lib, win, op.preload)
	} else {
		if errors.Is(openErr, storage.ErrInUse) && handOff(path, opts.Open) == nil {
			fmt.Fprintln(os.Stderr, "dramatis: the Dramatis window already open with this library takes it from here")
			return nil
		}
		restored := func(l *storage.Library) { start(l, nil, nil) }
		// The problem window measures text too: not while the warm-up
		// does (Fyne's text measuring is not safe on two goroutines).
		fontsLoaded()
		p := showLibraryProblem(fa, win, path, openErr, opts.Open, notices, restored)
		if errors.Is(openErr, storage.ErrInUse) {
			p.quitAfter(inUseQuitDelay, fa.Quit)
		}
		p.win.Show()
	}
	fa.Run()
	endWatch()
	if listener != nil {
		listener.Close()
	}
	if window != nil {
		window.finish()
	}
	if lib == nil {
		if errors.Is(openErr, storage.ErrInUse) {
			return errors.New("Dramatis is already open with this library (" + path + ")")
		}
		return openErr
	}
	return lib.Close()
}

// quitGrace is how long Fyne's loop may take to stop after a quit began
// before watchQuit ends the process: it stops in well under a second,
// the window's own saves being made before it is told to stop.
const quitGrace = 5 * time.Second

// watchQuit guards the quit of the window a over lib. A SIGTERM or SIGINT,
// which Fyne's driver turns into a quit of its own, stops the background
// work from touching the window at once (Run's finish then saves what the
// quit would have). And when Fyne's loop has not returned quitGrace after
// a quit began (Fyne 2.7.1 can lose its own stop hook in the queue it
// drains at shutdown, and then waits for it for ever), the jobs storing
// are waited for, the library is closed and the process exits, rather
// than stay without a window holding the library locked. The func it
// returns ends the watch; Run calls it when the loop has returned.
func watchQuit(a *App, lib *storage.Library) func() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	returned := make(chan struct{})
	jobs := a.shell.jobs
	go func() {
		select {
		case <-returned:
			return
		case <-sigs:
			jobs.quit()
		case <-jobs.ctx.Done():
		}
		select {
		case <-returned:
			return
		case <-time.After(quitGrace):
		}
		jobs.close()
		lib.Close()
		fmt.Fprintf(os.Stderr, "dramatis: the window's toolkit did not stop within %v of the quit; all that was saved is on disk and the library is closed\n", quitGrace)
		os.Exit(0)
	}()
	return func() {
		signal.Stop(sigs)
		close(returned)
	}
}

// openedLibrary is what openInBackground hands back: the library, or why
// it did not open, and the window's first read of it, begun.
type openedLibrary struct {
	lib     *storage.Library
	err     error
	preload <-chan *startLoad
}

// openInBackground opens the library at path on a goroutine of its own
// and, once it is open, begins reading what the window's first screen
// shows (r is the library pane's first listing): both run while the main
// goroutine starts the GL driver and creates the window, which only the
// main goroutine may do (about 100 ms of CPU with Mesa's software
// renderer), instead of after it.
func openInBackground(notices *libraryNotices, path string, r listRequest, opts Options) <-chan openedLibrary {
	ch := make(chan openedLibrary, 1)
	go func() {
		l, err := notices.open(path)
		o := openedLibrary{lib: l, err: err}
		if err == nil {
			o.preload = preloadStart(l, opts, r)
		}
		ch <- o
	}()
	return ch
}

// handOff gives the sources to the window already open with the library
// at path and brings it to the front; an error means none took them.
func handOff(path string, sources []string) error {
	req := handoff.Request{}
	for _, src := range sources {
		if !isWebAddress(src) {
			if abs, err := filepath.Abs(src); err == nil {
				src = abs // the running window has its own working folder
			}
		}
		req.Open = append(req.Open, src)
	}
	return handoff.Send(handoff.SocketPath(path), req)
}

// listenForOthers lets a second Dramatis started with the same library
// hand its files and URLs to this window, which opens them and comes to
// the front. Without the socket a second start only says this one is open.
func (a *App) listenForOthers(path string) io.Closer {
	ln, err := handoff.Listen(handoff.SocketPath(path), func(req handoff.Request) {
		a.shell.do(func() { a.openFromOther(req.Open) })
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "dramatis:", err)
		return nil
	}
	return ln
}

// openFromOther imports what a second Dramatis was asked to open and
// brings the window to the front.
func (a *App) openFromOther(sources []string) {
	a.shell.win.RequestFocus()
	a.importSources(sources)
}

// importSources imports files and URLs given by a second start: web
// addresses each as a page, files (and folders) as one batch with progress
// and Cancel, or one page file opened as a drop opens it.
func (a *App) importSources(sources []string) {
	files := a.fetchAddresses(sources)
	if len(files) > 0 {
		a.importer.dropped(fyne.Position{}, files)
	}
}

// importLater imports the sources given on the command line past the
// first, once the window is up: the files always as a batch (which opens
// its page only when it has just one).
func (a *App) importLater(sources []string) {
	a.importer.importMany(a.fetchAddresses(sources))
}

// fetchAddresses fetches and imports the web addresses among sources and
// returns the others as file URIs.
func (a *App) fetchAddresses(sources []string) []fyne.URI {
	var files []fyne.URI
	for _, src := range sources {
		if isWebAddress(src) {
			a.importer.fetchURL(src)
		} else {
			files = append(files, fynestorage.NewFileURI(src))
		}
	}
	return files
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
	a := &App{fa: fa, opts: opts}
	a.win = opts.win
	if a.win == nil {
		a.win = fa.NewWindow("Dramatis")
	}
	a.shell = newShell(fa, a.win, inline)
	if opts.fonts != nil {
		a.shell.fonts = opts.fonts
	}
	a.ctl = newController(a.shell, lib, opts)
	a.ctl.onReady = onReady
	if opts.beforePanes != nil {
		opts.beforePanes(a.win)
	}
	if opts.trace.on() {
		a.probe = newPaintProbe()
	}
	a.buildPanes()
	a.ctl.importLater = a.importLater
	a.ctl.start() // reads the library while the window is put together
	a.buildWindow()
	fa.Lifecycle().SetOnStopped(a.saveLayout)
	if a.probe != nil {
		a.traceStartup(opts.trace)
	}
	wait := startWait
	if opts.startWait > 0 {
		wait = opts.startWait
	}
	a.ctl.finishStart(wait)
	return a
}

// startWait is how long building the window waits for the library's
// first screenful and article (tens of milliseconds, at 50,000 articles
// too) so that the first frame shows them; a library slower than that
// (a cold disk) gets its panes drawn first, saying it is opening.
const startWait = 250 * time.Millisecond

// showEarly shows the main window, empty, at its saved size before the
// panes are built: the desktop driver creates the GL window and context
// (about 110 ms with Mesa's software renderer) while the fonts load on
// another goroutine (fontsLoaded waits for them), and the first frame it
// paints is the whole window rather than panes without their article.
func showEarly(fa fyne.App, w fyne.Window, screen fyne.Size, fontsLoaded func(), trace *startupTrace) {
	w.Resize(savedWindowSize(fa.Preferences(), screen))
	w.Show()
	trace.mark("window created")
	fontsLoaded()
	trace.mark("fonts loaded")
}

// traceStartup prints to stderr how long start-up took: until the window
// was built, until the first article was laid out, and until it was
// painted ("on screen", what issue 13's start-up target measures).
func (a *App) traceStartup(trace *startupTrace) {
	trace.mark("window built")
	prev := a.ctl.onReady
	a.ctl.onReady = func() {
		trace.mark("first article laid out")
		a.probe.atNextPaint(func() { trace.mark("first article on screen") })
		if prev != nil {
			prev()
		}
	}
}

// Window is the main window.
func (a *App) Window() fyne.Window { return a.win }

// quit ends the program (the menu, Ctrl+Q, the window's close button):
// the window's work is finished first, and then Fyne is told to stop.
// SIGTERM and SIGINT, which Fyne's driver turns into a quit of its own,
// get the same finish from Run once the driver has stopped (finish).
func (a *App) quit() {
	a.beginQuit()
	// Behind what is queued for the main goroutine, so that the loop
	// runs (and drops) the jobs' queued continuations before it stops:
	// Fyne 2.7.1's stop drains that queue while its own stop hook joins
	// it, and a long queue is where it loses the hook (see runner).
	fyne.Do(a.fa.Quit)
}

// beginQuit finishes the window's work before it goes, on the main
// goroutine, once however often it is called: the background work is told
// to stop (its results are no longer shown, and what it had not begun to
// store is cancelled), then a picker still open is saved as it stands and
// the layout and reading place are remembered.
func (a *App) beginQuit() {
	if a.quitBegun {
		return
	}
	a.quitBegun = true
	a.shell.jobs.quit()
	a.ctl.keepPickerAtQuit()
	a.saveLayout()
}

// finish is the last of the window, after Fyne's loop has stopped and
// before the library closes: the quit's saves, if no quit made them, and
// a wait for the jobs still storing, so that none is cut off by the close.
func (a *App) finish() {
	a.beginQuit()
	a.shell.jobs.close()
}

// libraryPath picks the library file: the command line or environment
// first, then the location chosen in Preferences, then the default.
func libraryPath(fa fyne.App, flagPath string) (string, error) {
	if flagPath != "" {
		return storage.ExpandPath(flagPath)
	}
	if p := fa.Preferences().String(prefLibrary); p != "" {
		return storage.ExpandPath(p)
	}
	p, err := storage.DefaultPath()
	if err != nil {
		return "", fmt.Errorf("cannot find a place for the library: %w", err)
	}
	return p, nil
}
