package widgets

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// GraphNode is a node of a NetworkView: where the layout put it (in
// layout units), its size (Weight, drawn as the circle's area), colour
// and label.
type GraphNode struct {
	X, Y   float64
	Weight float64
	Color  color.Color
	Label  string
}

// GraphEdge ties two nodes (indices). Weight sets the line's thickness;
// edges come strongest first, and the view draws the strongest.
type GraphEdge struct {
	From, To int
	Weight   float64
}

// Network view tuning.
const (
	// maxDrawnEdges bounds the lines drawn at once: the strongest visible
	// edges, so that 2,000 actors and their million ties stay a picture
	// (and a frame stays cheap).
	maxDrawnEdges = 1500
	// maxLabels bounds the labels drawn: the biggest visible nodes first.
	maxLabels = 40
	// labelZoom is the zoom (pixels per layout unit) from which every
	// visible node is labelled, up to maxLabels.
	labelZoom = 60
	// minRadius and maxRadius bound a node's circle, in pixels.
	minRadius, maxRadius = 3, 22
	// radiusPerUnit is the largest circle's radius per layout unit of
	// zoom (up to maxRadius).
	radiusPerUnit = 0.3
	// arrowLen is the length of a directed edge's arrowhead, in pixels.
	arrowLen = 8
	// zoomStep is the zoom factor of one scroll-wheel step.
	zoomStep = 1.15
	// labelMargin is the room Fit leaves left and right: half of a
	// typical label ("Vereinte Nationen"), which is centred under its node.
	labelMargin = 60
)

// NetworkView draws a network: circles for nodes, lines for edges, labels
// for the biggest nodes (all once zoomed in). Drag pans, the scroll wheel
// zooms around the pointer, hovering a node names it, a click on a node
// (or on an edge) calls OnNodeTapped (OnEdgeTapped). Only what is visible
// is built, and of the edges only the strongest maxDrawnEdges.
type NetworkView struct {
	widget.BaseWidget

	OnNodeTapped func(i int)
	OnEdgeTapped func(i int)

	nodes    []GraphNode
	edges    []GraphEdge
	directed bool
	maxW     float64 // heaviest node weight
	maxEdgeW float64

	// zoom is pixels per layout unit; pan is the view's offset in pixels.
	zoom   float32
	pan    fyne.Position
	fitted bool
	// moved is set once the reader pans or zooms: until then the view
	// fits the network to its size whenever that changes.
	moved    bool
	fitSize  fyne.Size
	hover    int
	selected int
}

// NewNetworkView makes an empty view.
func NewNetworkView() *NetworkView {
	v := &NetworkView{hover: -1, selected: -1, zoom: 1}
	v.ExtendBaseWidget(v)
	return v
}

// SetGraph shows a new network, fitted to the view. directed draws
// arrowheads.
func (v *NetworkView) SetGraph(nodes []GraphNode, edges []GraphEdge, directed bool) {
	v.nodes, v.edges, v.directed = nodes, edges, directed
	v.maxW, v.maxEdgeW = 0, 0
	for _, n := range nodes {
		v.maxW = math.Max(v.maxW, n.Weight)
	}
	for _, e := range edges {
		v.maxEdgeW = math.Max(v.maxEdgeW, e.Weight)
	}
	v.hover, v.selected, v.fitted, v.moved = -1, -1, false, false
	v.Refresh()
}

// SetNodeColors recolours the nodes (one colour each, in order) without
// moving the view.
func (v *NetworkView) SetNodeColors(colors []color.Color) {
	for i := range v.nodes[:min(len(v.nodes), len(colors))] {
		v.nodes[i].Color = colors[i]
	}
	v.Refresh()
}

// Select marks node i (-1: none).
func (v *NetworkView) Select(i int) {
	v.selected = i
	v.Refresh()
}

// Fit zooms and pans so that the whole network fills the view.
func (v *NetworkView) Fit() {
	size := v.Size()
	if len(v.nodes) == 0 || size.Width <= 0 {
		return
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, n := range v.nodes {
		minX, maxX = math.Min(minX, n.X), math.Max(maxX, n.X)
		minY, maxY = math.Min(minY, n.Y), math.Max(maxY, n.Y)
	}
	margin, side := float32(2*maxRadius), float32(max(2*maxRadius, labelMargin))
	w, h := math.Max(maxX-minX, 1), math.Max(maxY-minY, 1)
	v.zoom = float32(math.Min(float64(max(size.Width-2*side, size.Width/2))/w, float64(size.Height-2*margin)/h))
	v.zoom = max(v.zoom, 0.01)
	v.pan = fyne.NewPos(size.Width/2-float32((minX+maxX)/2)*v.zoom, size.Height/2-float32((minY+maxY)/2)*v.zoom)
	v.fitted, v.moved, v.fitSize = true, false, size
	v.Refresh()
}

// Zoom is the current scale in pixels per layout unit.
func (v *NetworkView) Zoom() float32 { return v.zoom }

// screen returns where node i is drawn.
func (v *NetworkView) screen(i int) fyne.Position {
	n := v.nodes[i]
	return fyne.NewPos(float32(n.X)*v.zoom+v.pan.X, float32(n.Y)*v.zoom+v.pan.Y)
}

// radius returns node i's circle radius in pixels: area by weight.
func (v *NetworkView) radius(i int) float32 {
	if v.maxW <= 0 {
		return minRadius
	}
	// Circles shrink with the zoom so that neighbours do not cover each
	// other in a small view (a layout unit is about one tie's length).
	top := max(2*minRadius, min(maxRadius, v.zoom*radiusPerUnit))
	return minRadius + float32(math.Sqrt(v.nodes[i].Weight/v.maxW))*(top-minRadius)
}

// NodeAt returns the node under pos, the topmost (last drawn) first, or -1.
func (v *NetworkView) NodeAt(pos fyne.Position) int {
	best, bestD := -1, float32(math.MaxFloat32)
	for i := range v.nodes {
		p := v.screen(i)
		dx, dy := pos.X-p.X, pos.Y-p.Y
		d := dx*dx + dy*dy
		r := v.radius(i) + 2
		if d <= r*r && d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// edgeAt returns the drawn edge passing within 4 pixels of pos, or -1.
func (v *NetworkView) edgeAt(pos fyne.Position) int {
	const tolerance = 4
	for i, e := range v.edges[:min(len(v.edges), maxDrawnEdges)] {
		a, b := v.screen(e.From), v.screen(e.To)
		if distToSegment(pos, a, b) <= tolerance {
			return i
		}
	}
	return -1
}

// distToSegment is the distance from p to the segment a–b.
func distToSegment(p, a, b fyne.Position) float32 {
	dx, dy := b.X-a.X, b.Y-a.Y
	l2 := dx*dx + dy*dy
	t := float32(0)
	if l2 > 0 {
		t = max(0, min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/l2))
	}
	x, y := a.X+t*dx-p.X, a.Y+t*dy-p.Y
	return float32(math.Sqrt(float64(x*x + y*y)))
}

// Tapped selects the node under the pointer (or the edge) and says so.
func (v *NetworkView) Tapped(ev *fyne.PointEvent) {
	if i := v.NodeAt(ev.Position); i >= 0 {
		v.Select(i)
		if v.OnNodeTapped != nil {
			v.OnNodeTapped(i)
		}
		return
	}
	if i := v.edgeAt(ev.Position); i >= 0 && v.OnEdgeTapped != nil {
		v.OnEdgeTapped(i)
	}
}

// Dragged pans the view.
func (v *NetworkView) Dragged(ev *fyne.DragEvent) {
	v.moved = true
	v.pan = v.pan.Add(ev.Dragged)
	v.Refresh()
}

// DragEnd ends a pan.
func (v *NetworkView) DragEnd() {}

// Scrolled zooms around the pointer.
func (v *NetworkView) Scrolled(ev *fyne.ScrollEvent) {
	f := float32(zoomStep)
	if ev.Scrolled.DY < 0 {
		f = 1 / f
	}
	v.ZoomAround(ev.Position, f)
}

// ZoomAround scales the view by f keeping pos where it is.
func (v *NetworkView) ZoomAround(pos fyne.Position, f float32) {
	v.moved = true
	v.pan = fyne.NewPos(pos.X-(pos.X-v.pan.X)*f, pos.Y-(pos.Y-v.pan.Y)*f)
	v.zoom *= f
	v.Refresh()
}

// MouseIn, MouseMoved and MouseOut name the node under the pointer.
func (v *NetworkView) MouseIn(ev *desktop.MouseEvent) { v.MouseMoved(ev) }

// MouseMoved names the node under the pointer.
func (v *NetworkView) MouseMoved(ev *desktop.MouseEvent) {
	if i := v.NodeAt(ev.Position); i != v.hover {
		v.hover = i
		v.Refresh()
	}
}

// MouseOut forgets the hovered node.
func (v *NetworkView) MouseOut() {
	if v.hover >= 0 {
		v.hover = -1
		v.Refresh()
	}
}

// Cursor is a pointer over the view: nodes and edges are clickable.
func (v *NetworkView) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer makes the view's renderer.
func (v *NetworkView) CreateRenderer() fyne.WidgetRenderer {
	r := &networkRenderer{v: v, bg: canvas.NewRectangle(color.Transparent)}
	return r
}

// networkRenderer builds the visible lines, circles and labels from
// pools, so that a pan or zoom allocates nothing once warm.
type networkRenderer struct {
	v       *NetworkView
	bg      *canvas.Rectangle
	lines   []*canvas.Line
	circles []*canvas.Circle
	labels  []*canvas.Text
	objects []fyne.CanvasObject
}

func (r *networkRenderer) Destroy() {}

func (r *networkRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	if size.Width > 0 && (!r.v.fitted || !r.v.moved && size != r.v.fitSize) {
		r.v.Fit()
		return
	}
	r.build(size)
}

func (r *networkRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 150) }

func (r *networkRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *networkRenderer) Refresh() {
	r.build(r.v.Size())
	canvas.Refresh(r.v)
}

// build places the visible objects for the view's size.
func (r *networkRenderer) build(size fyne.Size) {
	v := r.v
	visible := func(p fyne.Position, pad float32) bool {
		return p.X >= -pad && p.Y >= -pad && p.X <= size.Width+pad && p.Y <= size.Height+pad
	}
	nl, nc, nt := 0, 0, 0
	fg := theme.Color(theme.ColorNameForeground)
	for _, e := range v.edges {
		if nl >= maxDrawnEdges {
			break
		}
		a, b := v.screen(e.From), v.screen(e.To)
		if !visible(a, 0) && !visible(b, 0) {
			continue
		}
		w := float32(1)
		if v.maxEdgeW > 0 {
			w = 0.6 + 3*float32(e.Weight/v.maxEdgeW)
		}
		nl = r.line(nl, a, b, w, withAlpha(fg, 70+uint8(110*min(1, e.Weight/max(v.maxEdgeW, 1e-9)))))
		if v.directed && len(v.edges) <= maxDrawnEdges {
			nl = r.arrow(nl, a, b, v.radius(e.To), withAlpha(fg, 160))
		}
	}
	type labelled struct {
		i int
		p fyne.Position
	}
	var shown []labelled
	for i := range v.nodes {
		p := v.screen(i)
		rad := v.radius(i)
		if !visible(p, rad) {
			continue
		}
		c := r.circle(nc)
		nc++
		c.FillColor = nodeColor(v.nodes[i].Color)
		c.StrokeWidth = 0
		if i == v.selected || i == v.hover {
			c.StrokeColor, c.StrokeWidth = fg, 2.5 // the text colour: visible on any node colour
		}
		c.Position1 = fyne.NewPos(p.X-rad, p.Y-rad)
		c.Position2 = fyne.NewPos(p.X+rad, p.Y+rad)
		c.Refresh()
		if i == v.hover || i == v.selected || v.zoom >= labelZoom || rad >= maxRadius*0.6 {
			shown = append(shown, labelled{i, p})
		}
	}
	for _, l := range shown {
		if nt >= maxLabels && l.i != v.hover && l.i != v.selected {
			continue
		}
		t := r.label(nt)
		nt++
		t.Text = v.nodes[l.i].Label
		t.Color = fg
		t.TextStyle.Bold = l.i == v.hover || l.i == v.selected
		t.Refresh()
		ts := t.MinSize()
		t.Move(fyne.NewPos(labelX(l.p.X, ts.Width, v.Size().Width), l.p.Y+v.radius(l.i)+1))
	}
	r.objects = r.objects[:0]
	r.objects = append(r.objects, r.bg)
	for _, o := range r.lines[:nl] {
		r.objects = append(r.objects, o)
	}
	for _, o := range r.circles[:nc] {
		r.objects = append(r.objects, o)
	}
	for _, o := range r.labels[:nt] {
		r.objects = append(r.objects, o)
	}
}

// labelX is where a label of width w starts under a node at x: centred
// under it, but moved inside a view of width viewW, so that a node near
// the edge keeps its whole name ("Winston Churchi" was cut off).
func labelX(x, w, viewW float32) float32 {
	return max(0, min(x-w/2, viewW-w))
}

// line sets pooled line n and returns n+1.
func (r *networkRenderer) line(n int, a, b fyne.Position, width float32, c color.Color) int {
	if n == len(r.lines) {
		r.lines = append(r.lines, canvas.NewLine(c))
	}
	l := r.lines[n]
	l.StrokeColor, l.StrokeWidth = c, width
	l.Position1, l.Position2 = a, b
	l.Refresh()
	return n + 1
}

// arrow draws an arrowhead at b's circle on the line a→b.
func (r *networkRenderer) arrow(n int, a, b fyne.Position, rad float32, c color.Color) int {
	dx, dy := b.X-a.X, b.Y-a.Y
	d := float32(math.Sqrt(float64(dx*dx + dy*dy)))
	if d <= rad+arrowLen {
		return n
	}
	ux, uy := dx/d, dy/d
	tip := fyne.NewPos(b.X-ux*rad, b.Y-uy*rad)
	for _, s := range []float32{1, -1} {
		// 30° either side of the line.
		bx := tip.X - arrowLen*(ux*0.866-s*uy*0.5)
		by := tip.Y - arrowLen*(uy*0.866+s*ux*0.5)
		n = r.line(n, tip, fyne.NewPos(bx, by), 1.5, c)
	}
	return n
}

func (r *networkRenderer) circle(n int) *canvas.Circle {
	if n == len(r.circles) {
		r.circles = append(r.circles, canvas.NewCircle(color.Transparent))
	}
	return r.circles[n]
}

func (r *networkRenderer) label(n int) *canvas.Text {
	if n == len(r.labels) {
		t := canvas.NewText("", theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.CaptionTextSize()
		r.labels = append(r.labels, t)
	}
	return r.labels[n]
}

// nodeColor is a node's colour, the theme's primary when it has none.
func nodeColor(c color.Color) color.Color {
	if c == nil {
		return theme.Color(theme.ColorNamePrimary)
	}
	return c
}
