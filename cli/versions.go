package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dramatis-app/dramatis/storage"
)

// runVersions shows and restores the texts an article has had:
//
//	dramatis versions [list] ARTICLE [--json]
//	dramatis versions show ARTICLE N [--json]
//	dramatis versions restore ARTICLE N [--force]
//
// Every re-import, restore or backup import that changes an article keeps
// what it replaces as a version (the last ten).
func runVersions(e *Env, args []string) error {
	sub := "list"
	if len(args) > 0 {
		switch args[0] {
		case "list", "show", "restore":
			sub, args = args[0], args[1:]
		}
	}
	switch sub {
	case "show":
		return runVersionsShow(e, args)
	case "restore":
		return runVersionsRestore(e, args)
	}
	return runVersionsList(e, args)
}

// versionJSON is one version in 'dramatis versions --json'.
type versionJSON struct {
	Number   int    `json:"number"`
	Current  bool   `json:"current"`
	Title    string `json:"title"`
	URL      string `json:"url"`
	Source   string `json:"source"`
	Chars    int    `json:"chars"`
	Since    string `json:"since"`
	Replaced string `json:"replaced"`
	Reason   string `json:"reason"`
	// Restore says what restoring it would do to the article's highlights
	// now (absent for the current version).
	Restore *restoreJSON `json:"restore,omitempty"`
}

type restoreJSON struct {
	Highlights int `json:"highlights"`
	Found      int `json:"found"`
	Orphaned   int `json:"orphaned"`
	// NeedsForce: restoring would orphan most highlights that fit now.
	NeedsForce bool `json:"needs_force"`
}

func runVersionsList(e *Env, args []string) error {
	fs := newUsageFlagSet(e, "versions [list] ARTICLE [--json]")
	asJSON := fs.Bool("json", false, "print JSON: [{number, current, title, url, source, chars, since, replaced, reason, restore}]")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one ARTICLE (an id or a unique id prefix), got %d", len(pos))
	}
	lib, id, err := openArticle(e, *libFlag, pos[0], openLibraryToRead)
	if err != nil {
		return err
	}
	defer lib.Close()
	vs, err := lib.Versions(id)
	if err != nil {
		return err
	}
	out := make([]versionJSON, 0, len(vs))
	for _, v := range vs {
		j := versionJSON{Number: v.Number, Current: v.Current, Title: v.Title, URL: v.URL, Source: v.Source,
			Chars: v.Chars, Since: rfc3339OrEmpty(v.Since), Replaced: rfc3339OrEmpty(v.Replaced), Reason: v.Reason}
		if !v.Current {
			p, err := lib.PreviewRestore(id, v.Number)
			if err != nil {
				return err
			}
			j.Restore = &restoreJSON{Highlights: p.Highlights, Found: p.Highlights - p.Orphaned, Orphaned: p.Orphaned,
				NeedsForce: p.NeedsForce}
		}
		out = append(out, j)
	}
	if *asJSON {
		return writeJSON(e.Stdout, out)
	}
	return writeVersionsTable(e.Stdout, id, out)
}

// writeVersionsTable prints the versions, newest first, and how to see and
// restore one.
func writeVersionsTable(w io.Writer, id string, vs []versionJSON) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "VERSION\tFROM\tUNTIL\tCHARACTERS\tRESTORING FINDS\tTITLE")
	for _, v := range vs {
		until, finds := "now", ""
		if !v.Current {
			until = localTime(v.Replaced) + ", " + v.Reason
			finds = "-"
			if r := v.Restore; r.Highlights > 0 {
				finds = fmt.Sprintf("%d of %d highlights", r.Found, r.Highlights)
				if r.NeedsForce {
					finds += " (--force)"
				}
			}
		}
		title := v.Title
		if title == "" {
			title = "Untitled"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%s\n", v.Number, localTime(v.Since), until, v.Chars, finds, oneLine(title))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(vs) > 1 {
		_, err := fmt.Fprintf(w, "\nSee one with 'dramatis versions show %s N', bring it back with 'dramatis versions restore %s N'.\n", id, id)
		return err
	}
	_, err := fmt.Fprintln(w, "\nNo earlier versions: the article has had this text since it was imported.")
	return err
}

// localTime formats an RFC 3339 time as the reader's local minute.
func localTime(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.Local().Format("2006-01-02 15:04")
}

func runVersionsShow(e *Env, args []string) error {
	fs := newUsageFlagSet(e, "versions show ARTICLE N [--json]")
	asJSON := fs.Bool("json", false, "print JSON: metadata, blocks and text of that version")
	lib, id, n, err := openVersion(e, fs, args, openLibraryToRead)
	if err != nil {
		return err
	}
	defer lib.Close()
	a, v, err := lib.VersionArticle(id, n)
	if err != nil {
		return err
	}
	info := storage.ArticleInfo{ID: id, Added: v.Added} // no "version N" line: the heading says it
	if *asJSON {
		return writeShowJSON(e.Stdout, a, info, nil, showTags{})
	}
	what := fmt.Sprintf("Version %d of %s, the article's text from %s", v.Number, id, v.Since.Local().Format("2006-01-02 15:04"))
	if !v.Current {
		what += fmt.Sprintf(" until %s (%s)", v.Replaced.Local().Format("2006-01-02 15:04"), v.Reason)
	} else {
		what += " until now"
	}
	if _, err := fmt.Fprintf(e.Stdout, "%s\n\n", what); err != nil {
		return err
	}
	return writeShowText(e.Stdout, a, info, nil, showTags{})
}

func runVersionsRestore(e *Env, args []string) error {
	fs := newUsageFlagSet(e, "versions restore ARTICLE N [--force]")
	force := fs.Bool("force", false, "restore even when most of the article's highlights would be orphaned")
	lib, id, n, err := openVersion(e, fs, args, openLibrary)
	if err != nil {
		return err
	}
	defer lib.Close()
	res, err := lib.RestoreVersion(id, n, *force)
	var oe *storage.OrphanError
	if errors.As(err, &oe) {
		return fmt.Errorf("%s. Restore it anyway with --force; the current text is then kept as a version", oe.Error())
	}
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.Stdout, "Restored version %d of %s as version %d: %s\n", n, id, res.Version, res.Changes())
	return err
}

// openVersion adds the library flags to fs (which holds the sub-command's
// own), parses args as ARTICLE N, opens the library with open and returns
// it with the article's id and N.
func openVersion(e *Env, fs *flag.FlagSet, args []string, open func(*Env, libraryFlags) (*storage.Library, error)) (*storage.Library, string, int, error) {
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, "", 0, err
	}
	n, err := versionArgs(pos)
	if err != nil {
		return nil, "", 0, err
	}
	lib, id, err := openArticle(e, *libFlag, pos[0], open)
	return lib, id, n, err
}

// versionArgs checks ARTICLE N and returns N ("3" or "v3").
func versionArgs(pos []string) (int, error) {
	if len(pos) != 2 {
		return 0, usagef("want ARTICLE and a version number N, got %d arguments", len(pos))
	}
	n, err := strconv.Atoi(strings.TrimPrefix(strings.ToLower(pos[1]), "v"))
	if err != nil || n < 1 {
		return 0, usagef("%q is not a version number (1, 2, … as 'dramatis versions ARTICLE' lists them)", pos[1])
	}
	return n, nil
}

// writeJSON prints v as indented JSON, keeping <, > and & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
