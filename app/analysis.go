package app

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/analysis"
	"github.com/dramatis-app/dramatis/analysis/source"
	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/internal/plural"
	"github.com/dramatis-app/dramatis/widgets"
)

// Analysis window tuning.
const (
	// timelineSeries is how many actors (or topics) the timeline charts:
	// the busiest in the selection; more colours would not be told apart.
	timelineSeries = 8
	// listedStatements bounds the statements the side list shows for a
	// node, an edge or a bar; the export has all of them.
	listedStatements = 500
)

// topicGrey marks topic nodes without a colour of their own in the
// affiliation network.
const topicGrey = 0x90

// edgeKindName is a network choice as the window names it.
func edgeKindName(k analysis.EdgeKind) string {
	return map[analysis.EdgeKind]string{
		analysis.EdgesCooccurrence: "Co-occurrence (same passage)",
		analysis.EdgesRoles:        "Speaker → target",
		analysis.EdgesCongruence:   "Agreement on topics (congruence)",
		analysis.EdgesConflict:     "Disagreement on topics (conflict)",
		analysis.EdgesAffiliation:  "Actors and topics (affiliation)",
	}[k]
}

// analysisWindow is View ▸ Analysis: the actor network and the timeline
// of the library's statements, filtered, each node, edge and bar one
// click from its passages.
type analysisWindow struct {
	c    *controller
	win  fyne.Window
	keys *windowKeys

	x   *analysis.Index
	sel []int
	net *analysis.Network
	pos []analysis.Point
	tl  *analysis.Timeline
	gen int // computation generation: a late result of an older one is dropped
	// computing is set while a computation runs, pending when the filter
	// bar changed meanwhile; settle waits for the date slider to rest.
	computing, pending bool
	settle             *time.Timer
	ready              bool
	// only restricts the analysis to these articles (nil: the library).
	only      []string
	onlyBar   *fyne.Container
	onlyLabel *widget.Label

	kind, norm, period, stance, kindF, topic, group, colourBy *widget.Select
	minWeight, from, to, site                                 *windowEntry
	// slider steps the date window through periods (left end: no window);
	// periods are their starts, syncing is set while the window moves it.
	slider            *widget.Slider
	sliderLabel       *widget.Label
	periods           []time.Time
	syncing           bool
	netView           *widgets.NetworkView
	tlView            *widgets.TimelineView
	tabs              *container.AppTabs
	listTitle, status *widget.Label
	list              *windowList
	listed            []int
}

// showAnalysis opens (or raises) the Analysis window and reads the
// library into it.
func (c *controller) showAnalysis() {
	if c.analysisW == nil {
		c.analysisW = newAnalysisWindow(c)
		w := c.analysisW
		w.win.SetOnClosed(func() {
			if w.settle != nil {
				w.settle.Stop()
			}
			c.analysisW = nil
		})
	}
	c.analysisW.reload()
	c.analysisW.win.Show()
	c.analysisW.win.RequestFocus()
}

// exportAnalysis is File ▸ Export Analysis: the Analysis window with its
// export dialog.
func (c *controller) exportAnalysis() {
	c.showAnalysis()
	c.analysisW.chooseExportFolder()
}

func newAnalysisWindow(c *controller) *analysisWindow {
	w := &analysisWindow{c: c, win: c.sh.fa.NewWindow("Analysis — Dramatis")}
	w.keys = installWindowKeys(w.win)
	w.netView = widgets.NewNetworkView()
	w.netView.OnNodeTapped = w.nodeTapped
	w.netView.OnEdgeTapped = w.edgeTapped
	w.tlView = widgets.NewTimelineView()
	w.tlView.OnBarTapped = w.barTapped
	w.listTitle = widget.NewLabel("Click a node, a line or a bar to list its passages.")
	w.listTitle.Wrapping = fyne.TextWrapWord
	w.status = widget.NewLabel("Reading the library…")
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.list = w.keys.list(func() int { return len(w.listed) },
		func() fyne.CanvasObject {
			head, quote := widget.NewLabel(""), widget.NewLabel("")
			head.Truncation, quote.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
			head.TextStyle.Bold, quote.TextStyle.Italic = true, true
			return container.NewVBox(head, quote)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			head, quote := w.statementLines(w.listed[i])
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(head)
			box.Objects[1].(*widget.Label).SetText(quote)
		})
	w.list.OnSelected = w.openStatement
	w.tabs = container.NewAppTabs(
		container.NewTabItem("Network", w.netView),
		container.NewTabItem("Timeline", container.NewBorder(container.NewHBox(widget.NewLabel("Series:"), w.groupSelect()), nil, nil, nil, w.tlView)),
	)
	side := container.NewBorder(w.listTitle, nil, nil, nil, w.list)
	split := container.NewHSplit(w.tabs, side)
	split.Offset = 0.68
	controls, rowsWidth := w.controls()
	w.win.SetContent(container.NewBorder(controls, w.status, nil, nil, split))
	w.win.Resize(fyne.NewSize(analysisWidth(rowsWidth), analysisHeight))
	return w
}

// groupSelect chooses the timeline's series.
func (w *analysisWindow) groupSelect() *widget.Select {
	w.group = widget.NewSelect([]string{"Actors", "Topics"}, func(string) { w.recompute() })
	w.group.SetSelected("Actors")
	w.keys.releaseAfterChoice(w.group)
	return w.group
}

// reload reads the library anew off the main goroutine and recomputes.
func (w *analysisWindow) reload() {
	w.status.SetText("Reading the library…")
	var x *analysis.Index
	var skipped []error
	var err error
	w.c.sh.run(func() {
		var corpus *analysis.Corpus
		corpus, skipped, err = source.Read(w.c.store, nil)
		if err == nil {
			x = analysis.NewIndex(corpus)
		}
	}, func() {
		if err != nil {
			w.c.sh.showErrorIn(w.win, "Could not read the library", err)
			return
		}
		w.x, w.ready = x, true
		w.fillTopics()
		if len(skipped) > 0 {
			w.c.sh.setStatus("The analysis leaves out %s that could not be read.", plural.Of(len(skipped), "record"))
		}
		w.recompute()
	})
}

// fillTopics offers the library's topics in the topic filter.
func (w *analysisWindow) fillTopics() {
	opts := []string{"Any topic"}
	for _, t := range w.x.Corpus.Topics {
		opts = append(opts, t.Name)
	}
	w.topic.Options = opts
	w.topic.Refresh()
}

// topSeries keeps a timeline's busiest series (they come busiest first).
func topSeries(tl *analysis.Timeline, n int) *analysis.Timeline {
	if len(tl.Series) > n {
		tl.Series = tl.Series[:n]
	}
	return tl
}

// summary says what is shown.
func (w *analysisWindow) summary(problem string) string {
	first, last := w.x.Span(w.sel)
	s := plural.Of(len(w.sel), "statement") + " · " + plural.Of(len(w.net.Nodes), "node") + " · " + plural.Of(w.net.TotalEdges, "edge")
	if len(w.sel) > 0 {
		s += fmt.Sprintf(" · %s – %s", first.Format(time.DateOnly), last.Format(time.DateOnly))
	}
	if w.net.TotalEdges > 1500 {
		s += " · the strongest 1,500 edges drawn"
	}
	if len(w.x.Corpus.Topics) == 0 {
		s += " · no topics in this library yet: agreement, conflict and affiliation need statements with topics"
	}
	if problem != "" {
		s += " · " + problem
	}
	return s
}

// show hands the network and the timeline to their views; f's date
// window is marked on the timeline.
func (w *analysisWindow) show(f analysis.Filter) {
	nodes := make([]widgets.GraphNode, len(w.net.Nodes))
	colours := w.nodeColours()
	for i, nd := range w.net.Nodes {
		nodes[i] = widgets.GraphNode{X: w.pos[i].X, Y: w.pos[i].Y, Weight: float64(nd.Statements), Label: nd.Label, Color: colours[i]}
	}
	edges := make([]widgets.GraphEdge, len(w.net.Edges))
	for i, e := range w.net.Edges {
		edges[i] = widgets.GraphEdge{From: e.Source, To: e.Target, Weight: e.Weight}
	}
	w.netView.SetGraph(nodes, edges, w.net.Directed)
	var periods []string
	for _, s := range w.tl.Starts {
		periods = append(periods, w.tl.By.Label(s))
	}
	series := make([]widgets.TimelineSeries, len(w.tl.Series))
	for i, s := range w.tl.Series {
		series[i] = widgets.TimelineSeries{Label: s.Label, Counts: s.Counts}
		if c, ok := parseColor(s.Color); ok {
			series[i].Color = c
		} else {
			series[i].Color = fallbackSeriesColor(i)
		}
	}
	w.tlView.SetData(periods, series)
	w.tlView.SetMarked(w.markedPeriods(f))
	w.setListed("Click a node, a line or a bar to list its passages.", nil)
}

// nodeColours colours the nodes as the Colour choice says: an actor by
// its own colour (its kind's when it has none) or by its kind; a topic
// by its own colour, grey when it has none.
func (w *analysisWindow) nodeColours() []color.Color {
	byKind := w.nodeColour() == analysis.ColourKind
	out := make([]color.Color, len(w.net.Nodes))
	for i, nd := range w.net.Nodes {
		c, ok := parseColor(nd.Color)
		switch {
		case nd.Type == analysis.NodeTopic && !ok:
			c = color.NRGBA{R: topicGrey, G: topicGrey, B: topicGrey, A: 0xff}
		case nd.Type == analysis.NodeActor && (byKind || !ok):
			c, _ = parseColor(analysis.KindColor(annotation.Kind(nd.Kind)))
		}
		out[i] = c
	}
	return out
}

// recolour applies the Colour choice to the network shown, keeping where
// the reader panned and zoomed.
func (w *analysisWindow) recolour() {
	if w.net != nil {
		w.netView.SetNodeColors(w.nodeColours())
	}
}

// fallbackSeriesColor tells apart series without a colour of their own.
func fallbackSeriesColor(i int) color.Color {
	palette := []color.NRGBA{{0x43, 0x63, 0xd8, 0xff}, {0xf5, 0x82, 0x31, 0xff}, {0x3c, 0xb4, 0x4b, 0xff}, {0x91, 0x1e, 0xb4, 0xff},
		{0xe6, 0x19, 0x4b, 0xff}, {0x46, 0xf0, 0xf0, 0xff}, {0xbc, 0xf6, 0x0c, 0xff}, {0xfa, 0xbe, 0xd4, 0xff}}
	return palette[i%len(palette)]
}

// nodeTapped lists a node's statements.
func (w *analysisWindow) nodeTapped(i int) {
	nd := w.net.Nodes[i]
	w.setListed(fmt.Sprintf("%s: %s in %s of %s", nd.Label, plural.Of(nd.Statements, "statement"), plural.Of(nd.Highlights, "passage"), plural.Of(nd.Articles, "article")), nd.Members)
}

// edgeTapped lists the statements behind an edge.
func (w *analysisWindow) edgeTapped(i int) {
	e := &w.net.Edges[i]
	arrow := "–"
	if w.net.Directed || w.net.TwoMode {
		arrow = "→"
	}
	title := fmt.Sprintf("%s %s %s: weight %s", w.net.Nodes[e.Source].Label, arrow, w.net.Nodes[e.Target].Label, strconv.FormatFloat(e.Weight, 'g', 3, 64))
	w.setListed(title, w.net.EdgeStatements(w.x, e))
}

// barTapped lists the statements of one series in one period.
func (w *analysisWindow) barTapped(s, p int) {
	sr := w.tl.Series[s]
	w.setListed(fmt.Sprintf("%s, %s: %s", sr.Label, w.tl.By.Label(w.tl.Starts[p]), plural.Of(sr.Counts[p], "statement")), sr.Statements[p])
}

// setListed shows statements in the side list.
func (w *analysisWindow) setListed(title string, stmts []int) {
	if len(stmts) > listedStatements {
		title += fmt.Sprintf(" (the first %d listed; Export has all)", listedStatements)
		stmts = stmts[:listedStatements]
	}
	w.listTitle.SetText(title)
	w.listed = stmts
	w.list.UnselectAll()
	w.list.Refresh()
}

// statementLines are one statement in the list: date, actor, role,
// topic and stance, and the article; then the passage.
func (w *analysisWindow) statementLines(si int) (head, quote string) {
	s := w.x.Statements[si]
	c := w.x.Corpus
	head = s.Date.Format(time.DateOnly) + " · " + c.Actors[s.Actor].Name + " (" + string(s.Role) + ")"
	if s.Topic >= 0 {
		head += " · " + c.Topics[s.Topic].Name
		if s.Stance != analysis.StanceUnset {
			head += " " + string(s.Stance)
		}
	}
	head += " — " + orUntitled(c.Articles[s.Article].Title)
	return head, "„" + strings.Join(strings.Fields(c.Highlights[s.Highlight].Quote), " ") + "“"
}

// openStatement opens a listed statement's passage in the main window.
func (w *analysisWindow) openStatement(i widget.ListItemID) {
	if i < 0 || i >= len(w.listed) {
		return
	}
	s := w.x.Statements[w.listed[i]]
	c := w.x.Corpus
	w.c.jumpToHighlight(c.Articles[s.Article].ID, c.Highlights[s.Highlight].ID)
}

// chooseExportFolder asks for a folder and writes every table and the
// current network into it, off the main goroutine.
func (w *analysisWindow) chooseExportFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		w.exportTo(u.Path())
	}, w.win)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// exportTo writes the analysis into dir.
func (w *analysisWindow) exportTo(dir string) {
	if !w.ready || w.net == nil {
		return
	}
	x, sel, by := w.x, w.sel, w.tl.By
	o, colour := w.options(), w.nodeColour()
	var files []string
	var n *analysis.Network
	var err error
	w.c.sh.run(func() {
		// The view holds the strongest edges only; the files get them all.
		if n, err = x.Network(sel, o); err == nil {
			n.ColourBy(colour)
			files, err = analysis.WriteFolder(dir, x, sel, n, by, false, export.WriteWith)
		}
	}, func() {
		if err != nil {
			w.c.sh.showErrorIn(w.win, "Could not export the analysis", err)
			return
		}
		w.status.SetText(fmt.Sprintf("Wrote %d files to %s: statements, actors, topics, timelines and the %s network (GraphML, CSV, JSON, UCINET DL).", len(files), dir, n.Kind))
	})
}
