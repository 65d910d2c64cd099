package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/annotation/recognize"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// runActorsSuggest lists the actors of an article: the known ones (library
// and built-in) and new candidate people and organisations, each with kind,
// number of mentions and first offset.
//
//	dramatis actors suggest ARTICLE|SOURCE [--json] [--library PATH]
//
// ARTICLE is an article id or unique id prefix in the library; SOURCE is a
// file, an http(s) URL or - (stdin), cleaned as 'dramatis clean' does. An
// existing file wins over an id prefix of the same spelling. For a SOURCE
// the library only contributes its actors, and is not created when absent.
func runActorsSuggest(e *Env, args []string) error {
	fs := newUsageFlagSet(e, "actors suggest ARTICLE|SOURCE [--json]")
	asJSON := fs.Bool("json", false, "print JSON: [{name, kind, known, count, aliases_seen, first_offset}]")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one ARTICLE (id or prefix) or SOURCE (file, URL or -), got %d", len(pos))
	}
	arg := pos[0]

	var (
		art  *article.Article
		user []annotation.Actor
	)
	if isSource(arg) {
		art, err = article.Load(context.Background(), arg, e.Stdin)
		if err != nil {
			return err
		}
		user, err = libraryActorsIfAny(e, *libFlag)
		if err != nil {
			fmt.Fprintf(e.Stderr, "dramatis actors suggest: library actors not used: %s\n", oneLine(err.Error()))
		}
	} else {
		lib, err := openLibraryToRead(e, *libFlag)
		if err != nil {
			return err
		}
		defer lib.Close()
		id, err := lib.ResolveArticle(arg)
		if err != nil {
			return fmt.Errorf("%w (and no file named %q)", err, arg)
		}
		if art, _, err = lib.Article(id); err != nil {
			return err
		}
		if user, err = lib.Actors(); err != nil {
			return fmt.Errorf("reading the library's actors: %w", err)
		}
	}

	cands := recognize.NewMatcher(user).DiscoverLang(art.Text(), art.Lang)
	if *asJSON {
		return writeCandidatesJSON(e.Stdout, cands)
	}
	return writeCandidatesText(e.Stdout, cands)
}

// isSource reports whether the argument names a page to clean rather than
// an article in the library.
func isSource(arg string) bool {
	if arg == "-" || strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
		return true
	}
	st, err := os.Stat(arg)
	return err == nil && !st.IsDir()
}

// libraryActorsIfAny returns the actors of the library when there is one;
// suggesting actors for a page must not create a library as a side effect.
func libraryActorsIfAny(e *Env, lf libraryFlags) ([]annotation.Actor, error) {
	lib, err := openLibraryToRead(e, lf)
	if errors.Is(err, storage.ErrNoLibrary) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer lib.Close()
	return lib.Actors()
}

// writeCandidatesJSON prints the candidates as a JSON array (never null).
func writeCandidatesJSON(w io.Writer, cands []recognize.Candidate) error {
	if cands == nil {
		cands = []recognize.Candidate{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(cands)
}

// writeCandidatesText prints one candidate per line in aligned columns.
func writeCandidatesText(w io.Writer, cands []recognize.Candidate) error {
	if len(cands) == 0 {
		_, err := fmt.Fprintln(w, "no actors found")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KIND\tCOUNT\tKNOWN\tFIRST\tNAME\tSEEN AS")
	for _, c := range cands {
		known := "new"
		switch {
		case c.ActorID != "":
			known = "library"
		case c.Known:
			known = "built-in"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%d\t%s\t%s\n", c.Kind, c.Count, known, c.FirstOffset, c.Name, strings.Join(c.AliasesSeen, ", "))
	}
	return tw.Flush()
}
