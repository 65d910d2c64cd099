package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// runImport cleans each SOURCE (file, URL or -) and stores it, printing one
// article id per line. A source already in the library (same URL, or same
// text) is updated and its highlights re-anchored; stderr says how many
// moved and how many were orphaned. A failing source prints its error and
// the others still run (exit 1 at the end). Every source is read before the
// library is opened, so a slow download (up to --timeout) does not lock the
// library against the window or another command meanwhile.
func runImport(e *Env, args []string) error {
	fs := newFlagSet(e, "import")
	libFlag := addLibraryFlag(fs)
	timeout := addTimeoutFlag(fs)
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
	loaded, failed := loadSources(ctx, e, fetcher, sources)
	if len(loaded) > 0 {
		lib, err := openLibrary(e, *libFlag)
		if err != nil {
			return err
		}
		defer lib.Close()
		for _, l := range loaded {
			res, err := lib.ImportArticle(l.article)
			if err != nil {
				failed++
				fmt.Fprintf(e.Stderr, "dramatis import: %s\n", oneLine(err.Error()))
				continue
			}
			fmt.Fprintln(e.Stdout, res.ID)
			if res.Updated {
				fmt.Fprintf(e.Stderr, "dramatis import: %s: updated %s: %s\n", l.source, res.ID, importSummary(res))
			}
		}
	}
	if failed > 0 {
		return errReported
	}
	return nil
}

// loadedSource is one cleaned source waiting to be stored.
type loadedSource struct {
	source  string
	article *article.Article
}

// loadSources cleans every source, printing the error of each that fails.
func loadSources(ctx context.Context, e *Env, fetcher *article.Fetcher, sources []string) ([]loadedSource, int) {
	var loaded []loadedSource
	failed := 0
	for _, src := range sources {
		a, err := loadSource(ctx, e, fetcher, src)
		if err != nil {
			failed++
			fmt.Fprintf(e.Stderr, "dramatis import: %s\n", oneLine(err.Error()))
			continue
		}
		loaded = append(loaded, loadedSource{source: src, article: a})
	}
	return loaded, failed
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

// importSummary says what re-importing did to an article's highlights.
func importSummary(r storage.ImportResult) string {
	if r.Highlights == 0 {
		return "no highlights to re-anchor"
	}
	return fmt.Sprintf("%d highlight(s), %d re-anchored, %d orphaned", r.Highlights, r.Reanchored, r.Orphaned)
}
