package export

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/dramatis-app/dramatis/annotation"
)

// frontMatter is a note's YAML properties in the order they are written.
// It is built as YAML nodes, not text, so that titles with quotes, colons
// or leading dashes are always quoted correctly by the YAML library.
type frontMatter struct {
	node *yaml.Node
	// owned lists every key Dramatis writes for this kind of note, present
	// or not, so that a merge can drop one that became empty.
	owned []string
}

// newFrontMatter starts properties Dramatis owns the listed keys of.
func newFrontMatter(owned ...string) *frontMatter {
	return &frontMatter{node: &yaml.Node{Kind: yaml.MappingNode}, owned: owned}
}

// str adds a string property unless it is empty.
func (f *frontMatter) str(key, value string) {
	value = singleLine(value)
	if value == "" {
		return
	}
	f.add(key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value})
}

// date adds a date property (YYYY-MM-DD, unquoted so that Obsidian shows
// it as a date) unless it is empty.
func (f *frontMatter) date(key, value string) {
	if value == "" {
		return
	}
	f.add(key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: value})
}

// list adds a list of strings unless it is empty.
func (f *frontMatter) list(key string, values []string) {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, v := range values {
		v = singleLine(v)
		if v != "" {
			seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v})
		}
	}
	if len(seq.Content) > 0 {
		f.add(key, seq)
	}
}

func (f *frontMatter) add(key string, v *yaml.Node) {
	f.node.Content = append(f.node.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

// bytes renders the properties between "---" lines. Values a YAML
// parser reads back unchanged as plain text (see plainSafe) are written
// directly, which is what the YAML library would write too; every other
// property is rendered by the YAML library. Exporting a thousand notes
// then costs milliseconds, not the library's encoder set-up per note.
func (f *frontMatter) bytes() []byte {
	var b bytes.Buffer
	b.Grow(64 * len(f.node.Content))
	b.WriteString("---\n")
	for i := 0; i+1 < len(f.node.Content); i += 2 {
		k, v := f.node.Content[i], f.node.Content[i+1]
		if !plainPair(k, v) {
			one := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{k, v}}
			fm := encodeFrontMatter(one)
			b.Write(fm[4 : len(fm)-4])
			continue
		}
		b.WriteString(k.Value)
		b.WriteByte(':')
		if v.Kind == yaml.ScalarNode {
			b.WriteByte(' ')
			writeScalar(&b, v)
			b.WriteByte('\n')
			continue
		}
		b.WriteByte('\n')
		for _, item := range v.Content {
			b.WriteString("  - ")
			writeScalar(&b, item)
			b.WriteByte('\n')
		}
	}
	b.WriteString("---\n")
	return b.Bytes()
}

// plainPair reports whether a key and its value (a scalar or a list of
// scalars) can be written without the library: plain, or single-quoted.
func plainPair(k, v *yaml.Node) bool {
	if !plainSafe(k.Value) || hasComments(k) || hasComments(v) || v.Style != 0 || v.Anchor != "" {
		return false
	}
	switch v.Kind {
	case yaml.ScalarNode:
		return simpleScalar(v)
	case yaml.SequenceNode:
		for _, item := range v.Content {
			if item.Kind != yaml.ScalarNode || !simpleScalar(item) {
				return false
			}
		}
		return len(v.Content) > 0
	}
	return false
}

// hasComments reports whether a node the reader wrote carries comments,
// which only the YAML library keeps.
func hasComments(n *yaml.Node) bool {
	return n.HeadComment != "" || n.LineComment != "" || n.FootComment != ""
}

// simpleScalar reports whether a scalar can be written plain or
// single-quoted: a date, or a string on one line of printable text.
func simpleScalar(n *yaml.Node) bool {
	if n.Tag == "!!timestamp" {
		return isDate(n.Value)
	}
	if n.Tag != "!!str" {
		return false // numbers, booleans, … the reader wrote: the library keeps them as they are
	}
	if n.Value == "" || strings.HasPrefix(n.Value, " ") || strings.HasSuffix(n.Value, " ") {
		return false
	}
	for _, r := range n.Value {
		if r != ' ' && !unicode.IsGraphic(r) || unicode.IsSpace(r) && r != ' ' || r == '\ufeff' {
			return false
		}
	}
	return true
}

// writeScalar writes a simple scalar plain when YAML reads it back
// unchanged that way, else single-quoted (quotes doubled), as the YAML
// library does.
func writeScalar(b *bytes.Buffer, n *yaml.Node) {
	if plainSafe(n.Value) || n.Tag == "!!timestamp" {
		b.WriteString(n.Value)
		return
	}
	b.WriteByte('\'')
	b.WriteString(strings.ReplaceAll(n.Value, "'", "''"))
	b.WriteByte('\'')
}

// yamlWords are plain scalars YAML 1.1 or 1.2 parsers read as booleans or
// null.
var yamlWords = [...]string{"true", "false", "yes", "no", "on", "off", "y", "n", "null"}

// plainSafe reports whether s reads back as the same string when written
// as a plain YAML scalar: it starts with a letter (so no indicator, number,
// date or special float), holds only printable text and a few ASCII marks
// that mean nothing inside a plain scalar, has no ": " or trailing colon,
// no "#", and is not a word YAML reads as a boolean or null.
func plainSafe(s string) bool {
	if s == "" {
		return false
	}
	if s[0] >= '0' && s[0] <= '9' {
		return plainID(s)
	}
	for i, r := range s {
		switch {
		case i == 0 && !unicode.IsLetter(r):
			return false
		case r < 0x80:
			if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune(" -_.,()/:?=&%+~'", r)) {
				return false
			}
		case !unicode.IsPrint(r):
			return false
		}
	}
	if strings.Contains(s, ": ") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, " ") || strings.Contains(s, "  ") {
		return false
	}
	for _, w := range yamlWords {
		if strings.EqualFold(s, w) {
			return false
		}
	}
	return true
}

// plainID reports whether a string starting with a digit, such as a
// ULID, reads back as a string when plain: only letters and digits, a
// digit second (so no 0x, 0o or 0b prefix), and a letter other than e
// (so no exponent).
func plainID(s string) bool {
	if len(s) < 2 || s[1] < '0' || s[1] > '9' {
		return false
	}
	letter := false
	for i := range len(s) {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			if c != 'e' && c != 'E' {
				letter = true
			}
		default:
			return false
		}
	}
	return letter
}

// isDate reports whether s is YYYY-MM-DD.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := range len(s) {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// encodeFrontMatter renders a mapping node between "---" lines.
func encodeFrontMatter(n *yaml.Node) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	if len(n.Content) > 0 {
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		// Encoding a well-formed node tree of scalars cannot fail.
		if err := enc.Encode(n); err != nil {
			panic("export: encoding front matter: " + err.Error())
		}
		enc.Close()
	}
	b.WriteString("---\n")
	return b.Bytes()
}

// articleKeys are the properties of an article note.
var articleKeys = []string{"title", "description", "source", "authors", "published", "site", "language", "actors", "topics", "tags", "dramatis_id"}

// actorKeys are the properties of an actor note.
var actorKeys = []string{"title", "aliases", "kind", "wikidata", "tags", "dramatis_id"}

// articleFrontMatter returns an article note's properties; actorLinks are
// the wiki links of the actors its highlights name, topics the names of
// the topics they make statements on.
func articleFrontMatter(a *Article, actorLinks, topics []string) *frontMatter {
	f := newFrontMatter(articleKeys...)
	f.str("title", a.Title)
	f.str("description", a.Description)
	f.str("source", a.URL)
	f.list("authors", a.Authors)
	if !a.Published.IsZero() {
		f.date("published", a.Published.Format("2006-01-02"))
	}
	f.str("site", a.Site)
	f.str("language", a.Lang)
	f.list("actors", actorLinks)
	f.list("topics", topics)
	f.list("tags", []string{"dramatis"})
	f.str("dramatis_id", a.ID)
	return f
}

// actorFrontMatter returns an actor note's properties: its aliases (so
// that Obsidian resolves [[Alias]] links to it), kind and Wikidata item.
func actorFrontMatter(a annotation.Actor) *frontMatter {
	f := newFrontMatter(actorKeys...)
	f.str("title", a.Name)
	aliases := slices.Clone(a.Aliases)
	if FileName(a.Name) != a.Name {
		// The note's file name differs from the name: let the real name
		// resolve too.
		aliases = append([]string{a.Name}, aliases...)
	}
	f.list("aliases", aliases)
	f.str("kind", string(a.Kind))
	if a.Wikidata != "" {
		f.str("wikidata", wikidataURL(a.Wikidata))
	}
	f.list("tags", []string{"dramatis/actor"})
	f.str("dramatis_id", a.ID)
	return f
}

// splitFrontMatter separates a note's YAML front matter (between a first
// line "---" and the next line "---" or "...") from its body. ok is false
// when the note has none.
func splitFrontMatter(doc string) (yamlText, body string, ok bool) {
	rest, found := strings.CutPrefix(doc, "---\n")
	if !found {
		rest, found = strings.CutPrefix(doc, "---\r\n")
		if !found {
			return "", doc, false
		}
	}
	off := 0
	for off <= len(rest) {
		end := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		next := len(rest)
		if end >= 0 {
			line = rest[off : off+end]
			next = off + end + 1
		}
		if l := strings.TrimRight(line, "\r"); l == "---" || l == "..." {
			return rest[:off], rest[next:], true
		}
		if end < 0 {
			break
		}
		off = next
	}
	return "", doc, false
}

// frontMatterID returns the dramatis_id property of a note, or "": in
// front matter at the top, after a byte order mark, or below text the
// reader wrote above it (see locateFrontMatter).
func frontMatterID(doc string) string {
	_, y, _, ok := locateFrontMatter(strings.TrimPrefix(doc, "\ufeff"))
	if !ok {
		return ""
	}
	return yamlID(y)
}

// yamlID returns the dramatis_id property of front matter YAML, or "". It
// reads the YAML as a node tree, so that a property the reader repeated
// (which a strict decoder refuses) does not hide the note from Dramatis.
func yamlID(y string) string {
	var n yaml.Node
	if yaml.Unmarshal([]byte(y), &n) != nil || n.Kind != yaml.DocumentNode || len(n.Content) != 1 || n.Content[0].Kind != yaml.MappingNode {
		return ""
	}
	m := n.Content[0].Content
	for i := 0; i+1 < len(m); i += 2 {
		if m[i].Value == "dramatis_id" && m[i+1].Kind == yaml.ScalarNode {
			return m[i+1].Value
		}
	}
	return ""
}

// mergeFrontMatter updates a note's existing properties with Dramatis's:
// its own keys are replaced (or removed when now empty), tags are united,
// and every property the reader added stays where it was.
func mergeFrontMatter(oldYAML string, f *frontMatter) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(oldYAML), &doc); err != nil {
		return nil, fmt.Errorf("its front matter is not valid YAML (%s)", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if doc.Kind == 0 {
		return f.bytes(), nil
	}
	if len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode && doc.Content[0].Style != 0 {
		// A flow mapping ({a: 1}) is rewritten in block style.
		doc.Content[0].Style = 0
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("its front matter is not a list of properties")
	}
	old := doc.Content[0]
	mine := map[string]*yaml.Node{}
	for i := 0; i+1 < len(f.node.Content); i += 2 {
		mine[f.node.Content[i].Value] = f.node.Content[i+1]
	}
	var out []*yaml.Node
	done := map[string]bool{}
	for i := 0; i+1 < len(old.Content); i += 2 {
		k, v := old.Content[i], old.Content[i+1]
		if !slices.Contains(f.owned, k.Value) {
			out = append(out, k, v)
			continue
		}
		if done[k.Value] {
			continue // a repeated key of Dramatis's: keep one
		}
		done[k.Value] = true
		nv, ok := mine[k.Value]
		if !ok {
			continue // Dramatis no longer has a value for it.
		}
		if k.Value == "tags" {
			nv = uniteTags(v, nv)
		}
		out = append(out, k, nv)
	}
	for i := 0; i+1 < len(f.node.Content); i += 2 {
		k := f.node.Content[i]
		if !done[k.Value] {
			out = append(out, k, f.node.Content[i+1])
		}
	}
	old.Content = out
	return (&frontMatter{node: old}).bytes(), nil
}

// uniteTags keeps the reader's tags and adds Dramatis's.
func uniteTags(old, mine *yaml.Node) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Style: old.Style}
	seen := map[string]bool{}
	addScalar := func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && !seen[n.Value] {
			seen[n.Value] = true
			seq.Content = append(seq.Content, n)
		}
	}
	switch old.Kind {
	case yaml.SequenceNode:
		for _, n := range old.Content {
			addScalar(n)
		}
	case yaml.ScalarNode:
		for _, t := range strings.FieldsFunc(old.Value, func(r rune) bool { return r == ',' || r == ' ' }) {
			addScalar(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: t})
		}
	}
	for _, n := range mine.Content {
		addScalar(n)
	}
	return seq
}
