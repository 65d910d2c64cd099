package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
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
// to imported.
type importer struct {
	sh *shell
	// store stores a cleaned article (off the main goroutine).
	store func(*article.Article) (storage.ImportResult, error)
	// imported shows a stored article.
	imported func(res storage.ImportResult)
}

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
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".html", ".htm", ".xhtml", ".txt", ".text", ".md"}))
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

// dropped imports files dropped onto the window, one after the other.
func (im *importer) dropped(_ fyne.Position, uris []fyne.URI) {
	for _, u := range uris {
		im.importURI(u, nil)
	}
}

// importURI reads a file (from an open reader, or by opening the URI) off
// the main goroutine, cleans it and stores it.
func (im *importer) importURI(u fyne.URI, rc fyne.URIReadCloser) {
	name := u.Name()
	im.sh.setStatus("Importing %s…", name)
	im.importWith(name, func() (*article.Article, error) {
		if rc == nil {
			var err error
			if rc, err = fynestorage.Reader(u); err != nil {
				return nil, fmt.Errorf("cannot read %s: %w", name, err)
			}
		}
		defer rc.Close()
		// One byte more than the cleaners take, so that LoadBytes can
		// say the file is too large rather than clean a cut-off page.
		data, err := io.ReadAll(io.LimitReader(rc, article.MaxPageBytes+1))
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", name, err)
		}
		return article.LoadBytes(data, name, "")
	})
}

// pastePage imports a page copied from the browser: the clipboard text goes
// through the plain-text cleaner, which drops menus, captions and ads.
func (im *importer) pastePage() {
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
	im.importWith("the pasted page", func() (*article.Article, error) {
		return article.CleanText([]byte(text), "clipboard")
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
	ctx, cancel := context.WithCancel(context.Background())
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
		showReceived(stop, &received, got)
	}()
	im.importWithContext(ctx, u, func() (*article.Article, error) {
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
func showReceived(stop <-chan struct{}, n *atomic.Int64, l *widget.Label) {
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
				fyne.Do(func() { l.SetText(text) })
			}
		}
	}
}

// receivedText says how much of the page has arrived, in the units the
// size errors use.
func receivedText(n int64) string { return article.SizeString(n) + " received" }

// importWith cleans and stores an article off the main goroutine, then
// opens it; errors come worded for the reader (see article.FetchError).
func (im *importer) importWith(name string, load func() (*article.Article, error)) {
	im.importWithContext(context.Background(), name, load, nil)
}

// importWithContext is importWith that gives up when ctx is cancelled and
// calls done on the main goroutine first when it ends, however it ends.
func (im *importer) importWithContext(ctx context.Context, name string, load func() (*article.Article, error), done func()) {
	var (
		res storage.ImportResult
		err error
	)
	im.sh.run(func() {
		var art *article.Article
		if art, err = load(); err != nil {
			return
		}
		if ctx.Err() != nil {
			err = ctx.Err()
			return
		}
		res, err = im.store(art)
	}, func() {
		if done != nil {
			done()
		}
		if errors.Is(err, context.Canceled) {
			im.sh.setStatus("Cancelled.")
			return
		}
		if err != nil {
			im.sh.setStatus("Import failed.")
			im.sh.showError("Could not import "+name, err)
			return
		}
		switch {
		case res.Updated && res.Orphaned > 0:
			im.sh.setStatus("Updated the article; %d highlight(s) no longer fit its text and are listed in the notes.", res.Orphaned)
		case res.Updated:
			im.sh.setStatus("Updated the article already in the library.")
		default:
			im.sh.setStatus("Imported %s.", name)
		}
		im.imported(res)
	})
}
