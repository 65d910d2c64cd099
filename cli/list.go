package cli

import (
	"encoding/json"

	"github.com/dramatis-app/dramatis/storage"
)

// runList prints the library's articles, newest first: id, date added,
// highlight count and title (or JSON with --json). --search and the
// filters (those of search) keep the articles they find.
func runList(e *Env, args []string) error {
	fs := newFlagSet(e, "list")
	asJSON := fs.Bool("json", false, "print JSON: [{id, title, url, added, highlights, orphaned, …}]")
	search := fs.String("search", "", "only articles where `WORDS` are found (as 'dramatis search' finds them)")
	filters := addFilterFlags(fs)
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
	var infos []storage.ArticleInfo
	if filters.any() || *search != "" || filters.sortBy != "added" {
		infos, err = listWithFilters(lib, filters, *search)
	} else {
		infos, err = lib.Articles()
	}
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
	return writeList(e.Stdout, infos)
}
