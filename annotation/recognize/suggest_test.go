package recognize

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// seedArticle loads the seed fixture as an article (paragraphs split at
// blank lines, German).
func seedArticle(t testing.TB) *article.Article {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "discover", "seed", "input.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{Lang: "de"}
	for _, p := range strings.Split(string(b), "\n\n") {
		a.Blocks = append(a.Blocks, article.Block{Type: article.Paragraph, Text: p})
	}
	a.Normalize()
	return a
}

// paragraphWith returns the article block that contains s.
func paragraphWith(t testing.TB, a *article.Article, s string) string {
	t.Helper()
	for _, b := range a.Blocks {
		if strings.Contains(b.Text, s) {
			return b.Text
		}
	}
	t.Fatalf("no paragraph contains %q", s)
	return ""
}

// checkSuggestions asserts what every suggestion list must satisfy.
func checkSuggestions(t *testing.T, passage string, ss []Suggestion) {
	t.Helper()
	n := utf8.RuneCountInString(passage)
	group := func(s Suggestion) int {
		switch {
		case s.Actor.ID != "":
			return 0
		case s.Known:
			return 1
		}
		return 2
	}
	for i, s := range ss {
		if s.Actor.Name == "" || !s.Actor.Kind.Valid() || len(s.Spans) == 0 {
			t.Errorf("bad suggestion %+v", s)
		}
		for _, sp := range s.Spans {
			if sp[0] < 0 || sp[1] > n || sp[0] >= sp[1] {
				t.Errorf("%s: span %v outside the passage (%d code points)", s.Actor.Name, sp, n)
			}
		}
		if i > 0 && (group(ss[i-1]) > group(s) || ss[i-1].Score < s.Score) {
			t.Errorf("suggestions out of order at %d: %s (%.3f) after %s (%.3f)", i, s.Actor.Name, s.Score, ss[i-1].Actor.Name, ss[i-1].Score)
		}
	}
}

// spanText returns the passage text of a span.
func spanText(passage string, sp [2]int) string {
	r := []rune(passage)
	return string(r[sp[0]:sp[1]])
}

func TestSuggestSeedParagraph(t *testing.T) {
	art := seedArticle(t)
	passage := paragraphWith(t, art, "Die Beziehungen zwischen Peking und Pjöngjang")
	m := NewMatcher(nil)
	ss := m.Suggest(passage, art)
	checkSuggestions(t, passage, ss)
	by := map[string]Suggestion{}
	for _, s := range ss {
		by[s.Actor.Name] = s
		var texts []string
		for _, sp := range s.Spans {
			texts = append(texts, spanText(passage, sp))
		}
		t.Logf("%-35s %-12s known=%-5v %.3f %q", s.Actor.Name, s.Actor.Kind, s.Known, s.Score, texts)
	}
	want := []struct {
		name string
		kind annotation.Kind
		via  string // one span must read so
	}{
		{"China", annotation.KindState, "Peking"},
		{"Nordkorea", annotation.KindState, "Pjöngjang"},
		{"Russland", annotation.KindState, "Russland"},
		{"Südkorea", annotation.KindState, "südkoreanischen"},
		{"Yoon Young-kwan", annotation.KindPerson, "Yoon Young-kwan"},
		{"Asan Institute for Policy Studies", annotation.KindOrganisation, "Asan Institute for Policy Studies"},
		{"Ian Bremmer", annotation.KindPerson, "Ian Bremmer"},
		{"Eurasia Group", annotation.KindOrganisation, "Eurasia Group"},
	}
	for _, w := range want {
		s, ok := by[w.name]
		if !ok || s.Actor.Kind != w.kind {
			t.Errorf("missing %s (%s) in suggestions", w.name, w.kind)
			continue
		}
		found := false
		for _, sp := range s.Spans {
			if spanText(passage, sp) == w.via {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no span reads %q", w.name, w.via)
		}
	}
	if s := by["China"]; s.Key != "iso:CN" || s.Actor.Wikidata != "Q148" || !containsStr(s.Actor.Aliases, "Peking") {
		t.Errorf("China should carry its key, Wikidata id and aliases: %+v", s)
	}
	if len(ss) > 12 {
		t.Errorf("%d suggestions for one paragraph: too many to be useful", len(ss))
	}
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// A surname alone in the passage belongs to the full name the article
// introduced earlier.
func TestSuggestSurnameFromArticle(t *testing.T) {
	art := seedArticle(t)
	passage := paragraphWith(t, art, "Nach Bremmers Informationen")
	ss := NewMatcher(nil).Suggest(passage, art)
	checkSuggestions(t, passage, ss)
	for _, s := range ss {
		if s.Actor.Name == "Ian Bremmer" {
			if got := spanText(passage, s.Spans[0]); got != "Bremmers" {
				t.Errorf("Ian Bremmer span reads %q, want Bremmers", got)
			}
			return
		}
	}
	t.Errorf("Ian Bremmer not suggested for %q: %+v", passage, ss)
}

// The user's actors come first and win over built-in ones.
func TestSuggestLibraryFirst(t *testing.T) {
	user := []annotation.Actor{
		{ID: "01A", Name: "China", Kind: annotation.KindState, Aliases: []string{"Reich der Mitte"}},
		{ID: "01B", Name: "Stadtverwaltung Pjöngjang", Kind: annotation.KindOrganisation, Aliases: []string{"Pjöngjang"}},
		{ID: "01C", Name: "Eric Ballbach", Kind: annotation.KindPerson},
	}
	m := NewMatcher(user)
	passage := "Peking und Pjöngjang streiten, das Reich der Mitte schweigt, meint Ballbach. Nordkorea wartet."
	ss := m.Suggest(passage, &article.Article{Lang: "de"})
	checkSuggestions(t, passage, ss)
	if len(ss) < 4 {
		t.Fatalf("want 4 suggestions, got %+v", ss)
	}
	got := map[string]Suggestion{}
	for i, s := range ss {
		got[s.Actor.Name] = s
		if i < 3 && s.Actor.ID == "" {
			t.Errorf("library actors must come first, got %s at %d", s.Actor.Name, i)
		}
	}
	if c := got["China"]; c.Actor.ID != "01A" || len(c.Spans) != 2 {
		t.Errorf("library China should match Peking (built-in alias) and its own alias: %+v", c)
	}
	if p := got["Stadtverwaltung Pjöngjang"]; p.Actor.ID != "01B" {
		t.Errorf("the user's alias Pjöngjang must win over the built-in one: %+v", ss)
	}
	if b := got["Eric Ballbach"]; b.Actor.ID != "01C" {
		t.Errorf("a library person is found by surname: %+v", ss)
	}
	// A built-in actor picked into the library keeps matching like one.
	de := NewMatcher([]annotation.Actor{{ID: "01D", Name: "Deutschland", Kind: annotation.KindState, Aliases: []string{"deutsch", "Berlin"}}})
	if ss := de.Suggest("Die deutsche Seite schweigt, Berlin wartet. Man trifft sich in Berlin.", nil); len(ss) != 1 || ss[0].Actor.ID != "01D" || len(ss[0].Spans) != 2 {
		t.Errorf("library Deutschland with built-in aliases: %+v", ss)
	}
	if n := got["Nordkorea"]; n.Actor.ID != "" || !n.Known || len(n.Spans) != 1 {
		t.Errorf("Nordkorea should still be suggested as a built-in: %+v", n)
	}
}

func TestSuggestLanguage(t *testing.T) {
	m := NewMatcher(nil)
	ss := m.Suggest("North Korea and Pyongyang's ally Moscow.", &article.Article{Lang: "en"})
	if len(ss) != 2 || ss[0].Actor.Name != "North Korea" || ss[1].Actor.Name != "Russia" {
		t.Fatalf("want North Korea, Russia, got %+v", ss)
	}
	if !containsStr(ss[0].Actor.Aliases, "Nordkorea") {
		t.Errorf("the German name should be an alias: %v", ss[0].Actor.Aliases)
	}
	if len(ss[0].Spans) != 2 {
		t.Errorf("North Korea: want 2 spans, got %v", ss[0].Spans)
	}
	// German names that are English words match only in German.
	if ss := m.Suggest("He lives on Long Island.", &article.Article{Lang: "en"}); len(ss) != 0 {
		t.Errorf("Island is no state in English: %+v", ss)
	}
	if ss := m.Suggest("Island und Norwegen", &article.Article{Lang: "de"}); len(ss) != 2 || ss[0].Actor.Name != "Island" {
		t.Errorf("Island is Iceland in German: %+v", ss)
	}
	// No article: the language is guessed.
	ss = m.Suggest("Die Regierung in Seoul und die Nordkoreaner.", nil)
	if len(ss) != 1 || ss[0].Actor.Name != "Nordkorea" {
		t.Errorf("want Nordkorea only (Seoul is a place here), got %+v", ss)
	}
}

func TestLookup(t *testing.T) {
	m := NewMatcher([]annotation.Actor{{ID: "01A", Name: "Nordkorea-Team", Kind: annotation.KindGroup}})
	got := m.Lookup("nordk", "de", 5)
	if len(got) < 2 || got[0].Actor.ID != "01A" || got[1].Actor.Name != "Nordkorea" || got[1].Key != "iso:KP" {
		t.Fatalf("Lookup(nordk) = %+v", got)
	}
	if got := m.Lookup("Pjöngjang", "en", 0); len(got) != 1 || got[0].Actor.Name != "North Korea" {
		t.Errorf("Lookup by seat: %+v", got)
	}
	if got := m.Lookup("NATO", "de", 3); len(got) == 0 || got[0].Actor.Name != "NATO" || got[0].Actor.Kind != annotation.KindOrganisation {
		t.Errorf("Lookup(NATO) = %+v", got)
	}
	if got := m.Lookup("  ", "de", 3); got != nil {
		t.Errorf("empty query: %+v", got)
	}
}

func TestSuggestEmpty(t *testing.T) {
	m := NewMatcher(nil)
	for _, s := range []string{"", "   ", "\xff", "12 34"} {
		if ss := m.Suggest(s, nil); len(ss) != 0 {
			t.Errorf("Suggest(%q) = %+v", s, ss)
		}
	}
}

// benchKinds are the kinds of syntheticLibrary's actors in turn, fixed so
// that the benchmarks' library stays the same when annotation.Kinds is
// reordered (a library person also adds a surname to the trie).
var benchKinds = []annotation.Kind{annotation.KindState, annotation.KindPerson, annotation.KindOrganisation, annotation.KindGroup, annotation.KindOther}

// syntheticLibrary returns n actors with four aliases each.
func syntheticLibrary(n int) []annotation.Actor {
	out := make([]annotation.Actor, n)
	for i := range out {
		out[i] = annotation.Actor{
			ID:   fmt.Sprintf("%08d", i),
			Name: fmt.Sprintf("Akteur%d Beispielname", i),
			Kind: benchKinds[i%len(benchKinds)],
			Aliases: []string{
				fmt.Sprintf("Alias%d", i), fmt.Sprintf("Kurz%d", i),
				fmt.Sprintf("Institut %d für Studien", i), fmt.Sprintf("AK%d", i),
			},
		}
	}
	return out
}

// BenchmarkSuggestPassage: a 500-character passage of the seed against a
// library of 5,000 actors with 20,000 aliases, the article's discovery
// cached as in the picker.
func BenchmarkSuggestPassage(b *testing.B) {
	art := seedArticle(b)
	text := []rune(art.Text())
	start := strings.Index(string(text), "Die Beziehungen zwischen Peking")
	start = utf8.RuneCountInString(string(text)[:start])
	passage := string(text[start : start+500])
	m := NewMatcher(syntheticLibrary(5000))
	m.Suggest(passage, art)
	b.SetBytes(int64(len(passage)))
	b.ResetTimer()
	for b.Loop() {
		m.Suggest(passage, art)
	}
}

// BenchmarkSuggestPassageLongArticle: the same passage in a 3 MB article
// (the seed's blocks repeated), its discovery cached: what the picker pays
// on a book-length article once Prepare has run.
func BenchmarkSuggestPassageLongArticle(b *testing.B) {
	seed := seedArticle(b)
	text := seed.Text()
	art := &article.Article{Lang: seed.Lang}
	for range 3<<20/len(text) + 1 {
		art.Blocks = append(art.Blocks, seed.Blocks...)
	}
	start := utf8.RuneCountInString(text[:strings.Index(text, "Die Beziehungen zwischen Peking")])
	passage := string([]rune(text)[start : start+500])
	m := NewMatcher(syntheticLibrary(5000))
	m.Prepare(art)
	b.SetBytes(int64(len(passage)))
	b.ResetTimer()
	for b.Loop() {
		m.Suggest(passage, art)
	}
}

// BenchmarkNewMatcher measures building the matcher for that library.
func BenchmarkNewMatcher(b *testing.B) {
	lib := syntheticLibrary(5000)
	for b.Loop() {
		NewMatcher(lib)
	}
}

// BenchmarkNewMatcherBuiltin measures building the built-in knowledge alone.
func BenchmarkNewMatcherBuiltin(b *testing.B) {
	for b.Loop() {
		NewMatcher(nil)
	}
}

// BenchmarkDiscoverArticle: discovery on a 10,000-word article (the
// fixtures repeated).
func BenchmarkDiscoverArticle(b *testing.B) {
	var parts []string
	dirs, _ := filepath.Glob(filepath.Join("testdata", "discover", "*", "input.txt"))
	for _, d := range dirs {
		t, err := os.ReadFile(d)
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, string(t))
	}
	// Whole fixture articles, paragraphs kept, cut after the 10,000th word.
	var sb strings.Builder
	for i := 0; len(strings.Fields(sb.String())) < 10000; i++ {
		sb.WriteString(parts[i%len(parts)])
		sb.WriteString("\n\n")
	}
	text := sb.String()
	n, inWord := 0, false
	for i, r := range text {
		space := unicode.IsSpace(r)
		if !space && !inWord {
			if n == 10000 {
				text = text[:i]
				break
			}
			n++
		}
		inWord = !space
	}
	if got := len(strings.Fields(text)); got != 10000 {
		b.Fatalf("article has %d words, want 10000", got)
	}
	m := NewMatcher(nil)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		m.DiscoverLang(text, "de")
	}
}

func FuzzSuggest(f *testing.F) {
	f.Add("Die Beziehungen zwischen Peking und Pjöngjang seien schwierig, glaubt Yoon Young-kwan.")
	f.Add("U.S. and China's Xi; Kim Jong-un's US-Präsident Nordkorea-Experte Ballbachs")
	f.Add("„Eurasia Group“ (EG), Stiftung Wissenschaft und Politik (SWP) sagt SWP.")
	m := NewMatcher([]annotation.Actor{{ID: "x", Name: "Eric Ballbach", Kind: annotation.KindPerson, Aliases: []string{"E.B."}}})
	f.Fuzz(func(t *testing.T, s string) {
		n := utf8.RuneCountInString(s)
		for _, sg := range m.Suggest(s, nil) {
			for _, sp := range sg.Spans {
				if sp[0] < 0 || sp[1] > n || sp[0] >= sp[1] {
					t.Fatalf("span %v outside %d code points", sp, n)
				}
			}
		}
		for _, c := range m.Discover(s) {
			if c.FirstOffset < 0 || c.FirstOffset >= n || c.Count < 1 {
				t.Fatalf("bad candidate %+v for %d code points", c, n)
			}
		}
	})
}

// Suggest and Discover may run from several goroutines on one Matcher (the
// picker and a background discovery); run with -race.
func TestSuggestConcurrent(t *testing.T) {
	art := seedArticle(t)
	other := &article.Article{Lang: "en", Blocks: []article.Block{{Type: article.Paragraph, Text: "Ian Bremmer, president of Eurasia Group, said China's leaders worry."}}}
	passage := paragraphWith(t, art, "Nach Bremmers Informationen")
	m := NewMatcher(nil)
	done := make(chan []Suggestion)
	for i := 0; i < 8; i++ {
		go func(i int) {
			a := art
			if i%2 == 1 {
				a = other
			}
			var last []Suggestion
			for k := 0; k < 20; k++ {
				last = m.Suggest(passage, a)
				m.Discover(passage)
			}
			if i%2 == 1 {
				last = nil
			}
			done <- last
		}(i)
	}
	for i := 0; i < 8; i++ {
		if ss := <-done; ss != nil {
			checkSuggestions(t, passage, ss)
		}
	}
}

// A name that is also a common word ("Allianz") is suggested for a passage
// when the article confirms it, and not on its own.
func TestSuggestVagueNameFromArticle(t *testing.T) {
	a := &article.Article{Lang: "de"}
	for _, p := range []string{"Der Versicherer Allianz meldet einen Rekordgewinn.", "Die Allianz zahlt mehr Dividende als erwartet."} {
		a.Blocks = append(a.Blocks, article.Block{Type: article.Paragraph, Text: p})
	}
	a.Normalize()
	m := NewMatcher(nil)
	passage := "Die Allianz zahlt mehr Dividende als erwartet."
	has := func(ss []Suggestion) bool {
		for _, s := range ss {
			if s.Actor.Name == "Allianz" && s.Known && len(s.Spans) == 1 && spanText(passage, s.Spans[0]) == "Allianz" {
				return true
			}
		}
		return false
	}
	if ss := m.Suggest(passage, a); !has(ss) {
		t.Errorf("Allianz not suggested with the article that names the insurer: %+v", ss)
	}
	if ss := m.Suggest(passage, nil); has(ss) {
		t.Errorf("Allianz suggested without anything that confirms the company: %+v", ss)
	}
	// The user's own actor of that name needs no confirmation.
	lib := NewMatcher([]annotation.Actor{{ID: "01A", Name: "Allianz", Kind: annotation.KindOrganisation}})
	found := false
	for _, s := range lib.Suggest(passage, nil) {
		found = found || (s.Actor.ID == "01A" && len(s.Spans) == 1)
	}
	if !found {
		t.Errorf("library actor Allianz not suggested for %q", passage)
	}
}

// A Suggest that comes while Prepare still reads the same article gives
// what it gives without Prepare (it waits for that reading instead of
// doing its own).
func TestSuggestDuringPrepare(t *testing.T) {
	art := seedArticle(t)
	passage := paragraphWith(t, art, "Nach Bremmers Informationen")
	want := NewMatcher(nil).Suggest(passage, art)
	m := NewMatcher(nil)
	go m.Prepare(art)
	got := m.Suggest(passage, art)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Suggest during Prepare = %+v\nwant %+v", got, want)
	}
	checkSuggestions(t, passage, got)
}

// The names of an article are discovered in its first articleBytes: a
// person introduced there is found, one introduced only after them (in a
// page ten times the longest article) is not looked for; an article
// within the limit is read whole (the other tests).
func TestArticleDiscoveryReadsItsFirstMegabytes(t *testing.T) {
	filler := strings.Repeat("Die Gespräche dauerten bis in den Abend. ", 1000)
	art := &article.Article{Lang: "de", Blocks: []article.Block{{Text: "Der Politologe Ian Bremmer sagte am Montag in Berlin, die Lage sei ernst."}}}
	for n := 0; n <= articleBytes; n += len(filler) {
		art.Blocks = append(art.Blocks, article.Block{Text: filler})
	}
	art.Blocks = append(art.Blocks, article.Block{Text: "Der Politologe Karl Wendler sagte am Dienstag in Wien, die Lage sei ernst."})
	var names []string
	for _, f := range NewMatcher(nil).articleFound(art, "de") {
		names = append(names, f.Name)
	}
	got := strings.Join(names, "|")
	if !strings.Contains(got, "Ian Bremmer") || strings.Contains(got, "Wendler") {
		t.Errorf("names discovered in the long article: %s", got)
	}
	for _, tt := range []struct {
		text  string
		limit int
		want  string
	}{
		{"China und Russland", 18, "China und Russland"},
		{"China und Russland", 12, "China und"},
		{"Pjöngjang", 3, "Pj"},
	} {
		if got := articleHead(tt.text, tt.limit); got != tt.want {
			t.Errorf("articleHead(%q, %d) = %q, want %q", tt.text, tt.limit, got, tt.want)
		}
	}
}
