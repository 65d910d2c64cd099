package analysis

import "slices"

// Dense limits: networks up to these sizes count their pairs in a dense
// matrix (4,096 nodes: 8.4 million int32 cells for unordered pairs, 34
// MB; 2,048 nodes: 4.2 million for ordered pairs, 17 MB); larger ones
// count in a map, slower per pair but sized by the pairs that occur.
const (
	denseLimit         = 4096
	denseDirectedLimit = 2048
)

// pairCounter counts pairs of nodes, ordered (directed) or not.
type pairCounter struct {
	n        int
	directed bool
	dense    []int32
	sparse   map[uint64]int32
	// pairs is how many different pairs were counted.
	pairs int
}

func newPairCounter(n int, directed bool) *pairCounter {
	p := &pairCounter{n: n, directed: directed}
	switch {
	case directed && n <= denseDirectedLimit:
		p.dense = make([]int32, n*n)
	case !directed && n <= denseLimit:
		p.dense = make([]int32, n*(n-1)/2)
	default:
		p.sparse = map[uint64]int32{}
	}
	return p
}

// cell is the pair's place in the dense matrix, row by row: all of a
// row's cells for ordered pairs, the cells right of the diagonal (a < b)
// for unordered ones. Reading the matrix in memory order visits the pairs
// in (a, b) order.
func (p *pairCounter) cell(a, b int) int {
	if p.directed {
		return a*p.n + b
	}
	return a*(2*p.n-a-1)/2 + b - a - 1
}

// add counts the pair (a, b) once; a and b differ.
func (p *pairCounter) add(a, b int) {
	if !p.directed && a > b {
		a, b = b, a
	}
	if p.dense != nil {
		c := &p.dense[p.cell(a, b)]
		if *c == 0 {
			p.pairs++
		}
		*c++
		return
	}
	k := pairKey(a, b)
	if p.sparse[k] == 0 {
		p.pairs++
	}
	p.sparse[k]++
}

// addRow counts the pairs (a, c) for each c of cs, which ascend and are
// all after a: in the dense matrix one row, written left to right.
func (p *pairCounter) addRow(a int, cs []int) {
	if p.dense == nil || p.directed {
		for _, c := range cs {
			p.add(a, c)
		}
		return
	}
	base := p.cell(a, a+1) - a - 1 // the cell of (a, c) is base + c
	for _, c := range cs {
		cell := &p.dense[base+c]
		if *cell == 0 {
			p.pairs++
		}
		*cell++
	}
}

// len returns the number of different pairs counted.
func (p *pairCounter) len() int { return p.pairs }

// each calls fn with every counted pair and its count, in (a, b) order
// (a < b for unordered pairs).
func (p *pairCounter) each(fn func(a, b, n int)) {
	if p.sparse != nil {
		keys := make([]uint64, 0, len(p.sparse))
		for k := range p.sparse {
			keys = append(keys, k)
		}
		slices.Sort(keys) // pairKey orders as (a, b) does
		for _, k := range keys {
			fn(int(k>>32), int(uint32(k)), int(p.sparse[k]))
		}
		return
	}
	i := 0
	for a := 0; a < p.n; a++ {
		b := 0
		if !p.directed {
			b = a + 1
		}
		for ; b < p.n; b, i = b+1, i+1 {
			if c := p.dense[i]; c > 0 && a != b {
				fn(a, b, int(c))
			}
		}
	}
}
