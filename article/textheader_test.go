package article

import (
	"strings"
	"testing"
	"time"
)

// TestCopyDatelineBeatsCaptionDate: a photo caption under the title
// mentions the day the photo was taken; the dateline further down says
// when the article appeared, and wins. Without a dateline the caption's
// date is all there is, and is taken.
func TestCopyDatelineBeatsCaptionDate(t *testing.T) {
	body := strings.Repeat("Thousands of farmers are switching to sorghum after a third failed rainy season in five years, officials say. ", 3)
	caption := "FILE - A farmer inspects a field near Kitui, Kenya, on Feb. 3, 2025. (Photo/Jo Bloggs, File)\n"
	cases := []struct {
		name, header, want string
	}{
		{"dateline below caption", caption + "By Mary Otieno\nUpdated April 2, 2025\n", "2025-04-02"},
		{"caption only", caption, "2025-02-03"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := "World\nBusiness\n\nFarmers turn to sorghum as maize harvests fail\n" + c.header + "\n" + body + "\n\n" + body + "\n"
			a, err := CleanText([]byte(in), c.name)
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Published.Format(time.DateOnly); got != c.want {
				t.Errorf("published %s, want %s", got, c.want)
			}
		})
	}
}

// TestNotHeadline: datelines, table rows and fields with an amount have a
// headline's length but are none; headlines that name a date or an
// amount are.
func TestNotHeadline(t *testing.T) {
	cases := []struct {
		line string
		lang string
		want bool
	}{
		{"2017-03-10 09:58 来源：网易科学人", "", true},
		{"Blog Home AI & Machine Learning • October 18, 2019", "en", true},
		{"MoritzMeyer Juni 19, 2018|Social Media|36 Kommentare", "de", true},
		{"Gesamtzeit ca. 1 Stunde 50 Minuten", "de", true},
		{"Arbeitszeit ca. 30 Minuten", "de", true},
		{"[A] Expeditionsplanung – Ideen, Infos, Konzepte", "de", true},
		{"[Rezi] Love is War - Sehnsucht von R. K. Lilley", "de", false},
		{"About Us Indoor Gardens Outdoor Gardening Our Plant Journal Fun stuff Plant Help Contact", "en", true},
		{"Facebook Is Tracking Me Even Though I’m Not on Facebook", "en", false},
		{"York Outer Julian Sturdy julian.sturdy.mp@parliament.uk", "en", true},
		{"Conjures water[1]", "en", true},
		{"Why @jack stepped down as Twitter CEO", "en", false},
		{"Das Hermelin ist im Winter mit seinem weißen Fell gut getarnt. (mlharing / iStock.com)", "de", true},
		{"Schule / Bildung: Was das neue Gesetz ändert (und was nicht)", "de", false},
		{"The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters", "en", true},
		{"Why Fans Still Love AC/DC", "en", false},
		{"Games Editor", "en", true},
		{"Senior Staff Writer", "en", true},
		{"Neue Redaktionsleitung für das Lokale", "de", false},
		{"Wirtschaft, Tipps", "de", true},
		{"Özil, Salut und Kreuzketten", "de", false},
		{"(entspricht 22,67 € / l)", "de", true},
		{"Scholz (SPD) will Neuwahlen im Frühjahr", "de", false},
		{"Judy Eddy/WENN.com", "de", false}, // a credit: furniture (TestCopySlashCredit), not judged here
		{"Tag der Pressefreiheit am 3. Mai 2020", "de", false},
		{"In 30 Minuten zum perfekten Kuchen", "de", false},
		{"Olafur Eliasson gestaltet Titelseite für die deutschen Zeitungen", "de", false},
		{"Election Results 2023: Brookhaven mayor headed for runoff", "en", false},
	}
	for _, c := range cases {
		pc := &pageCopy{lang: c.lang, bps: []*boilerplate{boilerplateFor("en")}}
		l := &copyLine{text: c.line}
		if got := pc.notHeadline(l); got != c.want {
			t.Errorf("notHeadline(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestIsCreditLine: bylines and credits (bylinewords.txt creditline), and
// lines that only start with such a word.
func TestIsCreditLine(t *testing.T) {
	cases := map[string]bool{
		"By Jane Doe":                          true,
		"Edited by Jane Doe":                   true,
		"Photo by John Roe/Getty Images":       true,
		"Foto von Anna Schmidt":                true,
		"Words by Jane Doe, pictures by Anna":  true,
		"Photos of the storm by the coast":     false,
		"Reporting from Kyiv":                  false,
		"Edited versions by hand are not sold": false,
	}
	for line, want := range cases {
		if got := isCreditLine(line); got != want {
			t.Errorf("isCreditLine(%q) = %v, want %v", line, got, want)
		}
	}
}
