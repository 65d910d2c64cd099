package article

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// ZERO WIDTH JOINER and NON-JOINER are letters of the text in emoji
// sequences and in Persian, Arabic and Indic words (cleaning used to drop
// them: families fell apart, Persian words were misspelt); next to Latin
// letters, spaces or the ends they only steer ligatures and still go.
func TestCleanInlineJoiners(t *testing.T) {
	for in, want := range map[string]string{
		"Familie 👨\u200d👩\u200d👧 heute":        "Familie 👨\u200d👩\u200d👧 heute",
		"die Flagge 🏳\ufe0f\u200d🌈 weht":       "die Flagge 🏳\ufe0f\u200d🌈 weht",
		"👍🏽\u200d":                             "👍🏽",
		"می\u200cخواهم بروم":                   "می\u200cخواهم بروم",
		"क्\u200dष और र्\u200dय":               "क्\u200dष और र्\u200dय",
		"Auf\u200clage und Schiff\u200dfahrt":  "Auflage und Schifffahrt",
		"\u200dAnfang \u200c Mitte Ende\u200c": "Anfang Mitte Ende",
		"ی \u200cخ":                            "ی خ",
		"1\u200d2 (\u200d)":                    "12 ()",
		"Zero\u200bwidth\u2060space\ufeff":     "Zerowidthspace",
	} {
		got := CleanInline(in)
		if got != want {
			t.Errorf("CleanInline(%q) = %q, want %q", in, got, want)
		}
		if again := CleanInline(got); again != got {
			t.Errorf("CleanInline is not idempotent on %q: %q", got, again)
		}
		if isCleanInline(in) != (in == want) || !isCleanInline(got) {
			t.Errorf("isCleanInline(%q) = %v, isCleanInline(%q) = %v", in, isCleanInline(in), got, isCleanInline(got))
		}
	}
}

// The whole way from a page to the canonical text keeps them too.
func TestPageKeepsJoiners(t *testing.T) {
	body := "<p>Die Familie 👨\u200d👩\u200d👧\u200d👦 und die Regenbogenflagge 🏳\ufe0f\u200d🌈 standen auf dem Plakat, das die Demonstranten am Montag vor dem Rathaus zeigten.</p>" +
		"<p>Auf Persisch heißt es: «می\u200cخواهم», sagte die Sprecherin, und auf Hindi „क्\u200dष“ – so stand es auf den Schildern vor dem Rathaus der Stadt.</p>"
	page := "<html><head><title>Plakate</title></head><body><article>" + strings.Repeat(body, 3) + "</article></body></html>"
	a, err := LoadBytes([]byte(page), "page.html", "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"👨\u200d👩\u200d👧\u200d👦", "🏳\ufe0f\u200d🌈", "می\u200cخواهم", "क्\u200dष"} {
		if !strings.Contains(a.Text(), w) {
			t.Errorf("the cleaned text lost the joiner of %q:\n%s", w, a.Text())
		}
	}
}

// A page whose <title> or description is a megabyte gives a short title
// and teaser, cut at a word and marked with an ellipsis.
func TestHugeTitleTruncated(t *testing.T) {
	huge := strings.Repeat("Kreml droht Kiew mit neuen Angriffen 🇺🇦 ", 30000) // ~1 MB
	page := "<html><head><title>" + huge + "</title><meta name=description content=\"" + huge + "\"></head><body><article><h1>" + huge + "</h1>" +
		strings.Repeat("<p>Moskau hat am Montag erneut gedroht, sagte ein Sprecher des Kremls in einer langen Erklärung an die Presse.</p>", 6) +
		"</article></body></html>"
	a, err := LoadBytes([]byte(page), "page.html", "")
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]string{"title": a.Title, "description": a.Description} {
		n := utf8.RuneCountInString(s)
		if n == 0 || n > maxDescriptionRunes || !strings.HasSuffix(s, "…") || strings.HasSuffix(s, " …") {
			t.Errorf("%s: %d characters, ends %q", name, n, s[max(0, len(s)-40):])
		}
	}
	if n := utf8.RuneCountInString(a.Title); n > maxTitleRunes {
		t.Errorf("title: %d characters, limit %d", n, maxTitleRunes)
	}
}

func TestTruncateText(t *testing.T) {
	for _, tc := range []struct {
		in    string
		limit int
		want  string
	}{
		{"kurz", 10, "kurz"},
		{"genau zehn", 10, "genau zehn"},
		{"Seoul und Peking verhandeln", 20, "Seoul und Peking…"},
		{"Donaudampfschifffahrtsgesellschaft", 10, "Donaudamp…"},
		{"Flaggen 🇩🇪🇫🇷🇮🇹", 11, "Flaggen 🇩🇪…"},
		{"ab👨\u200d👩\u200d👧cd", 5, "ab…"},
	} {
		if got := truncateText(tc.in, tc.limit); got != tc.want {
			t.Errorf("truncateText(%q, %d) = %q, want %q", tc.in, tc.limit, got, tc.want)
		}
	}
}
