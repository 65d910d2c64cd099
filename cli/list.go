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
	filters := addFilterFlags(fs, sortAdded)
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("list takes no arguments (got %q); use --search to filter", pos[0])
	}
	if err := checkQueryWords(*search); err != nil {
		return err
	}
	infos, st, err := listArticles(e, *libFlag, filters, *search)
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
		err = enc.Encode(infos)
	} else {
		err = writeList(e.Stdout, infos)
	}
	if err != nil {
		return err
	}
	completeIndex(e, *libFlag, st)
	return nil
}

// listArticles reads the articles list prints: all, or, with filters or
// --search, those a search finds (with how far the search index was;
// without them the index plays no part and is reported ready).
func listArticles(e *Env, lf libraryFlags, filters *filterFlags, search string) ([]storage.ArticleInfo, storage.IndexStatus, error) {
	lib, err := openLibraryToRead(e, lf)
	if err != nil {
		return nil, storage.IndexStatus{}, err
	}
	defer lib.Close()
	if filters.any() || search != "" || filters.sortBy != sortAdded {
		return listWithFilters(lib, filters, search)
	}
	infos, err := lib.Articles()
	return infos, storage.IndexStatus{Ready: true}, err
}
