package export

import (
	"strings"
	"testing"
)

// quoteDoc renders text as a highlight's block quote in a note.
func quoteDoc(text string) string {
	var b strings.Builder
	b.WriteString("# Title\n\n")
	(&renderer{}).quote(&b, text)
	b.WriteString("\n^hl-x\n")
	return b.String()
}

// obsidianHazards are Obsidian constructs that CommonMark does not know
// and so cannot be caught by rendering with goldmark: wiki links and
// embeds, tags, comments, highlights, maths, templates, block ids.
func obsidianHazard(line string) string {
	for _, h := range []string{"[[", "]]", "%%", "==", "{{", "$", "^", "#", "|"} {
		for i := 0; ; {
			j := strings.Index(line[i:], h)
			if j < 0 {
				break
			}
			if !escapedAt(line, i+j) {
				return h
			}
			i += j + 1
		}
	}
	return ""
}

// escapedAt reports whether the byte at i is preceded by an odd number of
// backslashes.
func escapedAt(s string, i int) bool {
	n := 0
	for i > 0 && s[i-1] == '\\' {
		n++
		i--
	}
	return n%2 == 1
}

func TestQuoteEscaping(t *testing.T) {
	for _, q := range hostile {
		doc := quoteDoc(q)
		r := render(t, []byte(doc))
		qs := r.all("blockquote")
		if len(qs) != 1 {
			t.Errorf("%q: %d block quotes in\n%s", q, len(qs), doc)
			continue
		}
		if got, want := textOf(qs[0]), visible(q); got != want {
			t.Errorf("%q: reader sees %q, want %q; markdown:\n%s", q, got, want, doc)
		}
		if hs := r.all("h1"); len(hs) != 1 || textOf(hs[0]) != "Title" {
			t.Errorf("%q: the note's structure changed:\n%s", q, doc)
		}
		for _, ln := range strings.Split(doc, "\n") {
			if strings.HasPrefix(ln, "> ") {
				if h := obsidianHazard(ln); h != "" {
					t.Errorf("%q: unescaped %q for Obsidian in %q", q, h, ln)
				}
			}
		}
	}
}

func TestNoteEscaping(t *testing.T) {
	for _, n := range hostile {
		var b strings.Builder
		b.WriteString("> quote\n\n")
		writeLines(&b, n, "")
		b.WriteString("\nafter\n")
		doc := b.String()
		r := render(t, []byte(doc))
		if len(r.all("blockquote")) != 1 || len(r.all("h1"))+len(r.all("h2"))+len(r.all("ul"))+len(r.all("ol"))+len(r.all("hr"))+len(r.all("pre"))+len(r.all("code")) != 0 {
			t.Errorf("%q: structure leaked:\n%s", n, doc)
		}
		body := r.all("body")[0]
		want := visible("quote\n\n" + n + "\n\nafter")
		if got := textOf(body); got != want {
			t.Errorf("%q: reader sees %q, want %q", n, got, want)
		}
	}
}

func TestInlineHeading(t *testing.T) {
	for _, title := range hostile {
		doc := "# " + inline(title) + "\n\ntext\n"
		r := render(t, []byte(doc))
		hs := r.all("h1")
		if len(hs) != 1 {
			t.Errorf("%q: %d headings", title, len(hs))
			continue
		}
		want := strings.Join(strings.Fields(visible(title)), " ")
		if got := textOf(hs[0]); got != want {
			t.Errorf("%q: heading shows %q, want %q", title, got, want)
		}
	}
}

func TestWikiLink(t *testing.T) {
	tests := []struct{ name, want string }{
		{"China", "[[China]]"},
		{"Ian Bremmer", "[[Ian Bremmer]]"},
		{"AC/DC | The [Band] #1", "[[AC DC The Band 1|AC/DC / The (Band) #1]]"},
		{"C# ^x", "[[C x|C# ^x]]"},
		{"a]]b", "[[a b|a))b]]"},
	}
	for _, tt := range tests {
		if got := wikiLink(FileName(tt.name), tt.name); got != tt.want {
			t.Errorf("wikiLink(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestBlockID(t *testing.T) {
	if got := blockID("01JHL2000000000000000000AA"); got != "hl-01jhl2000000000000000000aa" {
		t.Errorf("blockID = %q", got)
	}
	if got := blockID("a b/c^d"); got != "hl-abcd" {
		t.Errorf("blockID = %q", got)
	}
}

func TestIsInlineSpecial(t *testing.T) {
	for c := range 256 {
		if got, want := isInlineSpecial(byte(c)), strings.IndexByte(inlineSpecial, byte(c)) >= 0; got != want {
			t.Errorf("isInlineSpecial(%q) = %v", rune(c), got)
		}
	}
}
