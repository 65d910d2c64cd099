package storage

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// rankArticles are a small library of German and English news, imported in
// the order given (the last is the newest added), each published a day
// after the one before, unless the ranking says otherwise: so that a
// result in date order is never the ranked one by chance.
type rankArticle struct {
	key, title string
	text       []string
	lang       string
}

var rankArticles = []rankArticle{
	{"wirvolk", "Wir sind das Volk", []string{"Wir bleiben hier, riefen die Demonstranten am Abend vor dem Rathaus."}, "de"},
	{"sanktionen", "Regierung plant neue Sanktionen", []string{"Die Regierung in Berlin will die Sanktionen gegen Moskau verschärfen.", "Wir wissen noch nicht, wann das Kabinett darüber entscheidet."}, "de"},
	{"koalition", "Koalition streitet über den Haushalt", []string{"Der Regierungschef wird am Montag im Bundestag sprechen.", "Die Regierungen der Länder warten auf eine Antwort aus Berlin."}, "de"},
	{"wirtschaft", "Exporte brechen ein", []string{"Die Wirtschaftssanktionen treffen die Industrie hart.", "Es wird erwartet, dass die Exporte weiter sinken."}, "de"},
	{"bericht", "Bundesregierung legt Bericht vor", []string{"Nach Angaben der Bundesregierung hat sich die Lage entspannt.", "Die Regierung selbst äußerte sich am Dienstag nicht."}, "de"},
	{"kalterkrieg", "Ministerin besucht Kiew", []string{"Die Ministerin sprach vom Ende einer Epoche.", "Der Kalte Krieg sei endgültig vorbei, sagte sie in Kiew."}, "de"},
	{"winter", "Krieg und Frieden im Winter", []string{"Kalte Nächte stehen bevor, und der Krieg geht weiter.", "Hilfsorganisationen bitten um Spenden."}, "de"},
	{"govsanctions", "Government announces new sanctions", []string{"The government said on Tuesday that the sanctions would take effect next week.", "Officials expect little change at first."}, "en"},
	{"markets", "Markets fall as exporters worry", []string{"Investors weighed the government's plans for new sanctions.", "A government spokesman declined to comment on the sanctions regime."}, "en"},
}

func newRankLibrary(t *testing.T) (*Library, map[string]string) {
	t.Helper()
	l := newLibrary(t)
	ids := map[string]string{}
	day := time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)
	for i, a := range rankArticles {
		art := newArticle("https://example.org/"+a.key, a.title, a.text...)
		art.Lang = a.lang
		art.Published = day.AddDate(0, 0, i)
		ids[a.key] = importArticle(t, l, art)
	}
	return l, ids
}

// TestSearchRanks searches a small library of German and English news and
// checks the order: the word itself before longer words it begins, in the
// title before in the text, a quote as a phrase, equal matches newest
// first; and that reading every article (no index yet) ranks alike.
func TestSearchRanks(t *testing.T) {
	l, id := newRankLibrary(t)
	cases := []struct {
		query string
		want  []string // keys of rankArticles, best first
	}{
		// Three letters: the word only, never "wird"; the title first.
		{"Wir", []string{"wirvolk", "sanktionen"}},
		// The word in the title, the word in the text, then the longer
		// words it begins ("Regierungschef", "Regierungen"); not inside
		// "Bundesregierung" (only from six letters, and below the rest).
		{"Regierung", []string{"sanktionen", "bericht", "koalition"}},
		// From six letters, inside words too, last: "Wirtschaftssanktionen".
		{"Sanktionen", []string{"sanktionen", "wirtschaft"}},
		{"sanktion", []string{"sanktionen", "wirtschaft"}},
		{"Bundesregierung", []string{"bericht"}},
		// Equal matches: the newest first.
		{"wird", []string{"wirtschaft", "koalition"}},
		// A quote is a phrase: "Kalte Nächte … der Krieg" is not it.
		{`"Kalte Krieg"`, []string{"kalterkrieg"}},
		{`„kalte krieg“`, []string{"kalterkrieg"}},
		{"Kalte Krieg", []string{"winter", "kalterkrieg"}}, // both words, the title's "Krieg" first
		{`Krieg -"kalte Krieg"`, []string{"winter"}},
		{`"Krieg und Frieden"`, []string{"winter"}},
		{`"Frieden und Krieg"`, nil},
		// English: both words in the title, then in the text.
		{"government sanctions", []string{"govsanctions", "markets"}},
		// Both in the text only: a tie, the newest first.
		{"Berlin", []string{"koalition", "sanktionen"}},
		{"Ministerin Krieg", []string{"kalterkrieg"}}, // every word, anywhere
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			want := make([]string, 0, len(c.want))
			for _, k := range c.want {
				want = append(want, id[k])
			}
			q := SearchQuery{Text: c.query, Sort: SortRelevance}
			res, err := l.Search(q)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(res.IDs, want) {
				t.Errorf("Search(%q) = %v, want %v", c.query, keysOf(id, res.IDs), c.want)
			}
			if len(res.Scores) != len(res.IDs) || !slices.IsSortedFunc(res.Scores, func(a, b float64) int { return -cmpFloat(a, b) }) {
				t.Errorf("Search(%q): scores %v, not one per article, best first", c.query, res.Scores)
			}
			l.searchStale.Store(true)
			scanned, err := l.Search(q)
			l.searchStale.Store(false)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(scanned.IDs, res.IDs) || !slices.Equal(scanned.Scores, res.Scores) {
				t.Errorf("Search(%q): reading every article ranks %v %v, the index %v %v", c.query,
					keysOf(id, scanned.IDs), scanned.Scores, keysOf(id, res.IDs), res.Scores)
			}
		})
	}
	checkSearchIndex(t, l)
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func keysOf(id map[string]string, ids []string) []string {
	var out []string
	for _, v := range ids {
		for k, x := range id {
			if x == v {
				out = append(out, k)
			}
		}
	}
	return out
}

// TestPhraseIn checks the phrase matcher, whose plain-ASCII shortcut must
// split and fold words exactly as fold.Words does for the index.
func TestPhraseIn(t *testing.T) {
	long := strings.Repeat("x", maxWordBytes+10)
	cases := []struct {
		quote, text string
		want        bool
	}{
		{"kalter Krieg", "Der Kalte Krieg. Ein KALTER KRIEG!", true},
		{"kalter Krieg", "Kalter, Krieg", true}, // punctuation between words aside
		{"kalter Krieg", "kalter Winter, Krieg", false},
		{"Kälte Krieg", "„Kälte“-Krieg", true},
		{"kaelte krieg", "Kälte Krieg", true}, // the German spelling
		{"Straße Nord", "STRASSE nord", true},
		{"strasse nord", "Straße Nord", true},
		{"der der Bund", "der der der Bund", true},
		{"der Bund", "derBund der Bundesrat", false},
		{"Pjöngjang droht", "Pjöngjang\u00a0droht", true},
		{"東京 大学", "東京大学", true},                  // ideographs are words of one character
		{long + " Ende", long + "yy Ende", true}, // words cut at maxWordBytes
		{"über 2024", "Über 2024", true},
		{"a b", "", false},
	}
	for _, c := range cases {
		ps := phrasesOf(parseQuery(`"` + c.quote + `"`))
		if len(ps) != 1 {
			t.Fatalf("%q is not one phrase: %+v", c.quote, ps)
		}
		if got := ps[0].in(c.text); got != c.want {
			t.Errorf("%q in %q = %v, want %v", c.quote, c.text, got, c.want)
		}
	}
}
