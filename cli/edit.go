package cli

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/dramatis-app/dramatis/storage"
)

// publishedLayouts are the forms --published takes, most precise first;
// a time without a zone is local time.
var publishedLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02"}

// parsePublished reads a --published value; "" clears the date.
func parsePublished(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, l := range publishedLayouts {
		if t, err := time.ParseInLocation(l, s, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, usagef("--published %q is not a date (use 2024-11-08, 2024-11-08T12:22 or RFC 3339)", s)
}

// runEdit corrects an article's metadata: what the reader sets wins over
// what the page says, also when the page is imported again.
//
//	dramatis edit ARTICLE [--title T] [--site S] [--url U] [--published D]
//	                      [--author A]... [--lang L] [--section S]
func runEdit(e *Env, args []string) error {
	fs := newFlagSet(e, "edit")
	strs := map[string]*string{}
	for _, f := range []struct{ name, help string }{
		{"title", "the `TITLE`"}, {"site", "the site or source, e.g. `NAME` of the newspaper"},
		{"url", "the article's web `ADDRESS`"}, {"lang", "the language `CODE` (de, en, …)"},
		{"section", "the section or kicker `TEXT`"}, {"published", "when it was published: `DATE` 2024-11-08, 2024-11-08T12:22 or RFC 3339 ('' clears it)"},
	} {
		strs[f.name] = fs.String(f.name, "", f.help)
	}
	var authors repeatedFlag
	fs.Var(&authors, "author", "an `AUTHOR` (repeatable; replaces the authors; --author '' clears them)")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one ARTICLE (an id or a unique id prefix), got %d", len(pos))
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var ed storage.ArticleEdit
	for name, dst := range map[string]**string{"title": &ed.Title, "site": &ed.Site, "url": &ed.URL, "lang": &ed.Lang, "section": &ed.Section} {
		if set[name] {
			*dst = strs[name]
		}
	}
	if set["author"] {
		ed.Authors = (*[]string)(&authors)
	}
	if set["published"] {
		t, err := parsePublished(*strs["published"])
		if err != nil {
			return err
		}
		ed.Published = &t
	}
	delete(set, "library")
	delete(set, "wait")
	if len(set) == 0 {
		return usagef("nothing to change: give --title, --site, --url, --published, --author, --lang or --section")
	}
	lib, id, err := openArticle(e, *libFlag, pos[0], openLibrary)
	if err != nil {
		return err
	}
	defer lib.Close()
	info, err := lib.EditArticle(id, ed)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "dramatis edit: %s now reads %q", id, info.Title)
	if info.Site != "" {
		fmt.Fprintf(e.Stderr, " · %s", info.Site)
	}
	if !info.Published.IsZero() {
		// The page's own wall clock, as the window's Article Info shows it.
		fmt.Fprintf(e.Stderr, " · %s", info.Published.Format("2006-01-02 15:04"))
	}
	fmt.Fprintln(e.Stderr)
	return nil
}
