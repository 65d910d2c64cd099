package export

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestFileName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kim: \"Wir sind bereit\"", "Kim Wir sind bereit"},
		{"a/b\\c:d*e?f\"g<h>i|j", "a b c d e f g h i j"},
		{"../../etc/passwd", "etc passwd"},
		{"..", "Untitled"},
		{"", "Untitled"},
		{"   ", "Untitled"},
		{"CON", "_CON"},
		{"con.txt", "_con.txt"},
		{"Com1", "_Com1"},
		{"LPT9", "_LPT9"},
		{"CONIN$", "_CONIN$"},
		{"conout$.md", "_conout$.md"},
		{"COMMA", "COMMA"},
		{"Ende.", "Ende"},
		{"Ende. ", "Ende"},
		{".hidden", "hidden"},
		{"Tab\there\x00nul\x1fus", "Tab here nul us"},
		{"C# ^ [x]", "C x"},
		{"Zeile\u2028neu", "Zeile neu"},
		{"e\u0301te", "éte"},
		{"zero\u200bwidth", "zerowidth"},
		{"a...b", "a.b"},
	}
	for _, tt := range tests {
		if got := FileName(tt.in); got != tt.want {
			t.Errorf("FileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFileNameLength(t *testing.T) {
	long := strings.Repeat("Äußerung ", 30) // 2-byte runes at the cut
	got := FileName(long)
	if len(got) > MaxFileNameBytes || !utf8.ValidString(got) || strings.HasSuffix(got, " ") {
		t.Errorf("FileName(long) = %q (%d bytes)", got, len(got))
	}
	emoji := strings.Repeat("🇩🇪", 40)
	if got := FileName(emoji); len(got) > MaxFileNameBytes || !utf8.ValidString(got) {
		t.Errorf("emoji cut %q", got)
	}
}

// FuzzFileName checks the rules hold for any title.
func FuzzFileName(f *testing.F) {
	for _, s := range []string{"CON", "..", "a/b", "Kim: \"x\"", strings.Repeat("ü", 80), "nul.", " COM1 .txt"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		got := FileName(title)
		if got == "" || len(got) > MaxFileNameBytes || !utf8.ValidString(got) {
			t.Fatalf("FileName(%q) = %q", title, got)
		}
		if strings.ContainsAny(got, forbiddenFileRunes) || strings.Contains(got, "..") {
			t.Fatalf("FileName(%q) = %q has a forbidden character", title, got)
		}
		if strings.IndexFunc(got, unicode.IsControl) >= 0 {
			t.Fatalf("control character in %q", got)
		}
		if strings.HasSuffix(got, ".") || strings.HasSuffix(got, " ") || strings.HasPrefix(got, " ") || strings.HasPrefix(got, ".") {
			t.Fatalf("FileName(%q) = %q has a bad end", title, got)
		}
		if isReservedName(got) {
			t.Fatalf("reserved name %q", got)
		}
		if FileName(got) != got {
			t.Fatalf("not idempotent: %q → %q", got, FileName(got))
		}
		taken := map[string]bool{foldFileName(got): true}
		if u := uniqueName(got, "01JXYZ", taken); u == got || len(u) > MaxFileNameBytes || FileName(u) != u {
			t.Fatalf("uniqueName(%q) = %q", got, u)
		}
	})
}
