package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/dramatis-app/dramatis/storage"
)

// runList prints the library's articles, newest first: id, date added,
// highlight count and title (or JSON with --json). --search keeps the
// articles whose title or text contains a word or phrase.
func runList(e *Env, args []string) error {
	fs := newFlagSet(e, "list")
	asJSON := fs.Bool("json", false, "print JSON: [{id, title, url, added, highlights, orphaned, …}]")
	search := fs.String("search", "", "only articles whose title or text contains `TEXT` (ignoring case)")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("list takes no arguments (got %q); use --search to filter", pos[0])
	}
	lib, err := openLibraryToRead(e, *libFlag)
	if err != nil {
		return err
	}
	defer lib.Close()
	infos, err := lib.SearchArticles(*search)
	if err != nil {
		return err
	}
	if *asJSON {
		if infos == nil {
			infos = []storage.ArticleInfo{}
		}
		enc := json.NewEncoder(e.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(infos)
	}
	tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
	for _, a := range infos {
		count := fmt.Sprintf("%d", a.Highlights)
		if a.Orphaned > 0 {
			count += fmt.Sprintf(" (%d orphaned)", a.Orphaned)
		}
		title := a.Title
		if title == "" {
			title = "(untitled)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.ID, a.Added.Local().Format("2006-01-02"), count, title)
	}
	return tw.Flush()
}
