package article

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestBylineWordsList(t *testing.T) {
	bw, err := parseBylineWords(bylineWordsFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(bw.prefixes) == 0 || len(bw.roles) == 0 || len(bw.readTimes) == 0 || len(bw.follows) == 0 {
		t.Fatalf("a kind is empty: %d prefixes, %d roles, %d read times, %d follows", len(bw.prefixes), len(bw.roles), len(bw.readTimes), len(bw.follows))
	}
	for i := 1; i < len(bw.prefixes); i++ {
		if len(bw.prefixes[i]) > len(bw.prefixes[i-1]) {
			t.Errorf("prefix %q after the shorter %q: longest must come first", bw.prefixes[i], bw.prefixes[i-1])
		}
	}
	for _, bad := range []string{"prefix by", "nickname: Bob", "role:"} {
		if _, err := parseBylineWords(bad); err == nil {
			t.Errorf("parseBylineWords(%q) accepted a malformed line", bad)
		}
	}
}

func TestLeadingAuthors(t *testing.T) {
	cases := map[string][]string{
		"By Erin Cunningham March 18 at 3:57 PM Follow @erin":               {"Erin Cunningham"},
		"By Alex Heath, a deputy editor at the Verge":                       {"Alex Heath"},
		"By Lucy Akins eHow Contributor":                                    {"Lucy Akins"},
		"Von Anna Schmidt und Jonas Weber, 3. März 2025":                    {"Anna Schmidt", "Jonas Weber"},
		"By Alissa Wilkinson@alissamarie":                                   {"Alissa Wilkinson"},
		"Eine Analyse von Peter Meier":                                      {"Peter Meier"},
		"Anna Schmidt wrote this":                                           nil, // no prefix: not a byline start
		"By the time the vote came, nobody was left":                        nil,
		"By Senior Editor staff":                                            nil,
		"by: Cora Neas":                                                     {"Cora Neas"},          // a prefix with a colon
		"Von: Björn Jahner | 31.10.23":                                      {"Björn Jahner"},       // the same in German
		"Gepostet von Katharina Volkwein | Wohnen":                          {"Katharina Volkwein"}, // German as complete as English
		"Verfasst von Anna Schmidt":                                         {"Anna Schmidt"},
		"Story by Jane Doe":                                                 {"Jane Doe"},
		"By John E Smith And Anna Lee, Staff Writers":                       {"John E Smith", "Anna Lee"}, // a capital alone is an initial, not "e"
		"Gastbeitrag von Anna Schmidt":                                      {"Anna Schmidt"},
		"By Glen Owen And Brendan Carlin For The Mail On Sunday":            {"Glen Owen", "Brendan Carlin"}, // title case
		"Von Anna Schmidt Aus Berlin":                                       {"Anna Schmidt"},
		"Autor*in: Prof. Dr. Benjamin-Immanuel Hoff ist seit 2014 Minister": {"Benjamin-Immanuel Hoff"}, // titles are no part of the name
	}
	for in, want := range cases {
		if got := leadingAuthors(in); !slices.Equal(got, want) {
			t.Errorf("leadingAuthors(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBareAuthors(t *testing.T) {
	cases := map[string][]string{
		"Alex Perry 1 day ago":                                      {"Alex Perry"},
		"James Akinaka • 8h":                                        {"James Akinaka"},
		"Martina Frey vor 3 Stunden":                                {"Martina Frey"},
		"Jane Doe and John Roe":                                     {"Jane Doe", "John Roe"},
		"Most Read Stories 2 days ago":                              {"Most Read Stories"}, // names alone look alike: company decides
		"The council met 2 days ago":                                nil,
		"Devindra Hardawar, @devindra":                              {"Devindra Hardawar"},                     // a handle beside the name
		"Markus M. Haefliger, London, Beat Bumbacher":               {"Markus M. Haefliger", "Beat Bumbacher"}, // a place between
		"Jane Doe, Reuters":                                         {"Jane Doe"},
		"Sarah Hinger, Staff Attorney, ACLU Racial Justice Program": {"Sarah Hinger"}, // the role after the name
		"Berlin, Senior Editor":                                     nil,
		"London, Jane Doe":                                          nil, // a list that opens with a place
		"Politik, Wirtschaft, Kultur":                               nil,
	}
	for in, want := range cases {
		if got := bareAuthors(in); !slices.Equal(got, want) {
			t.Errorf("bareAuthors(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCopyBylineCompany: a line of names is a byline when a date, a time,
// a role, a reading time or a follow button stands beside it; the same
// names among menu lines are not, and a "By" line above the title counts.
func TestCopyBylineCompany(t *testing.T) {
	body := strings.Repeat("The council voted on Monday to spend more on buses, after a long debate that lasted into the night and split both parties. ", 3)
	cases := []struct {
		name, header string
		want         []string
	}{
		{"role", "Council backs the new bus plan after a long night\nSophie Clarke\nTransport Correspondent\n", []string{"Sophie Clarke"}},
		{"follow", "Council backs the new bus plan after a long night\nSophie Clarke\nFollow\n", []string{"Sophie Clarke"}},
		{"read time", "Council backs the new bus plan after a long night\nSophie Clarke\n6 min read\n", []string{"Sophie Clarke"}},
		{"date", "Council backs the new bus plan after a long night\nSophie Clarke\n19 June 2025\n", []string{"Sophie Clarke"}},
		{"above title", "By Sophie Clarke\nCouncil backs the new bus plan after a long night\n", []string{"Sophie Clarke"}},
		{"no company", "Council backs the new bus plan after a long night\nSophie Clarke\nTransport Policy\n", nil},
		{"date past a bar", "Council backs the new bus plan after a long night\nSophie Clarke\n|\n19 June 2025\n", []string{"Sophie Clarke"}},
		{"the role after the name on its line", "Council backs the new bus plan after a long night\nSophie Clarke, Transport Correspondent, Coast Courier\n", []string{"Sophie Clarke"}},
		{"a link to the author's articles", "Council backs the new bus plan after a long night\nSophie Clarke\nSearch for this author in:\n", []string{"Sophie Clarke"}},
		{"follow with a mark", "Council backs the new bus plan after a long night\nSophie Clarke\n+ FOLLOW\n", []string{"Sophie Clarke"}},
		{"prefix closing the line above", "Council backs the new bus plan after a long night\nVerkehr Von\nSophie Clarke\n", []string{"Sophie Clarke"}},
		{"label above", "Council backs the new bus plan after a long night\nAutor*in\nSophie Clarke\n", []string{"Sophie Clarke"}},
		{"sponsor above", "Council backs the new bus plan after a long night\nPowered by\nSophie Clarke\n", nil},
		{"time since on the line", "Council backs the new bus plan after a long night\nSophie Clarke 2 hours ago\n", []string{"Sophie Clarke"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := "Home\nNews\nSport\n\n" + c.header + "\n" + body + "\n\n" + body + "\n"
			a, err := CleanText([]byte(in), c.name)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(a.Authors, c.want) {
				t.Errorf("authors %q, want %q", a.Authors, c.want)
			}
			if strings.Contains(a.Text(), "Sophie Clarke") && c.want != nil {
				t.Errorf("the byline stayed in the text:\n%s", a.Text())
			}
		})
	}
}

// TestPersonsOnly: a line of capitalised words without "By" names people
// only if the copy does not use its words as ordinary words.
func TestPersonsOnly(t *testing.T) {
	prose := "Keine Partei hat das bisher erklärt, und keine Antwort kam vor Mittwoch. Click here to read more. " +
		"Ursula von der Leyen sprach von der Kommission. Ben is on Twitter at ben_silverman, and Kate Link wrote it once as a link."
	cases := []struct {
		line string
		want bool
	}{
		{"Jane Doe", true},
		{"Keine Kommentare", false},           // "keine" is an ordinary word of the copy
		{"Kate Link", true},                   // a surname written once in lower case is still a surname
		{"Ursula von der Leyen", true},        // particles are lower case in names
		{"Ben Silverman", true},               // a handle is not a use of the word
		{"Wien Mittwoch", false},              // a place and a weekday
		{"Paid Content", false},               // a label (bylinewords.txt notname)
		{"Von Keine Kommentare", true},        // after "Von" the line says it is a byline
		{"Keine Kommentare, Jane Doe", false}, // one ordinary name spoils the line
		{"Mark Di Stefano", true},             // "Di" abbreviates Dienstag, and is a name too
		{"Anna Dienstag", false},              // a weekday's full name is none
	}
	pc := newPageCopy(prose + "\n")
	for _, c := range cases {
		names := bareAuthors(c.line)
		if strings.HasPrefix(c.line, "Von ") {
			names = leadingAuthors(c.line)
		}
		if names == nil {
			t.Fatalf("%q reads as no names at all", c.line)
		}
		if got := pc.personsOnly(names, c.line) != nil; got != c.want {
			t.Errorf("personsOnly(%q) kept %v, want %v", c.line, got, c.want)
		}
	}
}

// TestGluedBylinePrefix: a copy that glued "By" to the name still gives
// the name.
func TestGluedBylinePrefix(t *testing.T) {
	for line, want := range map[string]string{"ByAlex Bozarjian": "Alex Bozarjian", "VonAnna Schmidt": "Anna Schmidt", "Byron Smith": "Byron Smith"} {
		if got := bareAuthors(line); len(got) != 1 || got[0] != want {
			t.Errorf("bareAuthors(%q) = %q, want %q", line, got, want)
		}
	}
}

// TestCopyFarByline: a byline the header does not reach is the article's
// when it is the nearest to the body's start and reads as a byline.
func TestCopyFarByline(t *testing.T) {
	menu := "Politics\nBusiness\nCulture\nSport\nScience\nTravel\nCars\nTech\n"
	head := "\nCoast line goes electric next spring\n\n"
	body := strings.Repeat("The regional railway will run electric trains on the coast line from next spring, the operator said on Monday. ", 3) +
		"\n\n" + strings.Repeat("Electric trains on the coast line need new overhead wires, which the operator has been building for two years. ", 3) + "\n\n"
	cases := []struct{ name, text, want string }{
		{"byline above the menu", "Coast Courier\nBy Jane Doe\n" + menu + menu + head + body, "Jane Doe"},
		{"a blog's signature below", head + body + "Posted by Jane Doe at 12:06 PM\nNo comments\n", "Jane Doe"},
		{"dateline with a name above", "Coast Courier\n19.6.2024 9:40 Uhr Jane Doe 71 Kommentare\n" + menu + menu + head + body, "Jane Doe"},
		{"a quoted tweet in the body", head + body + body + "— Shay Friedman (@ironshay) August 22, 2013\n\n" + body, ""},
		{"a comment below", head + body + "Comments\nBen Miller 12.12.2022\nI see it differently.\n", ""},
		{"ordinary words after By", "Coast Courier\nBy Electric Trains\n" + menu + menu + head + body, ""},
		{"initials only", "Coast Courier\nBy R. R\n" + menu + menu + head + body, ""},
		{"a photo credit", "Coast Courier\nPhoto by Jane Doe\n" + menu + menu + head + body, ""},
		{"names beside a date above the menu", "Coast Courier\nJane Doe\n19 June 2025\n" + menu + head + body, "Jane Doe"},
		{"names in a list of dated headlines", "Coast Courier\n18 June 2025\nJane Doe\n19 June 2025\n" + menu + head + body, ""},
		{"a commit in two cases beside a date", "Coast Courier\nCreate LICENSE\n19 June 2025\n" + menu + head + body, ""},
		{"an author's box under a label", head + body + "Geschrieben von\nJane Doe\nShare\n" + menu + "Autor*in\nJane Doe\n", "Jane Doe"},
		{"the same names without a label", head + body + "Jane Doe\nShare\n" + menu + "Jane Doe\n", ""},
		{"names beside a date above a title far from the body", "Coast Courier\n" + menu + "Jane Doe\n19 June 2025\n0 comments\nTransport\nCoast line goes electric next spring\n" + menu + menu + menu + menu + body, "Jane Doe"},
		{"a byline among the first paragraphs", head + body + body + "By Jane Doe\n\n" + body, "Jane Doe"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := CleanText([]byte(c.text), c.name)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(a.Authors, ", "); got != c.want {
				t.Errorf("authors %q, want %q", got, c.want)
			}
			if c.want != "" && strings.Contains(a.Text(), c.want) {
				t.Errorf("the byline stayed in the text:\n%s", a.Text())
			}
		})
	}
}

// TestMayEndInRelativeTime checks that the pre-check never skips a line
// the expression would change: every form, in both cases, with the
// separators and white space \s matches.
func TestMayEndInRelativeTime(t *testing.T) {
	for _, line := range []string{
		"James Akinaka • 8h", "Alex Perry 1 day ago", "Anna Muster vor 2 Stunden",
		"Anna Muster · 5 min", "Anna Muster 5min", "Anna Muster | 3 Std.", "Jane Doe yesterday",
		"Max Mustermann gestern", "ALEX PERRY 12 DAYS AGO ", "Anna\tMuster\t–\t2\tStunden\tago\r",
		"Anna Muster VOR 10 MINUTEN  ", "Jane Doe 4 d", "Jane Doe 4\fm",
	} {
		if !relativeTimeRe.MatchString(line) {
			t.Errorf("%q: the expression does not match; the case is wrong", line)
		}
		if !mayEndInRelativeTime(line) {
			t.Errorf("mayEndInRelativeTime(%q) = false, but the expression matches", line)
		}
	}
	for _, line := range []string{"Jane Doe", "7 Tipps für den Garten von Anna Muster", "Jane Doe, Reporter"} {
		if mayEndInRelativeTime(line) {
			t.Errorf("mayEndInRelativeTime(%q) = true, want false", line)
		}
	}
}

// TestMayEndInRelativeTimeCovers builds lines from the pieces of relative
// times, in every case and with every white space \s matches, and checks
// that the pre-check says yes wherever the expression matches.
func TestMayEndInRelativeTimeCovers(t *testing.T) {
	pieces := []string{"Jane", "5", "12", "h", "H", "m", "D", "min", "MIN", "std", "Std.", "ſtd", "ago", "AGO",
		"vor", "VOR", "days", "x_1", "yesterday", "Yeſterday", "GESTERN", "geſtern", "•", "-", "|", "(", ".", "é"}
	seps := []string{" ", "", "\t", "  ", "\r\n", "\u00a0"}
	rng := rand.New(rand.NewPCG(1, 2))
	matched := 0
	for range 200000 {
		var b strings.Builder
		for n := 1 + rng.IntN(5); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		line := b.String()
		if relativeTimeRe.MatchString(line) {
			matched++
			if !mayEndInRelativeTime(line) {
				t.Fatalf("mayEndInRelativeTime(%q) = false, but the expression matches", line)
			}
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d generated lines match: the pieces no longer exercise the expression", matched)
	}
}

// TestDatelineAuthors: what a date line holds besides the date gives its
// author once the words that go with a date are gone, or after a byline
// prefix inside it; a sentence or a credit does not.
func TestDatelineAuthors(t *testing.T) {
	cases := []struct {
		rest string
		want []string
	}{
		{"Martin Benninghoff, Martin Kölling", []string{"Martin Benninghoff", "Martin Kölling"}},
		{"um 16:14 Uhr - Markus Reuter - 91 Ergänzungen", []string{"Markus Reuter"}},    // a time and a count
		{"Ulrike Stockhausen Schreibe einen Kommentar", []string{"Ulrike Stockhausen"}}, // a link to the comments
		{"Jane Doe Leave a comment", []string{"Jane Doe"}},
		{"Sarah Gooding 13", []string{"Sarah Gooding"}},                // a bare comment count
		{"Julia Steinhoff /", []string{"Julia Steinhoff"}},             // a separator
		{"Evgenia Karp Zuletzt geändert am", []string{"Evgenia Karp"}}, // what the date is
		{"Joe Wee Monday, @ 11:10 PM UTC", []string{"Joe Wee"}},        // a time's PM
		{"Tech Industry by Steven Musil", []string{"Steven Musil"}},    // "by" after a rubric
		{"Le Monde | à 13h36 | Par Martin Untersinger (avec Damien Leloup)", []string{"Martin Untersinger"}},
		{"Bern, - Rede von Moritz Leuenberger beim SP-Städtegipfel, Basel", nil}, // a sentence goes on
		{"Photo by Jane Doe", nil},     // a credit
		{"Bild von Anna Schmidt", nil}, // the same in German
		{"| Umwelt & Klima", nil},      // a rubric
		{"3 Kommentare", nil},
	}
	for _, c := range cases {
		if got := datelineAuthors(c.rest); !slices.Equal(got, c.want) {
			t.Errorf("datelineAuthors(%q) = %q, want %q", c.rest, got, c.want)
		}
	}
}

// TestAllRoleWords: a line of job titles, or a short one ending in one
// after the outlet's name, stands by a byline; a section's name does not.
func TestAllRoleWords(t *testing.T) {
	for line, want := range map[string]bool{
		"games editor":                true,
		"ehow contributor":            true,
		"senior staff writer":         true,
		"buzzfeed news reporter":      true, // an outlet of two words, then the role
		"latest news":                 false,
		"news":                        false,
		"transport policy":            false,
		"the new york times reporter": false, // too long for a role line
	} {
		if got := allRoleWords(line); got != want {
			t.Errorf("allRoleWords(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestLabelsByline: a line that heads the author's name on the next line
// is a label or a byline prefix closing it, not a credit's or a control's.
func TestLabelsByline(t *testing.T) {
	for line, want := range map[string]bool{
		"Von":                          true,
		"Disko Von":                    true,
		"Written on Mar 17 by":         true,
		"Geschrieben von":              true,
		"Autor*in":                     true,
		"Über den Autor/ die Autorin":  true,
		"About the author":             true,
		"By :":                         true,
		"Foto von":                     false, // a picture's credit
		"Powered by":                   false, // a sponsor
		"Sort by":                      false, // a control
		"Nearby":                       false, // "by" inside a word
		"Die Rede hielt der Präsident": false,
	} {
		l := copyLine{text: line, words: countWords(line)}
		if got := labelsByline(&l); got != want {
			t.Errorf("labelsByline(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestLooksLikeName: capitalised words make a name unless one is a
// possessive or a word that ties names to an outlet.
func TestLooksLikeName(t *testing.T) {
	for name, want := range map[string]bool{
		"Jane Doe":                         true,
		"Ursula von der Leyen":             true,
		"Sadhbh O'Sullivan":                true,
		"Phranc’s Queer Cardboard Fashion": false, // a possessive: a headline's
		"Anna Schmidt Aus Berlin":          false,
		"Back To The Future":               false,
		"Letters To The Editor":            false,
	} {
		if got := looksLikeName(name); got != want {
			t.Errorf("looksLikeName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestOneCase: a name is written in title case or in capitals throughout.
func TestOneCase(t *testing.T) {
	for name, want := range map[string]bool{
		"Jane Doe":                            true,
		"NATALIYA VASILYEVA":                  true,
		"LOGAN C. RITCHIE":                    true,
		"Ursula von der Leyen":                true,
		"FINA Weltmeisterschaften VERSCHOBEN": false,
		"Create LICENSE":                      false,
	} {
		if got := oneCase(name); got != want {
			t.Errorf("oneCase(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestCutBylinePrefix: every listed prefix opens a byline in any case,
// and a word that only begins like one does not.
func TestCutBylinePrefix(t *testing.T) {
	for _, p := range bylineWordsList().prefixes {
		for _, form := range []string{p, strings.ToUpper(p), strings.ToUpper(p[:1]) + p[1:]} {
			if rest, ok := cutBylinePrefix(form + "Jane Doe"); !ok || rest != "Jane Doe" {
				t.Errorf("cutBylinePrefix(%q) = %q, %v", form+"Jane Doe", rest, ok)
			}
		}
	}
	for _, line := range []string{"", "Byron Smith", "Vonnegut wrote it", "Textile news"} {
		if _, ok := cutBylinePrefix(line); ok {
			t.Errorf("cutBylinePrefix(%q) found a prefix", line)
		}
	}
}
