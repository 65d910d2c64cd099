package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/plural"
	"github.com/dramatis-app/dramatis/storage"
)

// runHighlight changes or removes a highlight, as the window's picker and
// its Delete do:
//
//	dramatis highlight edit ARTICLE HIGHLIGHT [--note T] [--color C]
//	        [--actor NAME[:ROLE] [--topic TOPIC[:STANCE]]...]... [--no-actors]
//	dramatis highlight delete ARTICLE HIGHLIGHT
//
// HIGHLIGHT is a highlight id, or a prefix of one that only one of the
// article's highlights has ('dramatis show ARTICLE' lists them).
func runHighlight(e *Env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			newFlagSet(e, "highlight").Usage()
			return flag.ErrHelp
		}
		return usagef("want edit or delete")
	}
	switch sub, rest := args[0], args[1:]; sub {
	case "edit":
		return runHighlightEdit(e, rest)
	case "delete":
		return runHighlightDelete(e, rest)
	default:
		return usagef("unknown highlight command %q (edit or delete)", sub)
	}
}

// highlightEditUsage is the synopsis of 'highlight edit'.
const highlightEditUsage = "highlight edit ARTICLE HIGHLIGHT [--note TEXT] [--color NAME] [--actor NAME[:ROLE] [--topic TOPIC[:STANCE]]...]... [--no-actors]"

// runHighlightEdit changes a highlight's note, colour or actors with
// their statements. --actor replaces the actors (the highlight holds the
// ones given, in that order); unknown actors and topics are created with
// the change, in one transaction, as annotate does.
func runHighlightEdit(e *Env, args []string) error {
	fs := newUsageFlagSet(e, highlightEditUsage)
	note := fs.String("note", "", "the note (replaces it; '' clears it)")
	color := fs.String("color", "", "the colour: "+strings.Join(storage.HighlightColorNames, ", ")+" or #rrggbb ('' is the default)")
	var order statementFlags
	fs.Var(order.kind("actor"), "actor", "actor `NAME[:ROLE]` (role "+annotation.RoleChoices()+"); the actors given replace the highlight's (repeatable; unknown names are created)")
	fs.Var(order.kind("topic"), "topic", "the actor before it makes a statement on `TOPIC[:STANCE]` (stance "+annotation.StanceChoices()+", or + - 0; repeatable; "+topicPathHelp+")")
	noActors := fs.Bool("no-actors", false, "remove every actor from the highlight")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("want ARTICLE and HIGHLIGHT (ids or unique id prefixes), got %s", plural.Of(len(pos), "argument"))
	}
	set := flagsSet(fs)
	if !set["note"] && !set["color"] && !set["actor"] && !set["topic"] && !*noActors {
		return usagef("nothing to change: give --note, --color, --actor or --no-actors")
	}
	if *noActors && set["actor"] {
		return usagef("--no-actors and --actor contradict each other")
	}
	colour := ""
	if set["color"] && *color != "" {
		if colour, err = highlightColour(*color); err != nil {
			return err
		}
	}
	wanted, err := order.parse()
	if err != nil {
		return err
	}
	lib, err := openLibrary(e, *libFlag)
	if err != nil {
		return err
	}
	defer lib.Close()
	h, lang, err := resolveHighlight(lib, pos[0], pos[1])
	if err != nil {
		return err
	}
	if set["note"] {
		h.Note = *note
	}
	if set["color"] {
		h.Color = colour
	}
	var created storage.NewTags
	switch {
	case *noActors:
		h.Actors = nil
	case set["actor"]:
		if h.Actors, err = resolveStatements(lib, lang, wanted, &created); err != nil {
			return err
		}
	}
	h, added, err := lib.UpdateHighlightWith(h, created)
	if err != nil {
		return err
	}
	reportCreated(e.Stderr, "highlight edit", added)
	fmt.Fprintln(e.Stdout, h.ID)
	return nil
}

// runHighlightDelete removes a highlight. Like the window's Delete it
// does not ask; what was deleted is printed, so that 'annotate' can make
// it again.
func runHighlightDelete(e *Env, args []string) error {
	fs := newUsageFlagSet(e, "highlight delete ARTICLE HIGHLIGHT")
	lib, pos, err := openWithArgs(e, fs, addLibraryFlag(fs), args, 2, "want ARTICLE and HIGHLIGHT (ids or unique id prefixes), got %s")
	if err != nil {
		return err
	}
	defer lib.Close()
	h, _, err := resolveHighlight(lib, pos[0], pos[1])
	if err != nil {
		return err
	}
	if err := lib.DeleteHighlight(h.ID); err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "dramatis highlight delete: deleted %s %s", h.ID, shortQuote(h.Quote.Exact))
	if h.Note != "" {
		fmt.Fprintf(e.Stderr, " (note: %s)", shortQuote(h.Note))
	}
	fmt.Fprintln(e.Stderr)
	return nil
}

// resolveHighlight finds the highlight ref (an id or a unique id prefix)
// among the highlights of the article ref names, and returns it with the
// article's language (for resolving actor names).
func resolveHighlight(lib *storage.Library, articleRef, ref string) (annotation.Highlight, string, error) {
	id, err := lib.ResolveArticle(articleRef)
	if err != nil {
		return annotation.Highlight{}, "", err
	}
	infos, err := lib.ArticleInfos([]string{id})
	if err != nil {
		return annotation.Highlight{}, "", err
	}
	if len(infos) != 1 {
		return annotation.Highlight{}, "", fmt.Errorf("article %s was deleted meanwhile", id)
	}
	info := infos[0]
	hs, err := lib.Highlights(id)
	if err != nil {
		return annotation.Highlight{}, "", err
	}
	p := strings.ToUpper(strings.TrimSpace(ref)) // ids are upper case; a typed prefix may not be
	var found []annotation.Highlight
	for _, h := range hs {
		if h.ID == p {
			return h, info.Lang, nil
		}
		if p != "" && strings.HasPrefix(h.ID, p) {
			found = append(found, h)
		}
	}
	switch {
	case len(found) == 1:
		return found[0], info.Lang, nil
	case len(found) > 1:
		return annotation.Highlight{}, "", fmt.Errorf("%d highlights of article %s begin with %q (%s, %s…); give more characters", len(found), id, shortArg(ref), found[0].ID, found[1].ID)
	case len(hs) == 0:
		return annotation.Highlight{}, "", fmt.Errorf("article %s has no highlights", id)
	}
	return annotation.Highlight{}, "", fmt.Errorf("article %s has no highlight %q ('dramatis show %s' lists its %d)", id, shortArg(ref), id, len(hs))
}

// highlightColour reads a colour flag: a palette name or #rrggbb.
func highlightColour(s string) (string, error) {
	c, ok := storage.HighlightColor(s)
	if !ok {
		return "", usagef("unknown colour %q (use %s or #rrggbb)", s, strings.Join(storage.HighlightColorNames, ", "))
	}
	return c, nil
}

// flagsSet returns the names of the flags given on the command line.
func flagsSet(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

// reportCreated names the actors and topics a command created along the
// way (unknown names given to --actor and --topic).
func reportCreated(w io.Writer, cmd string, added storage.NewTags) {
	for _, a := range added.Actors {
		fmt.Fprintf(w, "dramatis %s: new actor %q (%s)\n", cmd, a.Name, a.ID)
	}
	for _, t := range added.Topics {
		fmt.Fprintf(w, "dramatis %s: new topic %q (%s)\n", cmd, t.Name, t.ID)
	}
}
