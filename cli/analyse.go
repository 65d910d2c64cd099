package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dramatis-app/dramatis/analysis"
	"github.com/dramatis-app/dramatis/analysis/source"
	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/export"
)

// analyseUsage returns the synopsis of an 'analyse' sub-command.
func analyseUsage(sub string) string {
	return map[string]string{
		"statements": "analyse statements [FILTERS] [--csv|--json] [--bom] [--out FILE]",
		"network":    "analyse network [--edges cooccurrence|roles|congruence|conflict|affiliation] [--normalise raw|jaccard] [--min-weight W] [--colour actor|kind] [FILTERS] [--format graphml|csv|json|dl] [--nodes] [--out FILE]",
		"timeline":   "analyse timeline [--by week|month] [--topics] [FILTERS] [--csv|--json] [--out FILE]",
		"actors":     "analyse actors [FILTERS] [--bom] [--out FILE]",
		"topics":     "analyse topics [FILTERS] [--bom] [--out FILE]",
		"export":     "analyse export --out DIR [--edges KIND] [--normalise raw|jaccard] [--colour actor|kind] [--by week|month] [FILTERS] [--bom]",
	}[sub]
}

// analyseFilters is the filter part of every synopsis.
const analyseFilters = "FILTERS: --from DATE --to DATE (2024-11-30, 2024-11 or 2024) --actor NAME --topic NAME --role ROLE --stance S --kind KIND --site SITE --article ID (each repeatable) --no-orphans"

// runAnalyse dispatches 'dramatis analyse SUB ...': the statement table,
// networks, timelines and frequency tables for R, Gephi, UCINET and a
// spreadsheet.
func runAnalyse(e *Env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprintln(e.Stdout, analyseHelp())
			return flag.ErrHelp
		}
		return usagef("say what to analyse: statements, network, timeline, actors, topics or export")
	}
	sub, ok := map[string]func(*Env, *analyseCommand) error{
		"statements": analyseStatements, "network": analyseNetwork, "timeline": analyseTimeline,
		"actors": analyseFrequencies, "topics": analyseFrequencies, "export": analyseExport,
	}[args[0]]
	if !ok {
		return usagef("no analysis %q: choose statements, network, timeline, actors, topics or export", args[0])
	}
	c, err := newAnalyseCommand(e, args[0], args[1:])
	if err != nil {
		return err
	}
	return sub(e, c)
}

// analyseHelp lists the sub-commands and the filters.
func analyseHelp() string {
	var b strings.Builder
	for _, s := range []string{"statements", "network", "timeline", "actors", "topics", "export"} {
		fmt.Fprintf(&b, "usage: dramatis %s\n", analyseUsage(s))
	}
	b.WriteString(analyseFilters)
	return b.String()
}

// analyseCommand is a parsed 'analyse' command line: the filter, the
// output choices, and the library read into an index.
type analyseCommand struct {
	name                          string
	filter                        analysis.Filter
	asJSON, asCSV, bom, nodes     bool
	topicsByTopic                 bool
	out, format, edges, normalise string
	colour                        string
	by                            string
	minWeight                     float64
	x                             *analysis.Index
}

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// newAnalyseCommand parses the flags of sub and reads the library.
func newAnalyseCommand(e *Env, sub string, args []string) (*analyseCommand, error) {
	c := &analyseCommand{name: sub}
	fs := newUsageFlagSet(e, analyseUsage(sub)+"\n"+analyseFilters)
	var from, to string
	var actors, topics, roles, stances, kinds, sites, articles listFlag
	fs.StringVar(&from, "from", "", "only statements on or after `DATE` (the article's publication, else when it was added)")
	fs.StringVar(&to, "to", "", "only statements on or before `DATE`")
	fs.Var(&actors, "actor", "only statements of the actor `NAME` (a name or alias; repeatable)")
	fs.Var(&topics, "topic", "only statements on the topic `NAME` or the topics under it (repeatable)")
	fs.Var(&roles, "role", "only statements in the `ROLE` "+annotation.RoleChoices()+" (repeatable)")
	fs.Var(&stances, "stance", "only statements with the stance `S`: supports (+), opposes (-), neutral (0) or unset (repeatable)")
	fs.Var(&kinds, "kind", "only actors of the `KIND` "+annotation.KindChoices()+" (repeatable)")
	fs.Var(&sites, "site", "only articles from `SITE` (repeatable)")
	fs.Var(&articles, "article", "only the article `ID` (or unique id prefix; repeatable)")
	fs.BoolVar(&c.filter.NoOrphans, "no-orphans", false, "leave out highlights that lost their place in the text")
	fs.StringVar(&c.out, "out", "", "write to `FILE` (a folder for export) instead of standard output")
	fs.BoolVar(&c.bom, "bom", false, "start CSV files with a byte order mark, so that Excel reads umlauts right")
	switch sub {
	case "statements", "timeline":
		fs.BoolVar(&c.asJSON, "json", false, "print JSON")
		fs.BoolVar(&c.asCSV, "csv", false, "print CSV (the default)")
	}
	if sub == "network" || sub == "export" {
		fs.StringVar(&c.edges, "edges", string(analysis.EdgesCooccurrence), "what ties actors: `KIND` "+joinKinds())
		fs.StringVar(&c.normalise, "normalise", "raw", "edge weights: `raw` counts or jaccard")
		fs.StringVar(&c.normalise, "normalize", "raw", "same as --normalise")
		fs.Float64Var(&c.minWeight, "min-weight", 0, "leave out edges lighter than `W`")
		fs.StringVar(&c.colour, "colour", "actor", "colour actor nodes by the `actor`'s own colour or by their kind")
		fs.StringVar(&c.colour, "color", "actor", "same as --colour")
	}
	if sub == "network" {
		fs.StringVar(&c.format, "format", "graphml", "`FORMAT`: graphml (Gephi, visone, yEd), csv (edge list), json or dl (UCINET)")
		fs.BoolVar(&c.nodes, "nodes", false, "with --format csv: the node table instead of the edge list")
	}
	if sub == "timeline" || sub == "export" {
		fs.StringVar(&c.by, "by", "month", "count per `week` or month")
	}
	if sub == "timeline" {
		fs.BoolVar(&c.topicsByTopic, "topics", false, "one series per topic instead of per actor")
	}
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) > 0 {
		return nil, usagef("analyse %s takes no arguments (got %q)", sub, pos[0])
	}
	if c.asJSON && c.asCSV {
		return nil, usagef("choose --json or --csv, not both")
	}
	if sub == "export" && c.out == "" {
		return nil, usagef("analyse export needs --out DIR, the folder to write the files into")
	}
	if err := c.parseFilter(from, to, roles, stances, kinds, sites); err != nil {
		return nil, err
	}
	lib, err := openLibraryToRead(e, *libFlag)
	if err != nil {
		return nil, err
	}
	defer lib.Close()
	for _, a := range articles {
		id, err := lib.ResolveArticle(a)
		if err != nil {
			return nil, err
		}
		c.filter.Articles = append(c.filter.Articles, id)
	}
	corpus, skipped, err := source.Read(lib, c.filter.Articles)
	if err != nil {
		return nil, err
	}
	for _, s := range skipped {
		fmt.Fprintf(e.Stderr, "dramatis analyse: left out: %s\n", oneLine(s.Error()))
	}
	if err := c.resolveNames(corpus, actors, topics); err != nil {
		return nil, err
	}
	c.x = analysis.NewIndex(corpus)
	return c, nil
}

// joinKinds lists the networks for a usage line.
func joinKinds() string {
	var s []string
	for _, k := range analysis.EdgeKinds {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

// parseFilter reads the filter flags that need no library.
func (c *analyseCommand) parseFilter(from, to string, roles, stances, kinds, sites []string) error {
	var err error
	if from != "" {
		if c.filter.From, _, err = parseDateRange(from); err != nil {
			return usagef("--from: %v", err)
		}
	}
	if to != "" {
		if _, c.filter.To, err = parseDateRange(to); err != nil {
			return usagef("--to: %v", err)
		}
	}
	if !c.filter.From.IsZero() && !c.filter.To.IsZero() && !c.filter.From.Before(c.filter.To) {
		return usagef("--from %s is after --to %s", from, to)
	}
	for _, r := range roles {
		role := annotation.Role(strings.ToLower(r))
		if !role.Valid() {
			return usagef("no role %q: choose %s", r, annotation.RoleChoices())
		}
		c.filter.Roles = append(c.filter.Roles, role)
	}
	for _, s := range stances {
		st, err := analysis.ParseStance(strings.ToLower(s))
		if err != nil {
			return usagef("%v", err)
		}
		c.filter.Stances = append(c.filter.Stances, st)
	}
	for _, k := range kinds {
		kind := annotation.Kind(strings.ToLower(k))
		if !kind.Valid() {
			return usagef("no kind %q: choose %s", k, annotation.KindChoices())
		}
		c.filter.Kinds = append(c.filter.Kinds, kind)
	}
	c.filter.Sites = sites
	return nil
}

// resolveNames turns actor and topic names into ids.
func (c *analyseCommand) resolveNames(corpus *analysis.Corpus, actors, topics []string) error {
	for _, a := range actors {
		id, err := corpus.FindActor(a)
		if err != nil {
			return err
		}
		c.filter.Actors = append(c.filter.Actors, id)
	}
	for _, t := range topics {
		id, err := corpus.FindTopic(t)
		if err != nil {
			return err
		}
		c.filter.Topics = append(c.filter.Topics, id)
	}
	return nil
}

// parseDateRange reads a day (2024-11-30), a month (2024-11) or a year
// (2024) in local time and returns its start and its exclusive end.
func parseDateRange(s string) (start, end time.Time, err error) {
	s = strings.TrimSpace(s)
	for _, l := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{time.DateOnly, func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if t, err := time.ParseInLocation(l.layout, s, time.Local); err == nil {
			return t, l.next(t), nil
		}
	}
	return time.Time{}, time.Time{}, fmt.Errorf("%q is not a date: write 2024-11-30, 2024-11 or 2024", s)
}

// selection is the statements the command's filter keeps.
func (c *analyseCommand) selection() []int { return c.x.Select(c.filter) }

// output runs write on the command's output: standard output, or --out
// written atomically (a file that is there stays as it was if anything
// fails).
func (c *analyseCommand) output(e *Env, csvFile bool, write func(io.Writer) error) error {
	if c.out == "" {
		return c.writeTo(e.Stdout, csvFile, write)
	}
	return writeAtomic(c.out, func(w io.Writer) error { return c.writeTo(w, csvFile, write) })
}

func (c *analyseCommand) writeTo(w io.Writer, csvFile bool, write func(io.Writer) error) error {
	if csvFile && c.bom {
		if _, err := io.WriteString(w, analysis.BOM); err != nil {
			return err
		}
	}
	return write(w)
}

// writeAtomic writes path through export's atomic file.
func writeAtomic(path string, write func(io.Writer) error) error {
	if err := export.WriteWith(path, write); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

func analyseStatements(e *Env, c *analyseCommand) error {
	rows := c.x.Rows(c.selection())
	if c.asJSON {
		return c.output(e, false, func(w io.Writer) error { return analysis.WriteStatementsJSON(w, rows) })
	}
	return c.output(e, true, func(w io.Writer) error { return analysis.WriteStatementsCSV(w, rows) })
}

// network computes the network the flags ask for.
func (c *analyseCommand) network() (*analysis.Network, error) {
	kind, err := analysis.ParseEdgeKind(c.edges)
	if err != nil {
		return nil, usagef("%v", err)
	}
	norm, err := analysis.ParseNormalisation(c.normalise)
	if err != nil {
		return nil, usagef("%v", err)
	}
	colour, err := analysis.ParseNodeColour(c.colour)
	if err != nil {
		return nil, usagef("%v", err)
	}
	n, err := c.x.Network(c.selection(), analysis.NetworkOptions{Edges: kind, Normalise: norm, MinWeight: c.minWeight})
	if err != nil {
		return nil, usagef("%v", err)
	}
	n.ColourBy(colour)
	return n, nil
}

func analyseNetwork(e *Env, c *analyseCommand) error {
	n, err := c.network()
	if err != nil {
		return err
	}
	switch strings.ToLower(c.format) {
	case "graphml":
		return c.output(e, false, func(w io.Writer) error { return analysis.WriteGraphML(w, n) })
	case "csv":
		if c.nodes {
			return c.output(e, true, func(w io.Writer) error { return analysis.WriteNodesCSV(w, n) })
		}
		return c.output(e, true, func(w io.Writer) error { return analysis.WriteEdgesCSV(w, n) })
	case "json":
		return c.output(e, false, func(w io.Writer) error { return analysis.WriteNetworkJSON(w, n) })
	case "dl", "ucinet":
		return c.output(e, false, func(w io.Writer) error { return analysis.WriteDL(w, n) })
	}
	return usagef("no format %q: choose graphml, csv, json or dl", c.format)
}

func analyseTimeline(e *Env, c *analyseCommand) error {
	by, err := analysis.ParsePeriod(c.by)
	if err != nil {
		return usagef("%v", err)
	}
	group := analysis.ByActor
	if c.topicsByTopic {
		group = analysis.ByTopic
	}
	tl := c.x.Timeline(c.selection(), by, group, nil)
	if c.asJSON {
		return c.output(e, false, func(w io.Writer) error { return analysis.WriteTimelineJSON(w, tl) })
	}
	return c.output(e, true, func(w io.Writer) error { return analysis.WriteTimelineCSV(w, tl) })
}

func analyseFrequencies(e *Env, c *analyseCommand) error {
	group := analysis.ByActor
	if c.name == "topics" {
		group = analysis.ByTopic
	}
	fs := c.x.Frequencies(c.selection(), group)
	return c.output(e, true, func(w io.Writer) error { return analysis.WriteFrequenciesCSV(w, fs, group) })
}

// analyseExport writes every table and the network, in every format, into
// one folder: what a researcher takes to R, Gephi, UCINET or a
// spreadsheet in one go.
func analyseExport(e *Env, c *analyseCommand) error {
	n, err := c.network()
	if err != nil {
		return err
	}
	by, err := analysis.ParsePeriod(c.by)
	if err != nil {
		return usagef("%v", err)
	}
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return fmt.Errorf("cannot make the folder %s: %w", c.out, err)
	}
	files, err := analysis.WriteFolder(c.out, c.x, c.selection(), n, by, c.bom, writeAtomic)
	if err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintln(e.Stdout, filepath.Join(c.out, f))
	}
	return nil
}
