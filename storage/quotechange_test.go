package storage

import (
	"slices"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// TestReimportKeepsQuotedWords re-imports pages whose words change in
// and around a highlight. Whatever happens, the highlight keeps the words
// the reader highlighted, and one that now sits on other words is counted
// and named apart from the ones that only moved: a page that turned
// "Montag" into "Dienstag" under a highlight must not pass as "moved".
func TestReimportKeepsQuotedWords(t *testing.T) {
	const url = "https://example.org/termin"
	for _, tc := range []struct {
		name     string
		old, new []string
		quote    string
		nth      int // which occurrence of quote in old is highlighted
		// want: "changed" (on other words, reported), "moved" (same
		// words elsewhere), "kept" (same words, same place) or
		// "orphaned".
		want string
	}{
		{
			name:  "a word inside changes",
			old:   []string{"Die Außenminister treffen sich am Montag in Brüssel zu Gesprächen über Sanktionen."},
			new:   []string{"Die Außenminister treffen sich am Dienstag in Brüssel zu Gesprächen über Sanktionen."},
			quote: "treffen sich am Montag in Brüssel zu Gesprächen",
			want:  "changed",
		},
		{
			name:  "a word inside changes after a new paragraph",
			old:   []string{"Die Außenminister treffen sich am Montag in Brüssel zu Gesprächen über Sanktionen."},
			new:   []string{"Eilmeldung.", "Die Außenminister treffen sich am Dienstag in Brüssel zu Gesprächen über Sanktionen."},
			quote: "treffen sich am Montag in Brüssel zu Gesprächen",
			want:  "changed",
		},
		{
			name:  "the words beside it change",
			old:   []string{"Am Montag treffen sich die Außenminister in Brüssel zu Gesprächen über Sanktionen."},
			new:   []string{"Am Dienstag treffen sich die Außenminister in Brüssel zu Gesprächen über Sanktionen."},
			quote: "die Außenminister in Brüssel",
			want:  "moved",
		},
		{
			name:  "a word after it changes, same offsets",
			old:   []string{"Die Außenminister treffen sich in Brüssel am Montag."},
			new:   []string{"Die Außenminister treffen sich in Brüssel am Sonntag."},
			quote: "Die Außenminister treffen sich",
			want:  "kept",
		},
		{
			name: "the words appear twice, the highlighted ones change",
			old: []string{"Die Außenminister treffen sich am Montag in Brüssel.",
				"Später hieß es erneut: Die Außenminister treffen sich am Montag in Brüssel."},
			new: []string{"Die Außenminister treffen sich am Dienstag in Brüssel.",
				"Später hieß es erneut: Die Außenminister treffen sich am Montag in Brüssel."},
			quote: "Die Außenminister treffen sich am Montag in Brüssel",
			// The same words are still on the page: they are the passage.
			want: "moved",
		},
		{
			name: "the words appear twice, the other ones change",
			old: []string{"Die Außenminister treffen sich am Montag in Brüssel.",
				"Später hieß es erneut: Die Außenminister treffen sich am Montag in Brüssel."},
			new: []string{"Die Außenminister treffen sich am Montag in Brüssel.",
				"Später hieß es erneut: Die Außenminister treffen sich am Dienstag in Brüssel."},
			quote: "Die Außenminister treffen sich am Montag in Brüssel",
			want:  "kept",
		},
		{
			name:  "a short quote's word changes",
			old:   []string{"Die Außenminister treffen sich am Montag in Brüssel."},
			new:   []string{"Die Außenminister treffen sich am Dienstag in Brüssel."},
			quote: "am Montag",
			want:  "orphaned",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := newLibrary(t)
			// The rest of the page stays, so that it is the same article,
			// with a highlight of its own, so that one orphan is not most.
			a := newArticle(url, "Termin", append(tc.old, sampleParagraphs...)...)
			res, err := l.ImportArticle(a)
			if err != nil {
				t.Fatal(err)
			}
			h := highlightNth(t, l, res.ID, a, tc.quote, tc.nth)
			highlightNth(t, l, res.ID, a, sampleParagraphs[1], 0)
			edited := newArticle(url, "Termin", append(tc.new, sampleParagraphs...)...)
			r2, err := l.ImportArticle(edited)
			if err != nil {
				t.Fatal(err)
			}
			got, err := l.Highlight(h.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Quote.Exact != h.Quote.Exact {
				t.Fatalf("the quote became %q, want the words highlighted, %q", got.Quote.Exact, h.Quote.Exact)
			}
			text := []rune(edited.Text())
			under := string(text[got.Start:got.End])
			reported := slices.Contains(r2.QuoteChangedIDs, h.ID)
			// The promise, whatever the case: a placed highlight sits on
			// its words, or is reported as not.
			if got.Orphaned == "" && (under != got.Quote.Exact) != reported {
				t.Fatalf("highlight on %q (quote %q), reported as changed: %v (%+v)", under, got.Quote.Exact, reported, r2)
			}
			if !r2.Updated {
				t.Fatalf("the edited page became a new article: %+v", r2)
			}
			if reported != (r2.QuoteChanged == 1) || reported != strings.Contains(r2.Changes(), "1 highlight's quoted text changed") {
				t.Fatalf("counted %d, named %v, said %q", r2.QuoteChanged, r2.QuoteChangedIDs, r2.Changes())
			}
			state := quoteState(got, h, under, reported)
			t.Logf("%s: on %q, %s", state, under, r2.Changes())
			if tc.want != "" && state != tc.want {
				t.Fatalf("highlight %s on %q at [%d,%d), was [%d,%d): %s, want %s (%s)",
					got.ID, under, got.Start, got.End, h.Start, h.End, state, tc.want, r2.Changes())
			}
			if tc.want == "moved" && (r2.Moved == 0 || strings.Contains(r2.Changes(), "quoted text")) {
				t.Fatalf("a highlight on the same words: %+v, %q", r2, r2.Changes())
			}
			// The page changes again elsewhere (a paragraph before, so
			// the highlight moves): what the reader was told at the last
			// import is not news, and is not told again.
			later := newArticle(url, "Termin", append(append([]string{"Vorab: Der Termin steht."}, tc.new...), sampleParagraphs...)...)
			r3, err := l.ImportArticle(later)
			if err != nil {
				t.Fatal(err)
			}
			if !r3.Updated || slices.Contains(r3.QuoteChangedIDs, h.ID) || strings.Contains(r3.Changes(), "quoted text") {
				t.Fatalf("a later import that left the words alone: %+v, %q", r3, r3.Changes())
			}
			checkIndexes(t, l)
		})
	}
}

// quoteState names what a re-import did to h (now got, on the words
// under): see the table of TestReimportKeepsQuotedWords.
func quoteState(got, h annotation.Highlight, under string, reported bool) string {
	switch {
	case got.Orphaned != "":
		return "orphaned"
	case reported || under != got.Quote.Exact:
		return "changed"
	case got.Start != h.Start || got.End != h.End:
		return "moved"
	}
	return "kept"
}

// highlightNth highlights the nth occurrence (from 0) of passage in a.
func highlightNth(t *testing.T, l *Library, id string, a *article.Article, passage string, nth int) annotation.Highlight {
	t.Helper()
	text := a.Text()
	at := -1
	for i := 0; i <= nth; i++ {
		j := strings.Index(text[at+1:], passage)
		if j < 0 {
			t.Fatalf("%q occurs fewer than %d times", passage, nth+1)
		}
		at += 1 + j
	}
	s := len([]rune(text[:at]))
	h, err := l.AddHighlight(annotation.Highlight{ArticleID: id, Start: s, End: s + len([]rune(passage))})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// An orphan found again on changed words is found again and named as on
// changed words, and still quotes what the reader highlighted.
func TestOrphanFoundOnChangedWordsIsNamed(t *testing.T) {
	const url = "https://example.org/termin"
	passage := "Die Außenminister treffen sich am Montag in Brüssel zu Gesprächen über Sanktionen."
	l := newLibrary(t)
	a := newArticle(url, "Termin", append([]string{passage}, sampleParagraphs...)...)
	res, err := l.ImportArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	h := highlightNth(t, l, res.ID, a, "treffen sich am Montag in Brüssel zu Gesprächen", 0)
	highlightNth(t, l, res.ID, a, sampleParagraphs[1], 0)
	if r, err := l.ImportArticle(newArticle(url, "Termin", sampleParagraphs...)); err != nil || r.NewlyOrphaned != 1 {
		t.Fatalf("dropping the passage: %+v, %v", r, err)
	}
	changed := strings.Replace(passage, "Montag", "Dienstag", 1)
	r, err := l.ImportArticle(newArticle(url, "Termin", append([]string{changed}, sampleParagraphs...)...))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := l.Highlight(h.ID)
	if got.Orphaned != "" || r.Recovered != 1 || r.QuoteChanged != 1 || !slices.Equal(r.QuoteChangedIDs, []string{h.ID}) ||
		r.Reanchored != 2 || got.Quote.Exact != h.Quote.Exact { // the other highlight moved; this one counts once
		t.Fatalf("re-import %+v (%q), highlight %+v", r, r.Changes(), got)
	}
	if want := "1 found again"; !strings.Contains(r.Changes(), want) || !strings.Contains(r.Changes(), "1 highlight's quoted text changed") {
		t.Fatalf("Changes() = %q", r.Changes())
	}
}
