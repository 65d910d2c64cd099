package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/internal/testkit"
)

// minPagecopyF1 is the floor for CleanText's mean F1 on the corpus's
// pagecopy.txt files, set a little under the measured result (0.908 on
// 2026-11-27; the goal of issue 2 is 0.90). minSubsetPagecopyF1 is the
// same for the subset in testdata (0.884 when it was chosen).
const (
	minPagecopyF1       = 0.905
	minSubsetPagecopyF1 = 0.875
)

// TestCleanTextPagecopyCorpus scores CleanText on every pagecopy.txt (the
// page as a browser's select-all copy) against the text of expected.html,
// with extractbench's bag-of-words F1 over the title and the article text.
// PAGECOPY_DUMP=dir writes each prediction there for inspection.
func TestCleanTextPagecopyCorpus(t *testing.T) {
	scorePagecopies(t, loadCorpus(t), cleanCopyOnly, minPagecopyF1)
}

// TestCleanTextPagecopySubset is TestCleanTextPagecopyCorpus on the subset
// in testdata, which runs in every clone.
func TestCleanTextPagecopySubset(t *testing.T) {
	scorePagecopies(t, loadSubset(t), cleanCopyOnly, minSubsetPagecopyF1)
}

// scorePagecopies fails t when the mean F1 of clean over the pages'
// copies is below floor.
func scorePagecopies(t *testing.T, pages []corpusPage, clean copyCleaner, floor float64) {
	type score struct {
		name    string
		p, r, f float64
	}
	var scores []score
	var sp, sr, sf float64
	dump := os.Getenv("PAGECOPY_DUMP")
	for _, pg := range pages {
		pred := ""
		if a, err := clean(pg.copy, pg.html, pg.name+"/pagecopy.txt"); err == nil {
			pred = a.Title + "\n\n" + a.Text()
		} else {
			t.Logf("%s: %v", pg.name, err)
		}
		if dump != "" {
			os.WriteFile(dump+"/"+pg.name+".txt", []byte(pred), 0o644)
			os.WriteFile(dump+"/"+pg.name+".truth", []byte(pg.truth), 0o644)
		}
		p, r, f := prf(pg.truth, pred)
		scores = append(scores, score{pg.name, p, r, f})
		sp, sr, sf = sp+p, sr+r, sf+f
	}
	n := float64(len(pages))
	t.Logf("%d pages: mean P %.3f R %.3f F1 %.3f", len(pages), sp/n, sr/n, sf/n)
	sort.Slice(scores, func(i, j int) bool {
		return scores[i].f < scores[j].f || scores[i].f == scores[j].f && scores[i].name < scores[j].name
	})
	shown := 15
	if os.Getenv("PAGECOPY_ALL") != "" {
		shown = len(scores)
	}
	for _, s := range scores[:min(shown, len(scores))] {
		t.Logf("  %-40s P %.3f R %.3f F1 %.3f", s.name, s.p, s.r, s.f)
	}
	if sf/n < floor {
		t.Errorf("mean F1 %.3f is below the floor %.3f", sf/n, floor)
	}
}

// TestCleanTextShow prints the cleaned article of the file in $SHOWTEXT as
// JSON (a tool for tuning, skipped otherwise).
func TestCleanTextShow(t *testing.T) {
	f := os.Getenv("SHOWTEXT")
	if f == "" {
		t.Skip("set SHOWTEXT=file to print its cleaned article")
	}
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	a, err := CleanText(data, f)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.MarshalIndent(a, "", " ")
	os.Stdout.Write(b)
}

// TestCleanTextFixtures cleans every testdata/text/<case>/input.txt and
// compares the article with want.json (testkit.Golden; regenerate with
// go test ./article -run TestCleanTextFixtures -update).
func TestCleanTextFixtures(t *testing.T) {
	dirs, err := filepath.Glob("testdata/text/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures under testdata/text: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join(dir, "input.txt"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := CleanText(in, "input.txt")
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			testkit.Golden(t, filepath.Join("text", filepath.Base(dir), "want.json"), got)
		})
	}
}

// TestCleanTextFixtureFacts states, independently of the golden files, what
// each fixture must yield, so that -update cannot bless a wrong article.
func TestCleanTextFixtureFacts(t *testing.T) {
	type facts struct {
		title, kicker, lang string
		authors             []string
		published           string // RFC 3339, "" for none
		descPrefix          string
		first, last         string // first and last block text prefixes
		headings            []string
		mustNot             []string // substrings absent from the canonical text
	}
	cases := map[string]facts{
		"en-news-byline": {
			title: "Baltic states weigh a shared air defence as budgets tighten", kicker: "Analysis", lang: "en",
			authors: []string{"Jane Doe", "Tomas Kalnins"}, published: "2024-11-12T09:15:00-05:00",
			descPrefix: "Estonia, Latvia and Lithuania are close",
			first:      "The three Baltic governments", last: "If the letter is signed",
			headings: []string{"Why now", "Who commands the missiles?"},
			mustNot:  []string{"cookies", "Advertisement", "Related topics", "Photograph", "Share", "Most read", "newsletter", "Nato\n\nEstonia", "Ten towns"},
		},
		"de-regionalzeitung": {
			title: "Stadtrat beschließt neues Konzept für den Nahverkehr", kicker: "Politik", lang: "de",
			authors: []string{"Anna Schmidt"}, published: "2025-03-03T17:45:00+01:00",
			descPrefix: "Nach monatelangem Streit",
			first:      "Der Stadtrat hat am Montagabend", last: "Die ersten Linien sollen",
			headings: []string{"Streit um die Finanzierung", "Wie geht es weiter?"},
			mustNot:  []string{"Cookies", "Lesen Sie auch", "Anzeige", "Bild:", "Mehr zum Thema", "Kommentare", "Impressum", "Artikel anhören", "Parkgebühren: So teuer"},
		},
		"en-glued-kicker": {
			title: "Why small cities should stop chasing stadiums", kicker: "Commentary", lang: "en",
			authors: []string{"Priya Raman"}, published: "2025-03-05T00:00:00Z",
			descPrefix: "Public money for sports arenas",
			first:      "When the council of a mid-sized city", last: "None of that makes for",
			headings: []string{"What the numbers say", "A better bet"},
			mustNot:  []string{"Share this article", "Listen", "Advertisement", "Getty", "Read more", "Five towns", "kitchen gadget", "Privacy"},
		},
		"en-snippet": {
			lang: "en", first: "The ministry said", last: "Industry groups welcomed",
		},
		"de-latin1": {
			title: "Strompreise sinken erstmals seit drei Jahren", lang: "de",
			authors: []string{"Jonas Müller"}, published: "2025-02-12T09:30:00+01:00",
			first: "Die Großhandelspreise für Strom", last: "Auch die Gaspreise sind gesunken",
			mustNot: []string{"Teilen", "Mehr zum Thema", "Wärmepumpe", "Impressum", "\uFFFD"},
		},
	}
	for name, f := range cases {
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("testdata/text", name, "input.txt"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := CleanText(in, name)
			if err != nil {
				t.Fatal(err)
			}
			checkFacts(t, a, f.title, f.kicker, f.lang, f.authors, f.published, f.descPrefix, f.first, f.last, f.headings, f.mustNot)
		})
	}
}

// checkFacts compares an article with the facts a test expects of it.
func checkFacts(t *testing.T, a *Article, title, kicker, lang string, authors []string, published, descPrefix, first, last string, headings, mustNot []string) {
	t.Helper()
	if a.Title != title {
		t.Errorf("title %q, want %q", a.Title, title)
	}
	if a.Kicker != kicker {
		t.Errorf("kicker %q, want %q", a.Kicker, kicker)
	}
	if a.Lang != lang {
		t.Errorf("lang %q, want %q", a.Lang, lang)
	}
	if !slices.Equal(a.Authors, authors) && (len(a.Authors) > 0 || len(authors) > 0) {
		t.Errorf("authors %q, want %q", a.Authors, authors)
	}
	gotPub := ""
	if !a.Published.IsZero() {
		gotPub = a.Published.Format(time.RFC3339)
	}
	if gotPub != published {
		t.Errorf("published %q, want %q", gotPub, published)
	}
	if !strings.HasPrefix(a.Description, descPrefix) || descPrefix == "" && a.Description != "" {
		t.Errorf("description %q, want it to start with %q", a.Description, descPrefix)
	}
	if len(a.Blocks) == 0 {
		t.Fatal("no blocks")
	}
	body := a.Blocks
	if a.Description != "" {
		// The standfirst begins the text, then the body follows.
		if body[0].Text != a.Description {
			t.Errorf("first block %q, want the standfirst %q", body[0].Text, a.Description)
		}
		body = body[1:]
	}
	if len(body) == 0 || !strings.HasPrefix(body[0].Text, first) {
		t.Errorf("first body block %v, want it to start with %q", body[:min(1, len(body))], first)
	}
	if l := a.Blocks[len(a.Blocks)-1].Text; !strings.HasPrefix(l, last) {
		t.Errorf("last block %q, want it to start with %q", l, last)
	}
	var hs []string
	for _, b := range a.Blocks {
		if b.Type == Heading {
			hs = append(hs, b.Text)
		}
	}
	if !slices.Equal(hs, headings) && (len(hs) > 0 || len(headings) > 0) {
		t.Errorf("headings %q, want %q", hs, headings)
	}
	text := a.Text()
	for _, m := range mustNot {
		if strings.Contains(text, m) {
			t.Errorf("text contains %q, which is not article text", m)
		}
	}
}

// seedPath is the user's sample page copy in the shared folder.
const seedPath = "../../shared/seeds/000_dcb08cbd2e7ce4f1.txt"

// TestCleanTextSeed checks the user's sample as issue 2 describes it.
func TestCleanTextSeed(t *testing.T) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("seed not available (%v); it lives in ../shared next to the repository", err)
	}
	a, err := CleanText(data, "seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkFacts(t, a,
		"Annäherung von Russland und Nordkorea bietet Chance für den Westen", "Geopolitik", "de",
		[]string{"Martin Benninghoff", "Martin Kölling"}, "2024-11-08T12:22:00+01:00",
		"Nordkoreas Entsendung von Soldaten für Russlands Ukraine-Krieg irritiert China. Das öffnet eine kleine Chance für Diplomatie – die noch vor kurzem kaum denkbar schien.",
		"Shanghai, Tokio. Nordkorea versteht es seit Jahrzehnten", "Auch Trumps Nordkorea-Politik ist unklar.",
		[]string{
			"Nordkorea drängt China an den Rand",
			"Annäherung zwischen den USA und China wäre wichtig, aber schwierig",
			"China und Nordkorea: Keine bedingungslose Treue",
			"„Derisking à la Nordkorea“",
			"Wie stehen die Chancen für eine Kooperation mit Peking?",
		},
		[]string{"Startseite", "Artikel anhören", "Foto:", "Verwandte Themen", "Mehr zum Thema", "Unsere Partner", "Anzeige", "Homeday", "remind.me", "Wladimir Putin\n", "Am 19. Juni unterzeichneten", "Südkoreaner schauen im Fernsehen"})
	if a.Description != "Nordkoreas Entsendung von Soldaten für Russlands Ukraine-Krieg irritiert China. Das öffnet eine kleine Chance für Diplomatie – die noch vor kurzem kaum denkbar schien." {
		t.Errorf("description %q", a.Description)
	}
	// The standfirst, then every body paragraph of the page, in order: 25
	// paragraphs and 5 headings, including the two after the "Verwandte
	// Themen" box.
	paras := 0
	for _, b := range a.Blocks {
		if b.Type == Paragraph {
			paras++
		}
	}
	if paras != 26 || len(a.Blocks) != 31 {
		t.Errorf("%d paragraphs in %d blocks, want 26 in 31", paras, len(a.Blocks))
	}
	text := a.Text()
	for _, want := range []string{"Trump hatte den Handelskrieg gegenüber China angestoßen", "bleibt abzuwarten."} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if !strings.HasSuffix(text, "bleibt abzuwarten.") {
		t.Errorf("text ends with %q", text[max(0, len(text)-40):])
	}
}

// TestCleanTextBadInput: every kind of bad input gives a one-line error
// that names the source, never a panic.
func TestCleanTextBadInput(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 3}, 100)...)
	menu := []byte("Home\nNews\nSport\nWeather\nSign in\nSubscribe\nPrivacy Policy\nTerms of Use\nContact Us\n")
	cookies := []byte("We use cookies to improve your experience.\nAccept all\nReject all\nManage preferences\nHome\nNews\nSport\n")
	cases := []struct {
		name   string
		data   []byte
		noText bool
		want   string
	}{
		{"empty.txt", nil, true, "empty"},
		{"blank.txt", []byte(" \n\t\n  \n"), true, "empty"},
		{"image.png", png, false, "binary"},
		{"huge.txt", bytes.Repeat([]byte("word "), MaxTextBytes/5+1), false, "too large"},
		{"menu.txt", menu, true, "no article text"},
		{"cookies.txt", cookies, true, "no article text"},
		{"punctuation.txt", []byte("-- ** ## -- !!\n...\n"), true, "no article text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := CleanText(c.data, c.name)
			if err == nil {
				t.Fatalf("no error, got article %q", a.Text())
			}
			msg := err.Error()
			if !strings.Contains(msg, c.name) || !strings.Contains(msg, c.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q should be one line naming %s and saying %q", msg, c.name, c.want)
			}
			if c.name == "huge.txt" && !errors.Is(err, ErrTooLarge) {
				t.Errorf("errors.Is(err, ErrTooLarge) = false for %q", msg)
			}
			if errors.Is(err, ErrNoText) != c.noText {
				t.Errorf("errors.Is(err, ErrNoText) = %v, want %v", errors.Is(err, ErrNoText), c.noText)
			}
		})
	}
}

// TestCleanTextEncodings: invalid UTF-8 is repaired, Latin-1 and UTF-16
// are decoded, and the result is always valid UTF-8.
func TestCleanTextEncodings(t *testing.T) {
	para := "Die Regierung hat am Montag neue Regeln für den Handel mit Stahl beschlossen, die ab Januar gelten sollen."
	utf16 := []byte{0xff, 0xfe}
	for _, r := range para {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"latin1", []byte("Die Regierung hat am Montag neue Regeln f\xfcr den Handel mit Stahl beschlossen, die ab Januar gelten sollen."), para},
		{"utf16", utf16, para},
		{"bom", append([]byte("\xef\xbb\xbf"), para...), para},
		{"latin1-with-valid-pair", []byte("Die Regierung hat am Montag neue Regeln f\xfcr den Handel mit Stahl beschlossen: \x84Gru\xdf\x93 an die H\xe4ndler, sagte der Minister."), "Die Regierung hat am Montag neue Regeln für den Handel mit Stahl beschlossen: „Gruß“ an die Händler, sagte der Minister."},
		{"broken-utf8", []byte("Gr\xc3\xbc\xc3e aus M\xc3\xbcnchen: Die Regierung hat am Montag neue Regeln beschlossen, die ab Januar gelten."), "Grü\uFFFDe aus München: Die Regierung hat am Montag neue Regeln beschlossen, die ab Januar gelten."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := CleanText(c.data, c.name)
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Text(); got != c.want {
				t.Errorf("text %q, want %q", got, c.want)
			}
		})
	}
}

// TestCleanTextDeterministic: the same input gives the same bytes.
func TestCleanTextDeterministic(t *testing.T) {
	in, err := os.ReadFile("testdata/text/en-news-byline/input.txt")
	if err != nil {
		t.Fatal(err)
	}
	var first []byte
	for i := 0; i < 5; i++ {
		a, err := CleanText(in, "x")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(a)
		if i == 0 {
			first = b
		} else if !bytes.Equal(first, b) {
			t.Fatal("output differs between runs")
		}
	}
}

// TestCleanTextGluedKicker: a rubric glued to the headline is split off
// when it is a known rubric or a plain word that never recurs, and a
// camel-case name that recurs in the text is left whole.
func TestCleanTextGluedKicker(t *testing.T) {
	body := "\n\nThe company said on Tuesday that it would cut four thousand jobs at its steel plants over the next three years, citing weak demand.\n\nUnions called the plan a betrayal and announced protests in Duisburg for next week, while the government asked for talks.\n"
	cases := []struct{ in, title, kicker string }{
		{"EconomyWhy steel makers are cutting jobs again" + body, "Why steel makers are cutting jobs again", "Economy"},
		{"IndustriepolitikSteel makers are cutting jobs again" + body, "Steel makers are cutting jobs again", "Industriepolitik"},
		{"ThyssenKrupp cuts four thousand steel jobs" + body + "\nThyssenKrupp shares fell by four percent in Frankfurt after the announcement on Tuesday morning.\n", "ThyssenKrupp cuts four thousand steel jobs", ""},
		{"PowerPoint-Folien zeigen den Plan der Regierung" + body, "PowerPoint-Folien zeigen den Plan der Regierung", ""},
	}
	for _, c := range cases {
		a, err := CleanText([]byte(c.in), "glued")
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != c.title || a.Kicker != c.kicker {
			t.Errorf("title %q kicker %q, want %q and %q", a.Title, a.Kicker, c.title, c.kicker)
		}
	}
}

func TestSplitGluedSentences(t *testing.T) {
	cases := map[string][]string{
		"…kaum denkbar schien.Martin Benninghoff, Martin Kölling": {"…kaum denkbar schien.", "Martin Benninghoff, Martin Kölling"},
		"The U.S. Army and the E.U. said so.":                     {"The U.S. Army and the E.U. said so."},
		"Node.js and z.B. stay whole.":                            {"Node.js and z.B. stay whole."},
		"He said „no.“Then he left.":                              {"He said „no.“", "Then he left."},
	}
	for in, want := range cases {
		if got := splitGluedSentences(in); !slices.Equal(got, want) {
			t.Errorf("splitGluedSentences(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFindTextDate(t *testing.T) {
	cases := []struct{ line, lang, want string }{
		{"Martin Benninghoff 08.11.2024 - 12:22 Uhr", "de", "2024-11-08T12:22:00+01:00"},
		{"Stand: 14.07.2024, 08:05 Uhr", "de", "2024-07-14T08:05:00+02:00"},
		{"8. November 2024", "de", "2024-11-08T00:00:00+01:00"},
		{"November 12, 2024 at 9:15 a.m. EST", "en", "2024-11-12T09:15:00-05:00"},
		{"Thu 3 Jan 2019 02.00 EST", "en", "2019-01-03T02:00:00-05:00"},
		{"Sept. 25, 2018", "en", "2018-09-25T00:00:00Z"},
		{"2017-03-10 09:58", "", "2017-03-10T09:58:00Z"},
		{"Published 2:30 p.m. March 3, 2025", "en", "2025-03-03T00:00:00Z"},
	}
	for _, c := range cases {
		d, ok := findTextDate(c.line, c.lang)
		got := ""
		if ok {
			got = d.t.Format(time.RFC3339)
		}
		if got != c.want {
			t.Errorf("findTextDate(%q) = %q, want %q", c.line, got, c.want)
		}
	}
	for _, no := range []string{"31.02.2024", "Version 5.3 of 1Password", "3 hours ago", "Room 12:99"} {
		if d, ok := findTextDate(no, "en"); ok {
			t.Errorf("findTextDate(%q) found %v", no, d.t)
		}
	}
}

func TestParseAuthors(t *testing.T) {
	cases := map[string][]string{
		"By Jane Doe and John Roe":                                          {"Jane Doe", "John Roe"},
		"Von Martin Benninghoff":                                            {"Martin Benninghoff"},
		"Martin Benninghoff, Martin Kölling":                                {"Martin Benninghoff", "Martin Kölling"},
		"by Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)": {"Eleanor Ainge Roy", "Adrian Malloch"},
		"Ursula von der Leyen":                                              {"Ursula von der Leyen"},
		"The minister said it was good":                                     nil,
		"Politik":                                                           nil,
		"Like Loading...":                                                   nil,
		"By Jane Doe, CNN":                                                  {"Jane Doe"},
		"By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech": {"Daniel Kahn Gillmor"},
		"Jane Doe, Senior Editor": nil,
		"By J.R. Smith":           {"J.R. Smith"},
	}
	for in, want := range cases {
		if got := parseAuthors(in); !slices.Equal(got, want) {
			t.Errorf("parseAuthors(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBoilerplateLists(t *testing.T) {
	de, en := boilerplateFor("de"), boilerplateFor("en")
	if de.Lang != "de" || en.Lang != "en" || boilerplateFor("fr").Lang != "en" {
		t.Fatal("wrong lists chosen")
	}
	for _, l := range []string{"Artikel anhören", "  Anzeige ", "Unsere Partner"} {
		if !de.IsLine(l) {
			t.Errorf("de: %q should be a droppable line", l)
		}
	}
	if !de.IsSection("Verwandte Themen") || !en.IsSection("Related topics") {
		t.Error("section openers not recognised")
	}
	if !en.IsEnd("941 comments") || !de.IsEnd("Kommentare (12)") {
		t.Error("number-insensitive tail markers not recognised")
	}
	if !de.HasPrefix("Foto: dpa") || de.CreditAt("Ein Bild. Foto: AP") < 0 || de.CreditAt("Das Foto: ein Bild") >= 0 {
		t.Error("credits not recognised")
	}
	if got, ok := de.TrimSuffix("08.11.2024 - 12:22 Uhr Artikel anhören"); !ok || got != "08.11.2024 - 12:22 Uhr" {
		t.Errorf("TrimSuffix = %q, %v", got, ok)
	}
	if en.Contains("His comments on the cookies of the bakery were widely shared by readers.", 13) {
		t.Error("a prose sentence mentioning cookies must stay")
	}
	if _, err := parseBoilerplate("xx", "nonsense line\n"); err == nil {
		t.Error("a malformed list must be an error")
	}
	if _, err := parseBoilerplate("xx", "colour: red\n"); err == nil {
		t.Error("an unknown kind must be an error")
	}
}

// FuzzCleanText: never a panic, always valid UTF-8, block offsets that add
// up to the canonical text, deterministic output.
func FuzzCleanText(f *testing.F) {
	if dirs, _ := filepath.Glob("testdata/text/*/input.txt"); len(dirs) > 0 {
		for _, d := range dirs {
			if b, err := os.ReadFile(d); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("GeopolitikAnnäherung von Russland\n\nTeaser schien.Martin Benninghoff 08.11.2024 - 12:22 Uhr Artikel anhören\nVerwandte Themen\nChina\n"))
	f.Add([]byte("\xff\xfe\x00"))
	f.Add([]byte("Sch\xf6ne Gr\xfc\xdfe aus K\xf6ln, \x84Gru\xdf\x93 und D\xc3\xbcsseldorf \xe2\x80"))
	f.Add([]byte("3/50 Slide\n12:30\n<div>\n+ item one two three\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := CleanText(data, "fuzz")
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error %q", err)
			}
			return
		}
		text := a.Text()
		for _, s := range []string{text, a.Title, a.Kicker, a.Description, a.Site} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 %q", s)
			}
		}
		if len(a.Blocks) == 0 {
			t.Fatal("article without blocks")
		}
		starts := a.BlockStarts()
		runes := []rune(text)
		for i, b := range a.Blocks {
			n := utf8.RuneCountInString(b.Text)
			if b.Text == "" || starts[i]+n > len(runes) || string(runes[starts[i]:starts[i]+n]) != b.Text {
				t.Fatalf("block %d is not at offset %d of the text", i, starts[i])
			}
		}
		b, _ := CleanText(data, "fuzz")
		if b.Text() != text || b.Title != a.Title {
			t.Fatal("not deterministic")
		}
	})
}

// BenchmarkCleanText cleans every pagecopy.txt of the corpus; MB/s is of
// page-copy text.
func BenchmarkCleanText(b *testing.B) {
	pages := loadCorpus(b)
	var total int64
	for _, p := range pages {
		total += int64(len(p.copy))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			CleanText(p.copy, p.name)
		}
	}
}

// TestCleanTextLargeInputs runs shapes that would be slow with quadratic
// work per line or per character (a hang would show as a test timeout;
// no timing is asserted).
func TestCleanTextLargeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs in -short mode")
	}
	const size = 4 << 20
	sentence := "the minister said on monday that the plan would go ahead as agreed and "
	inputs := map[string][]byte{
		"wrapped-lines": bytes.Repeat([]byte("lower case line that continues\n"), size/31),
		"one-line":      bytes.Repeat([]byte(sentence), size/len(sentence)),
		"credits":       bytes.Repeat([]byte("A caption. Foto: dpa. "), size/22),
		"short-lines":   bytes.Repeat([]byte("Home\nNews\n\n"), size/11),
		"paragraphs":    bytes.Repeat([]byte("The minister said on Monday that the plan would go ahead as agreed and that the money was there.\n\n"), size/100),
		"glued":         bytes.Repeat([]byte("word.Word "), size/10),
		"dated-line":    bytes.Repeat([]byte("On 12.03.2024 at 10:00, by Jane Doe, November 3, 2024. "), size/56),
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			a, err := CleanText(in, name)
			if err == nil && !utf8.ValidString(a.Text()) {
				t.Fatal("invalid UTF-8")
			}
		})
	}
}
