package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// runImport cleans each SOURCE (file, URL or -) and stores it, printing
// the article's id on stdout (one per line, for scripts) and on stderr, for
// the reader, which source became which article and what happened: "new",
// "updated: 3 highlights moved, 1 orphaned …" or "unchanged". A source is
// the same article as one in the library only when it is recognisably so
// (storage.Import). A re-import that would orphan most of an article's
// highlights is refused unless --force (the replaced text is kept as a
// version either way). A failing source prints its error and the others
// still run (exit 1 at the end). Every source is read before the library
// is opened, so a slow download (up to --timeout) does not lock the
// library against the window or another command meanwhile; but whether
// another process holds the library is asked first, so that a library
// the window has open fails at once, not after minutes of cleaning.
// Ctrl-C stops it between two sources: what was stored stays (each
// article is its own transaction), the rest is not imported.
func runImport(e *Env, args []string) error {
	fs := newFlagSet(e, "import")
	libFlag := addLibraryFlag(fs)
	timeout := addTimeoutFlag(fs)
	force := fs.Bool("force", false, "replace an article's text even when most of its highlights would be orphaned (the old text is kept as a version)")
	sources, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(sources) == 0 {
		return usagef("no SOURCE given (a file, an http(s) URL or - for stdin)")
	}
	if err := stdinOnce(sources); err != nil {
		return err
	}
	fetcher, ctx, stop, err := newSourceFetcher(*timeout)
	if err != nil {
		return err
	}
	defer stop()
	if err := checkLibraryFree(e, *libFlag); err != nil {
		return err
	}
	loaded := loadSources(ctx, e, fetcher, sources)
	if ctx.Err() != nil {
		fmt.Fprintf(e.Stderr, "dramatis import: interrupted while reading the sources (%d of %d read); nothing was imported\n", len(loaded), len(sources))
		return errInterrupted
	}
	return storeSources(ctx, e, *libFlag, loaded, *force)
}

// storeSources stores the loaded sources, in order, opening the library
// at the first that loaded; Ctrl-C (ctx) stops it before the next one.
func storeSources(ctx context.Context, e *Env, lf libraryFlags, loaded []loadedSource, force bool) error {
	var lib *storage.Library
	failed, stored := 0, 0
	for i, l := range loaded {
		if ctx.Err() != nil {
			fmt.Fprintf(e.Stderr, "dramatis import: interrupted: %d of %d sources imported; the other %d were not\n", stored, len(loaded), len(loaded)-i)
			return errInterrupted
		}
		if l.err == nil && lib == nil {
			var err error
			if lib, err = openLibrary(e, lf); err != nil {
				reportLoadErrors(e, loaded)
				return err
			}
			defer lib.Close()
		}
		switch {
		case l.err != nil:
			fmt.Fprintf(e.Stderr, "dramatis import: %s\n", oneLine(l.err.Error()))
			failed++
		case storeSource(e, lib, l, force):
			stored++
		default:
			failed++
		}
	}
	if failed > 0 {
		return errReported
	}
	return nil
}

// reportLoadErrors prints the errors of the sources that could not be read.
func reportLoadErrors(e *Env, loaded []loadedSource) {
	for _, l := range loaded {
		if l.err != nil {
			fmt.Fprintf(e.Stderr, "dramatis import: %s\n", oneLine(l.err.Error()))
		}
	}
}

// storeSource imports one cleaned source and reports it; false when it
// failed or was refused.
func storeSource(e *Env, lib *storage.Library, l loadedSource, force bool) bool {
	label := sourceLabel(l.source)
	res, err := lib.Import(l.article, storage.ImportOptions{Source: l.source, Force: force})
	var oe *storage.OrphanError
	switch {
	case errors.As(err, &oe):
		fmt.Fprintf(e.Stderr, "dramatis import: %s: refused: %s. To replace the text anyway, import it again with --force; "+
			"the current text is then kept as a version ('dramatis versions %s')\n", label, oneLine(oe.Error()), oe.ArticleID)
		return false
	case err != nil:
		fmt.Fprintf(e.Stderr, "dramatis import: %s: %s\n", label, oneLine(err.Error()))
		return false
	}
	fmt.Fprintln(e.Stdout, res.ID)
	fmt.Fprintf(e.Stderr, "dramatis import: %s: %s %s\n", label, res.ID, res.Summary())
	if len(res.QuoteChangedIDs) > 0 {
		fmt.Fprintf(e.Stderr, "dramatis import: %s: the words under %s changed; each keeps the quote you highlighted ('dramatis show %s' marks them)\n",
			label, strings.Join(res.QuoteChangedIDs, ", "), res.ID)
	}
	return true
}

// maxLabelRunes bounds how much of a source an import line repeats (a
// 100 KB URL must not fill the terminal).
const maxLabelRunes = 120

// sourceLabel is a source as the reader typed it, shortened to
// maxLabelRunes, "standard input" for -.
func sourceLabel(src string) string {
	if src == "-" {
		return "standard input"
	}
	if r := []rune(src); len(r) > maxLabelRunes {
		return string(r[:maxLabelRunes-1]) + "…"
	}
	return src
}

// loadedSource is one source, cleaned and waiting to be stored, or the
// error that kept it from being read.
type loadedSource struct {
	source  string
	article *article.Article
	err     error
}

// loadSources cleans every source, in order; the errors are reported with
// the results, so that the lines follow the order of the sources. Ctrl-C
// (ctx) stops it before the next source: a local file is read without
// looking at ctx, so the loop must.
func loadSources(ctx context.Context, e *Env, fetcher *article.Fetcher, sources []string) []loadedSource {
	loaded := make([]loadedSource, 0, len(sources))
	for _, src := range sources {
		if ctx.Err() != nil {
			break
		}
		a, err := loadSource(ctx, e, fetcher, src)
		loaded = append(loaded, loadedSource{source: src, article: a, err: err})
	}
	return loaded
}

// addTimeoutFlag adds --timeout, how long clean and import wait for a URL.
func addTimeoutFlag(fs *flag.FlagSet) *time.Duration {
	return fs.Duration("timeout", article.FetchTimeout, "give up on a URL that has not answered completely after this long")
}

// newSourceFetcher returns the fetcher clean and import read their sources
// with, and a context that Ctrl-C cancels, so that it stops a slow download
// instead of waiting for its timeout; call stop when done.
func newSourceFetcher(timeout time.Duration) (f *article.Fetcher, ctx context.Context, stop context.CancelFunc, err error) {
	if timeout <= 0 {
		return nil, nil, nil, usagef("--timeout must be positive, not %v", timeout)
	}
	f = article.NewFetcher()
	f.Timeout = timeout
	ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt)
	return f, ctx, stop, nil
}

// stdinOnce refuses "-" given twice: standard input can be read once.
func stdinOnce(sources []string) error {
	n := 0
	for _, s := range sources {
		if s == "-" {
			n++
		}
	}
	if n > 1 {
		return usagef("- (stdin) can be given only once")
	}
	return nil
}
