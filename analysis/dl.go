package analysis

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// WriteDL writes n in UCINET's DL format as an edge list with weights:
// EDGELIST1 for an actor network (an undirected edge listed both ways,
// as UCINET reads each line as one arc), EDGELIST2 with row (actor) and
// column (topic) labels for the two-mode affiliation network. Labels are
// quoted; a double quote in a name becomes a single one, as DL has no
// escape for it.
func WriteDL(w io.Writer, n *Network) error {
	bw := bufio.NewWriter(w)
	if n.TwoMode {
		writeDLTwoMode(bw, n)
	} else {
		fmt.Fprintf(bw, "DL N=%d\r\nFORMAT = EDGELIST1\r\nLABELS:\r\n", len(n.Nodes))
		writeDLLabels(bw, n.Nodes)
		bw.WriteString("DATA:\r\n")
		for _, e := range n.Edges {
			fmt.Fprintf(bw, "%d %d %s\r\n", e.Source+1, e.Target+1, formatWeight(e.Weight))
			if !n.Directed {
				fmt.Fprintf(bw, "%d %d %s\r\n", e.Target+1, e.Source+1, formatWeight(e.Weight))
			}
		}
	}
	return bw.Flush()
}

// writeDLTwoMode writes the affiliation network: actors are rows, topics
// columns (Network puts actors before topics).
func writeDLTwoMode(bw *bufio.Writer, n *Network) {
	actors := 0
	for actors < len(n.Nodes) && n.Nodes[actors].Type == NodeActor {
		actors++
	}
	fmt.Fprintf(bw, "DL NR=%d NC=%d\r\nFORMAT = EDGELIST2\r\nROW LABELS:\r\n", actors, len(n.Nodes)-actors)
	writeDLLabels(bw, n.Nodes[:actors])
	bw.WriteString("COLUMN LABELS:\r\n")
	writeDLLabels(bw, n.Nodes[actors:])
	bw.WriteString("DATA:\r\n")
	for _, e := range n.Edges {
		fmt.Fprintf(bw, "%d %d %s\r\n", e.Source+1, e.Target-actors+1, formatWeight(e.Weight))
	}
}

// writeDLLabels writes labels, one per line.
func writeDLLabels(bw *bufio.Writer, nodes []Node) {
	for _, nd := range nodes {
		label := strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return ' '
			}
			return r
		}, strings.ReplaceAll(nd.Label, `"`, "'"))
		fmt.Fprintf(bw, "\"%s\"\r\n", strings.Join(strings.Fields(label), " "))
	}
}
