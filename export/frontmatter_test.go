package export

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestScalarsReadBack checks that every value the front matter writes
// without the YAML library reads back unchanged with it.
func TestScalarsReadBack(t *testing.T) {
	tricky := []string{"inf", "Infinity", "NaN", ".inf", "0x1F", "0X1F", "1E5", "1e5", "10000000000000000000000E05", "01JART1000000000000000000A",
		"1_000", "2024-11-08", "2024-11-08T10:00:00Z", "yes", "Yes", "NO", "on", "Off", "y", "N", "~", "null", "Null", "true", "-", "- x", "a: b", "a:b", "a #b", "a#b",
		"'q'", "it's", "[x]", "{x}", "&a", "*a", "!t", "%x", "@x", "`x", "|x", ">x", "x:", "1:20", "0o17", "0b101", "0B101", "12", "1.5", "+1", "? x", ",x",
		"Kim: \"Wir sind bereit\"", "[[China]]", "[[AC DC|AC/DC]]", "https://example.com/a?b=c&d=e#frag", "Äußerung – „Zitat“", "a  b", "x\u00a0y", "\u2028", "<<", "=",
		"\"dq\"", "a\\b", "\\", "#", "a'", "C#", "e", "E5", "0", "00", "0e1a"}
	for _, v := range tricky {
		f := newFrontMatter("k", "l")
		f.add("k", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v})
		f.add("l", &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}}})
		out := f.bytes()
		y, _, ok := splitFrontMatter(string(out))
		var got struct {
			K any   `yaml:"k"`
			L []any `yaml:"l"`
		}
		if !ok || yaml.Unmarshal([]byte(y), &got) != nil {
			t.Errorf("%q: front matter does not parse:\n%s", v, out)
			continue
		}
		if got.K != v || len(got.L) != 1 || got.L[0] != v {
			t.Errorf("%q reads back as %#v / %#v:\n%s", v, got.K, got.L, out)
		}
	}
}

// TestMergeFrontMatterKeepsReaderProperties checks the reader's keys,
// comments and styles survive and Dramatis's keys are replaced.
func TestMergeFrontMatterKeepsReaderProperties(t *testing.T) {
	old := "title: Old title\n# my comment\nrating: 5 # stars\nlinks: [a, b]\nnested:\n  x: 1\ntags: [reading]\nsite: Gone\n"
	f := newFrontMatter(articleKeys...)
	f.str("title", "New: title")
	f.list("tags", []string{"dramatis"})
	f.str("dramatis_id", "01JX0000000000000000000000")
	out, err := mergeFrontMatter(old, f)
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{"title: 'New: title'\n", "# my comment\nrating: 5 # stars\n", "links: [a, b]\n", "nested:\n  x: 1\n", "tags: [reading, dramatis]\n", "dramatis_id: 01JX0000000000000000000000\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in\n%s", want, s)
		}
	}
	if strings.Contains(s, "site:") {
		t.Errorf("a property Dramatis no longer has stayed:\n%s", s)
	}
	again, err := mergeFrontMatter(strings.TrimSuffix(strings.TrimPrefix(s, "---\n"), "---\n"), f)
	if err != nil || string(again) != s {
		t.Errorf("merging twice changes the note:\n%s\n%s", s, again)
	}
}
