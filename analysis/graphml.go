package analysis

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/plural"
)

// graphmlKey declares one GraphML attribute. The ids are the attribute
// names, so that a reader of the file sees what a value is; Gephi and
// visone read attr.name, and Gephi takes r, g, b as the node colour.
type graphmlKey struct {
	id, domain, typ string
	node            func(*Network, *Node) string
	edge            func(*Network, *Edge) string
}

// graphmlKeys lists the node and edge attributes written, in order.
func graphmlKeys() []graphmlKey {
	itoa := strconv.Itoa
	return []graphmlKey{
		{id: "label", domain: "node", typ: "string", node: func(_ *Network, n *Node) string { return n.Label }},
		{id: "type", domain: "node", typ: "string", node: func(_ *Network, n *Node) string { return string(n.Type) }},
		{id: "kind", domain: "node", typ: "string", node: func(_ *Network, n *Node) string { return n.Kind }},
		{id: "color", domain: "node", typ: "string", node: func(_ *Network, n *Node) string { return n.Color }},
		{id: "r", domain: "node", typ: "int", node: func(_ *Network, n *Node) string { return rgbPart(n.Color, 0) }},
		{id: "g", domain: "node", typ: "int", node: func(_ *Network, n *Node) string { return rgbPart(n.Color, 1) }},
		{id: "b", domain: "node", typ: "int", node: func(_ *Network, n *Node) string { return rgbPart(n.Color, 2) }},
		{id: "statements", domain: "node", typ: "int", node: func(_ *Network, n *Node) string { return itoa(n.Statements) }},
		{id: "highlights", domain: "node", typ: "int", node: func(_ *Network, n *Node) string { return itoa(n.Highlights) }},
		{id: "articles", domain: "node", typ: "int", node: func(_ *Network, n *Node) string { return itoa(n.Articles) }},
		{id: string(annotation.StanceSupports), domain: "node", typ: "int", node: func(_ *Network, n *Node) string { return itoa(n.Supports) }},
		{id: string(annotation.StanceOpposes), domain: "node", typ: "int", node: func(_ *Network, n *Node) string { return itoa(n.Opposes) }},
		{id: string(annotation.StanceNeutral), domain: "node", typ: "int", node: func(_ *Network, n *Node) string { return itoa(n.Neutral) }},
		{id: "weight", domain: "edge", typ: "double", edge: func(_ *Network, e *Edge) string { return formatWeight(e.Weight) }},
		{id: "count", domain: "edge", typ: "int", edge: func(_ *Network, e *Edge) string { return itoa(e.Count) }},
		{id: "topics", domain: "edge", typ: "string", edge: func(n *Network, e *Edge) string { return strings.Join(n.topicNames(e), "; ") }},
		{id: edgeKey(annotation.StanceSupports), domain: "edge", typ: "int", edge: func(_ *Network, e *Edge) string { return itoa(e.Supports) }},
		{id: edgeKey(annotation.StanceOpposes), domain: "edge", typ: "int", edge: func(_ *Network, e *Edge) string { return itoa(e.Opposes) }},
		{id: edgeKey(annotation.StanceNeutral), domain: "edge", typ: "int", edge: func(_ *Network, e *Edge) string { return itoa(e.Neutral) }},
	}
}

// WriteGraphML writes n as GraphML 1.0, which Gephi, visone, yEd and
// igraph's read_graph open: one key per attribute, the nodes with label,
// type, kind, colour and counts, the edges with weight and counts.
// Values a key does not apply to (stance counts of a co-occurrence edge)
// are left out, as GraphML allows.
func WriteGraphML(w io.Writer, n *Network) error {
	bw := bufio.NewWriter(w)
	keys := graphmlKeys()
	bw.WriteString(xml.Header)
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range keys {
		name := strings.TrimPrefix(k.id, edgePrefix)
		fmt.Fprintf(bw, "  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.domain, name, k.typ)
	}
	dir := "undirected"
	if n.Directed {
		dir = "directed"
	}
	fmt.Fprintf(bw, "  <graph id=%q edgedefault=%q>\n", "dramatis-"+string(n.Kind), dir)
	fmt.Fprintf(bw, "    <desc>%s</desc>\n", xmlText(n.Description()))
	for i := range n.Nodes {
		nd := &n.Nodes[i]
		fmt.Fprintf(bw, "    <node id=\"%s\">\n", graphmlID(nd.ID))
		for _, k := range keys {
			if k.node != nil {
				writeData(bw, k.id, k.node(n, nd))
			}
		}
		bw.WriteString("    </node>\n")
	}
	for i := range n.Edges {
		e := &n.Edges[i]
		fmt.Fprintf(bw, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\">\n", i, graphmlID(n.Nodes[e.Source].ID), graphmlID(n.Nodes[e.Target].ID))
		for _, k := range keys {
			if k.edge != nil && n.edgeKeyApplies(k.id) {
				writeData(bw, k.id, k.edge(n, e))
			}
		}
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}

// edgeKey is the key id of an edge attribute that shares its name with a
// node attribute (GraphML key ids are unique across domains).
func edgeKey(name annotation.Stance) string { return edgePrefix + string(name) }

// edgePrefix marks such edge key ids; the attribute name is without it.
const edgePrefix = "e_"

// writeData writes one attribute value; empty values are left out.
func writeData(w *bufio.Writer, key, v string) {
	if v != "" {
		fmt.Fprintf(w, "      <data key=%q>%s</data>\n", key, xmlText(v))
	}
}

// edgeKeyApplies says whether an edge attribute means something in n.
func (n *Network) edgeKeyApplies(id string) bool {
	switch id {
	case "topics":
		return n.Kind == EdgesCongruence || n.Kind == EdgesConflict
	case edgeKey(annotation.StanceSupports), edgeKey(annotation.StanceOpposes), edgeKey(annotation.StanceNeutral):
		return n.Kind == EdgesAffiliation
	}
	return true
}

// graphmlID writes an id as the schema wants node ids: an XML NMTOKEN.
// Dramatis's own ids (ULIDs, Wikidata ids) are written as they are; an
// id from elsewhere with other characters (a space, a quote, an umlaut)
// has each of them, and each "_x" that would read as an escape, written
// as _xHHHH_ (XML's own name escaping, as .NET's EncodeNmToken does), so
// that different ids stay different. The empty id becomes "_x_".
func graphmlID(id string) string {
	if id == "" {
		return "_x_"
	}
	plain := func(r rune) bool {
		return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._:", r))
	}
	if !strings.Contains(id, "_x") && strings.IndexFunc(id, func(r rune) bool { return !plain(r) }) < 0 {
		return id
	}
	var b strings.Builder
	for i, r := range id {
		if plain(r) && !(r == '_' && strings.HasPrefix(id[i:], "_x")) {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, "_x%04X_", r)
	}
	return b.String()
}

// xmlText escapes s for XML text or a quoted attribute. Characters XML
// 1.0 cannot hold at all become U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// rgbPart returns one channel (0 red, 1 green, 2 blue) of a "#rrggbb"
// colour as a decimal number, or "" when the colour is not of that form.
func rgbPart(color string, i int) string {
	if len(color) != 7 || color[0] != '#' {
		return ""
	}
	v, err := strconv.ParseUint(color[1+2*i:3+2*i], 16, 8)
	if err != nil {
		return ""
	}
	return strconv.FormatUint(v, 10)
}

// formatWeight writes a weight as briefly as it is exact: "3", "0.25".
func formatWeight(w float64) string {
	return strconv.FormatFloat(w, 'g', -1, 64)
}

// Description says in one line what n is, for a file's header.
func (n *Network) Description() string {
	what := map[EdgeKind]string{
		EdgesRoles:        "speaker → target, counted in highlights",
		EdgesCooccurrence: "actors on the same highlight, counted in highlights",
		EdgesCongruence:   "actors taking the same stance on a topic, counted in topics",
		EdgesConflict:     "actors taking opposite stances on a topic, counted in topics",
		EdgesAffiliation:  "actors and the topics of their statements, counted in statements",
	}[n.Kind]
	edges := plural.Of(len(n.Edges), "edge")
	if n.TotalEdges > len(n.Edges) {
		edges = fmt.Sprintf("the strongest %d of %s", len(n.Edges), plural.Of(n.TotalEdges, "edge"))
	}
	return fmt.Sprintf("Dramatis %s network: %s; weights %s; %s, %s", n.Kind, what, n.Normalise, plural.Of(len(n.Nodes), "node"), edges)
}

// topicNames names the topics of a congruence or conflict edge. The
// network keeps the corpus's topic names for this (see TopicNames).
func (n *Network) topicNames(e *Edge) []string {
	topics := n.EdgeTopics(e)
	out := make([]string, 0, len(topics))
	for _, t := range topics {
		if t >= 0 && t < len(n.TopicNames) {
			out = append(out, n.TopicNames[t])
		}
	}
	return out
}
