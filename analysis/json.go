package analysis

import (
	"encoding/json"
	"io"
)

// jsonNode and jsonEdge are a network's nodes and edges as JSON carries
// them: edges name their ends by id, so the file stands on its own.
type jsonNode struct {
	ID         string `json:"id"`
	Label      string `json:"label"`
	Type       string `json:"type"`
	Kind       string `json:"kind,omitempty"`
	Color      string `json:"color,omitempty"`
	Statements int    `json:"statements"`
	Highlights int    `json:"highlights"`
	Articles   int    `json:"articles"`
	Supports   int    `json:"supports"`
	Opposes    int    `json:"opposes"`
	Neutral    int    `json:"neutral"`
}

type jsonEdge struct {
	Source   string   `json:"source"`
	Target   string   `json:"target"`
	Weight   float64  `json:"weight"`
	Count    int      `json:"count"`
	Topics   []string `json:"topics,omitempty"`
	Supports int      `json:"supports,omitempty"`
	Opposes  int      `json:"opposes,omitempty"`
	Neutral  int      `json:"neutral,omitempty"`
}

type jsonNetwork struct {
	Network   string     `json:"network"`
	Normalise string     `json:"normalise"`
	Directed  bool       `json:"directed"`
	TwoMode   bool       `json:"two_mode"`
	Nodes     []jsonNode `json:"nodes"`
	Edges     []jsonEdge `json:"edges"`
}

// WriteNetworkJSON writes n as one JSON object with its nodes and edges.
func WriteNetworkJSON(w io.Writer, n *Network) error {
	out := jsonNetwork{Network: string(n.Kind), Normalise: string(n.Normalise), Directed: n.Directed, TwoMode: n.TwoMode,
		Nodes: make([]jsonNode, len(n.Nodes)), Edges: make([]jsonEdge, len(n.Edges))}
	for i, nd := range n.Nodes {
		out.Nodes[i] = jsonNode{nd.ID, nd.Label, string(nd.Type), nd.Kind, nd.Color, nd.Statements, nd.Highlights,
			nd.Articles, nd.Supports, nd.Opposes, nd.Neutral}
	}
	for i := range n.Edges {
		e := &n.Edges[i]
		out.Edges[i] = jsonEdge{n.Nodes[e.Source].ID, n.Nodes[e.Target].ID, e.Weight, e.Count, n.topicNames(e),
			e.Supports, e.Opposes, e.Neutral}
	}
	return writeJSON(w, out)
}

// WriteStatementsJSON writes the statement rows as a JSON array.
func WriteStatementsJSON(w io.Writer, rows []Row) error {
	if rows == nil {
		rows = []Row{}
	}
	return writeJSON(w, rows)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// jsonSeries is one series of a timeline as JSON carries it.
type jsonSeries struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Total  int    `json:"total"`
	Counts []int  `json:"counts"`
}

// WriteTimelineJSON writes a timeline as periods (ISO labels and start
// dates) and one count per period for each series.
func WriteTimelineJSON(w io.Writer, tl *Timeline) error {
	out := struct {
		By      string       `json:"by"`
		Group   string       `json:"group"`
		Periods []string     `json:"periods"`
		Starts  []string     `json:"starts"`
		Series  []jsonSeries `json:"series"`
	}{By: string(tl.By), Group: string(tl.Group), Periods: []string{}, Starts: []string{}, Series: []jsonSeries{}}
	for _, s := range tl.Starts {
		out.Periods = append(out.Periods, tl.By.Label(s))
		out.Starts = append(out.Starts, isoDate(s))
	}
	for _, s := range tl.Series {
		out.Series = append(out.Series, jsonSeries{s.ID, s.Label, s.Total, s.Counts})
	}
	return writeJSON(w, out)
}
