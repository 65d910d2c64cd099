package analysis

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

// cell is the pair's place in the dense matrix: row-major for ordered
// pairs, the lower triangle (a < b) for unordered ones.
func (p *pairCounter) cell(a, b int) int {
	if p.directed {
		return a*p.n + b
	}
	return b*(b-1)/2 + a
}

// add counts the pair (a, b) once; a and b differ.
func (p *pairCounter) add(a, b int) {
	if !p.directed && a > b {
		a, b = b, a
	}
	if p.dense != nil {
		p.dense[p.cell(a, b)]++
		return
	}
	p.sparse[pairKey(a, b)]++
}

// len returns an upper bound of the number of pairs counted, for sizing.
func (p *pairCounter) len() int {
	if p.sparse != nil {
		return len(p.sparse)
	}
	return 0
}

// each calls fn with every counted pair and its count (a < b for
// unordered pairs).
func (p *pairCounter) each(fn func(a, b, n int)) {
	if p.sparse != nil {
		for k, c := range p.sparse {
			fn(int(k>>32), int(uint32(k)), int(c))
		}
		return
	}
	for a := 0; a < p.n; a++ {
		for b := 0; b < p.n; b++ {
			if a == b || !p.directed && a > b {
				continue
			}
			if c := p.dense[p.cell(a, b)]; c > 0 {
				fn(a, b, int(c))
			}
		}
	}
}
