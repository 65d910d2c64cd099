package analysis

import (
	"io"
	"path/filepath"
)

// WriteFunc writes one file: the caller decides how (the command line and
// the window write atomically, so that a file already there stays whole
// if anything fails).
type WriteFunc func(path string, write func(io.Writer) error) error

// WriteFolder writes everything about the statements sel into dir, for a
// researcher to take to R, Gephi, UCINET or a spreadsheet in one go: the
// statement table (CSV and JSON), the actor and topic frequency tables,
// the actor and topic timelines by period, and the network n as GraphML,
// nodes and edges CSV, JSON and UCINET DL. bom starts the CSV files with
// a byte order mark (for Excel). It returns the names of the files
// written, in order.
func WriteFolder(dir string, x *Index, sel []int, n *Network, by Period, bom bool, write WriteFunc) ([]string, error) {
	rows := x.Rows(sel)
	net := "network-" + string(n.Kind)
	files := []struct {
		name  string
		csv   bool
		write func(io.Writer) error
	}{
		{"statements.csv", true, func(w io.Writer) error { return WriteStatementsCSV(w, rows) }},
		{"statements.json", false, func(w io.Writer) error { return WriteStatementsJSON(w, rows) }},
		{"actors.csv", true, func(w io.Writer) error { return WriteFrequenciesCSV(w, x.Frequencies(sel, ByActor), ByActor) }},
		{"topics.csv", true, func(w io.Writer) error { return WriteFrequenciesCSV(w, x.Frequencies(sel, ByTopic), ByTopic) }},
		{"timeline-actors.csv", true, func(w io.Writer) error { return WriteTimelineCSV(w, x.Timeline(sel, by, ByActor, nil)) }},
		{"timeline-topics.csv", true, func(w io.Writer) error { return WriteTimelineCSV(w, x.Timeline(sel, by, ByTopic, nil)) }},
		{net + ".graphml", false, func(w io.Writer) error { return WriteGraphML(w, n) }},
		{net + "-nodes.csv", true, func(w io.Writer) error { return WriteNodesCSV(w, n) }},
		{net + "-edges.csv", true, func(w io.Writer) error { return WriteEdgesCSV(w, n) }},
		{net + ".json", false, func(w io.Writer) error { return WriteNetworkJSON(w, n) }},
		{net + ".dl", false, func(w io.Writer) error { return WriteDL(w, n) }},
	}
	var done []string
	for _, f := range files {
		err := write(filepath.Join(dir, f.name), func(w io.Writer) error {
			if f.csv && bom {
				if _, err := io.WriteString(w, BOM); err != nil {
					return err
				}
			}
			return f.write(w)
		})
		if err != nil {
			return done, err
		}
		done = append(done, f.name)
	}
	return done, nil
}
