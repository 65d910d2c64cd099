package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/analysis"
	"github.com/dramatis-app/dramatis/annotation"
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
	all := len(w.sel)
	w.step(-1) // no window yet: the last month with statements
	if w.from.Text == "" || w.to.Text == "" || len(w.sel) == 0 {
		t.Errorf("stepping set %q–%q and kept %d statements", w.from.Text, w.to.Text, len(w.sel))
	}
	if int(w.slider.Value) != len(w.periods) || w.sliderLabel.Text != w.tl.By.Label(w.periods[len(w.periods)-1]) {
		t.Errorf("the slider is at %v of %d periods, says %q", w.slider.Value, len(w.periods), w.sliderLabel.Text)
	}
	from := w.from.Text
	w.step(+1) // the last period: it stays
	if w.from.Text != from {
		t.Errorf("stepping past the last period moved the window to %q", w.from.Text)
	}
	w.slider.SetValue(0) // the slider's left end: every date again
	w.recomputeNow()
	if w.from.Text != "" || w.to.Text != "" || len(w.sel) != all || w.sliderLabel.Text != allDates {
		t.Errorf("the slider's left end set %q–%q (%q) and kept %d of %d statements", w.from.Text, w.to.Text, w.sliderLabel.Text, len(w.sel), all)
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

// The library pane's Analyse opens the Analysis window for the articles
// it lists; the filter bar says so, and Whole library analyses all again.
func TestAnalyseTheListedArticles(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	a.ctl.showAnalysis()
	w := a.ctl.analysisW
	all := len(w.sel)
	if all == 0 {
		t.Fatal("the example library has no statements")
	}
	article := w.x.Corpus.Articles[w.x.Statements[w.sel[0]].Article].ID
	a.library.search.SetText("zzzz-nothing-matches")
	if len(a.library.ids) != 0 {
		t.Fatalf("the search lists %d articles", len(a.library.ids))
	}
	a.library.do.analyse(a.library.ids, a.library.search.Text, false)
	if w.only != nil {
		t.Error("an empty list restricted the analysis")
	}
	a.library.search.SetText("")
	if !slices.Contains(a.library.ids, article) {
		t.Fatalf("the library does not list %s", article)
	}
	a.library.do.analyse([]string{article}, "Kim", true)
	if !w.onlyBar.Visible() || !strings.Contains(w.onlyLabel.Text, "Only the article the library listed for “Kim” with its filters") {
		t.Errorf("the restriction is not shown: visible %v, %q", w.onlyBar.Visible(), w.onlyLabel.Text)
	}
	for _, si := range w.sel {
		if id := w.x.Corpus.Articles[w.x.Statements[si].Article].ID; id != article {
			t.Fatalf("a statement of %s is analysed, only %s was asked for", id, article)
		}
	}
	w.only = []string{"no-such-article"}
	w.recompute()
	if len(w.sel) != 0 {
		t.Errorf("an article no longer there keeps %d statements", len(w.sel))
	}
	w.unrestrict()
	if w.onlyBar.Visible() || len(w.sel) != all {
		t.Errorf("Whole library: bar visible %v, %d of %d statements", w.onlyBar.Visible(), len(w.sel), all)
	}
	a.library.do.analyse([]string{article}, "Kim", false)
	a.library.do.analyse(a.library.ids, " ", false) // no search, no filters: the library
	if w.only != nil || w.onlyBar.Visible() || len(w.sel) != all {
		t.Errorf("Analyse of the unfiltered list: restricted to %d articles, %d of %d statements", len(w.only), len(w.sel), all)
	}
}

// The Colour choice colours actor nodes by kind, keeps the view where it
// was, and the export writes the kind colours.
func TestAnalysisNodeColours(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	a.ctl.showAnalysis()
	w := a.ctl.analysisW
	w.colourBy.SetSelected(colourByKind)
	colours := w.nodeColours()
	for i, nd := range w.net.Nodes {
		want, _ := parseColor(analysis.KindColor(annotation.Kind(nd.Kind)))
		if nd.Type == analysis.NodeActor && colours[i] != want {
			t.Errorf("%s (%s) is %v, want its kind's %v", nd.Label, nd.Kind, colours[i], want)
		}
	}
	dir := t.TempDir()
	w.exportTo(dir)
	data, err := os.ReadFile(filepath.Join(dir, "network-cooccurrence.graphml"))
	if err != nil {
		t.Fatal(err)
	}
	kind := analysis.KindColor(annotation.Kind(w.net.Nodes[0].Kind))
	if !strings.Contains(string(data), `<data key="color">`+kind+`</data>`) {
		t.Errorf("the exported GraphML does not colour %s by its kind (%s)", w.net.Nodes[0].Label, kind)
	}
}

// Dragging the slider sets the date window at once but computes only
// when the slider rests, and the timeline marks the window.
func TestDateSliderWaitsForTheDragToRest(t *testing.T) {
	a, _ := newTestApp(t, Options{})
	a.ctl.showAnalysis()
	w := a.ctl.analysisW
	if len(w.periods) == 0 {
		t.Fatal("no periods")
	}
	gen := w.gen
	w.slider.Value = 1 // a drag step, as Slider.Dragged makes it
	w.slider.OnChanged(1)
	if w.gen != gen || w.from.Text != w.periods[0].Format(time.DateOnly) {
		t.Fatalf("a drag step computed at once (gen %d → %d) or set %q", gen, w.gen, w.from.Text)
	}
	if w.settle == nil {
		t.Fatal("no computation waits for the slider to rest")
	}
	w.slider.OnChangeEnded(1) // the drag ends
	if w.gen != gen+1 {
		t.Errorf("the end of the drag computed %d times", w.gen-gen)
	}
	if from, to := w.tlView.Marked(); from != 0 || to != 0 {
		t.Errorf("the timeline marks periods %d–%d, want 0–0", from, to)
	}
	w.computing = true // a computation runs: changes wait for it
	w.recompute()
	w.recompute()
	if w.gen != gen+1 || !w.pending {
		t.Errorf("changes during a computation started %d more", w.gen-gen-1)
	}
}
