package article

import (
	"testing"
	"unicode/utf8"
)

func TestCanonicalText(t *testing.T) {
	a := &Article{Blocks: []Block{
		{Type: Heading, Level: 2, Text: "  Gru\u0308ße\u00a0aus   Köln "},
		{Type: Paragraph, Text: ""},
		{Type: Paragraph, Text: "Zweiter\tAbsatz\u00ad."},
		{Type: Preformatted, Text: "a  b\r\n\r\n  c\x01"},
	}}
	a.Normalize()
	want := "Grüße aus Köln\n\nZweiter Absatz.\n\na  b\n  c"
	if got := a.Text(); got != want {
		t.Fatalf("Text() = %q, want %q", got, want)
	}
	starts := a.BlockStarts()
	if len(starts) != 3 || starts[0] != 0 || starts[1] != 16 || starts[2] != 33 {
		t.Fatalf("BlockStarts() = %v", starts)
	}
	text := []rune(a.Text())
	for i, bl := range a.Blocks {
		n := utf8.RuneCountInString(bl.Text)
		if got := string(text[starts[i] : starts[i]+n]); got != bl.Text {
			t.Errorf("block %d at %d: %q != %q", i, starts[i], got, bl.Text)
		}
	}
	if a.Cleaner != CleanerVersion {
		t.Errorf("Cleaner = %q", a.Cleaner)
	}
}

func TestCleanInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"\xff\xfeabc", "\uFFFDabc"},
		{" a \n b ", "a b"},
		{"Zero\u200bwidth", "Zerowidth"},
		{"e\u0301", "é"},
	}
	for _, tt := range tests {
		if got := CleanInline(tt.in); got != tt.want {
			t.Errorf("CleanInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
