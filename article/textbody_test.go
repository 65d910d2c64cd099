package article

import (
	"strings"
	"testing"
)

// para is a paragraph of article text of about n words.
func para(topic string, n int) string {
	var b strings.Builder
	b.WriteString("The " + topic + " report")
	for b.Len() < 6*n {
		b.WriteString(", and the council said the plans for the " + topic + " would be debated again next week")
	}
	return b.String() + "."
}

// TestCopyBodyEnds checks the rules that end the body of a page copy:
// text beyond a long stretch of page chrome, calls to act and an author's
// bio under a name card go; the article's own last paragraphs stay.
func TestCopyBodyEnds(t *testing.T) {
	article := "Headline of the article\n\n" + para("harbour", 80) + "\n\n" + para("bridge", 70) + "\n\n" + para("tunnel", 60)
	artikel := "Schlagzeile des Artikels\n\n" + strings.Repeat("Der Stadtrat hat am Dienstag über die Pläne für den neuen Hafen beraten, und die Entscheidung soll in der nächsten Woche fallen. ", 5) +
		"\n\n" + strings.Repeat("Die Bürger der Stadt können ihre Einwände bis zum Ende des Monats schriftlich bei der Verwaltung einreichen, heißt es. ", 5)
	footer := "\n\nShare\nTweet\nEmail\nPrint\nSave\nCopy link\nComment\nShare this\nSave article\nShare on Facebook\n\n"
	cases := []struct {
		name       string
		copy       string
		keep, drop []string
	}{
		{
			name: "island after the footer",
			copy: article + footer + "Our city portal brings you the news of the region every day, from the harbour to the hills and from the markets to the town hall, and we have done so for forty years.",
			keep: []string{"tunnel report"},
			drop: []string{"Our city portal"},
		},
		{
			name: "the rest of a long article after a gallery",
			copy: article + footer + para("school", 80) + "\n\n" + para("library", 80) + "\n\n" + para("stadium", 80),
			keep: []string{"tunnel report", "stadium report"},
		},
		{
			name: "newsletter box",
			copy: article + "\n\nNewsletter\n\nGet the best stories of the week delivered to your inbox every Friday morning.",
			keep: []string{"tunnel report"},
			drop: []string{"delivered to your inbox"},
		},
		{
			name: "German donation box",
			copy: "Schlagzeile des Artikels\n\n" + strings.Repeat("Der Stadtrat hat am Dienstag über die Pläne für den neuen Hafen beraten, und die Entscheidung soll in der nächsten Woche fallen. ", 5) +
				"\n\n" + strings.Repeat("Die Bürger der Stadt können ihre Einwände bis zum Ende des Monats schriftlich bei der Verwaltung einreichen, heißt es. ", 5) +
				"\n\nWir sind spendenfinanziert. Unterstütze uns mit einem Dauerauftrag!",
			keep: []string{"Einwände"},
			drop: []string{"spendenfinanziert"},
		},
		{
			name: "author bio under a name card",
			copy: article + "\n\nShare\n\nInga Buller\n\nInga Buller is head of social at the paper and writes about consumer tech and kitchen gadgets.",
			keep: []string{"tunnel report"},
			drop: []string{"head of social", "Inga Buller"},
		},
		{
			name: "comment thread heading",
			copy: article + "\n\n11 responses to “Headline of the article”\n\n" + para("ferry", 60),
			keep: []string{"tunnel report"},
			drop: []string{"ferry report", "responses to"},
		},
		{
			name: "German comment thread heading",
			copy: artikel + "\n\n5 Gedanken zu „Schlagzeile“\n\n" + strings.Repeat("Ich finde die Entscheidung des Stadtrats richtig, aber sie kommt viel zu spät für uns. ", 4),
			keep: []string{"Einwände"},
			drop: []string{"viel zu spät", "Gedanken zu"},
		},
		{
			name: "comment opened by its author's name over a date",
			copy: article + "\n\nArt Edwards says:\nJuly 11, 2011 at 12:25 pm\n\n" + para("ferry", 60),
			keep: []string{"tunnel report"},
			drop: []string{"ferry report", "Art Edwards"},
		},
		{
			name: "German comment opened by its author's name over a date",
			copy: artikel + "\n\nPetra Schmidt sagt:\n12. März 2021 um 10:15 Uhr\n\n" + strings.Repeat("Ich finde die Entscheidung des Stadtrats richtig, aber sie kommt viel zu spät für uns. ", 4),
			keep: []string{"Einwände"},
			drop: []string{"viel zu spät", "Petra Schmidt"},
		},
		{
			name: "a quote line without a date opens no comments",
			copy: article + "\n\nThe mayor says:\n\n" + para("ferry", 60),
			keep: []string{"tunnel report", "ferry report"},
		},
		{
			name: "a heading sharing the first word is no name card",
			copy: article + "\n\nOur Programs\n\nOur work spans a variety of different areas and partners working to create a more vibrant commons.",
			keep: []string{"tunnel report", "Our work spans"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := CleanText([]byte(c.copy), "copy.txt")
			if err != nil {
				t.Fatal(err)
			}
			text := a.Text()
			for _, k := range c.keep {
				if !strings.Contains(text, k) {
					t.Errorf("lost %q:\n%s", k, text)
				}
			}
			for _, d := range c.drop {
				if strings.Contains(text, d) {
					t.Errorf("kept %q:\n%s", d, text)
				}
			}
		})
	}
}
