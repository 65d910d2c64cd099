package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/plural"
	"github.com/dramatis-app/dramatis/storage"
)

// runTopics lists and manages the library's topics (what statements are
// about):
//
//	dramatis topics [list] [--json]
//	dramatis topics add NAME [--parent P] [--alias A]... [--color C] [--note N]
//	dramatis topics edit NAME [--name N] [--parent P|--top] [--alias A]... [--color C] [--note N]
//	dramatis topics rename OLD NEW
//	dramatis topics merge FROM INTO
//	dramatis topics delete NAME [--force]
//
// Topics are named by name or alias, ignoring case, or as PARENT/NAME
// (findTopicPath); 'topics add PARENT/NAME' makes NAME under PARENT.
func runTopics(e *Env, args []string) error {
	sub := "list"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		sub, args = args[0], args[1:]
	}
	switch sub {
	case "list":
		return runTopicsList(e, args)
	case "add":
		return runTopicsAdd(e, args)
	case "edit":
		return runTopicsEdit(e, args)
	case "rename":
		return runTopicsRename(e, args)
	case "merge":
		return runTopicsMerge(e, args)
	case "delete":
		return runTopicsDelete(e, args)
	}
	return usagef("unknown topics command %q (list, add, edit, rename, merge or delete)", sub)
}

// topicJSON is one topic in 'dramatis topics --json'.
type topicJSON struct {
	annotation.Topic
	ParentName string `json:"parentName,omitempty"`
	Highlights int    `json:"highlights"`
}

func runTopicsList(e *Env, args []string) error {
	fs := newUsageFlagSet(e, "topics [list] [--json]")
	asJSON := fs.Bool("json", false, "print JSON: [{id, name, color, parent, parentName, aliases, note, highlights, …}]")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("topics list takes no arguments (got %q)", pos[0])
	}
	lib, err := openLibraryToRead(e, *libFlag)
	if err != nil {
		return err
	}
	defer lib.Close()
	topics, err := lib.Topics()
	if err != nil {
		return err
	}
	counts, err := lib.TopicCounts()
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, t := range topics {
		names[t.ID] = t.Name
	}
	if *asJSON {
		out := make([]topicJSON, 0, len(topics))
		for _, t := range topics {
			out = append(out, topicJSON{t, names[t.Parent], counts[t.ID]})
		}
		enc := json.NewEncoder(e.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
	for _, t := range topics {
		under, aliases := "", ""
		if t.Parent != "" {
			under = "in " + names[t.Parent]
		}
		if len(t.Aliases) > 0 {
			aliases = "aka " + strings.Join(t.Aliases, ", ")
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", t.Name, counts[t.ID], under, aliases)
	}
	return tw.Flush()
}

// topicFlags are the fields add and edit take.
type topicFlags struct {
	parent, color, note, name *string
	top                       *bool
	aliases                   repeatedFlag
}

func (tf *topicFlags) colour() (string, error) {
	if *tf.color == "" {
		return "", nil
	}
	c, ok := storage.HighlightColor(*tf.color)
	if !ok || !strings.HasPrefix(c, "#") {
		return "", usagef("--color wants #rrggbb, not %q", *tf.color)
	}
	return c, nil
}

func runTopicsAdd(e *Env, args []string) error {
	fs := newUsageFlagSet(e, "topics add NAME|PARENT/NAME [--parent TOPIC] [--alias A]... [--color #rrggbb] [--note TEXT]")
	var tf topicFlags
	tf.parent = fs.String("parent", "", "the `TOPIC` this one sits under (one level); without it, "+topicPathHelp)
	fs.Var(&tf.aliases, "alias", "another `NAME` for the topic (repeatable)")
	tf.color = fs.String("color", "", "colour `#rrggbb` (default: the next free palette colour)")
	tf.note = fs.String("note", "", "what the topic covers")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one NAME, got %d (quote names with spaces)", len(pos))
	}
	colour, err := tf.colour()
	if err != nil {
		return err
	}
	lib, err := openLibrary(e, *libFlag)
	if err != nil {
		return err
	}
	defer lib.Close()
	t := annotation.Topic{Name: pos[0], Aliases: tf.aliases, Color: colour, Note: *tf.note}
	if *tf.parent != "" {
		p, err := findTopicArg(lib, *tf.parent)
		if err != nil {
			return err
		}
		t.Parent = p.ID
	} else if t, err = addTopicParent(e, lib, t); err != nil {
		return err
	}
	t, err = lib.AddTopic(t)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout, t.ID)
	return nil
}

// addTopicParent reads the NAME of 'topics add' as the window's topic
// field does (makeTopicPath): "Parent/Topic" is Topic under Parent, which
// is added first when new. t comes back named and placed; a NAME with a
// "/" but no parent before it ("/Finanzen") stays whole.
func addTopicParent(e *Env, lib *storage.Library, t annotation.Topic) (annotation.Topic, error) {
	var plan storage.NewTags
	made, err := makeTopicPath(lib.FindTopic, t.Name, &plan)
	if err != nil {
		return t, err
	}
	if len(plan.Topics) == 0 {
		return t, fmt.Errorf("adding the topic %q: %w: there is already a topic %q", t.Name, storage.ErrInvalid, made.Name)
	}
	if len(plan.Topics) == 2 {
		p, err := lib.AddTopic(annotation.Topic{Name: plan.Topics[0].Name})
		if err != nil {
			return t, err
		}
		fmt.Fprintf(e.Stderr, "dramatis topics add: new topic %q (%s)\n", p.Name, p.ID)
		made.Parent = p.ID
	}
	t.Name, t.Parent = made.Name, made.Parent
	return t, nil
}

func runTopicsEdit(e *Env, args []string) error {
	fs := newUsageFlagSet(e, "topics edit NAME [--name NEW] [--parent TOPIC | --top] [--alias A]... [--color #rrggbb] [--note TEXT]")
	var tf topicFlags
	tf.name = fs.String("name", "", "a new `NAME`")
	tf.parent = fs.String("parent", "", "move under `TOPIC`")
	tf.top = fs.Bool("top", false, "move to the top level")
	fs.Var(&tf.aliases, "alias", "the aliases, replacing the old ones (repeatable; --alias '' clears them)")
	tf.color = fs.String("color", "", "a new colour `#rrggbb`")
	tf.note = fs.String("note", "\x00", "a new note ('' clears it)")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want the NAME of one topic, got %s", plural.Of(len(pos), "argument"))
	}
	if *tf.top && *tf.parent != "" {
		return usagef("--top and --parent contradict each other")
	}
	colour, err := tf.colour()
	if err != nil {
		return err
	}
	lib, err := openLibrary(e, *libFlag)
	if err != nil {
		return err
	}
	defer lib.Close()
	t, err := findTopicArg(lib, pos[0])
	if err != nil {
		return err
	}
	if *tf.name != "" {
		t.Name = *tf.name
	}
	switch {
	case *tf.top:
		t.Parent = ""
	case *tf.parent != "":
		p, err := findTopicArg(lib, *tf.parent)
		if err != nil {
			return err
		}
		t.Parent = p.ID
	}
	if len(tf.aliases) > 0 {
		t.Aliases = nil
		for _, a := range tf.aliases {
			if strings.TrimSpace(a) != "" {
				t.Aliases = append(t.Aliases, a)
			}
		}
	}
	t.Color = colour // empty keeps the old one
	if *tf.note != "\x00" {
		t.Note = *tf.note
	}
	_, err = lib.UpdateTopic(t)
	return err
}

// findTopicArg resolves a topic named on the command line, by its name
// or as "Parent/Topic" (findTopicPath).
func findTopicArg(lib *storage.Library, name string) (annotation.Topic, error) {
	t, ok, err := findTopicPath(lib.FindTopic, name)
	if err != nil {
		return t, err
	}
	if !ok {
		return t, fmt.Errorf("no topic named %q (dramatis topics lists them)", name)
	}
	return t, nil
}

func runTopicsRename(e *Env, args []string) error {
	lib, pos, err := openForTwoNames(e, args, "topics rename OLD NEW", "OLD", "NEW")
	if err != nil {
		return err
	}
	defer lib.Close()
	t, err := findTopicArg(lib, pos[0])
	if err != nil {
		return err
	}
	t.Name = pos[1]
	_, err = lib.UpdateTopic(t)
	return err
}

func runTopicsMerge(e *Env, args []string) error {
	lib, pos, err := openForTwoNames(e, args, "topics merge FROM INTO", "FROM", "INTO")
	if err != nil {
		return err
	}
	defer lib.Close()
	from, err := findTopicArg(lib, pos[0])
	if err != nil {
		return err
	}
	into, err := findTopicArg(lib, pos[1])
	if err != nil {
		return err
	}
	if from.ID == into.ID {
		return fmt.Errorf("%q and %q are the same topic", pos[0], pos[1])
	}
	counts, err := lib.TopicCounts()
	if err != nil {
		return err
	}
	if err := lib.MergeTopics(from.ID, into.ID); err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "dramatis topics merge: %q merged into %q (%s moved)\n", from.Name, into.Name, plural.Of(counts[from.ID], "highlight"))
	return nil
}

// maxUsesShown is how many highlights 'topics delete' and 'actors
// delete' name before they say how many more there are.
const maxUsesShown = 10

// listUses names the highlights a deletion touches, one a line (article,
// highlight, quote), the first maxUsesShown of them.
func listUses(w io.Writer, uses []annotation.Highlight) {
	for i, h := range uses {
		if i == maxUsesShown {
			fmt.Fprintf(w, "  … and %d more\n", len(uses)-i)
			return
		}
		fmt.Fprintf(w, "  %s  %s  %s\n", h.ArticleID, h.ID, shortQuote(h.Quote.Exact))
	}
}

// runTopicsDelete deletes a topic. One in use is deleted only with
// --force, after its uses are listed: the statements keep their actors
// and roles and lose the topic and stance.
func runTopicsDelete(e *Env, args []string) error {
	fs := newUsageFlagSet(e, "topics delete NAME [--force]")
	force := fs.Bool("force", false, "delete a topic that highlights use (they keep their actors)")
	lib, pos, err := openWithArgs(e, fs, addLibraryFlag(fs), args, 1, "want the NAME of one topic, got %s")
	if err != nil {
		return err
	}
	defer lib.Close()
	t, err := findTopicArg(lib, pos[0])
	if err != nil {
		return err
	}
	uses, err := lib.TopicHighlights(t.ID)
	if err != nil {
		return err
	}
	listUses(e.Stderr, uses)
	if len(uses) > 0 && !*force {
		return fmt.Errorf("%s %s statements on %q (listed above); --force deletes the topic, and %s actors without it", plural.Of(len(uses), "highlight"), plural.Word(len(uses), "makes", "make"), t.Name, plural.Word(len(uses), "the highlight keeps its", "they keep their"))
	}
	if err := lib.DeleteTopic(t.ID); err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "dramatis topics delete: %q deleted (%s %s it)\n", t.Name, plural.Of(len(uses), "highlight"), plural.Word(len(uses), "loses", "lose"))
	return nil
}
