package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// importer brings articles into the library: a file from the file dialog
// or dropped on the window, a page pasted from the browser, a URL. It
// cleans and stores off the main goroutine and hands each stored article
// to imported. When a page would replace an article's text and orphan most
// of its highlights, it asks before replacing it.
type importer struct {
	sh *shell
	// store stores a cleaned article (off the main goroutine); the options
	// say where it came from (storage.Import).
	store func(*article.Article, storage.ImportOptions) (storage.ImportResult, error)
	// imported shows a stored article.
	imported func(res storage.ImportResult)
	// askDetails, when set, asks once for the site, address and date a
	// new article from a copied page lacks (see missingDetails); found is
	// what the cleaner found.
	askDetails func(id string, found *article.Article)
	// clipboardPage, when set, reads the HTML and address a browser put
	// on the clipboard beside the copied text (Options.ClipboardPage).
	clipboardPage func(ctx context.Context) (html []byte, pageURL string, err error)
	// readOnly says why the library is read-only, or "" (nil: writable).
	readOnly func() string
	// storing lets one import store at a time (the library writes one at
	// a time anyway), so that a quit amid a hundred imports waits for one
	// store and cancels the others, instead of waiting for them all.
	storing sync.Mutex
	// listChanged reads the library list again (pages a batch stored).
	listChanged func()
	// batch is the import of many files under way, if any; progress is
	// the strip that shows it (main goroutine only).
	batch    *importBatch
	progress *importProgress
}

// refuseReadOnly says at once that a read-only library takes no page,
// before the page is fetched or cleaned; it reports whether it refused.
func (im *importer) refuseReadOnly() bool {
	if im.readOnly == nil || im.readOnly() == "" {
		return false
	}
	im.sh.setStatus("%s", readOnlyRefusal(im.readOnly(), "no page can be imported into it"))
	return true
}

// clipboardWait is how long a paste waits for the program holding the
// clipboard to hand over its HTML: a browser answers at once, even with a
// few megabytes; one that has hung must not hold the paste up for long,
// and the text alone is then cleaned.
const clipboardWait = 3 * time.Second

// openFile imports an HTML or text file chosen in the file dialog.
func (im *importer) openFile() {
	if im.sh.dialogOpen() {
		return // one dialog at a time: the key reached the menu from inside a dialog
	}
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			im.sh.showError("Could not open the file", err)
			return
		}
		if rc == nil {
			return // cancelled
		}
		if dir, err := fynestorage.Parent(rc.URI()); err == nil {
			im.sh.prefs().SetString(prefOpenFolder, dir.String())
		}
		im.importURI(rc.URI(), rc)
	}, im.sh.win)
	d.SetFilter(fynestorage.NewExtensionFileFilter(pageExtensions()))
	if last := im.sh.prefs().String(prefOpenFolder); last != "" {
		if u, err := fynestorage.ParseURI(last); err == nil {
			if l, err := fynestorage.ListerForURI(u); err == nil {
				d.SetLocation(l)
			}
		}
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// dropped imports files dropped onto the window: one page as the open
// dialog does (it opens, and may ask for its details), several files or a
// folder as one batch with progress, Cancel and a summary.
func (im *importer) dropped(_ fyne.Position, uris []fyne.URI) {
	if len(uris) == 1 && isPageName(uris[0].Name()) {
		im.importURI(uris[0], nil)
		return
	}
	im.importMany(uris)
}

// importURI reads a file (from an open reader, or by opening the URI) off
// the main goroutine, cleans it and stores it.
func (im *importer) importURI(u fyne.URI, rc fyne.URIReadCloser) {
	name, source := u.Name(), ""
	if u.Scheme() == "file" {
		source = u.Path() // the same file again, with similar text, is the same article
	}
	im.sh.setStatus("Importing %s…", name)
	im.importWith(name, source, isTextCopyName(name), func() (*article.Article, error) {
		return loadFile(u, rc, name)
	})
}

// loadFile reads a file (from an open reader, or by opening the URI) and
// cleans it; it runs off the main goroutine.
func loadFile(u fyne.URI, rc fyne.URIReadCloser, name string) (*article.Article, error) {
	if rc == nil {
		var err error
		if rc, err = fynestorage.Reader(u); err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", name, err)
		}
	}
	defer rc.Close()
	// One byte more than the cleaners take, so that LoadBytes can say
	// the file is too large rather than clean a cut-off page.
	data, err := io.ReadAll(io.LimitReader(rc, article.MaxPageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", name, err)
	}
	return article.LoadBytes(data, name, "")
}

// pastePage imports a page copied from the browser: the clipboard text goes
// through the plain-text cleaner, which drops menus, captions and ads,
// helped by the HTML of the same copy where the browser put it there too.
func (im *importer) pastePage() {
	if im.refuseReadOnly() {
		return
	}
	if im.sh.dialogOpen() {
		return // one dialog at a time: the key reached the menu from inside a dialog
	}
	text := im.sh.clipboard().Content()
	if strings.TrimSpace(text) == "" {
		im.sh.showError("Nothing to paste", errors.New("the clipboard holds no text; copy the page in the browser (Ctrl+A, Ctrl+C) and try again"))
		return
	}
	if u := strings.TrimSpace(text); isWebAddress(u) {
		// The reader copied the address bar, not the page: open the page.
		im.fetchURL(u)
		return
	}
	im.sh.setStatus("Importing the pasted page…")
	read := im.clipboardPage
	im.importWith("the pasted page", "", true, func() (*article.Article, error) {
		var fragment []byte
		pageURL := ""
		if read != nil {
			ctx, cancel := context.WithTimeout(context.Background(), clipboardWait)
			// No HTML (a copy from an editor), or none in time: the
			// text alone is the page.
			fragment, pageURL, _ = read(ctx)
			cancel()
		}
		return article.CleanPaste([]byte(text), fragment, pageURL, "clipboard")
	})
}

// isWebAddress reports whether s is one http(s) address and nothing else.
func isWebAddress(s string) bool {
	return (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) &&
		!strings.ContainsAny(s, " \t\r\n")
}

// openURL asks for a web address and fetches it with progress and Cancel.
func (im *importer) openURL() {
	if im.sh.dialogOpen() {
		return // one dialog at a time: the key reached the menu from inside a dialog
	}
	e := im.sh.newDialogEntry()
	e.SetPlaceHolder("https://…")
	if clip := strings.TrimSpace(im.sh.clipboard().Content()); isWebAddress(clip) {
		e.SetText(clip)
	}
	var d *dialog.ConfirmDialog
	fetch := func() {
		u := strings.TrimSpace(e.Text)
		if u == "" {
			return
		}
		if !strings.Contains(u, "://") {
			u = "https://" + u
		}
		d.Hide()
		im.fetchURL(u)
	}
	e.OnSubmitted = func(string) { fetch() }
	d = dialog.NewCustomConfirm("Open URL", "Open", "Cancel", e, func(ok bool) {
		if ok {
			fetch()
		}
	}, im.sh.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	im.sh.focus(e)
}

// fetchURL downloads and imports a page; Cancel stops the download at once,
// and the fetcher gives up by itself after article.FetchTimeout. The dialog
// counts the bytes as they arrive, so that a slow site can be told from a
// dead one.
func (im *importer) fetchURL(u string) {
	ctx, cancel := context.WithCancel(im.sh.jobs.ctx) // a quit stops the fetch
	bar := widget.NewProgressBarInfinite()
	msg := widget.NewLabel("Fetching " + u)
	msg.Truncation = fyne.TextTruncateEllipsis
	got := widget.NewLabel("Connecting…")
	got.Importance = widget.LowImportance
	prog := dialog.NewCustom("Opening the page", "Cancel", container.NewVBox(msg, got, bar), im.sh.win)
	prog.SetOnClosed(cancel)
	prog.Resize(fyne.NewSize(480, 0))
	prog.Show()
	var received atomic.Int64
	fetcher := article.NewFetcher()
	fetcher.Progress = func(n, _ int64) { received.Store(n) }
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		showReceived(im.sh, stop, &received, got)
	}()
	im.importWithContext(ctx, u, u, false, func() (*article.Article, error) {
		return fetcher.Load(ctx, u, nil)
	}, func() {
		close(stop)
		<-stopped // it never waits for the main goroutine, so this is short
		if n := received.Load(); n > 0 {
			got.SetText(receivedText(n))
		}
		bar.Stop()
		prog.Hide()
		cancel()
	})
}

// showReceived updates the progress line a few times a second until stop
// is closed.
func showReceived(sh *shell, stop <-chan struct{}, n *atomic.Int64, l *widget.Label) {
	t := time.NewTicker(200 * time.Millisecond)
	defer t.Stop()
	last := int64(0)
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			if v := n.Load(); v != last {
				last = v
				text := receivedText(v)
				sh.do(func() { l.SetText(text) })
			}
		}
	}
}

// receivedText says how much of the page has arrived, in the units the
// size errors use.
func receivedText(n int64) string { return article.SizeString(n) + " received" }

// importWith cleans and stores an article off the main goroutine, then
// opens it; errors come worded for the reader (see article.FetchError).
// source is the web address or file it came from ("" for a paste);
// textCopy says it is text copied from a browser (a paste, a .txt file),
// which seldom names its site, address or date: a new article from one
// asks for them.
func (im *importer) importWith(name, source string, textCopy bool, load func() (*article.Article, error)) {
	im.importWithContext(im.sh.jobs.ctx, name, source, textCopy, load, nil)
}

// importWithContext is importWith that gives up when ctx is cancelled and
// calls done on the main goroutine first when it ends, however it ends.
func (im *importer) importWithContext(ctx context.Context, name, source string, textCopy bool, load func() (*article.Article, error), done func()) {
	var (
		art *article.Article
		res storage.ImportResult
		err error
	)
	if im.refuseReadOnly() {
		if done != nil {
			done()
		}
		return
	}
	opts := storage.ImportOptions{Source: source}
	// The cleaning does not hold the library, so that a quit waits only
	// for a store under way; one not begun by then is cancelled.
	im.sh.jobs.runLoose(func() {
		if art, err = load(); err != nil {
			return
		}
		if opts.Source == "" && textCopy && article.IsPageAddress(art.URL) {
			// A paste that knows its page's address (the browser said
			// it) is that page: pasted again, it updates the article.
			opts.Source = art.URL
		}
		err = context.Canceled
		im.sh.jobs.withLibrary(func() {
			im.storing.Lock()
			defer im.storing.Unlock()
			if err = ctx.Err(); err == nil {
				res, err = im.store(art, opts)
			}
		})
	}, func() {
		if done != nil {
			done()
		}
		im.stored(name, art, opts, res, err)
		if err == nil && textCopy && res.Outcome == storage.ImportNew && im.askDetails != nil && missingDetails(art) {
			im.askDetails(res.ID, art)
		}
	})
}

// missingDetails reports whether an article lacks what a copied page
// seldom states and a reader wants for citing it: the site, the address
// or the date.
func missingDetails(a *article.Article) bool {
	return a.Site == "" || a.URL == "" || a.Published.IsZero()
}

// isTextCopyName reports whether a file is, by its name, text saved from
// a browser rather than a web page.
func isTextCopyName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text", ".md":
		return true
	}
	return false
}

// stored tells the reader what an import did and opens the article; a
// refusal to orphan most highlights becomes a question.
func (im *importer) stored(name string, art *article.Article, opts storage.ImportOptions, res storage.ImportResult, err error) {
	var oe *storage.OrphanError
	switch {
	case errors.Is(err, context.Canceled):
		im.sh.setStatus("Cancelled.")
		return
	case errors.As(err, &oe):
		im.sh.setStatus("Not imported yet: the new text would orphan most highlights of “%s”.", oe.Title)
		im.askReplace(name, art, opts, oe)
		return
	case err != nil:
		im.sh.setStatus("Import failed.")
		im.sh.showError("Could not import "+name, err)
		return
	}
	im.sh.setStatus("%s", importStatus(name, res))
	im.imported(res)
}

// importStatus says in the status line what an import did.
func importStatus(name string, res storage.ImportResult) string {
	switch res.Outcome {
	case storage.ImportUnchanged:
		return fmt.Sprintf("%s is in the library already, unchanged.", name)
	case storage.ImportUpdated:
		return fmt.Sprintf("Updated the article from %s: %s.", name, res.Changes())
	}
	if res.Lookalike != "" {
		return fmt.Sprintf("Imported %s as a new article: it names the address of another article in the library, but its text is different.", name)
	}
	return fmt.Sprintf("Imported %s.", name)
}

// askReplace asks whether a page whose text would orphan most of an
// article's highlights (a paywall, a login page, a different page at the
// same address) should replace that article's text. Keeping the current
// text is what Escape does; replacing needs a click.
func (im *importer) askReplace(name string, art *article.Article, opts storage.ImportOptions, oe *storage.OrphanError) {
	msg := widget.NewLabel(fmt.Sprintf("The new text of “%s” lacks the passages of %d of its %d highlights: the page may now be "+
		"behind a paywall or a login, or the address may show a different page.\n\nIf you replace the text, those highlights are kept "+
		"as orphans, and the current text stays in the library as an earlier version (Edit ▸ Article Versions…), from which it can be restored.",
		oe.Title, oe.Orphaned, oe.Anchored))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	keep := widget.NewButton(keepTextLabel, func() {
		d.Hide()
		im.sh.setStatus("Kept the current text of “%s”; %s was not imported.", oe.Title, name)
	})
	replace := widget.NewButton("Replace Text", func() {
		d.Hide()
		opts.Force = true
		var res storage.ImportResult
		var err error
		im.sh.run(func() { res, err = im.store(art, opts) }, func() { im.stored(name, art, opts, res, err) })
	})
	replace.Importance = widget.DangerImportance
	d = dialog.NewCustomWithoutButtons("Replace the article’s text?", msg, im.sh.win)
	d.SetButtons([]fyne.CanvasObject{keep, replace})
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// keepTextLabel is the button that keeps an article's text; Escape presses
// it (dialogkeys.go).
const keepTextLabel = "Keep Current Text"
