package article

import (
	"strings"
	"testing"
)

// TestCopyTitleShapes: made-up copies whose headline stands among lines
// that score as well by their words (a hashtag, a rating, a subtitle),
// or reads as a sentence because it asks.
func TestCopyTitleCandidates(t *testing.T) {
	pc := newPageCopy("x")
	for text, want := range map[string]bool{
		"Electric trains for the coast line": true,
		"#Plug-in-Hybrid-Trains":             false, // a hashtag
		"4.3182 330 5 1":                     false, // a rating's figures
		"10.2003 - 02.2004":                  false,
		"+ Containers can be locked in maps": false, // an item of a list
		"宇航员在太空中喝酒会怎么样？后果很严重":                true,  // no spaces, but letters
	} {
		l := copyLine{text: text, words: max(countWords(text), minTitleWords)}
		if got := pc.headlineCandidate(&l); got != want {
			t.Errorf("headlineCandidate(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestCopyTitleShapes(t *testing.T) {
	body := "\n" + strings.Repeat("The regional railway will run electric trains on the coast line from next spring, the operator said on Monday. ", 3) +
		"\n\n" + strings.Repeat("Electric trains on the coast line need new overhead wires, which the operator has been building for two years. ", 3) + "\n"
	cases := []struct {
		name, header, want string
	}{
		{"question headline", "Rail news\nWhy will the regional operator run only electric trains on the whole coast line from next spring?\n",
			"Why will the regional operator run only electric trains on the whole coast line from next spring?"},
		{"headline above a dateline and a section heading", "Coast line goes electric: the operator finishes new wires\n6 November 2023 Jo Bloggs Rail, Coast, Wires\n\n(Credits: Rail Press)\n\nCoast trains vs. wires\n",
			"Coast line goes electric: the operator finishes new wires"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := "Home\nTravel\nRegion\nSign in\n\n" + c.header + body
			a, err := CleanText([]byte(in), c.name)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != c.want {
				t.Errorf("title %q, want %q", a.Title, c.want)
			}
		})
	}
}
