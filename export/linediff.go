package export

import (
	"cmp"
	"hash/fnv"
	"slices"
	"sort"
	"strings"
)

// lineHash is how note lines are compared: FNV-1a of the line without a
// trailing carriage return, so that a note an editor saved with Windows
// line ends still matches what Dramatis wrote.
func lineHash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(strings.TrimSuffix(s, "\r")))
	return h.Sum64()
}

// lineHashes hashes every line.
func lineHashes(lines []string) []uint64 {
	out := make([]uint64, len(lines))
	for i, l := range lines {
		out[i] = lineHash(l)
	}
	return out
}

// linePair says that line a of one text and line b of another are the
// same line of a common subsequence.
type linePair struct{ a, b int }

// maxDiffEdits bounds the exact (Myers) comparison of a stretch of lines
// that has no line occurring once on each side: past this many edits the
// stretch counts as replaced entirely, which a merge turns into a
// conflict (the reader's lines are kept) rather than spend quadratic time
// on a note of tens of thousands of lines.
const maxDiffEdits = 2000

// matchLines returns the lines a and b have in common, as increasing
// pairs: the common start, then lines that occur exactly once on each
// side and keep their order (patience diff), then, in the stretches
// between those, a longest common subsequence that matches every line as
// early as it can. Patience anchors keep a reader's line from being
// matched with a far-away line that merely looks the same, such as a
// blank line; early matches keep a blank line with the block above it,
// so that the reader's line under a highlight stays outside a change to
// the next one.
func matchLines(a, b []uint64) []linePair {
	var out []linePair
	matchRange(a, b, 0, len(a), 0, len(b), &out)
	return out
}

// maxDPCells bounds the table of the exact early-matching comparison of
// a stretch without unique lines (4 bytes a cell); larger stretches fall
// back to Myers's algorithm.
const maxDPCells = 1 << 22

// matchRange matches a[alo:ahi] against b[blo:bhi], appending the pairs.
func matchRange(a, b []uint64, alo, ahi, blo, bhi int, out *[]linePair) {
	for alo < ahi && blo < bhi && a[alo] == b[blo] {
		*out = append(*out, linePair{alo, blo})
		alo, blo = alo+1, blo+1
	}
	if alo == ahi || blo == bhi {
		return
	}
	anchors := uniqueAnchors(a[alo:ahi], b[blo:bhi])
	if len(anchors) > 0 {
		pa, pb := alo, blo
		for _, an := range anchors {
			matchRange(a, b, pa, alo+an.a, pb, blo+an.b, out)
			*out = append(*out, linePair{alo + an.a, blo + an.b})
			pa, pb = alo+an.a+1, blo+an.b+1
		}
		matchRange(a, b, pa, ahi, pb, bhi, out)
		return
	}
	var ps []linePair
	if (ahi-alo+1)*(bhi-blo+1) <= maxDPCells {
		ps = earliestLCS(a[alo:ahi], b[blo:bhi])
	} else {
		ps = myers(a[alo:ahi], b[blo:bhi])
	}
	for _, p := range ps {
		*out = append(*out, linePair{alo + p.a, blo + p.b})
	}
}

// earliestLCS returns a longest common subsequence of a and b that puts
// every match as early as it can: of the many equally long ones (blank
// lines make many), the one whose changes start as late as possible. It
// walks back from the end and takes a match only when skipping a line
// would shorten the subsequence.
func earliestLCS(a, b []uint64) []linePair {
	n, m := len(a), len(b)
	// l[i*(m+1)+j] is the length of a longest common subsequence of
	// a[:i] and b[:j].
	l := make([]int32, (n+1)*(m+1))
	at := func(i, j int) int32 { return l[i*(m+1)+j] }
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			v := max(at(i-1, j), at(i, j-1))
			if a[i-1] == b[j-1] {
				v = max(v, at(i-1, j-1)+1)
			}
			l[i*(m+1)+j] = v
		}
	}
	var out []linePair
	for i, j := n, m; i > 0 && j > 0; {
		switch {
		case at(i-1, j) == at(i, j):
			i--
		case at(i, j-1) == at(i, j):
			j--
		default:
			i, j = i-1, j-1
			out = append(out, linePair{i, j})
		}
	}
	slices.Reverse(out)
	return out
}

// uniqueAnchors returns the longest increasing sequence of pairs of lines
// that occur exactly once in a and once in b.
func uniqueAnchors(a, b []uint64) []linePair {
	type seen struct{ na, nb, ia, ib int }
	m := make(map[uint64]*seen, len(a))
	for i, h := range a {
		s := m[h]
		if s == nil {
			s = &seen{}
			m[h] = s
		}
		s.na, s.ia = s.na+1, i
	}
	for j, h := range b {
		if s := m[h]; s != nil {
			s.nb, s.ib = s.nb+1, j
		}
	}
	var cands []linePair
	for _, s := range m {
		if s.na == 1 && s.nb == 1 {
			cands = append(cands, linePair{s.ia, s.ib})
		}
	}
	slices.SortFunc(cands, func(x, y linePair) int { return cmp.Compare(x.a, y.a) })
	return longestIncreasing(cands)
}

// longestIncreasing returns the longest subsequence of pairs (ordered by
// a) whose b also increases, by patience sorting.
func longestIncreasing(ps []linePair) []linePair {
	if len(ps) == 0 {
		return nil
	}
	tops := []int{}              // index into ps of the top card of each pile
	prev := make([]int, len(ps)) // the card below each card's pile top when it was placed
	for i, p := range ps {
		k := sort.Search(len(tops), func(k int) bool { return ps[tops[k]].b > p.b })
		prev[i] = -1
		if k > 0 {
			prev[i] = tops[k-1]
		}
		if k == len(tops) {
			tops = append(tops, i)
		} else {
			tops[k] = i
		}
	}
	out := make([]linePair, len(tops))
	for i, k := tops[len(tops)-1], len(tops)-1; k >= 0; i, k = prev[i], k-1 {
		out[k] = ps[i]
	}
	return out
}

// myers returns a longest common subsequence of a and b by Myers's
// O((N+M)·D) algorithm, or nothing when more than maxDiffEdits edits
// separate them.
func myers(a, b []uint64) []linePair {
	n, m := len(a), len(b)
	maxD := min(n+m, maxDiffEdits)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		trace = append(trace, slices.Clone(v))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				return myersPath(trace, off, n, m)
			}
		}
	}
	return nil
}

// myersPath walks the saved frontiers (trace[d] is the frontier before
// step d) back from (x, y) = (n, m) and returns the diagonal moves, the
// matched lines, in order.
func myersPath(trace [][]int, off, x, y int) []linePair {
	var out []linePair
	for d := len(trace) - 1; d >= 0; d-- {
		v := trace[d]
		k := x - y
		pk := k - 1
		if k == -d || k != d && v[off+k-1] < v[off+k+1] {
			pk = k + 1
		}
		px := v[off+pk]
		py := px - pk
		for x > px && y > py {
			x, y = x-1, y-1
			out = append(out, linePair{x, y})
		}
		x, y = px, py
	}
	slices.Reverse(out)
	return out
}
