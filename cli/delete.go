package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/dramatis-app/dramatis/internal/plural"
	"github.com/dramatis-app/dramatis/storage"
)

// runDelete deletes articles with their highlights and kept versions,
// as the window's Delete article does:
//
//	dramatis delete ARTICLE... [--yes]
//
// It cannot be undone, so, as the window does, it asks first: on a
// terminal it asks for each article; elsewhere (a script) it refuses
// unless --yes says the deletion is meant. Every article named is found
// before any is deleted.
func runDelete(e *Env, args []string) error {
	fs := newFlagSet(e, "delete")
	yes := fs.Bool("yes", false, "delete without asking")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("want one or more ARTICLEs (ids or unique id prefixes)")
	}
	lib, err := openLibrary(e, *libFlag)
	if err != nil {
		return err
	}
	defer lib.Close()
	infos, err := resolveArticles(lib, pos)
	if err != nil {
		return err
	}
	ask := !*yes && isTerminal(e.Stdin)
	if !*yes && !ask {
		return fmt.Errorf("deleting %s cannot be undone: give --yes to go ahead", deletionWhat(infos))
	}
	in := bufio.NewReader(e.Stdin)
	for _, info := range infos {
		if ask && !confirm(e.Stderr, in, "Delete "+deletionWhat([]storage.ArticleInfo{info})+"? This cannot be undone.") {
			fmt.Fprintf(e.Stderr, "dramatis delete: kept %s\n", info.ID)
			continue
		}
		if err := lib.DeleteArticle(info.ID); err != nil {
			return err
		}
		fmt.Fprintf(e.Stderr, "dramatis delete: deleted %s\n", deletionWhat([]storage.ArticleInfo{info}))
	}
	return nil
}

// resolveArticles resolves article ids or prefixes, each once, in order.
func resolveArticles(lib *storage.Library, refs []string) ([]storage.ArticleInfo, error) {
	ids, err := lib.ResolveArticles(refs)
	if err != nil {
		return nil, err
	}
	return lib.ArticleInfos(ids)
}

// deletionWhat names what deleting articles removes: "article ID „Title“
// and its 3 highlights", or "2 articles and their 1 highlight".
func deletionWhat(infos []storage.ArticleInfo) string {
	if len(infos) == 1 {
		s := fmt.Sprintf("article %s %s", infos[0].ID, shortQuote(infos[0].Title))
		if n := infos[0].Highlights; n > 0 {
			s += " and its " + plural.Of(n, "highlight")
		}
		return s
	}
	n := 0
	for _, in := range infos {
		n += in.Highlights
	}
	return plural.Of(len(infos), "article") + " and their " + plural.Of(n, "highlight")
}

// confirm asks a yes/no question on w and reads the answer from in; only
// y or yes (any case) is yes, so that Enter keeps what is there.
func confirm(w io.Writer, in *bufio.Reader, question string) bool {
	fmt.Fprintf(w, "%s [y/N] ", question)
	line, _ := in.ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "j", "ja":
		return true
	}
	return false
}
