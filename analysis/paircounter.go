package analysis

// denseLimit is the largest network whose pairs are counted in a dense
// triangular matrix: 4,096 nodes take 8.4 million int32 cells (34 MB);
// larger networks count in a map, slower per pair but sized by the pairs
// that occur.
const denseLimit = 4096

// pairCounter counts unordered pairs of nodes.
type pairCounter struct {
	n      int
	dense  []int32
	sparse map[uint64]int32
}

func newPairCounter(n int) *pairCounter {
	if n <= denseLimit {
		return &pairCounter{n: n, dense: make([]int32, n*(n-1)/2)}
	}
	return &pairCounter{n: n, sparse: map[uint64]int32{}}
}

// tri is the cell of the pair a < b in the triangular matrix.
func tri(a, b int) int { return b*(b-1)/2 + a }

// add counts the pair (a, b) once; a and b differ.
func (p *pairCounter) add(a, b int) {
	if a > b {
		a, b = b, a
	}
	if p.dense != nil {
		p.dense[tri(a, b)]++
		return
	}
	p.sparse[pairKey(a, b)]++
}

// each calls fn with every counted pair (a < b) and its count.
func (p *pairCounter) each(fn func(a, b, n int)) {
	if p.dense != nil {
		i := 0
		for b := 1; b < p.n; b++ {
			for a := 0; a < b; a++ {
				if c := p.dense[i]; c > 0 {
					fn(a, b, int(c))
				}
				i++
			}
		}
		return
	}
	for k, c := range p.sparse {
		fn(int(k>>32), int(uint32(k)), int(c))
	}
}
