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
		{"Mittwoch, März 7, 2018 21 Allgemein, Beauty", "de", "2018-03-07"},
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
		{"a relative dateline under the title", "Küstenbote\nAbo\nLogin\n" + menu + "22. Oktober 2018\n" + menu + "\nRegionalbahn fährt ab Frühjahr elektrisch\nvor 4 Monaten\n\n" + body, ""},
		{"a signed dateline below", head + body + "Written by Jo Blogg on April 29, 2018\nMore from Küstenbote\n", "2018-04-29"},
		{"the last change", "Küstenbote\nAbo\nLogin\n" + menu + "Updated: 27.04.2020\n" + menu + head + body, ""},
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

// TestDateWordsList: the date word list parses, and each kind the cleaner
// asks for holds words.
func TestDateWordsList(t *testing.T) {
	dw, err := parseDateWords(dateWordsFile)
	if err != nil {
		t.Fatal(err)
	}
	for kind, set := range map[string]map[string]bool{"published": dw.published, "revised": dw.revised, "ago": dw.ago, "unit": dw.units, "count": dw.counts, "day": dw.days} {
		if len(set) == 0 {
			t.Errorf("no %s words", kind)
		}
	}
	if _, err := parseDateWords("published: posted\nweekday: monday\n"); err == nil {
		t.Error("an unknown kind is not an error")
	}
}

// TestArticleDate: of the dates a line holds, the one labelled published
// wins, a date labelled as the last change counts only as such, and a
// machine timestamp a copy glued to the shown date gives way to it.
func TestArticleDate(t *testing.T) {
	cases := []struct {
		line, lang, want string
		label            dateLabel
	}{
		{"Last updated 04 Jun 2020, originally created 17 Jun 2019", "en", "2019-06-17", publishedLabel},
		{"PUBLISHED: January 16, 2023 at 4:30 p.m. | UPDATED: January 17, 2023 at 3:58 a.m.", "en", "2023-01-16", publishedLabel},
		{"Updated May 06, 2019", "en", "2019-05-06", revisedLabel},
		{"Evgenia Karp Zuletzt geändert am 06.11.2023", "de", "2023-11-06", revisedLabel},
		{"Stand: 28.04.2020 18:00 Uhr", "de", "2020-04-28", revisedLabel},
		{"Von Jo Blogg · 31. Oktober 2023", "de", "2023-10-31", unlabelled},
		{"Isabell Angele2022-12-07T10:10:52+01:0025. Dezember 2022|", "de", "2022-12-25", unlabelled},
		{"2018-08-29 14:15:57 2018-06-22 10:20:0022.06.2018 10:20", "de", "2018-06-22", unlabelled},
		{"2024-11-08T12:22:05+01:00", "de", "2024-11-08", unlabelled},
	}
	for _, c := range cases {
		ld, ok := articleDate(c.line, c.lang)
		got := ""
		if ok {
			got = ld.d.t.Format(time.DateOnly)
		}
		if got != c.want || ld.label != c.label {
			t.Errorf("articleDate(%q) = %q label %d, want %q label %d", c.line, got, ld.label, c.want, c.label)
		}
	}
}

// TestDatelineLeads: a line that opens with its date and a time, a byline
// or the date's label is a dateline whatever the copy glued after it; a
// sentence that names a date is not.
func TestDatelineLeads(t *testing.T) {
	cases := []struct {
		line string
		want bool
	}{
		{"19.10.2019, 15:30 UhrAm 8. Spieltag der Bundesliga treffen Borussia Dortmund und Borussia Mönchengladbach aufeinander.", true},
		{"By Ela on 31. October, 2023 | 18 Comments. This post may contain affiliate links.", true},
		{"PUBLISHED: November 8, 2023 at 11:30 p.m. | UPDATED: November 9, 2023 at 12:21 a.m.", true},
		{"Am 19. Oktober 2019 gastiert Borussia Mönchengladbach bei Borussia Dortmund.", false},
		{"The report was published on March 3, 2020 by the ministry of health.", false},
		{"19.10.2019 gastiert Borussia Mönchengladbach bei Borussia Dortmund.", false},
	}
	for _, c := range cases {
		ld, ok := articleDate(c.line, "de")
		if !ok {
			t.Errorf("no date in %q", c.line)
			continue
		}
		if got := ld.leads(); got != c.want {
			t.Errorf("leads(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestCopyHeaderDate: the header's dateline under the title wins over a
// teaser's date above it, but not over one past the body's first prose;
// a date labelled as the last change gives way to any other dateline and
// is taken only for want of one; a dateline glued to the lead is read.
func TestCopyHeaderDate(t *testing.T) {
	menu := "Politik\nWirtschaft\nKultur\nSport\nWissen\nReisen\nAuto\nDigital\n"
	title := "Regionalbahn fährt ab Frühjahr elektrisch\n"
	lead := "Die Regionalbahn an der Küste fährt ab dem nächsten Frühjahr mit elektrischen Zügen, teilte der Betreiber am Montag mit. "
	body := strings.Repeat(lead, 3) + "\n\n" + strings.Repeat("Für die elektrischen Züge braucht die Strecke neue Oberleitungen, die der Betreiber seit zwei Jahren baut. ", 3) + "\n\n"
	cases := []struct{ name, text, want string }{
		{"teaser above, dateline below", "Küstenbote\nAbo\nLogin\n" + menu + "27. Oktober 2023\nVerkehr\n" + title + "Jo Blogg 6. November 2023\n" + body, "2023-11-06"},
		{"dateline above, embedded post below", "Küstenbote\nAbo\nLogin\n" + menu + "04. Februar 2022, 15:29 Uhr\n" + title + "\n" + body + "Posted by Küstenbote on Monday, February 7, 2022\n" + body, "2022-02-04"},
		{"updated only", "Küstenbote\nAbo\nLogin\n" + menu + title + "Zuletzt aktualisiert am 06.11.2023\n" + body, "2023-11-06"},
		{"dated four lines above the title", "Küstenbote\nAbo\nLogin\n" + menu + "November 1, 2023 | Wirtschaft, Handel, Tipps\n12:30\nvon: Jo Blogg\nFoto: Kim Kamera\n" + title + "\n" + body, "2023-11-01"},
		{"dated above, updated below", "Küstenbote\nAbo\nLogin\n" + menu + "08.04.2015 12:46\n" + title + "Zuletzt aktualisiert am 06.11.2023\n" + body, "2015-04-08"},
		{"published and updated", "Küstenbote\nAbo\nLogin\n" + menu + title + "Aktualisiert 07.11.2023 | Veröffentlicht 06.11.2023\n" + body, "2023-11-06"},
		{"dateline glued to the lead", "Küstenbote\nAbo\nLogin\n" + menu + title + "von Jo Blogg\n19.10.2019, 15:30 Uhr" + lead + "\n" + body, "2019-10-19"},
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

// TestRelativeDateline: a line that dates the article relative to the day
// it is read is one, a sentence or a duration is not.
func TestRelativeDateline(t *testing.T) {
	cases := []struct {
		line string
		want bool
	}{
		{"vor 4 Monaten", true},
		{"vor einer Stunde", true},
		{"3 hours ago", true},
		{"an hour ago", true},
		{"Gestern, 18:30", true},
		{"4 Monate", false},
		{"Lesezeit 4 Minuten", false},
		{"Vor 4 Monaten begann der Betreiber mit dem Bau der neuen Oberleitungen.", false},
	}
	for _, c := range cases {
		if got := relativeDateline(c.line); got != c.want {
			t.Errorf("relativeDateline(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestCopyDayOrder: a dotted date on an English page is read month first
// when the copy's machine-readable dates give that day and not the other;
// otherwise, and on German pages, day first.
func TestCopyDayOrder(t *testing.T) {
	en := strings.Repeat("The new console is the fastest the company has made, and it plays more games in native 4K than any other console on sale today. ", 3)
	de := strings.Repeat("Die neue Konsole ist die schnellste, die der Hersteller je gebaut hat, und sie spielt mehr Spiele in nativem 4K als jede andere. ", 3)
	link := "Share: https://www.example.com/2017/11/03/console-review/\n"
	cases := []struct{ name, text, want string }{
		{"English, the link gives the day", "Gadgets\nReviews\n\nConsole review: fast and quiet\n11.03.17 in Gadgetry\n\n" + en + "\n\n" + en + "\n\n" + link, "2017-11-03"},
		{"English, nothing tells", "Gadgets\nReviews\n\nConsole review: fast and quiet\n11.03.17 in Gadgetry\n\n" + en + "\n\n" + en + "\n", "2017-03-11"},
		{"German", "Technik\nTests\n\nKonsole im Test: schnell und leise\n11.03.17 in Technik\n\n" + de + "\n\n" + de + "\n\n" + link, "2017-03-11"},
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

// TestQuotedDatelines: other languages' dates are read as those languages
// write them, day first, and a month's name that is also a word of prose
// ("Mars", "set", "out") is no date outside its language's own form or
// page.
func TestQuotedDatelines(t *testing.T) {
	cases := []struct{ line, lang, want string }{
		{"1 de diciembre de 2017 3:00 AM PST", "es", "2017-12-01 03:00"},
		{"1 de diciembre de 2017 3:00 AM PST", "de", "2017-12-01 03:00"},
		{"1º de dezembro de 2017", "en", "2017-12-01 00:00"},
		{"5 de out de 2021", "en", "2021-10-05 00:00"},
		{"1er décembre 2017", "de", "2017-12-01 00:00"},
		{"AFP 30 avril 2015 à 07:19", "fr", "2015-04-30 07:19"},
		{"1er mars 2019", "en", "2019-03-01 00:00"},
		{"1 mars 2019 à 15:20", "fr", "2019-03-01 15:20"},
		{"1° dicembre 2017", "it", "2017-12-01 00:00"},
		{"12 maggio 2020", "it", "2020-05-12 00:00"},
		{"1 december 2017", "nl", "2017-12-01 00:00"},
		{"3 maart 2020", "de", "2020-03-03 00:00"},
		{"mardi 5 juin 2018", "en", "2018-06-05 00:00"},
		{"13th January 2017", "en", "2017-01-13 00:00"},
		{"8. November 2024", "en", "2024-11-08 00:00"},
		// prose words that are months only in another language's form
		{"NASA's 10 Mars 2020 launches", "en", ""},
		{"Die 10 Mars 2020 Fotos", "de", ""},
		{"the 5th Mars 2020 update", "en", ""},
		{"Lego 3 set 2019", "en", ""},
		{"Top 4 out 2021", "en", ""},
		{"Gen 2 Gen 2020", "en", ""},
		{"10 mag 2019", "en", ""},
		{"Veronica Mars 3, 2019", "en", ""}, // month first: German and English names only
		{"Marco 5, 2021", "pt", ""},
		// a month's name with no language's form of a date
		{"3. mars 2019", "fr", ""},
		{"3rd diciembre 2017", "es", ""},
		{"1 de March de 2017", "en", ""},
		{"diciembre 1, 2017", "es", ""},
	}
	for _, c := range cases {
		got := ""
		if d, ok := findTextDate(c.line, c.lang); ok {
			got = d.t.Format("2006-01-02 15:04")
		}
		if got != c.want {
			t.Errorf("findTextDate(%q, %s) = %q, want %q", c.line, c.lang, got, c.want)
		}
	}
}

// TestCopyQuotedDateline: a dateline quoted in another language dates
// the article and leaves its text, as an English or German one does.
func TestCopyQuotedDateline(t *testing.T) {
	body := strings.Repeat("Twitter Lite estará disponible en Google Play Store en once países de América Latina a partir de hoy. ", 3) +
		"\n\n" + strings.Repeat("La aplicación minimiza el uso de datos y permite la carga de tuits de forma más rápida en redes lentas. ", 3) + "\n"
	for _, dateline := range []string{"1 de diciembre de 2017 3:00 AM PST", "1er décembre 2017 à 03:00", "1 dicembre 2017"} {
		text := "CNET\nNoticias\nCelulares\n\nTwitter Lite se estrena en 11 países de América Latina\n\nCésar Salza\n\n" + dateline + "\n\n" + body
		a, err := CleanText([]byte(text), "copy.txt")
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Published.Format(time.DateOnly); got != "2017-12-01" {
			t.Errorf("%q: date %q, want 2017-12-01", dateline, got)
		}
		if strings.Contains(a.Text(), dateline) {
			t.Errorf("%q stays in the text", dateline)
		}
	}
}
