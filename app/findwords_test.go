package app

import (
	"fmt"
	"strings"
	"testing"
)

// markedWords are the parts of text the words mark.
func markedWords(text, words string) []string {
	rs := []rune(text)
	var out []string
	for _, m := range findInText(text, parseFindWords(words), nil) {
		out = append(out, string(rs[m.Start:m.End]))
	}
	return out
}

func TestFindInTextFoldsAsTheLibrarySearch(t *testing.T) {
	const text = "Pjöngjang droht. Die Straße in PJÖNGJANG ist leer.\n\nWirtschaftssanktionen gegen Müller-Lüdenscheidt; die EU und der Euro. Ärger über Maßnahmen, a und b. 김정은 lacht."
	for _, c := range []struct {
		words string
		want  string // marked parts, joined by |
	}{
		{"pjongjang", "Pjöngjang|PJÖNGJANG"},           // case and accents never count
		{"pjoengjang", "Pjöngjang|PJÖNGJANG"},          // the German spelling too
		{"strasse", "Straße"},                          // ß is ss
		{"STRASSE", "Straße"},                          // either case
		{"sanktion", "Wirtschaftssanktionen"},          // six letters and more: inside words
		{"sankt", ""},                                  // five: only words it begins
		{"wirt", "Wirtschaftssanktionen"},              // four letters: words it begins
		{"lüdenscheidt müller", "Müller|Lüdenscheidt"}, // several words, in text order
		{"eu", "EU"},                                   // under four letters: that word only ("wir" never "wird")
		{`"EU"`, "EU"},                                 // quoted: the word only
		{"„eu“", "EU"},                                 // German quotes
		{"a", "a"},                                     // one letter: that word only
		{"aerger", "Ärger"},                            // ae for ä
		{"massnahmen", "Maßnahmen"},                    //
		{"pjöngjang -euro", "Pjöngjang|PJÖNGJANG"},     // excluded words are not marked
		{"김정은", "김정은"},                                 // Hangul as it is
		{"", ""},
		{"   ", ""},
		{"-", ""},
		{"„", ""},
		{"xyz", ""},
	} {
		t.Run(c.words, func(t *testing.T) {
			if got := strings.Join(markedWords(text, c.words), "|"); got != c.want {
				t.Errorf("%q marks %q, want %q", c.words, got, c.want)
			}
		})
	}
}

func TestFindInTextCountsCodePointsAcrossChunks(t *testing.T) {
	// Text longer than a chunk, with multi-byte runes before every match:
	// the offsets must stay code points across the pieces.
	var b strings.Builder
	for i := 0; b.Len() < 3*findChunkBytes; i++ {
		fmt.Fprintf(&b, "Grüße aus Köln %d.\n\n", i)
	}
	text := b.String()
	rs := []rune(text)
	got := findInText(text, parseFindWords("koln"), nil)
	want := strings.Count(text, "Köln")
	if len(got) != want {
		t.Fatalf("%d found, want %d", len(got), want)
	}
	for _, m := range got {
		if s := string(rs[m.Start:m.End]); s != "Köln" {
			t.Fatalf("range %v is %q", m, s)
		}
	}
	if got := findInText(text, parseFindWords("koln"), func() bool { return true }); got != nil {
		t.Errorf("a find no longer wanted gave %d matches", len(got))
	}
}

// bigText is about n bytes of German news text in which "Sanktionen"
// occurs about every n/10,000 bytes.
func bigText(n int) string {
	filler := strings.Fields("Die Regierung in Pjöngjang erklärte am Montag man werde die Zusammenarbeit mit Moskau ausbauen und Außenminister Gespräche führen über Grüße")
	var b strings.Builder
	every := n / 10_000
	next := every
	for i := 0; b.Len() < n; i++ {
		if b.Len() >= next {
			b.WriteString("Sanktionen ")
			next += every
		}
		b.WriteString(filler[i%len(filler)])
		if i%97 == 96 {
			b.WriteString(".\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// BenchmarkFindInText is finding a word in a 3 MB article with about
// 10,000 matches: the work a keystroke in the find bar starts, off the
// main goroutine.
func BenchmarkFindInText(b *testing.B) {
	text := bigText(3 << 20)
	terms := parseFindWords("sanktion")
	b.SetBytes(int64(len(text)))
	n := 0
	for b.Loop() {
		n = len(findInText(text, terms, nil))
	}
	b.ReportMetric(float64(n), "matches")
}
