package export

import "slices"

// mergedLine is one line of a merged managed part. ours is true for a
// line Dramatis's new version holds (its own or one both sides kept),
// false for the reader's.
type mergedLine struct {
	text string
	ours bool
}

// lineMerge is the result of merging the reader's version of a managed
// part with Dramatis's new one.
type lineMerge struct {
	lines []mergedLine
	// conflicts counts places where the reader and Dramatis changed the
	// same lines; the reader's lines were kept there.
	conflicts int
}

// hunk is a change one side made to the base: base lines [o0, o1)
// replaced by that side's lines [x0, x1). An insertion has o0 == o1.
type hunk struct {
	o0, o1, x0, x1 int
	reader         bool
}

// hunks lists the changes from base to a side, given their matched lines.
func hunks(pairs []linePair, nBase, nSide int, reader bool) []hunk {
	var out []hunk
	o, x := 0, 0
	for _, p := range append(pairs, linePair{nBase, nSide}) {
		if p.a > o || p.b > x {
			out = append(out, hunk{o, p.a, x, p.b, reader})
		}
		o, x = p.a+1, p.b+1
	}
	return out
}

// insertion reports whether the change only adds lines; deletion
// whether it only removes them.
func (h hunk) insertion() bool { return h.o0 == h.o1 }
func (h hunk) deletion() bool  { return h.x0 == h.x1 }

// clash reports whether two changes from different sides touch the same
// base lines: overlapping ranges, insertions at the same place, or an
// insertion strictly inside the other's range, unless that range was only
// deleted (the inserted lines stay, the deleted ones go). An insertion
// right before or after a changed range does not clash: the reader's
// line under a highlight stays under it when Dramatis rewrites the
// highlight.
func clash(h, g hunk) bool {
	switch {
	case h.insertion() && g.insertion():
		return h.o0 == g.o0
	case h.insertion():
		return !g.deletion() && g.o0 < h.o0 && h.o0 < g.o1
	case g.insertion():
		return !h.deletion() && h.o0 < g.o0 && g.o0 < h.o1
	}
	return h.o0 < g.o1 && g.o0 < h.o1
}

// merge3 merges cur (the reader's version of the managed part) and next
// (Dramatis's new version), both descended from the version Dramatis
// wrote last, of which only the line hashes are known (base). Lines both
// kept stay; a change only one side made is taken; the same change on
// both sides is taken once; where both changed the same lines
// differently, the reader's lines are kept and it counts as a conflict.
// No line the reader added or changed is ever dropped.
func merge3(base []uint64, cur, next []string) lineMerge {
	hc, hn := lineHashes(cur), lineHashes(next)
	pc, pn := matchLines(base, hc), matchLines(base, hn)
	curOf := make([]int, len(base)) // base line → its line in cur, or -1
	for i := range curOf {
		curOf[i] = -1
	}
	for _, p := range pc {
		curOf[p.a] = p.b
	}
	all := append(hunks(pc, len(base), len(cur), true), hunks(pn, len(base), len(next), false)...)
	slices.SortStableFunc(all, func(a, b hunk) int {
		if a.o0 != b.o0 {
			return a.o0 - b.o0
		}
		// At the same place an insertion goes first, the reader's first.
		ai, bi := a.o0 == a.o1, b.o0 == b.o1
		switch {
		case ai != bi && ai:
			return -1
		case ai != bi:
			return 1
		case a.reader != b.reader && a.reader:
			return -1
		case a.reader != b.reader:
			return 1
		}
		return 0
	})
	var m lineMerge
	o := 0
	for _, g := range groupHunks(all) {
		for ; o < g[0].o0; o++ {
			m.lines = append(m.lines, mergedLine{cur[curOf[o]], true})
		}
		end := o
		for _, h := range g {
			end = max(end, h.o1)
		}
		m.resolve(g, cur, next, hc, hn, curOf, o, end)
		o = end
	}
	for ; o < len(base); o++ {
		m.lines = append(m.lines, mergedLine{cur[curOf[o]], true})
	}
	return m
}

// groupHunks joins changes that clash, directly or through others, into
// groups, and groups whose base lines overlap into one, in base order
// (all is sorted). Changes from one side never overlap each other. A
// group that only deletes may hold the other side's insertions inside
// its range as groups of their own.
func groupHunks(all []hunk) [][]hunk {
	parent := make([]int, len(all))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	for i := range all {
		for j := i + 1; j < len(all) && all[j].o0 <= all[i].o1; j++ {
			if all[i].reader != all[j].reader && clash(all[i], all[j]) {
				parent[find(j)] = find(i)
			}
		}
	}
	var groups [][]hunk
	index := map[int]int{}
	for i, h := range all {
		r := find(i)
		k, ok := index[r]
		if !ok {
			k = len(groups)
			index[r] = k
			groups = append(groups, nil)
		}
		groups[k] = append(groups[k], h)
	}
	var out [][]hunk
	hi := -1
	for _, g := range groups {
		n := len(out)
		if n > 0 && g[0].o0 < hi && !onlyDeletes(out[n-1]) {
			out[n-1] = append(out[n-1], g...)
			slices.SortStableFunc(out[n-1], func(a, b hunk) int { return a.o0 - b.o0 })
		} else {
			out = append(out, g)
			hi = -1
		}
		for _, h := range g {
			hi = max(hi, h.o1)
		}
	}
	return out
}

// onlyDeletes reports whether every change of a group only deletes.
func onlyDeletes(g []hunk) bool {
	for _, h := range g {
		if !h.deletion() {
			return false
		}
	}
	return true
}

// resolve appends the merge of one group of changes covering base lines
// [o0, o1).
func (m *lineMerge) resolve(g []hunk, cur, next []string, hc, hn []uint64, curOf []int, o0, o1 int) {
	var r, d []hunk
	for _, h := range g {
		if h.reader {
			r = append(r, h)
		} else {
			d = append(d, h)
		}
	}
	switch {
	case len(d) == 0:
		for _, h := range r {
			m.take(cur[h.x0:h.x1], false)
		}
		return
	case len(r) == 0:
		for _, h := range d {
			m.take(next[h.x0:h.x1], true)
		}
		return
	case onlyDeletes(g):
		return // both deleted lines: all of them go
	case len(r) == 1 && len(d) == 1 && r[0].o0 == d[0].o0 && r[0].o1 == d[0].o1 && slices.Equal(hc[r[0].x0:r[0].x1], hn[d[0].x0:d[0].x1]):
		m.take(cur[r[0].x0:r[0].x1], true) // the same change on both sides
		return
	}
	// Both changed the same lines: the reader's version of them stays.
	m.conflicts++
	o := o0
	for _, h := range r {
		for ; o < h.o0; o++ {
			m.lines = append(m.lines, mergedLine{cur[curOf[o]], false})
		}
		m.take(cur[h.x0:h.x1], false)
		o = max(o, h.o1)
	}
	for ; o < o1; o++ {
		m.lines = append(m.lines, mergedLine{cur[curOf[o]], false})
	}
}

// take appends lines from one side.
func (m *lineMerge) take(lines []string, ours bool) {
	for _, l := range lines {
		m.lines = append(m.lines, mergedLine{l, ours})
	}
}

// merge2 merges the reader's version of the managed part with Dramatis's
// new one when the version Dramatis wrote last is not known (a note from
// an older Dramatis, or its record lost): every line of the reader's
// version stays, Dramatis's new lines are added where they belong, and
// kept counts the reader's lines Dramatis's version lacks (its own stale
// lines among them, which cannot be told apart).
func merge2(cur, next []string) (m lineMerge, kept int) {
	pairs := matchLines(lineHashes(cur), lineHashes(next))
	c, n := 0, 0
	for _, p := range append(pairs, linePair{len(cur), len(next)}) {
		kept += p.a - c
		m.take(cur[c:p.a], false)
		m.take(next[n:p.b], true)
		if p.a < len(cur) {
			m.lines = append(m.lines, mergedLine{cur[p.a], true})
		}
		c, n = p.a+1, p.b+1
	}
	return m, kept
}
