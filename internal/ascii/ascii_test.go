package ascii

import (
	"strings"
	"testing"
)

func TestIs(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", true},
		{"Plain text, with 1 number & a tab\t.", true},
		{"\x00\x7f", true},
		{"Pjöngjang", false},
		{"\x80", false},
		{"\xff", false},
		{"ends in é", false},
		{"\u00e9 starts", false},
	}
	for _, tt := range tests {
		if got := Is(tt.in); got != tt.want {
			t.Errorf("Is(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// BenchmarkIs measures the loop on an article-sized ASCII text, the case
// that reads every byte.
func BenchmarkIs(b *testing.B) {
	text := strings.Repeat("The minister said on Tuesday that talks would go on. ", 1000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if !Is(text) {
			b.Fatal("not ASCII")
		}
	}
}
