package article

import "testing"

// TestContinues: a line that starts in lower case carries on the line
// before it, unless that line ends a sentence or the next only says how
// long ago the article appeared or ends with a date (the dateline under a
// headline).
func TestContinues(t *testing.T) {
	cases := []struct {
		prev, next string
		want       bool
	}{
		{"Die FuelCell-Familie von New Balance nimmt mit dem", "neuen Modell ein schnelles Mitglied auf.", true},
		{"The minister said on Tuesday that", "talks would go on.", true},
		{"Die Firma wurde gegründet", "vor 4 Monaten in Berlin.", true},
		{"The talks ended.", "then they left.", false},
		{"Berlin", "vor allem", false},
		{"New Balance: FuelCell Echo bringt Speed", "vor 4 Monaten", false},
		{"Minister tritt nach Affäre zurück", "vor 2 Stunden", false},
		{"Wahl in Thüringen: die Ergebnisse", "gestern", false},
		{"Why steel makers are cutting jobs", "yesterday", false},
		{"Wurmkiste selber bauen", "selbst ist der Mann 22.02.2021", false}, // a dateline with a magazine's name
		{"Nach Unfall: Bernal kämpft um Karriere", "dpa am 25.01.2022", false},
		{"The company was founded", "on 5 March 2025 in Berlin by two friends.", true},
	}
	for _, c := range cases {
		if got := continues(c.prev, c.next); got != c.want {
			t.Errorf("continues(%q, %q) = %v, want %v", c.prev, c.next, got, c.want)
		}
	}
}

// TestCleanTextHeadlineAboveAge: a headline with the article's age on the
// next line ("vor 4 Monaten") is the title without it.
func TestCleanTextHeadlineAboveAge(t *testing.T) {
	const title = "New Balance: FuelCell Echo bringt Speed"
	in := title + "\nvor 4 Monaten\n\n" +
		"Die FuelCell-Familie von New Balance nimmt mit dem FuelCell Echo ein neues schnelles und stylisches Mitglied in seine Produktfamilie auf.\n\n" +
		"Der Schuh wiegt weniger als sein Vorgänger und soll vor allem auf kurzen, schnellen Läufen überzeugen, sagt der Hersteller.\n"
	a, err := CleanText([]byte(in), "age")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != title {
		t.Errorf("title %q, want %q", a.Title, title)
	}
}

// TestJoinWrappedKey: a joined line's fields are the joined text's, key
// included (the phrase lists and the title guess read the key), not its
// first line's.
func TestJoinWrappedKey(t *testing.T) {
	pc := newPageCopy("Text - Planung\nder Schreibstil\n\n" +
		"Beim Schreiben Ihrer Texte sollte Ihr erster Gedanke\nder Zielgruppe gelten, sagt die Autorin.\n")
	joined := 0
	for _, l := range pc.lines {
		if l.key != newPhraseKey(l.text) {
			t.Errorf("line %q has the key %+v of other text", l.text, l.key)
		}
		if l.words != countWords(l.text) || l.prose != isProse(l.text, l.words) {
			t.Errorf("line %q: words %d, prose %v are not its own", l.text, l.words, l.prose)
		}
		if l.text == "Text - Planung der Schreibstil" {
			joined++
		}
	}
	if joined != 1 {
		t.Errorf("lines %+v: the wrapped heading is not joined", pc.lines)
	}
}

// TestCountWords: words are runs of letters and digits, with the
// combining marks written in them (Indic vowel signs), and every two
// characters of a script without spaces.
func TestCountWords(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"Coast line goes electric", 4},
		{"Tabaksteuer-Modernisierungsgesetz 2021", 3},
		{"এমপির ভাইকে নিজ বাড়ির সামনেই কুপিয়ে হত্যা", 7}, // vowel signs are marks, inside the word
		{"नई दिल्ली में बारिश", 4},
		{"宇航员在太空中", 4},
	}
	for _, c := range cases {
		if got := countWords(c.text); got != c.want {
			t.Errorf("countWords(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}
