package analysis

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// This file reads the exports back as the tools that open them do, and
// checks the rules of their formats: GraphML against the constraints of
// the GraphML 1.0 schema (graphml.xsd) that a file of keys, nodes and
// edges can break, and UCINET DL's edge-list layout.

const graphmlNS = "http://graphml.graphdrawing.org/xmlns"

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type gmlFile struct {
	XMLName xml.Name `xml:"graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graphs []struct {
		ID          string `xml:"id,attr"`
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string    `xml:"id,attr"`
			Data []gmlData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string    `xml:"id,attr"`
			Source string    `xml:"source,attr"`
			Target string    `xml:"target,attr"`
			Data   []gmlData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type readEdge struct {
	source, target string
	attrs          map[string]string
}

// readGraph is a graph as a GraphML reader sees it, attributes by name.
type readGraph struct {
	directed bool
	nodes    map[string]map[string]string
	edges    []readEdge
}

// readGraphML parses a GraphML file and checks it as the schema would.
func readGraphML(data []byte) (*readGraph, error) {
	if err := checkElementOrder(data); err != nil {
		return nil, err
	}
	var f gmlFile
	if err := xml.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	if f.XMLName.Space != graphmlNS {
		return nil, fmt.Errorf("root element in namespace %q", f.XMLName.Space)
	}
	keys := map[string][2]string{} // id → (for, type)
	names := map[string]string{}
	for _, k := range f.Keys {
		if _, dup := keys[k.ID]; dup || k.ID == "" {
			return nil, fmt.Errorf("key id %q empty or declared twice", k.ID)
		}
		if !slices.Contains([]string{"all", "graphml", "graph", "node", "edge", "hyperedge", "port", "endpoint"}, k.For) {
			return nil, fmt.Errorf("key %s: for=%q", k.ID, k.For)
		}
		if !slices.Contains([]string{"boolean", "int", "long", "float", "double", "string"}, k.Type) {
			return nil, fmt.Errorf("key %s: attr.type=%q", k.ID, k.Type)
		}
		keys[k.ID], names[k.ID] = [2]string{k.For, k.Type}, k.Name
	}
	if len(f.Graphs) != 1 {
		return nil, fmt.Errorf("%d graphs, want 1", len(f.Graphs))
	}
	gr := f.Graphs[0]
	if gr.EdgeDefault != "directed" && gr.EdgeDefault != "undirected" {
		return nil, fmt.Errorf("edgedefault=%q", gr.EdgeDefault)
	}
	g := &readGraph{directed: gr.EdgeDefault == "directed", nodes: map[string]map[string]string{}}
	attrs := func(domain string, ds []gmlData) (map[string]string, error) {
		m := map[string]string{}
		for _, d := range ds {
			k, ok := keys[d.Key]
			if !ok || k[0] != domain && k[0] != "all" {
				return nil, fmt.Errorf("data for key %q, which is not declared for %ss", d.Key, domain)
			}
			if err := checkValue(k[1], d.Value); err != nil {
				return nil, fmt.Errorf("key %s: %w", d.Key, err)
			}
			m[names[d.Key]] = d.Value
		}
		return m, nil
	}
	for _, n := range gr.Nodes {
		if _, dup := g.nodes[n.ID]; dup || n.ID == "" {
			return nil, fmt.Errorf("node id %q empty or used twice", n.ID)
		}
		m, err := attrs("node", n.Data)
		if err != nil {
			return nil, err
		}
		g.nodes[n.ID] = m
	}
	for _, e := range gr.Edges {
		if g.nodes[e.Source] == nil || g.nodes[e.Target] == nil {
			return nil, fmt.Errorf("edge %s between %q and %q: no such node", e.ID, e.Source, e.Target)
		}
		m, err := attrs("edge", e.Data)
		if err != nil {
			return nil, err
		}
		g.edges = append(g.edges, readEdge{e.Source, e.Target, m})
	}
	return g, nil
}

// checkValue checks a data value against its key's attr.type.
func checkValue(typ, v string) error {
	var err error
	switch typ {
	case "int", "long":
		_, err = strconv.ParseInt(v, 10, 64)
	case "float", "double":
		_, err = strconv.ParseFloat(v, 64)
	case "boolean":
		_, err = strconv.ParseBool(v)
	}
	return err
}

// checkElementOrder checks the schema's sequence: graphml holds keys
// before its graph, and a graph holds desc first, then nodes and edges,
// each node and edge only data.
func checkElementOrder(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	var stack []string
	sawGraph := false
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return nil
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			allowed := map[string][]string{"": {"graphml"}, "graphml": {"key", "graph"}, "graph": {"desc", "node", "edge"},
				"node": {"data"}, "edge": {"data"}, "key": {}, "data": {}, "desc": {}}[parent]
			if !slices.Contains(allowed, t.Name.Local) {
				return fmt.Errorf("<%s> inside <%s>", t.Name.Local, parent)
			}
			if t.Name.Local == "key" && sawGraph {
				return fmt.Errorf("<key> after <graph>")
			}
			sawGraph = sawGraph || t.Name.Local == "graph"
			stack = append(stack, t.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

// dlFile is a UCINET DL edge list as read back.
type dlFile struct {
	n, nr, nc            int
	rowLabels, colLabels []string
	data                 [][3]string
}

// readDL reads the DL files WriteDL writes: the header's sizes, quoted
// labels, and "from to weight" lines within range.
func readDL(data []byte) (*dlFile, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	f := &dlFile{}
	section := ""
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		up := strings.ToUpper(line)
		switch {
		case strings.HasPrefix(up, "DL "):
			for _, w := range strings.Fields(up)[1:] {
				k, v, _ := strings.Cut(w, "=")
				n, err := strconv.Atoi(v)
				if err != nil {
					return nil, fmt.Errorf("header %q", line)
				}
				switch k {
				case "N":
					f.n = n
				case "NR":
					f.nr = n
				case "NC":
					f.nc = n
				}
			}
		case strings.HasPrefix(up, "FORMAT"):
		case up == "LABELS:" || up == "ROW LABELS:", up == "COLUMN LABELS:", up == "DATA:":
			section = up
		default:
			switch section {
			case "LABELS:", "ROW LABELS:", "COLUMN LABELS:":
				if len(line) < 2 || line[0] != '"' || line[len(line)-1] != '"' || strings.Contains(line[1:len(line)-1], `"`) {
					return nil, fmt.Errorf("label line %q", line)
				}
				if section == "COLUMN LABELS:" {
					f.colLabels = append(f.colLabels, line[1:len(line)-1])
				} else {
					f.rowLabels = append(f.rowLabels, line[1:len(line)-1])
				}
			case "DATA:":
				fs := strings.Fields(line)
				if len(fs) != 3 {
					return nil, fmt.Errorf("data line %q", line)
				}
				rows, cols := f.n, f.n
				if f.n == 0 {
					rows, cols = f.nr, f.nc
				}
				for i, lim := range []int{rows, cols} {
					if v, err := strconv.Atoi(fs[i]); err != nil || v < 1 || v > lim {
						return nil, fmt.Errorf("data line %q out of range", line)
					}
				}
				if _, err := strconv.ParseFloat(fs[2], 64); err != nil {
					return nil, fmt.Errorf("data line %q: %w", line, err)
				}
				f.data = append(f.data, [3]string{fs[0], fs[1], fs[2]})
			default:
				return nil, fmt.Errorf("line %q outside a section", line)
			}
		}
	}
	if f.n > 0 && len(f.rowLabels) != f.n || f.n == 0 && (len(f.rowLabels) != f.nr || len(f.colLabels) != f.nc) {
		return nil, fmt.Errorf("%d+%d labels for N=%d NR=%d NC=%d", len(f.rowLabels), len(f.colLabels), f.n, f.nr, f.nc)
	}
	return f, nil
}
