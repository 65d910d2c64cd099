package widgets

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// triangle is three nodes, 0 the heaviest, tied 0–1 and 1–2.
func triangle() ([]GraphNode, []GraphEdge) {
	red := color.NRGBA{R: 230, G: 25, B: 75, A: 255}
	return []GraphNode{{X: 0, Y: 0, Weight: 9, Color: red, Label: "Kim Jong Un"}, {X: 1, Y: 0, Weight: 4, Label: "USA"}, {X: 0, Y: 1, Weight: 1, Label: "China"}},
		[]GraphEdge{{From: 0, To: 1, Weight: 2}, {From: 1, To: 2, Weight: 1}}
}

func TestNetworkViewTapHoverZoom(t *testing.T) {
	test.NewTempApp(t)
	v := NewNetworkView()
	nodes, edges := triangle()
	v.SetGraph(nodes, edges, true)
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(400, 300))
	v.Resize(fyne.NewSize(400, 300))
	tapped := -1
	v.OnNodeTapped = func(i int) { tapped = i }
	usa := v.screen(1)
	test.TapCanvas(w.Canvas(), usa.Add(v.Position()))
	if tapped != 1 {
		t.Fatalf("a tap on USA at %v gave node %d", usa, tapped)
	}
	edge := -1
	v.OnEdgeTapped = func(i int) { edge = i }
	mid := fyne.NewPos((v.screen(0).X+v.screen(1).X)/2, v.screen(0).Y)
	v.Tapped(&fyne.PointEvent{Position: mid})
	if edge != 0 {
		t.Errorf("a tap on the Kim–USA line gave edge %d", edge)
	}
	v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: v.screen(2)}})
	if !rendersText(v, "China") {
		t.Error("hovering China does not show its name")
	}
	before := v.screen(1)
	z := v.Zoom()
	v.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: before}, Scrolled: fyne.Delta{DY: 1}})
	if v.Zoom() <= z || math.Abs(float64(v.screen(1).X-before.X)) > 0.01 {
		t.Errorf("zoom %v → %v; the node under the pointer moved from %v to %v", z, v.Zoom(), before, v.screen(1))
	}
	v.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 30, DY: -10}})
	if got := v.screen(1); math.Abs(float64(got.X-before.X-30)) > 0.01 {
		t.Errorf("a drag by 30 moved the node from %v to %v", before, got)
	}
}

// rendersText reports whether the view draws a text s.
func rendersText(v fyne.Widget, s string) bool {
	for _, o := range test.WidgetRenderer(v).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Text == s && tx.Visible() {
			return true
		}
	}
	return false
}

// bigGraph is n nodes on a grid with about k edges each.
func bigGraph(n, k int) ([]GraphNode, []GraphEdge) {
	nodes := make([]GraphNode, n)
	side := int(math.Sqrt(float64(n)))
	for i := range nodes {
		nodes[i] = GraphNode{X: float64(i % side), Y: float64(i / side), Weight: float64(n - i), Label: "Actor"}
	}
	var edges []GraphEdge
	for i := range n {
		for j := 1; j <= k; j++ {
			edges = append(edges, GraphEdge{From: i, To: (i + j*7) % n, Weight: float64(k - j + 1)})
		}
	}
	return nodes, edges
}

func TestNetworkViewBuildsOnlyWhatIsShown(t *testing.T) {
	test.NewTempApp(t)
	v := NewNetworkView()
	nodes, edges := bigGraph(2000, 50) // 100,000 edges
	v.SetGraph(nodes, edges, false)
	v.Resize(fyne.NewSize(800, 600))
	objs := len(test.WidgetRenderer(v).Objects())
	if limit := 1 + maxDrawnEdges + len(nodes) + maxLabels; objs > limit {
		t.Errorf("%d objects for the whole network, want at most %d", objs, limit)
	}
	v.ZoomAround(fyne.NewPos(400, 300), 20)
	if zoomed := len(test.WidgetRenderer(v).Objects()); zoomed >= objs/2 {
		t.Errorf("zoomed in, the view still builds %d objects (whole: %d)", zoomed, objs)
	}
}

func BenchmarkNetworkViewPan(b *testing.B) {
	test.NewTempApp(b)
	v := NewNetworkView()
	nodes, edges := bigGraph(2000, 50)
	v.SetGraph(nodes, edges, false)
	v.Resize(fyne.NewSize(1200, 800))
	b.ResetTimer()
	for b.Loop() {
		v.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 1}})
	}
}

func TestTimelineViewBars(t *testing.T) {
	test.NewTempApp(t)
	v := NewTimelineView()
	v.SetData([]string{"2024-10", "2024-11", "2024-12"}, []TimelineSeries{
		{Label: "USA", Counts: []int{2, 1, 0}}, {Label: "China", Counts: []int{1, 0, 3}}})
	v.Resize(fyne.NewSize(400, 200))
	var gotS, gotP = -1, -1
	v.OnBarTapped = func(s, p int) { gotS, gotP = s, p }
	pos, size := v.segment(1, 2)
	centre := pos.Add(fyne.NewPos(size.Width/2, size.Height/2))
	v.Tapped(&fyne.PointEvent{Position: centre})
	if gotS != 1 || gotP != 2 {
		t.Errorf("a tap on China's December bar gave series %d period %d", gotS, gotP)
	}
	v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: centre}})
	if got := v.Hovered(); got != "China · 2024-12: 3" {
		t.Errorf("hover says %q", got)
	}
	if s, _ := v.BarAt(fyne.NewPos(1, 1)); s != -1 {
		t.Errorf("the legend's corner is bar %d", s)
	}
	// The peak period (3) fills the plot's height.
	_, _, _, h := v.plot()
	if _, sz := v.segment(1, 2); math.Abs(float64(sz.Height-h)) > 0.5 {
		t.Errorf("the peak bar is %v high, the plot %v", sz.Height, h)
	}
}

func TestNetworkViewFollowsResizeUntilMoved(t *testing.T) {
	test.NewTempApp(t)
	v := NewNetworkView()
	nodes, edges := triangle()
	v.SetGraph(nodes, edges, false)
	v.Resize(fyne.NewSize(300, 200))
	small := v.Zoom()
	v.Resize(fyne.NewSize(900, 600))
	if v.Zoom() <= small {
		t.Errorf("a larger view keeps the zoom %v (was %v): the network does not fill it", v.Zoom(), small)
	}
	v.ZoomAround(fyne.NewPos(10, 10), 2)
	z := v.Zoom()
	v.Resize(fyne.NewSize(800, 500))
	if v.Zoom() != z {
		t.Errorf("after the reader zoomed, a resize changed the zoom from %v to %v", z, v.Zoom())
	}
}

func TestNetworkViewRecoloursInPlace(t *testing.T) {
	test.NewTempApp(t)
	v := NewNetworkView()
	nodes, edges := triangle()
	v.SetGraph(nodes, edges, false)
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(400, 300))
	v.Resize(fyne.NewSize(400, 300))
	v.ZoomAround(fyne.NewPos(200, 150), 0.8) // the reader zoomed out a little
	zoom, pan := v.zoom, v.pan
	green := color.NRGBA{G: 200, A: 255}
	v.SetNodeColors([]color.Color{green, green, green})
	if v.zoom != zoom || v.pan != pan {
		t.Errorf("recolouring moved the view: zoom %v→%v, pan %v→%v", zoom, v.zoom, pan, v.pan)
	}
	found := 0
	for _, o := range test.WidgetRenderer(v).Objects() {
		if c, ok := o.(*canvas.Circle); ok && c.FillColor == green {
			found++
		}
	}
	if found != 3 {
		t.Errorf("%d of 3 circles are drawn in the new colour", found)
	}
}

func TestTimelineViewMarksTheDateWindow(t *testing.T) {
	test.NewTempApp(t)
	v := NewTimelineView()
	v.SetData([]string{"2024-01", "2024-02", "2024-03", "2024-04"}, []TimelineSeries{{Label: "USA", Counts: []int{1, 2, 3, 4}}})
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(436, 200))
	v.Resize(fyne.NewSize(436, 200))
	mark := func() *canvas.Rectangle {
		r := test.WidgetRenderer(v).(*timelineRenderer)
		for _, o := range r.Objects() {
			if o == r.mark {
				return r.mark
			}
		}
		return nil
	}
	if mark() != nil {
		t.Fatal("a mark without a date window")
	}
	v.SetMarked(1, 2)
	m := mark()
	x, _, pw, _ := v.plot()
	bw := pw / 4
	if m == nil || math.Abs(float64(m.Position().X-(x+bw))) > 0.5 || math.Abs(float64(m.Size().Width-2*bw)) > 0.5 {
		t.Fatalf("the mark of February–March is %v", m)
	}
	v.SetMarked(-1, -1)
	if mark() != nil {
		t.Error("the mark stayed after the window went")
	}
}

func TestNetworkViewFitLeavesRoomForLabels(t *testing.T) {
	test.NewTempApp(t)
	v := NewNetworkView()
	nodes, edges := triangle()
	v.SetGraph(nodes, edges, false)
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(400, 300))
	v.Resize(fyne.NewSize(400, 300))
	v.Fit()
	for i := range nodes {
		if p := v.screen(i); p.X < labelMargin-0.5 || p.X > 400-labelMargin+0.5 {
			t.Errorf("%s sits at x=%.0f: its centred label would be cut at the side", nodes[i].Label, p.X)
		}
	}
}

// A node at the view's edge keeps its whole label inside the view: a label
// centred under it ran past the edge ("Winston Churchi").
func TestNetworkViewLabelsStayInView(t *testing.T) {
	test.NewTempApp(t)
	nodes := []GraphNode{{X: 0, Y: 0, Weight: 5, Label: "Winston Churchill and Clementine"}, {X: 1, Y: 1, Weight: 5, Label: "Franklin Delano Roosevelt of the USA"}}
	for _, width := range []float32{240, 400, 900} {
		v := NewNetworkView()
		v.SetGraph(nodes, []GraphEdge{{From: 0, To: 1, Weight: 1}}, false)
		test.NewTempWindow(t, v)
		v.Resize(fyne.NewSize(width, 300))
		v.Fit()
		n := 0
		for _, o := range test.WidgetRenderer(v).Objects() {
			if txt, ok := o.(*canvas.Text); ok && txt.Text != "" {
				n++
				if l, r := txt.Position().X, txt.Position().X+txt.MinSize().Width; l < 0 || r > width+0.5 {
					t.Errorf("view %v wide: label %q drawn from %v to %v", width, txt.Text, l, r)
				}
			}
		}
		if n != len(nodes) {
			t.Errorf("view %v wide: %d labels drawn, want %d", width, n, len(nodes))
		}
	}
}
