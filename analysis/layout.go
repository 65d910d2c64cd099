package analysis

import (
	"cmp"
	"math"
	"slices"
)

// Point is a node's place in a layout, in units where the ideal distance
// between two tied nodes is about 1.
type Point struct{ X, Y float64 }

// Layout tuning. The numbers are Fruchterman and Reingold's, with their
// grid variant for repulsion so that a step costs about O(nodes + edges)
// instead of O(nodes²): a 2,000-actor network lays out in well under a
// second.
const (
	// layoutSteps is how many steps the layout takes; more only moves
	// nodes that have already found their neighbours.
	layoutSteps = 120
	// layoutGravity pulls every node toward the centre, so that actors
	// without ties stay in the picture instead of drifting off.
	layoutGravity = 0.03
	// LayoutEdges is how many of the strongest edges pull on the layout;
	// lighter ones change little and cost time. A network computed with
	// NetworkOptions{Top: LayoutEdges} lays out as the whole one does.
	LayoutEdges = 20000
	// ringGap is how far outside the tied nodes the untied ones sit.
	ringGap = 1.0
	// goldenAngle spreads the start positions on a sunflower spiral,
	// busiest nodes in the middle (nodes come busiest first).
	goldenAngle = 2.399963229728653
)

// Layout places n's nodes with a force-directed layout: tied nodes pull
// together (more the heavier the tie), all nodes push apart. The result
// is the same on every run for the same network.
func Layout(n *Network) []Point {
	nn := len(n.Nodes)
	pos := make([]Point, nn)
	for i := range pos {
		r := math.Sqrt(float64(i) + 0.5)
		pos[i] = Point{r * math.Cos(float64(i)*goldenAngle), r * math.Sin(float64(i)*goldenAngle)}
	}
	if nn < 2 {
		return pos
	}
	edges := n.Edges
	if len(edges) > LayoutEdges {
		edges = edges[:LayoutEdges] // strongest first
	}
	maxW := 0.0
	for _, e := range edges {
		maxW = math.Max(maxW, e.Weight)
	}
	disp := make([]Point, nn)
	temp := math.Sqrt(float64(nn)) / 4
	cool := temp / layoutSteps
	for step := 0; step < layoutSteps; step++ {
		clear(disp)
		repel(pos, disp)
		for _, e := range edges {
			a, b := e.Source, e.Target
			dx, dy := pos[a].X-pos[b].X, pos[a].Y-pos[b].Y
			d := math.Hypot(dx, dy)
			if d == 0 {
				continue
			}
			pull := d * d * (0.5 + 0.5*e.Weight/maxW) // d²/k with k = 1, scaled by weight
			fx, fy := dx/d*pull, dy/d*pull
			disp[a].X -= fx
			disp[a].Y -= fy
			disp[b].X += fx
			disp[b].Y += fy
		}
		for i := range pos {
			disp[i].X -= layoutGravity * pos[i].X * math.Sqrt(float64(nn))
			disp[i].Y -= layoutGravity * pos[i].Y * math.Sqrt(float64(nn))
			d := math.Hypot(disp[i].X, disp[i].Y)
			if d > 0 {
				lim := math.Min(d, temp)
				pos[i].X += disp[i].X / d * lim
				pos[i].Y += disp[i].Y / d * lim
			}
		}
		temp = math.Max(temp-cool, 0.01)
	}
	ringIsolates(pos, edges)
	return pos
}

// ringIsolates puts the nodes without a tie on a ring just outside the
// tied ones, evenly spaced in their order (busiest first), so that they
// neither hide among the tied nodes nor, drifting off, shrink the
// picture of the network when it is fitted to a view.
func ringIsolates(pos []Point, edges []Edge) {
	tied := make([]bool, len(pos))
	for _, e := range edges {
		tied[e.Source], tied[e.Target] = true, true
	}
	var cx, cy float64
	var n int
	for i, p := range pos {
		if tied[i] {
			cx, cy, n = cx+p.X, cy+p.Y, n+1
		}
	}
	if n == 0 || n == len(pos) {
		return
	}
	cx, cy = cx/float64(n), cy/float64(n)
	r := 0.0
	for i, p := range pos {
		if tied[i] {
			r = math.Max(r, math.Hypot(p.X-cx, p.Y-cy))
		}
	}
	r += ringGap
	var isolates []int
	for i := range pos {
		if !tied[i] {
			isolates = append(isolates, i)
		}
	}
	for k, i := range isolates {
		a := 2 * math.Pi * float64(k) / float64(len(isolates))
		pos[i] = Point{cx + r*math.Cos(a), cy + r*math.Sin(a)}
	}
}

// repelCell is how wide a cell of repel's grid is: nodes farther apart
// than this do not push each other (their push would hardly move them).
const repelCell = 2.0

// cellKey is a cell of repel's grid.
type cellKey struct{ x, y int }

// repel adds the repulsion between nodes closer than repelCell, found
// through a grid of cells that wide (the grid variant of
// Fruchterman–Reingold: farther nodes hardly push). Each pair is computed
// once and pushes both nodes; cells are visited in a fixed order, so the
// sums, and the layout, are the same on every run.
func repel(pos, disp []Point) {
	// Besides itself, a cell is paired with half of its eight neighbours,
	// so that each pair of cells, and so each pair of nodes, is met once.
	forward := [4]cellKey{{1, 0}, {-1, 1}, {0, 1}, {1, 1}}
	order, cells, runs := gridCells(pos)
	for r, k := range cells {
		run := order[runs[r]:runs[r+1]]
		for a, i := range run {
			pushAll(pos, disp, i, run[a+1:])
		}
		for _, d := range forward {
			o, ok := findCell(cells, cellKey{k.x + d.x, k.y + d.y})
			if !ok {
				continue
			}
			for _, i := range run {
				pushAll(pos, disp, i, order[runs[o]:runs[o+1]])
			}
		}
	}
}

// gridCells sorts the nodes by their grid cell (row, then column, then
// index) and returns that order, the cells in it, and where each cell's
// run starts (runs has one more entry, the end).
func gridCells(pos []Point) (order []int, cells []cellKey, runs []int) {
	keys := make([]cellKey, len(pos))
	order = make([]int, len(pos))
	for i, p := range pos {
		keys[i] = cellKey{int(math.Floor(p.X / repelCell)), int(math.Floor(p.Y / repelCell))}
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(keys[a].y, keys[b].y), cmp.Compare(keys[a].x, keys[b].x), cmp.Compare(a, b))
	})
	for n, i := range order {
		if n == 0 || keys[i] != cells[len(cells)-1] {
			cells = append(cells, keys[i])
			runs = append(runs, n)
		}
	}
	return order, cells, append(runs, len(order))
}

// findCell finds a cell among the sorted cells.
func findCell(cells []cellKey, k cellKey) (int, bool) {
	return slices.BinarySearchFunc(cells, k, func(c, t cellKey) int {
		return cmp.Or(cmp.Compare(c.y, t.y), cmp.Compare(c.x, t.x))
	})
}

// pushAll adds the repulsion between node i and each of others closer
// than repelCell to both: k²/d along the unit vector, that is k²·dx/d²
// with k = 1.
func pushAll(pos, disp []Point, i int, others []int) {
	p := pos[i]
	var sx, sy float64
	for _, j := range others {
		dx, dy := p.X-pos[j].X, p.Y-pos[j].Y
		d2 := dx*dx + dy*dy
		if d2 > repelCell*repelCell {
			continue
		}
		if d2 == 0 {
			// Two nodes on one spot: part them by index.
			dx, dy, d2 = float64(i-j)*1e-3, 1e-3, 2e-6
		}
		fx, fy := dx/d2, dy/d2
		sx += fx
		sy += fy
		disp[j].X -= fx
		disp[j].Y -= fy
	}
	disp[i].X += sx
	disp[i].Y += sy
}
