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
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/article"
	libstorage "github.com/dramatis-app/dramatis/storage"
)

// maxImportBytes caps a file read for import; a news page is far smaller,
// and reading a huge file by mistake must not freeze the machine.
const maxImportBytes = 32 << 20

// urlTimeout bounds a URL import even if the reader never presses Cancel.
const urlTimeout = 90 * time.Second

// openFile imports an HTML or text file chosen in the file dialog.
func (a *App) openFile() {
	if a.dialogOpen() {
		return // one dialog at a time: the key reached the menu from inside a dialog
	}
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			a.showError("Could not open the file", err)
			return
		}
		if rc == nil {
			return // cancelled
		}
		if dir, err := storage.Parent(rc.URI()); err == nil {
			a.fa.Preferences().SetString(prefOpenFolder, dir.String())
		}
		a.importURI(rc.URI(), rc)
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".html", ".htm", ".xhtml", ".txt", ".text", ".md"}))
	if last := a.fa.Preferences().String(prefOpenFolder); last != "" {
		if u, err := storage.ParseURI(last); err == nil {
			if l, err := storage.ListerForURI(u); err == nil {
				d.SetLocation(l)
			}
		}
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// dropped imports files dropped onto the window, one after the other.
func (a *App) dropped(_ fyne.Position, uris []fyne.URI) {
	for _, u := range uris {
		a.importURI(u, nil)
	}
}

// importURI reads a file (from an open reader, or by opening the URI) off
// the main goroutine, cleans it and stores it.
func (a *App) importURI(u fyne.URI, rc fyne.URIReadCloser) {
	name := u.Name()
	a.setStatus("Importing %s…", name)
	a.importWith(name, func() (*article.Article, error) {
		if rc == nil {
			var err error
			if rc, err = storage.Reader(u); err != nil {
				return nil, fmt.Errorf("cannot read %s: %w", name, err)
			}
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, maxImportBytes+1))
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", name, err)
		}
		if len(data) > maxImportBytes {
			return nil, fmt.Errorf("%s is larger than %d MB; that is not a news page", name, maxImportBytes>>20)
		}
		return article.LoadBytes(data, name, "")
	})
}

// pastePage imports a page copied from the browser: the clipboard text goes
// through the plain-text cleaner, which drops menus, captions and ads.
func (a *App) pastePage() {
	if a.dialogOpen() {
		return // one dialog at a time: the key reached the menu from inside a dialog
	}
	text := a.fa.Clipboard().Content()
	if strings.TrimSpace(text) == "" {
		a.showError("Nothing to paste", errors.New("the clipboard holds no text; copy the page in the browser (Ctrl+A, Ctrl+C) and try again"))
		return
	}
	if u := strings.TrimSpace(text); isWebAddress(u) {
		// The reader copied the address bar, not the page: open the page.
		a.fetchURL(u)
		return
	}
	a.setStatus("Importing the pasted page…")
	a.importWith("the pasted page", func() (*article.Article, error) {
		return article.CleanText([]byte(text), "clipboard")
	})
}

// isWebAddress reports whether s is one http(s) address and nothing else.
func isWebAddress(s string) bool {
	return (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) &&
		!strings.ContainsAny(s, " \t\r\n")
}

// openURL asks for a web address and fetches it with progress and Cancel.
func (a *App) openURL() {
	if a.dialogOpen() {
		return // one dialog at a time: the key reached the menu from inside a dialog
	}
	e := a.newDialogEntry()
	e.SetPlaceHolder("https://…")
	if clip := strings.TrimSpace(a.fa.Clipboard().Content()); isWebAddress(clip) {
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
		a.fetchURL(u)
	}
	e.OnSubmitted = func(string) { fetch() }
	d = dialog.NewCustomConfirm("Open URL", "Open", "Cancel", e, func(ok bool) {
		if ok {
			fetch()
		}
	}, a.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	a.win.Canvas().Focus(e)
}

// fetchURL downloads and imports a page; Cancel stops the download at once.
// The dialog counts the bytes as they arrive, so that a slow site can be
// told from a dead one.
func (a *App) fetchURL(u string) {
	ctx, cancel := context.WithTimeout(context.Background(), urlTimeout)
	bar := widget.NewProgressBarInfinite()
	msg := widget.NewLabel("Fetching " + u)
	msg.Truncation = fyne.TextTruncateEllipsis
	got := widget.NewLabel("Connecting…")
	got.Importance = widget.LowImportance
	prog := dialog.NewCustom("Opening the page", "Cancel", container.NewVBox(msg, got, bar), a.win)
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
	a.importWithContext(ctx, u, func() (*article.Article, error) {
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
func (a *App) importWith(name string, load func() (*article.Article, error)) {
	a.importWithContext(context.Background(), name, load, nil)
}

func (a *App) importWithContext(ctx context.Context, name string, load func() (*article.Article, error), done func()) {
	var (
		res libstorage.ImportResult
		err error
	)
	a.run(func() {
		var art *article.Article
		if art, err = load(); err != nil {
			return
		}
		if ctx.Err() != nil {
			err = ctx.Err()
			return
		}
		res, err = a.lib.ImportArticle(art)
	}, func() {
		if done != nil {
			done()
		}
		if errors.Is(err, context.Canceled) {
			a.setStatus("Cancelled.")
			return
		}
		if err != nil {
			a.setStatus("Import failed.")
			a.showError("Could not import "+name, err)
			return
		}
		switch {
		case res.Updated && res.Orphaned > 0:
			a.setStatus("Updated the article; %d highlight(s) no longer fit its text and are listed in the notes.", res.Orphaned)
		case res.Updated:
			a.setStatus("Updated the article already in the library.")
		default:
			a.setStatus("Imported %s.", name)
		}
		a.library.search.SetText("")
		a.library.selected = ""
		a.library.reload()
		a.openArticle(res.ID)
	})
}
