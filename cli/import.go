package cli

import (
	"context"
	"fmt"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// runImport cleans each SOURCE (file, URL or -) and stores it, printing one
// article id per line. A source already in the library (same URL, or same
// text) is updated and its highlights re-anchored; stderr says how many
// moved and how many were orphaned. A failing source prints its error and
// the others still run (exit 1 at the end).
func runImport(e *Env, args []string) error {
	fs := newFlagSet(e, "import", "SOURCE...   (files, http(s) URLs or - for stdin)")
	libFlag := addLibraryFlag(fs)
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
	lib, err := openLibrary(e, *libFlag)
	if err != nil {
		return err
	}
	defer lib.Close()
	failed := 0
	for _, src := range sources {
		a, err := article.Load(context.Background(), src, e.Stdin)
		if err == nil {
			var res storage.ImportResult
			res, err = lib.ImportArticle(a)
			if err == nil {
				fmt.Fprintln(e.Stdout, res.ID)
				if res.Updated {
					fmt.Fprintf(e.Stderr, "dramatis import: %s: updated %s: %s\n", src, res.ID, importSummary(res))
				}
				continue
			}
		}
		failed++
		fmt.Fprintf(e.Stderr, "dramatis import: %s\n", oneLine(err.Error()))
	}
	if failed > 0 {
		return errReported
	}
	return nil
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
