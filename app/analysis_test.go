package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/analysis"
)

// The Analysis window opens from its shortcut on the example article,
// draws its actors, and a node leads to its passages and a passage to
// the reader.
func TestAnalysisWindowNodeToPassage(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	if !a.triggerShortcut(scAnalysis) {
		t.Fatal("the Analysis shortcut is not in the menus")
	}
	w := a.ctl.analysisW
	if w == nil || !w.ready || w.net == nil {
		t.Fatal("the Analysis window did not open with a network")
	}
	if len(w.net.Nodes) == 0 || len(w.sel) == 0 {
		t.Fatalf("the example article gives %d nodes from %d statements", len(w.net.Nodes), len(w.sel))
	}
	w.nodeTapped(0)
	if len(w.listed) != w.net.Nodes[0].Statements {
		t.Fatalf("%s lists %d statements, has %d", w.net.Nodes[0].Label, len(w.listed), w.net.Nodes[0].Statements)
	}
	want := w.x.Corpus.Highlights[w.x.Statements[w.listed[0]].Highlight].ID
	w.openStatement(0)
	if a.ctl.selected != want {
		t.Errorf("opening the statement selected %q in the reader, want %q", a.ctl.selected, want)
	}
}

func TestAnalysisWindowChoicesAndExport(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	a.ctl.showAnalysis()
	w := a.ctl.analysisW
	w.kind.SetSelected(edgeKindName(analysis.EdgesRoles))
	if w.net.Kind != analysis.EdgesRoles || !w.net.Directed {
		t.Errorf("choosing speaker → target gave a %s network (directed %v)", w.net.Kind, w.net.Directed)
	}
	for i := range w.net.Edges {
		w.edgeTapped(i)
		if len(w.listed) == 0 {
			t.Errorf("edge %d lists no passages", i)
		}
	}
	if len(w.tl.Series) == 0 || len(w.tl.Starts) == 0 {
		t.Fatal("no timeline")
	}
	w.barTapped(0, len(w.tl.Starts)-1)
	w.step(-1) // no window yet: the last month with statements
	if w.from.Text == "" || w.to.Text == "" || len(w.sel) == 0 {
		t.Errorf("stepping set %q–%q and kept %d statements", w.from.Text, w.to.Text, len(w.sel))
	}
	w.step(-1)
	if len(w.sel) != 0 {
		t.Errorf("a month before the example's statements keeps %d", len(w.sel))
	}
	w.from.SetText("not a date")
	w.recompute()
	if got := w.status.Text; !contains(got, "is not a date") {
		t.Errorf("a bad date says %q", got)
	}
	dir := t.TempDir()
	w.from.SetText("")
	w.to.SetText("")
	w.recompute()
	w.exportTo(dir)
	for _, f := range []string{"statements.csv", "network-roles.graphml", "network-roles.dl", "timeline-actors.csv"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
