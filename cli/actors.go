package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/plural"
	"github.com/dramatis-app/dramatis/storage"
)

// runActors lists and manages the library's actors:
//
//	dramatis actors [list] [--json]
//	dramatis actors add NAME [--kind K] [--alias A]... [--color C] [--wikidata Q]
//	dramatis actors edit NAME [--name N] [--kind K] [--alias A]... [--wikidata Q] [--color C] [--note N]
//	dramatis actors rename OLD NEW
//	dramatis actors merge FROM INTO
//	dramatis actors delete NAME [--force]
//	dramatis actors suggest ARTICLE|SOURCE [--json]
//
// Actors are named by name or alias, ignoring case.
func runActors(e *Env, args []string) error {
	sub := "list"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		sub, args = args[0], args[1:]
	}
	switch sub {
	case "list":
		return runActorsList(e, args)
	case "add":
		return runActorsAdd(e, args)
	case "edit":
		return runActorsEdit(e, args)
	case "delete":
		return runActorsDelete(e, args)
	case "rename":
		return runActorsRename(e, args)
	case "merge":
		return runActorsMerge(e, args)
	case "suggest":
		return runActorsSuggest(e, args)
	}
	return usagef("unknown actors command %q (list, add, edit, rename, merge, delete or suggest)", sub)
}

// actorJSON is one actor in 'dramatis actors --json'.
type actorJSON struct {
	annotation.Actor
	Highlights int `json:"highlights"`
}

func runActorsList(e *Env, args []string) error {
	fs := newFlagSet(e, "actors")
	asJSON := fs.Bool("json", false, "print JSON: [{id, name, kind, color, aliases, wikidata, note, highlights, …}]")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("actors list takes no arguments (got %q)", pos[0])
	}
	lib, err := openLibraryToRead(e, *libFlag)
	if err != nil {
		return err
	}
	defer lib.Close()
	actors, err := lib.Actors()
	if err != nil {
		return err
	}
	counts, err := lib.HighlightCounts()
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]actorJSON, 0, len(actors))
		for _, a := range actors {
			out = append(out, actorJSON{a, counts[a.ID]})
		}
		enc := json.NewEncoder(e.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
	for _, a := range actors {
		aliases := ""
		if len(a.Aliases) > 0 {
			aliases = "aka " + strings.Join(a.Aliases, ", ")
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", a.Name, a.Kind, counts[a.ID], aliases)
	}
	return tw.Flush()
}

func runActorsAdd(e *Env, args []string) error {
	fs := newUsageFlagSet(e, "actors add NAME [--kind "+strings.Join(annotation.KindNames(), "|")+"] [--alias A]... [--color C] [--wikidata Q…]")
	kind := fs.String("kind", string(annotation.KindOther), "`KIND`: "+annotation.KindChoices())
	var aliases repeatedFlag
	fs.Var(&aliases, "alias", "another `NAME` the news uses for the actor (repeatable)")
	color := fs.String("color", "", "colour `#rrggbb` (default: the next free palette colour)")
	wikidata := fs.String("wikidata", "", "Wikidata id, e.g. Q423")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one NAME, got %d (quote names with spaces)", len(pos))
	}
	k := annotation.Kind(strings.ToLower(*kind))
	if !k.Valid() {
		return usagef("unknown kind %q (%s)", *kind, annotation.KindChoices())
	}
	colour, err := actorColour(*color)
	if err != nil {
		return err
	}
	lib, err := openLibrary(e, *libFlag)
	if err != nil {
		return err
	}
	defer lib.Close()
	a, err := lib.AddActor(annotation.Actor{Name: pos[0], Kind: k, Aliases: aliases, Color: colour, Wikidata: strings.TrimSpace(*wikidata)})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout, a.ID)
	return nil
}

// findActorArg resolves an actor named on the command line.
func findActorArg(lib *storage.Library, name string) (annotation.Actor, error) {
	a, ok, err := lib.FindActor(name)
	if err != nil {
		return a, err
	}
	if !ok {
		return a, fmt.Errorf("no actor named %q", name)
	}
	return a, nil
}

func runActorsRename(e *Env, args []string) error {
	lib, pos, err := openForTwoNames(e, args, "actors rename OLD NEW", "OLD", "NEW")
	if err != nil {
		return err
	}
	defer lib.Close()
	a, err := findActorArg(lib, pos[0])
	if err != nil {
		return err
	}
	a.Name = pos[1]
	_, err = lib.UpdateActor(a)
	return err
}

func runActorsMerge(e *Env, args []string) error {
	lib, pos, err := openForTwoNames(e, args, "actors merge FROM INTO", "FROM", "INTO")
	if err != nil {
		return err
	}
	defer lib.Close()
	from, err := findActorArg(lib, pos[0])
	if err != nil {
		return err
	}
	into, err := findActorArg(lib, pos[1])
	if err != nil {
		return err
	}
	if from.ID == into.ID {
		return fmt.Errorf("%q and %q are the same actor", pos[0], pos[1])
	}
	counts, err := lib.HighlightCounts()
	if err != nil {
		return err
	}
	if err := lib.MergeActors(from.ID, into.ID); err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "dramatis actors merge: %q merged into %q (%s moved)\n", from.Name, into.Name, plural.Of(counts[from.ID], "highlight"))
	return nil
}

// actorsEditUsage is the synopsis of 'actors edit'.
var actorsEditUsage = "actors edit NAME [--name NEW] [--kind " + strings.Join(annotation.KindNames(), "|") + "] [--alias A]... [--wikidata Q…] [--color #rrggbb] [--note TEXT]"

// runActorsEdit changes an actor as the Actors window does: name, kind,
// aliases (the ones given replace the old), Wikidata id, colour, note.
// Highlights name actors by id, so they follow.
func runActorsEdit(e *Env, args []string) error {
	fs := newUsageFlagSet(e, actorsEditUsage)
	name := fs.String("name", "", "a new `NAME`")
	kind := fs.String("kind", "", "`KIND`: "+annotation.KindChoices())
	var aliases repeatedFlag
	fs.Var(&aliases, "alias", "the aliases, replacing the old ones (repeatable; --alias '' clears them)")
	wikidata := fs.String("wikidata", "", "the Wikidata id, e.g. Q423 ('' clears it)")
	color := fs.String("color", "", "a new colour `#rrggbb`")
	note := fs.String("note", "", "a note on the actor ('' clears it)")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want the NAME of one actor, got %s (quote names with spaces)", plural.Of(len(pos), "argument"))
	}
	set := flagsSet(fs)
	delete(set, "library")
	delete(set, "wait")
	if len(set) == 0 {
		return usagef("nothing to change: give --name, --kind, --alias, --wikidata, --color or --note")
	}
	k := annotation.Kind(strings.ToLower(strings.TrimSpace(*kind)))
	if set["kind"] && !k.Valid() {
		return usagef("unknown kind %q (%s)", *kind, annotation.KindChoices())
	}
	if set["name"] && strings.TrimSpace(*name) == "" {
		return usagef("--name is empty: an actor needs a name")
	}
	colour, err := actorColour(*color)
	if err != nil {
		return err
	}
	qid := strings.ToUpper(strings.TrimSpace(*wikidata))
	if qid != "" && !isWikidataID(qid) {
		return usagef("--wikidata wants an item id like Q423, not %q", *wikidata)
	}
	lib, err := openLibrary(e, *libFlag)
	if err != nil {
		return err
	}
	defer lib.Close()
	a, err := findActorArg(lib, pos[0])
	if err != nil {
		return err
	}
	if set["name"] {
		a.Name = *name
	}
	if set["kind"] {
		a.Kind = k
	}
	if set["alias"] {
		a.Aliases = nil
		for _, al := range aliases {
			if strings.TrimSpace(al) != "" {
				a.Aliases = append(a.Aliases, al)
			}
		}
	}
	if set["wikidata"] {
		a.Wikidata = qid
	}
	if set["note"] {
		a.Note = *note
	}
	a.Color = colour // empty keeps the old one
	a, err = lib.UpdateActor(a)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "dramatis actors edit: %s (%s)", a.Name, a.Kind)
	if len(a.Aliases) > 0 {
		fmt.Fprintf(e.Stderr, ", aka %s", strings.Join(a.Aliases, ", "))
	}
	fmt.Fprintln(e.Stderr)
	return nil
}

// actorColour reads --color of the actors commands: #rrggbb, or "" for
// none given.
func actorColour(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	c, ok := storage.HighlightColor(s)
	if !ok || !strings.HasPrefix(c, "#") {
		return "", usagef("--color wants #rrggbb, not %q", s)
	}
	return c, nil
}

// isWikidataID reports whether s is a Wikidata item id: Q and digits.
func isWikidataID(s string) bool {
	return len(s) > 1 && len(s) <= 12 && s[0] == 'Q' && strings.Trim(s[1:], "0123456789") == ""
}

// runActorsDelete deletes an actor, as the Actors window does. One that
// highlights use is deleted only with --force, after its uses are listed:
// the highlights stay, without it.
func runActorsDelete(e *Env, args []string) error {
	fs := newUsageFlagSet(e, "actors delete NAME [--force]")
	force := fs.Bool("force", false, "delete an actor that highlights use (they stay, without it)")
	lib, pos, err := openWithArgs(e, fs, addLibraryFlag(fs), args, 1, "want the NAME of one actor, got %s (quote names with spaces)")
	if err != nil {
		return err
	}
	defer lib.Close()
	a, err := findActorArg(lib, pos[0])
	if err != nil {
		return err
	}
	uses, err := lib.ActorHighlights(a.ID)
	if err != nil {
		return err
	}
	listUses(e.Stderr, uses)
	if len(uses) > 0 && !*force {
		return fmt.Errorf("%s %s %q (listed above); --force deletes the actor, and %s without it", plural.Of(len(uses), "highlight"), plural.Word(len(uses), "names", "name"), a.Name, plural.Word(len(uses), "the highlight stays", "they stay"))
	}
	if err := lib.DeleteActor(a.ID); err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "dramatis actors delete: %q deleted (%s %s it)\n", a.Name, plural.Of(len(uses), "highlight"), plural.Word(len(uses), "loses", "lose"))
	return nil
}
