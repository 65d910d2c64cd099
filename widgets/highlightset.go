package widgets

import "sort"

// highlightSet keeps highlights sorted by start with a running maximum of
// their ends, so that "which highlights touch [a, b)" walks back from b only
// as far as a highlight could still reach a: cheap even with 10,000 of them.
type highlightSet struct {
	hs     []Highlight
	maxEnd []int
}

// set replaces all highlights; empty and inverted ranges are dropped.
func (s *highlightSet) set(hs []Highlight) {
	s.hs = s.hs[:0]
	for _, h := range hs {
		if h.End > h.Start {
			s.hs = append(s.hs, h)
		}
	}
	sort.SliceStable(s.hs, func(i, j int) bool { return s.hs[i].Start < s.hs[j].Start })
	s.reindex()
}

// reindex rebuilds the running maximum of ends.
func (s *highlightSet) reindex() {
	s.maxEnd = s.maxEnd[:0]
	m := 0
	for _, h := range s.hs {
		m = max(m, h.End)
		s.maxEnd = append(s.maxEnd, m)
	}
}

// index returns the position of the highlight with id, or -1.
func (s *highlightSet) index(id string) int {
	for i := range s.hs {
		if s.hs[i].ID == id {
			return i
		}
	}
	return -1
}

// remove deletes the highlight with id and reports whether it existed.
func (s *highlightSet) remove(id string) bool {
	i := s.index(id)
	if i < 0 {
		return false
	}
	s.hs = append(s.hs[:i], s.hs[i+1:]...)
	s.reindex()
	return true
}

// put adds h or replaces the highlight with the same ID, keeping the order.
func (s *highlightSet) put(h Highlight) {
	if i := s.index(h.ID); i >= 0 {
		s.hs = append(s.hs[:i], s.hs[i+1:]...)
	}
	if h.End > h.Start {
		i := sort.Search(len(s.hs), func(k int) bool { return s.hs[k].Start > h.Start })
		s.hs = append(s.hs, Highlight{})
		copy(s.hs[i+1:], s.hs[i:])
		s.hs[i] = h
	}
	s.reindex()
}

// each calls fn for every highlight overlapping [a, b), in start order.
func (s *highlightSet) each(a, b int, fn func(h *Highlight)) {
	hi := sort.Search(len(s.hs), func(k int) bool { return s.hs[k].Start >= b })
	lo := hi
	for lo > 0 && s.maxEnd[lo-1] > a {
		lo--
	}
	for i := lo; i < hi; i++ {
		if s.hs[i].End > a {
			fn(&s.hs[i])
		}
	}
}

// at returns the most specific (shortest) highlight covering offset off.
func (s *highlightSet) at(off int) (Highlight, bool) {
	var best *Highlight
	s.each(off, off+1, func(h *Highlight) {
		if best == nil || h.End-h.Start <= best.End-best.Start {
			best = h
		}
	})
	if best == nil {
		return Highlight{}, false
	}
	return *best, true
}
