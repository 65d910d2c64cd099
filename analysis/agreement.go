package analysis

import "slices"

// position is an actor's stances on one topic: a set of stanceBits.
type position struct {
	topic int32
	bits  uint8
}

// stanceBit gives a stance as a bit, for sets of stances.
func stanceBit(s Stance) uint8 {
	switch s {
	case StanceSupports:
		return 1
	case StanceOpposes:
		return 2
	case StanceNeutral:
		return 4
	}
	return 0
}

// stanceSets is how many different non-empty sets of the three stances
// an actor can hold on a topic, plus the empty one (index 0, unused).
const stanceSets = 8

// agreement ties two actors for each topic on which they take the same
// stance (congruent) or opposite stances, one supporting and one
// opposing (conflict). Statements without a stance do not count.
//
// Per topic, the actors are grouped by their set of stances, and every
// two groups whose sets are tied are joined pair by pair: the work is the
// ties themselves, never a test of two actors that are not tied.
func (b *netBuilder) agreement(congruent bool) {
	b.positions = b.stancePositions()
	b.pairs = newPairCounter(len(b.nodes), false)
	var groups [stanceSets][]int
	for lo := 0; lo < len(b.order); {
		topic := b.order[lo].topic
		hi := lo
		for g := range groups {
			groups[g] = groups[g][:0]
		}
		for ; hi < len(b.order) && b.order[hi].topic == topic; hi++ {
			p := b.order[hi]
			groups[p.bits] = append(groups[p.bits], p.node)
		}
		lo = hi
		for m := 1; m < stanceSets; m++ {
			for o := m; o < stanceSets; o++ {
				if tied(uint8(m), uint8(o), congruent) {
					b.joinGroups(groups[m], groups[o], m == o)
				}
			}
		}
	}
}

// joinGroups counts a tie between every actor of as and every actor of
// bs (between every two actors of as when same). Both lists ascend; each
// actor is paired with the later actors of the other list, so that the
// counter is written row by row, left to right.
func (b *netBuilder) joinGroups(as, bs []int, same bool) {
	if same {
		for i, a := range as {
			b.pairs.addRow(a, as[i+1:])
		}
		return
	}
	for _, a := range as {
		b.pairs.addRow(a, bs[laterThan(bs, a):])
	}
	for _, c := range bs {
		b.pairs.addRow(c, as[laterThan(as, c):])
	}
}

// laterThan returns where the ascending list l passes v.
func laterThan(l []int, v int) int {
	i, _ := slices.BinarySearch(l, v+1)
	return i
}

// topicNode is one actor's stances on one topic, as agreement reads them.
type topicNode struct {
	topic, node int
	bits        uint8
}

// stancePositions collects each actor's stance set on each topic: in
// topic order into b.order for agreement, and per node in topic order
// for EdgeTopics. It counts the topics of each node into denom.
func (b *netBuilder) stancePositions() [][]position {
	// One key per statement: topic, node and stance bit, so that one sort
	// brings an actor's stances on a topic together.
	keys := make([]uint64, 0, len(b.sel)/2)
	for _, si := range b.sel {
		s := &b.x.Statements[si]
		if bit := stanceBit(s.Stance); s.Topic >= 0 && bit != 0 {
			keys = append(keys, uint64(s.Topic)<<40|uint64(b.actorAt[s.Actor])<<8|uint64(bit))
		}
	}
	slices.Sort(keys)
	positions := make([][]position, len(b.nodes))
	b.order = b.order[:0]
	for _, k := range keys {
		topic, node, bit := int(k>>40), int(k>>8&(1<<32-1)), uint8(k)
		if l := len(b.order); l > 0 && b.order[l-1].topic == topic && b.order[l-1].node == node {
			b.order[l-1].bits |= bit
			positions[node][len(positions[node])-1].bits |= bit
			continue
		}
		b.order = append(b.order, topicNode{topic, node, bit})
		positions[node] = append(positions[node], position{int32(topic), bit})
		b.denom[node]++
	}
	return positions
}

// tied reports whether two actors' stances on a topic agree (congruent)
// or conflict.
func tied(p, q uint8, congruent bool) bool {
	if congruent {
		return p&q != 0
	}
	return p&1 != 0 && q&2 != 0 || p&2 != 0 && q&1 != 0
}

// EdgeTopics returns the topics (corpus indices, ascending) on which the
// ends of a congruence or conflict edge agree or disagree; nil for other
// networks.
func (n *Network) EdgeTopics(e *Edge) []int {
	if n.positions == nil {
		return nil
	}
	p, q := n.positions[e.Source], n.positions[e.Target]
	var out []int
	for i, j := 0, 0; i < len(p) && j < len(q); {
		switch {
		case p[i].topic < q[j].topic:
			i++
		case p[i].topic > q[j].topic:
			j++
		default:
			if tied(p[i].bits, q[j].bits, n.Kind == EdgesCongruence) {
				out = append(out, int(p[i].topic))
			}
			i, j = i+1, j+1
		}
	}
	return out
}
