package cli

import (
	"encoding/csv"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// analyseLibrary imports the North Korea page and tags three passages:
// Kim speaks at the USA against sanctions, China and Russia block
// sanctions, the USA announce consequences (for sanctions).
func analyseLibrary(t *testing.T) (*libEnv, string) {
	l := newLibEnv(t)
	id := strings.Fields(l.ok("import", l.page("nk.html", nkPage)))[0]
	l.ok("annotate", id, "--quote", "Machthaber Kim Jong Un sagte", "--actor", "Kim Jong Un:speaker", "--topic", "Sanktionen:opposes", "--actor", "USA:target")
	l.ok("annotate", id, "--quote", "Russland und China verhinderten", "--actor", "Russland:speaker", "--topic", "Sanktionen:-",
		"--actor", "China:speaker", "--topic", "Sanktionen:-", "--note", `"Veto", sagt man`)
	l.ok("annotate", id, "--quote", "Die USA kündigten Konsequenzen an", "--actor", "USA:speaker", "--topic", "Sanktionen:+", "--actor", "China:target")
	return l, id
}

func readCSVOut(t *testing.T, out string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, out)
	}
	return recs
}

func TestAnalyseStatements(t *testing.T) {
	l, id := analyseLibrary(t)
	recs := readCSVOut(t, l.ok("analyse", "statements"))
	if len(recs) != 7 || recs[0][0] != "article_id" || recs[1][0] != id {
		t.Fatalf("statements: %q", recs)
	}
	var notes []string
	for _, r := range recs[1:] {
		notes = append(notes, r[15])
	}
	if !slices.Contains(notes, `"Veto", sagt man`) {
		t.Errorf("the note with quotes and a comma did not survive: %q", notes)
	}
	// Filters: an actor by name, a role; the American spelling.
	recs = readCSVOut(t, l.ok("analyze", "statements", "--actor", "usa", "--role", "speaker"))
	if len(recs) != 2 || recs[1][9] != "Vereinigte Staaten" || recs[1][11] != "speaker" {
		t.Errorf("USA as speaker: %q", recs)
	}
	if out := l.ok("analyse", "statements", "--json", "--to", "1999"); strings.TrimSpace(out) != "[]" {
		t.Errorf("nothing before 2000 should be [], got %q", out)
	}
	bom := l.ok("analyse", "statements", "--bom")
	if !strings.HasPrefix(bom, "\ufeffarticle_id,") {
		t.Errorf("--bom: %q", bom[:20])
	}
}

func TestAnalyseNetworkFormats(t *testing.T) {
	l, _ := analyseLibrary(t)
	graphml := l.ok("analyse", "network", "--edges", "roles")
	var g struct {
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID string `xml:"id,attr"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal([]byte(graphml), &g); err != nil {
		t.Fatalf("GraphML: %v", err)
	}
	// Kim→USA, USA→China; Russia and China both speak, nobody is their target.
	if g.Graph.EdgeDefault != "directed" || len(g.Graph.Nodes) != 4 || len(g.Graph.Edges) != 2 {
		t.Errorf("roles network: %+v", g.Graph)
	}
	edges := readCSVOut(t, l.ok("analyse", "network", "--format", "csv", "--edges", "cooccurrence", "--normalise", "jaccard"))
	if len(edges) != 4 || edges[0][0] != "Source" || edges[1][2] != "Undirected" {
		t.Errorf("co-occurrence edges: %q", edges)
	}
	nodes := readCSVOut(t, l.ok("analyse", "network", "--format", "csv", "--nodes"))
	if len(nodes) != 5 || nodes[0][1] != "Label" {
		t.Errorf("nodes: %q", nodes)
	}
	dl := l.ok("analyse", "network", "--format", "dl", "--min-weight", "1")
	if !strings.HasPrefix(dl, "DL N=4\r\nFORMAT = EDGELIST1\r\n") {
		t.Errorf("DL: %q", dl)
	}
	// annotate --actor resolves USA and Kim Jong Un to the built-in
	// actors (Vereinigte Staaten, Kim Jong-un).
	// On Sanktionen the USA support what Kim, Russia and China oppose.
	for kind, want := range map[string][]string{
		"conflict":    {"China,Vereinigte Staaten", "Kim Jong-un,Vereinigte Staaten", "Russland,Vereinigte Staaten"},
		"congruence":  {"China,Kim Jong-un", "China,Russland", "Kim Jong-un,Russland"},
		"affiliation": {"China,Sanktionen", "Kim Jong-un,Sanktionen", "Russland,Sanktionen", "Vereinigte Staaten,Sanktionen"},
	} {
		var got []string
		for _, r := range readCSVOut(t, l.ok("analyse", "network", "--format", "csv", "--edges", kind))[1:] {
			pair := []string{r[5], r[6]}
			if kind != "affiliation" {
				slices.Sort(pair)
			}
			got = append(got, strings.Join(pair, ","))
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", kind, got, want)
		}
	}
	// --colour kind: every actor node takes its kind's colour (China and
	// the USA are states, Kim a person), in the node table and GraphML.
	byKind := readCSVOut(t, l.ok("analyse", "network", "--format", "csv", "--nodes", "--colour", "kind"))
	colourCol := slices.Index(byKind[0], "color")
	if colourCol < 0 {
		t.Fatalf("no color column: %q", byKind[0])
	}
	checked := 0
	for _, r := range byKind[1:] {
		if want := map[string]string{"China": "#f58231", "Vereinigte Staaten": "#f58231", "Kim Jong-un": "#4363d8"}[r[1]]; want != "" {
			checked++
			if r[colourCol] != want {
				t.Errorf("--colour kind: %s is %q, want %q", r[1], r[colourCol], want)
			}
		}
	}
	if checked != 3 {
		t.Errorf("--colour kind: %d of China, the USA and Kim in the node table", checked)
	}
	if out := l.ok("analyse", "network", "--color", "kind"); !strings.Contains(out, `<data key="color">#f58231</data>`) {
		t.Errorf("--color kind: the GraphML has no state colour")
	}
	recs := readCSVOut(t, l.ok("analyse", "statements", "--topic", "sanktionen", "--stance", "+"))
	if len(recs) != 2 || recs[1][9] != "Vereinigte Staaten" || recs[1][13] != "Sanktionen" || recs[1][14] != "supports" {
		t.Errorf("statements for sanctions: %q", recs)
	}
}

func TestAnalyseTimelineFrequenciesAndExport(t *testing.T) {
	l, _ := analyseLibrary(t)
	tl := readCSVOut(t, l.ok("analyse", "timeline", "--by", "week"))
	if len(tl) != 5 || tl[0][3] != "actor_id" || !strings.Contains(tl[1][0], "-W") {
		t.Errorf("timeline: %q", tl)
	}
	actors := readCSVOut(t, l.ok("analyse", "actors"))
	if len(actors) != 5 || actors[1][1] != "China" && actors[1][1] != "Vereinigte Staaten" || actors[1][3] != "2" {
		t.Errorf("actors: %q", actors)
	}
	dir := filepath.Join(l.dir, "out")
	out := l.ok("analyse", "export", "--out", dir, "--edges", "roles")
	files := strings.Fields(out)
	if len(files) != 11 {
		t.Fatalf("export wrote %d files: %s", len(files), out)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil || len(data) == 0 {
			t.Errorf("%s: %v, %d bytes", f, err, len(data))
		}
		if strings.HasSuffix(f, ".csv") {
			readCSVOut(t, string(data))
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "network-roles.graphml")); err != nil {
		t.Error(err)
	}
}

func TestAnalyseMistakes(t *testing.T) {
	l, _ := analyseLibrary(t)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"analyse"}, 2, "say what to analyse"},
		{[]string{"analyse", "graphs"}, 2, `no analysis "graphs"`},
		{[]string{"analyse", "network", "--edges", "love"}, 2, `no network "love"`},
		{[]string{"analyse", "network", "--format", "pdf"}, 2, `no format "pdf"`},
		{[]string{"analyse", "network", "--colour", "rainbow"}, 2, `no node colouring "rainbow"`},
		{[]string{"analyse", "network", "--edges", "affiliation", "--normalise", "jaccard"}, 2, "actor networks only"},
		{[]string{"analyse", "statements", "--from", "yesterday"}, 2, `"yesterday" is not a date`},
		{[]string{"analyse", "statements", "--from", "2025", "--to", "2024"}, 2, "is after --to"},
		{[]string{"analyse", "statements", "--actor", "Atlantis"}, 1, `no actor named "Atlantis"`},
		{[]string{"analyse", "statements", "--topic", "Sanctions"}, 1, "no topic named"},
		{[]string{"analyse", "statements", "--stance", "maybe"}, 2, `no stance "maybe"`},
		{[]string{"analyse", "statements", "--role", "hero"}, 2, `no role "hero"`},
		{[]string{"analyse", "export"}, 2, "needs --out DIR"},
		{[]string{"analyse", "statements", "--out", filepath.Join(l.dir, "missing", "x.csv")}, 1, "cannot write"},
	} {
		code, out, errs := l.run("", tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) || strings.Count(strings.TrimSpace(errs), "\n") > 1 || out != "" {
			t.Errorf("dramatis %s: exit %d, stdout %q, stderr %q; want exit %d and %q", strings.Join(tc.args, " "), code, out, errs, tc.code, tc.want)
		}
	}
}
