package article

import (
	"strings"
	"testing"
	"time"
)

// TestSlashedDates: day and month in either order are read only where the
// numbers say which is which; dates a copy glued to their neighbours are
// read.
func TestSlashedDates(t *testing.T) {
	cases := []struct{ line, lang, want string }{
		{"PUBLIZIERT 02/02/2022 UM 09:23 GMT", "de", "2022-02-02"},
		{"Posted 11/28/2022", "en", "2022-11-28"},
		{"Veröffentlicht 28/11/2022", "de", "2022-11-28"},
		{"2022/02/28", "en", "2022-02-28"},
		{"Stand: 11/01/2021, 05:00", "de", ""}, // November or January: not guessed
		{"03/04/2022", "en", ""},
		{"Endstand 1/2/3", "de", ""},
		{"6. November 20236. November 2023", "de", "2023-11-06"},
		{"Posted on28. Juli 201928. Juli 2019AuthorAndreas Kalt4 Kommentare", "de", "2019-07-28"},
		{"Kathrin Bierling21.05.2019Beauty10 Kommentare", "de", "2019-05-21"},
		{"Autor johnVeröffentlicht am 20. März 2014Kategorien Allgemein", "de", "2014-03-20"},
	}
	for _, c := range cases {
		got := ""
		if d, ok := findTextDate(c.line, c.lang); ok {
			got = d.t.Format(time.DateOnly)
		}
		if got != c.want {
			t.Errorf("findTextDate(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

// TestCopyFarDate: a dateline the header does not reach is the article's
// when it is the nearest to the body's start and reads as a dateline.
func TestCopyFarDate(t *testing.T) {
	menu := "Politik\nWirtschaft\nKultur\nSport\nWissen\nReisen\nAuto\nDigital\n"
	head := "\nRegionalbahn fährt ab Frühjahr elektrisch\n\n"
	body := strings.Repeat("Die Regionalbahn an der Küste fährt ab dem nächsten Frühjahr mit elektrischen Zügen, teilte der Betreiber am Montag mit. ", 3) +
		"\n\n" + strings.Repeat("Für die elektrischen Züge braucht die Strecke neue Oberleitungen, die der Betreiber seit zwei Jahren baut. ", 3) + "\n\n"
	cases := []struct{ name, text, want string }{
		{"dateline above the menu", "Küstenbote\nAbo\nLogin\nMontag, 06.11.2023\n" + menu + head + body, "2023-11-06"},
		{"dateline with a comment count", "Küstenbote\nAbo\nLogin\n" + menu + "27.04.2020 - 18:50 Uhr 3 Kommentare\n" + menu + head + body, "2020-04-27"},
		{"the masthead's today", "Mittwoch, 8. Juli 2020\nKüstenbote\nAbo\n" + menu + head + body, ""},
		{"an event, not a dateline", "Küstenbote\nAbo\nLogin\nAb dem 8. Oktober 2020 im Kino zu sehen\n" + menu + head + body, ""},
		{"the nearest of two", "Küstenbote\nAbo\nLogin\n14. Mai 2019\n" + menu + "15. Mai 2019\n" + menu + head + body, "2019-05-15"},
		{"a comment's date below", head + body + "Kommentare\nHerr Steffen Ecks 28.04.2020, 10:27 Uhr\nDas sehe ich anders.\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := CleanText([]byte(c.text), c.name)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if !a.Published.IsZero() {
				got = a.Published.Format(time.DateOnly)
			}
			if got != c.want {
				t.Errorf("date %q, want %q", got, c.want)
			}
		})
	}
}

// TestDatelineWords: a dateline's words about its date, its time and zone
// and a comment count are not words of another text.
func TestDatelineWords(t *testing.T) {
	for rest, want := range map[string]string{
		"PUBLIZIERT UM 09:23 GMT": "",
		"Montag, 3 Kommentare":    "",
		"Veröffentlicht am":       "",
		"Ab dem im Kino zu sehen": "Ab dem im Kino zu sehen",
	} {
		if got := dropCounts(rest); got != want {
			t.Errorf("dropCounts(%q) = %q, want %q", rest, got, want)
		}
	}
}
