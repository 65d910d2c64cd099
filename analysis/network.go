package analysis

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/dramatis-app/dramatis/annotation"
)

// EdgeKind says what ties two nodes of a network.
type EdgeKind string

// The networks the analysis draws.
const (
	// EdgesRoles: speaker → target, once per highlight naming both.
	EdgesRoles EdgeKind = "roles"
	// EdgesCooccurrence: two actors on the same highlight.
	EdgesCooccurrence EdgeKind = "cooccurrence"
	// EdgesCongruence: two actors taking the same stance on a topic
	// (DNA's congruence); the weight counts the topics.
	EdgesCongruence EdgeKind = "congruence"
	// EdgesConflict: one actor supports a topic the other opposes (DNA's
	// conflict); the weight counts the topics.
	EdgesConflict EdgeKind = "conflict"
	// EdgesAffiliation: actor – topic, a two-mode network whose edges
	// count the actor's statements on the topic by stance.
	EdgesAffiliation EdgeKind = "affiliation"
)

// EdgeKinds lists the networks, in the order a chooser offers them.
var EdgeKinds = []EdgeKind{EdgesCooccurrence, EdgesRoles, EdgesCongruence, EdgesConflict, EdgesAffiliation}

// ParseEdgeKind reads an edge kind as a reader types it.
func ParseEdgeKind(s string) (EdgeKind, error) {
	k := EdgeKind(strings.ToLower(strings.TrimSpace(s)))
	if k == "co-occurrence" {
		k = EdgesCooccurrence
	}
	if slices.Contains(EdgeKinds, k) {
		return k, nil
	}
	return "", fmt.Errorf("no network %q: choose %s", s, joinChoices(EdgeKinds))
}

// Normalisation says how edge weights are scaled.
type Normalisation string

// The normalisations of edge weights.
const (
	// Raw: the weight is the count.
	Raw Normalisation = "raw"
	// Jaccard: the count divided by the number of highlights (or, for
	// congruence and conflict, of topics) either actor has, so that two
	// actors that always appear together weigh 1 however often they do.
	Jaccard Normalisation = "jaccard"
)

// ParseNormalisation reads a normalisation as a reader types it.
func ParseNormalisation(s string) (Normalisation, error) {
	switch n := Normalisation(strings.ToLower(strings.TrimSpace(s))); n {
	case Raw, Jaccard:
		return n, nil
	case "":
		return Raw, nil
	}
	return "", fmt.Errorf("no normalisation %q: choose raw or jaccard", s)
}

// NodeType tells actors from topics in a two-mode network.
type NodeType string

// The types of node.
const (
	NodeActor NodeType = "actor"
	NodeTopic NodeType = "topic"
)

// Node is an actor or a topic in a network, with what was counted of it
// in the selection.
type Node struct {
	ID, Label string
	Type      NodeType
	// Kind is the actor's kind; for a topic, its parent's name.
	Kind  string
	Color string
	// Statements, Highlights and Articles count the node's statements in
	// the selection and the highlights and articles they are on.
	Statements, Highlights, Articles int
	// Supports, Opposes and Neutral count its statements by stance.
	Supports, Opposes, Neutral int
	// Members are the node's statements (indices into Index.Statements).
	Members []int
}

// Edge ties two nodes (indices into Network.Nodes). In a directed network
// it runs from Source (the speaker) to Target.
type Edge struct {
	Source, Target int
	// Count is what the edge counts: highlights for roles and
	// co-occurrence, topics for congruence and conflict, statements for
	// affiliation. Weight is Count after normalisation.
	Count  int
	Weight float64
	// Supports, Opposes and Neutral split an affiliation edge by stance.
	Supports, Opposes, Neutral int
}

// Network is a graph computed from a selection of statements. Edges are
// strongest first.
type Network struct {
	Kind      EdgeKind
	Normalise Normalisation
	Directed  bool
	// TwoMode is true for the affiliation network: actors and topics.
	TwoMode bool
	Nodes   []Node
	Edges   []Edge
	// TotalEdges counts the edges at least MinWeight heavy, kept or not:
	// len(Edges) unless NetworkOptions.Top cut the list.
	TotalEdges int
	// TopicNames are the corpus's topic names by index, what EdgeTopics
	// refers to.
	TopicNames []string
	// positions are, in congruence and conflict networks, each node's
	// stances by topic, in topic order.
	positions [][]position
	// topicNodes maps corpus topics to nodes in a two-mode network.
	topicNodes map[int]int
}

// NetworkOptions say which network to compute.
type NetworkOptions struct {
	Edges     EdgeKind
	Normalise Normalisation
	// MinWeight leaves out edges lighter than it (after normalisation).
	MinWeight float64
	// Top keeps only the Top strongest edges, the first Top of the whole
	// list (0 keeps all). A view that draws the strongest edges asks for
	// them (LayoutEdges lays out alike); an export asks for all.
	Top int
}

// Network computes the network o asks for over the statements sel
// (indices into x.Statements, as Select returns them). Every actor with a
// statement in sel is a node, tied or not.
func (x *Index) Network(sel []int, o NetworkOptions) (*Network, error) {
	if o.Edges == "" {
		o.Edges = EdgesCooccurrence
	}
	if o.Normalise == "" {
		o.Normalise = Raw
	}
	if o.Edges == EdgesAffiliation && o.Normalise != Raw {
		return nil, fmt.Errorf("the affiliation network counts statements; %s applies to actor networks only", o.Normalise)
	}
	b := newNetBuilder(x, sel, o.Edges == EdgesAffiliation)
	switch o.Edges {
	case EdgesCooccurrence:
		b.cooccurrence()
	case EdgesRoles:
		b.roles()
	case EdgesCongruence:
		b.agreement(true)
	case EdgesConflict:
		b.agreement(false)
	case EdgesAffiliation:
		b.affiliation()
	default:
		return nil, fmt.Errorf("no network %q: choose %s", o.Edges, joinChoices(EdgeKinds))
	}
	n := b.finish(o)
	n.TopicNames = make([]string, len(x.Corpus.Topics))
	for i, t := range x.Corpus.Topics {
		n.TopicNames[i] = t.Name
	}
	return n, nil
}

// joinChoices lists values as "a, b or c".
func joinChoices[T ~string](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// pairKey packs two node indices into one map key.
func pairKey(a, b int) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// netBuilder accumulates nodes and pair counts. Edges are counted, not
// collected with their statements: a dense network of 2,000 actors has
// two million pairs, and a click needs the statements of one edge only
// (Network.EdgeStatements finds them from the nodes' members).
type netBuilder struct {
	x     *Index
	sel   []int
	nodes []Node
	// actorAt and topicAt map corpus actors and topics to nodes (-1: none).
	actorAt, topicAt []int
	// lastHL and lastArticle are the highlight and article each node
	// was last counted on while the nodes are counted: a selection holds
	// a highlight's statements, and an article's, together (NewIndex's
	// order).
	lastHL, lastArticle []int
	pairs               *pairCounter
	directed            bool
	// denom is, per node, the size of the set the Jaccard weight divides by.
	denom []int
	// positions: see Network.positions.
	positions [][]position
	// order is every actor's stance set on every topic, in topic order
	// (congruence and conflict).
	order []topicNode
}

func newNetBuilder(x *Index, sel []int, twoMode bool) *netBuilder {
	c := x.Corpus
	b := &netBuilder{x: x, sel: sel, actorAt: filled(len(c.Actors), -1), topicAt: filled(len(c.Topics), -1)}
	for _, si := range sel {
		s := &x.Statements[si]
		b.count(b.actorNode(s.Actor), si)
		if twoMode && s.Topic >= 0 {
			t := b.topicAt[s.Topic]
			if t < 0 {
				tp := c.Topics[s.Topic]
				t = b.addNode(Node{ID: tp.ID, Label: tp.Name, Type: NodeTopic, Color: tp.Color, Kind: x.topicName(tp.Parent)})
				b.topicAt[s.Topic] = t
			}
			b.count(t, si)
		}
	}
	b.denom = make([]int, len(b.nodes))
	b.sortNodes()
	return b
}

// filled returns n copies of v.
func filled(n, v int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// topicName names the topic with id, or "".
func (x *Index) topicName(id string) string {
	if i := x.TopicIndex(id); i >= 0 {
		return x.Corpus.Topics[i].Name
	}
	return ""
}

// addNode appends a node and returns its index.
func (b *netBuilder) addNode(n Node) int {
	b.nodes = append(b.nodes, n)
	b.lastHL = append(b.lastHL, -1)
	b.lastArticle = append(b.lastArticle, -1)
	return len(b.nodes) - 1
}

// actorNode returns the node of a corpus actor, adding it on first use.
func (b *netBuilder) actorNode(actor int) int {
	if n := b.actorAt[actor]; n >= 0 {
		return n
	}
	a := b.x.Corpus.Actors[actor]
	n := b.addNode(Node{ID: a.ID, Label: a.Name, Type: NodeActor, Kind: string(a.Kind), Color: a.Color})
	b.actorAt[actor] = n
	return n
}

// count adds statement si to node n.
func (b *netBuilder) count(n, si int) {
	s := &b.x.Statements[si]
	nd := &b.nodes[n]
	nd.Statements++
	nd.Members = append(nd.Members, si)
	switch s.Stance {
	case StanceSupports:
		nd.Supports++
	case StanceOpposes:
		nd.Opposes++
	case StanceNeutral:
		nd.Neutral++
	}
	if b.lastHL[n] != s.Highlight {
		b.lastHL[n] = s.Highlight
		nd.Highlights++
	}
	if b.lastArticle[n] != s.Article {
		b.lastArticle[n] = s.Article
		nd.Articles++
	}
}

// byHighlight calls fn with each highlight's statements in the selection.
// Select keeps a highlight's statements together (NewIndex sorts by
// highlight within an article), so a run of equal highlights is all of it.
func (b *netBuilder) byHighlight(fn func(run []int)) {
	for i := 0; i < len(b.sel); {
		j := i + 1
		h := b.x.Statements[b.sel[i]].Highlight
		for j < len(b.sel) && b.x.Statements[b.sel[j]].Highlight == h {
			j++
		}
		fn(b.sel[i:j])
		i = j
	}
}

// cooccurrence ties every two actors on one highlight, once per
// highlight however many claims each has on it.
func (b *netBuilder) cooccurrence() {
	b.pairs = newPairCounter(len(b.nodes), false)
	for i := range b.nodes {
		b.denom[i] = b.nodes[i].Highlights
	}
	var actors []int
	b.byHighlight(func(run []int) {
		actors = actors[:0]
		for _, si := range run {
			if n := b.actorAt[b.x.Statements[si].Actor]; !slices.Contains(actors, n) {
				actors = append(actors, n)
			}
		}
		for i, a := range actors {
			for _, c := range actors[i+1:] {
				b.pairs.add(a, c)
			}
		}
	})
}

// roles ties each speaker to each target on the same highlight, once per
// highlight.
func (b *netBuilder) roles() {
	b.directed = true
	b.pairs = newPairCounter(len(b.nodes), true)
	for i := range b.nodes {
		b.denom[i] = b.nodes[i].Highlights
	}
	var seen []uint64
	b.byHighlight(func(run []int) {
		seen = seen[:0]
		for _, si := range run {
			if b.x.Statements[si].Role != annotation.RoleSpeaker {
				continue
			}
			for _, sj := range run {
				if b.x.Statements[sj].Role != annotation.RoleTarget {
					continue
				}
				a, c := b.actorAt[b.x.Statements[si].Actor], b.actorAt[b.x.Statements[sj].Actor]
				if k := pairKey(a, c); a != c && !slices.Contains(seen, k) {
					seen = append(seen, k)
					b.pairs.add(a, c)
				}
			}
		}
	})
}

// affiliation ties each actor to the topics of its statements; the
// stance counts of an edge are found with its statements
// (AffiliationStances).
func (b *netBuilder) affiliation() {
	b.directed = true
	b.pairs = newPairCounter(len(b.nodes), true)
	for _, si := range b.sel {
		s := &b.x.Statements[si]
		if s.Topic >= 0 {
			b.pairs.add(b.actorAt[s.Actor], b.topicAt[s.Topic])
		}
	}
}

// stanceCounts splits the affiliation edges' counts by stance.
func (b *netBuilder) stanceCounts(n *Network) {
	at := make(map[uint64]int, len(n.Edges))
	for i, e := range n.Edges {
		at[pairKey(e.Source, e.Target)] = i
	}
	for ni := range n.Nodes {
		for _, si := range n.Nodes[ni].Members {
			s := &b.x.Statements[si]
			if n.Nodes[ni].Type != NodeActor || s.Topic < 0 {
				continue
			}
			t := n.nodeOfTopic(b.x, s.Topic)
			i, ok := at[pairKey(ni, t)]
			if !ok {
				continue
			}
			switch s.Stance {
			case StanceSupports:
				n.Edges[i].Supports++
			case StanceOpposes:
				n.Edges[i].Opposes++
			case StanceNeutral:
				n.Edges[i].Neutral++
			}
		}
	}
}

// nodeOfTopic returns the node of a corpus topic in a two-mode network,
// or -1.
func (n *Network) nodeOfTopic(x *Index, topic int) int {
	if n.topicNodes == nil {
		n.topicNodes = map[int]int{}
		for i, nd := range n.Nodes {
			if nd.Type == NodeTopic {
				n.topicNodes[x.TopicIndex(nd.ID)] = i
			}
		}
	}
	if i, ok := n.topicNodes[topic]; ok {
		return i
	}
	return -1
}

// sortNodes orders the nodes actors first, then topics, each busiest
// first and then by name, so that every export lists them alike, and
// points actorAt and topicAt at the nodes' new places. It runs before the
// pairs are counted, so that they are counted between final indices and
// come out of the counter in (source, target) order.
func (b *netBuilder) sortNodes() {
	order := make([]int, len(b.nodes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		p, q := &b.nodes[i], &b.nodes[j]
		if p.Type != q.Type {
			if p.Type == NodeActor {
				return -1
			}
			return 1
		}
		if r := cmp.Compare(q.Statements, p.Statements); r != 0 {
			return r
		}
		if r := cmp.Compare(strings.ToLower(p.Label), strings.ToLower(q.Label)); r != 0 {
			return r
		}
		return cmp.Compare(p.ID, q.ID)
	})
	at := make([]int, len(order))
	nodes := make([]Node, len(order))
	for to, from := range order {
		at[from] = to
		nodes[to] = b.nodes[from]
	}
	b.nodes = nodes
	for _, m := range [][]int{b.actorAt, b.topicAt} {
		for i, n := range m {
			if n >= 0 {
				m[i] = at[n]
			}
		}
	}
	b.lastHL, b.lastArticle = nil, nil // counted: no longer needed
}

// EdgeStatements returns the statements behind an edge, in date order:
// what a click on the edge lists. Co-occurrence: both actors' statements
// on the highlights they share; roles: the speaker's and the target's
// statements on the highlights where one speaks of the other;
// congruence and conflict: both actors' statements with a stance on the
// topics of the edge; affiliation: the actor's statements on the topic.
func (n *Network) EdgeStatements(x *Index, e *Edge) []int {
	src, dst := n.Nodes[e.Source].Members, n.Nodes[e.Target].Members
	var keep func(si int, source bool) bool
	switch n.Kind {
	case EdgesCongruence, EdgesConflict:
		topics := n.EdgeTopics(e)
		keep = func(si int, _ bool) bool {
			s := &x.Statements[si]
			return stanceBit(s.Stance) != 0 && slices.Contains(topics, s.Topic)
		}
	case EdgesAffiliation:
		topic := x.TopicIndex(n.Nodes[e.Target].ID)
		dst = nil
		keep = func(si int, _ bool) bool { return x.Statements[si].Topic == topic }
	default:
		srcRole, dstRole := annotation.Role(""), annotation.Role("")
		if n.Kind == EdgesRoles {
			srcRole, dstRole = annotation.RoleSpeaker, annotation.RoleTarget
		}
		shared := sharedHighlights(x, src, dst, srcRole, dstRole)
		keep = func(si int, source bool) bool {
			s := &x.Statements[si]
			role := dstRole
			if source {
				role = srcRole
			}
			return shared[s.Highlight] && (role == "" || s.Role == role)
		}
	}
	var out []int
	for _, si := range src {
		if keep(si, true) {
			out = append(out, si)
		}
	}
	for _, si := range dst {
		if keep(si, false) {
			out = append(out, si)
		}
	}
	slices.Sort(out) // statement indices are in date order
	return out
}

// sharedHighlights returns the highlights on which statements of src (in
// the role srcRole, any when empty) and of dst (in dstRole) both are.
func sharedHighlights(x *Index, src, dst []int, srcRole, dstRole annotation.Role) map[int]bool {
	in := map[int]bool{}
	for _, si := range src {
		if s := &x.Statements[si]; srcRole == "" || s.Role == srcRole {
			in[s.Highlight] = true
		}
	}
	shared := map[int]bool{}
	for _, si := range dst {
		if s := &x.Statements[si]; (dstRole == "" || s.Role == dstRole) && in[s.Highlight] {
			shared[s.Highlight] = true
		}
	}
	return shared
}
