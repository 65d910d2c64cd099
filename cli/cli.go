// Package cli implements Dramatis's headless sub-commands (clean, import,
// list, show, annotate, actors, export, backup, …). Each command lives in a
// file named after it; this file dispatches and formats errors.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Env is what a command may touch of the outside world, so that tests can
// run commands in-process with their own streams and environment.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv looks up environment variables (os.Getenv when nil).
	Getenv func(string) string
	// StartBackground starts 'dramatis ARGS…' as a process of its own that
	// outlives this one (the daily backup after a command); nil starts
	// nothing.
	StartBackground func(args ...string) error
	// LowerPriority lowers this process's CPU and I/O priority for work
	// nobody waits for ('backup --auto'); nil leaves it as it is (tests,
	// which run commands in their own process).
	LowerPriority func() error
	// Version is the line 'dramatis version' prints (main sets it from
	// internal/buildinfo).
	Version string
}

// OSEnv returns the Env of the running process.
func OSEnv() *Env {
	return &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, StartBackground: startDetached, LowerPriority: lowerPriority}
}

func (e *Env) getenv(k string) string {
	if e.Getenv == nil {
		return os.Getenv(k)
	}
	return e.Getenv(k)
}

// command is one sub-command: its runner and a one-line summary for help.
type command struct {
	run     func(e *Env, args []string) error
	usage   string
	summary string
}

// commands is the dispatch table. It is built on each call rather than kept
// in a package variable so that nothing global can be mutated.
func commands() map[string]command {
	return map[string]command{
		"clean":         {runClean, "clean [--format text|json|md] [--timeout D] SOURCE...   (a file, an http(s) URL or - for stdin)", "print the cleaned article of an HTML file, URL, text copy or - (stdin)"},
		"import":        {runImport, "import [--timeout D] [--force] SOURCE...   (files, http(s) URLs or - for stdin)", "clean and store articles in the library, print their ids"},
		"versions":      {runVersions, "versions [list|show|restore] ARTICLE [N] [--json] [--force]", "list, show and restore the earlier texts of an article"},
		"list":          {runList, "list [--json] [--search WORDS] [FILTERS]", "list the articles in the library"},
		"search":        {runSearch, "search WORDS... [--json] [--limit N] [FILTERS]   (FILTERS: --actor NAME[:ROLE] --topic NAME[:STANCE] --site TEXT --author TEXT --from DATE --to DATE --highlighted --orphaned --sort relevance|added|published)", "find articles by words in their text, titles, notes, actors and topics, with where they were found"},
		"show":          {runShow, "show ARTICLE [--json]", "print an article with its highlights"},
		"annotate":      {runAnnotate, "annotate ARTICLE --quote TEXT [--occurrence N] [--actor NAME[:ROLE] [--topic TOPIC[:STANCE]]...]... [--note TEXT] [--color NAME]", "highlight a passage and tag it with actors and their statements"},
		"highlight":     {runHighlight, "highlight edit|delete ARTICLE HIGHLIGHT [--note TEXT] [--color NAME] [--actor NAME[:ROLE] [--topic TOPIC[:STANCE]]...]... [--no-actors]", "change a highlight's note, colour, actors and statements, or delete it"},
		"delete":        {runDelete, "delete ARTICLE... [--yes]", "delete articles with their highlights and kept versions (asks, or --yes)"},
		"actors":        {runActors, "actors [list|add|edit|rename|merge|delete|suggest] ...", "list and manage actors"},
		"edit":          {runEdit, "edit ARTICLE [--title T] [--site S] [--url U] [--published 2024-11-08T12:22] [--author A]... [--lang de] [--section S]", "correct an article's metadata (kept when the page is imported again)"},
		"topics":        {runTopics, "topics [list|add|edit|rename|merge|delete] ...", "list and manage topics (what actors' statements are about)"},
		"export":        {runExport, "export [--format md|w3c|backup] [--by-actor|--actors] [--out DIR] [ARTICLE...]", "export notes as Markdown, W3C Web Annotations or a full backup"},
		"import-backup": {runImportBackup, "import-backup [--include-deleted] FILE", "merge a JSON backup made by 'export --format backup' into the library (what was deleted since stays deleted)"},
		"backup":        {runBackup, "backup FILE | backup --auto [--compact]", "write a consistent copy of the library file (--auto: the daily backup, if due; --compact: and give back the pages big changes left free)"},
		"restore":       {runRestore, "restore FILE", "replace the library with a copy made by 'backup'"},
		"analyse":       {runAnalyse, "analyse statements|network|timeline|actors|topics|export [FILTERS] ...   (also: analyze)", "statement tables, actor networks and timelines for R, Gephi, UCINET and spreadsheets"},
	}
}

// IsCommand reports whether name is a sub-command, so that main can tell a
// command line from GUI options.
func IsCommand(name string) bool {
	_, ok := commands()[commandName(name)]
	return ok || name == "help" || name == "-h" || name == "--help" || name == "version" || name == "--version"
}

// LooksLikeCommand reports whether arg, given where a sub-command goes, is
// meant as one although it is none ("dramatis frobnicate"): a bare word
// that is not an option, a URL, or a file or folder that exists. main
// hands such a word to Run, which says "unknown command", instead of
// opening the window to import a file of that name.
func LooksLikeCommand(arg string) bool {
	if arg == "" || strings.HasPrefix(arg, "-") || strings.ContainsAny(arg, `./\:`) {
		return false
	}
	_, err := os.Lstat(arg)
	return err != nil
}

// usageError marks errors in how a command was called (exit status 2).
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

// usagef returns a usage error.
func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

// Run runs the sub-command in args[0] and returns the process exit status:
// 0 on success, 1 when the command failed, 2 when it was called wrongly,
// 130 when Ctrl-C stopped it.
// Errors are printed as one line on Stderr.
func Run(e *Env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(e.Stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "version" || args[0] == "--version" {
		v := e.Version
		if v == "" {
			v = "dramatis (version unknown)"
		}
		fmt.Fprintln(e.Stdout, v)
		return 0
	}
	cmd, ok := commands()[commandName(args[0])]
	if !ok {
		hint := ""
		if near := nearestCommand(args[0]); near != "" {
			hint = fmt.Sprintf("did you mean %q? ", near)
		}
		fmt.Fprintf(e.Stderr, "dramatis: unknown command %q (%ssee 'dramatis help')\n", shortArg(args[0]), hint)
		return 2
	}
	err := cmd.run(e, args[1:])
	if err == nil {
		return 0
	}
	var ue usageError
	name := commandLabel(cmd, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(e.Stderr, "dramatis %s: %s\nusage: dramatis %s\n", name, oneLine(ue.msg), cmd.usage)
		return 2
	case errors.Is(err, errReported):
		return 1
	case errors.Is(err, errInterrupted):
		return exitInterrupted
	default:
		fmt.Fprintf(e.Stderr, "dramatis %s: %s\n", name, oneLine(err.Error()))
		return 1
	}
}

// commandLabel names the command a message comes from as it was typed,
// with its sub-command when it has them and one was given ("topics edit",
// not "topics"): the sub-commands are the "a|b|c" word after the name in
// its usage line.
func commandLabel(cmd command, args []string) string {
	words := strings.Fields(cmd.usage)
	if len(args) < 2 || len(words) < 2 {
		return args[0]
	}
	for _, sub := range strings.Split(strings.Trim(words[1], "[]"), "|") {
		if sub == args[1] && strings.Contains(words[1], "|") {
			return args[0] + " " + sub
		}
	}
	return args[0]
}

// commandName returns the command name stands for: itself, or the
// command it is another spelling of (American English "analyze").
func commandName(name string) string {
	if name == "analyze" {
		return "analyse"
	}
	return name
}

// maxEchoedArg bounds how much of an unknown command the error repeats.
const maxEchoedArg = 40

// shortArg shortens a word for an error line.
func shortArg(s string) string {
	if r := []rune(s); len(r) > maxEchoedArg {
		return string(r[:maxEchoedArg-1]) + "…"
	}
	return s
}

// maxTypoDistance is how many letters a mistyped command may be off
// ("clena", "exprot") for "did you mean" to name the command.
const maxTypoDistance = 2

// nearestCommand returns the command closest to word in edit distance,
// when it is close enough to be a typo, or "".
func nearestCommand(word string) string {
	best, bestD := "", maxTypoDistance+1
	for name := range commands() {
		if d := editDistance(strings.ToLower(word), name); d < bestD || d == bestD && name < best {
			best, bestD = name, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// errInterrupted is returned by commands that stopped at Ctrl-C and said
// how far they got; the exit status is then exitInterrupted.
var errInterrupted = errors.New("interrupted")

// exitInterrupted is the status of a command stopped by Ctrl-C: 128 plus
// SIGINT's number, what the shell reports for a program the signal ended,
// so that a script (and 'set -e') tells it from a failure and a success.
const exitInterrupted = 130

// errReported is returned by commands that already printed their errors
// (one per failed source) and only need the exit status to say so.
var errReported = errors.New("errors were reported")

// oneLine keeps an error message on a single line, as the CLI promises.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "Dramatis: read the news, highlight what actors say and do, export your notes.")
	fmt.Fprintln(w, "\nWithout a command, dramatis opens the window (dramatis [--library PATH] [FILE|URL...]).")
	fmt.Fprintln(w, "dramatis --version prints the version and the commit it was built from.")
	fmt.Fprintln(w, "\nCommands (all library commands take --library PATH or DRAMATIS_LIBRARY):")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-14s %s\n", n, cmds[n].summary)
	}
}

// newFlagSet returns the flag set of the sub-command name, whose -h help
// shows the synopsis of the dispatch table (one copy, also printed after a
// usage error).
func newFlagSet(e *Env, name string) *flag.FlagSet {
	return newUsageFlagSet(e, commands()[name].usage)
}

// newUsageFlagSet returns a flag set that reports errors instead of exiting
// and prints "usage: dramatis USAGE" and its defaults on -h. Commands not in
// the dispatch table (the actors sub-commands) give their usage here.
func newUsageFlagSet(e *Env, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet("dramatis "+usage, flag.ContinueOnError)
	// Parse errors are reported by Run in one line, so the flag package
	// prints nothing itself; fs.Usage is the help parseFlags prints on -h.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(e.Stderr, "usage: dramatis %s\n", usage)
		fs.SetOutput(e.Stderr)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parseFlags parses args allowing flags after positional arguments
// ("dramatis show ID --json"), which the standard flag package stops at.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	help := fs.Usage
	fs.Usage = func() {} // the flag package calls it on every error too
	defer func() { fs.Usage = help }()
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" || a == "--h" {
			help()
			return nil, flag.ErrHelp
		}
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, flagError(fs, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
