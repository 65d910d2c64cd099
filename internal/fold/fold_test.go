package fold

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestString(t *testing.T) {
	cases := map[string]string{
		"Pjöngjang":           "pjongjang",
		"STRASSE Straße":      "strasse strasse",
		"ẞ":                   "ss",
		"Élysée Café":         "elysee cafe",
		"Müller-Lüdenscheidt": "muller-ludenscheidt",
		"Łódź":                "łodz", // ł is a letter of its own, not l with an accent
		"ΑΘΗΝΑ Αθήνα":         "αθηνα αθηνα",
		"plain ascii":         "plain ascii",
		"e\u0301":             "e", // decomposed input folds alike
	}
	for in, want := range cases {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
	if got := German("Pjöngjang Übersee"); got != "pjoengjang uebersee" {
		t.Errorf("German = %q", got)
	}
	if got := Unumlaut("pjoengjang"); got != "pjongjang" {
		t.Errorf("Unumlaut = %q", got)
	}
}

func TestWords(t *testing.T) {
	cases := map[string][]string{
		"Nordkorea, Bremmer!":   {"nordkorea", "bremmer"},
		"Müller-Lüdenscheidt's": {"muller", "ludenscheidt", "s"},
		"G7 U.S. 2024":          {"g7", "u", "s", "2024"},
		"北京の天気":                 {"北", "京", "の", "天", "気"},
		"한국 정부":                 {String("한국"), String("정부")}, // as jamo, as a query folds too
		"  ":                    nil,
		"naïve\u00a0café":       {"naive", "cafe"},
	}
	for in, want := range cases {
		var got []string
		Words(in, func(w []byte, start, end int) {
			got = append(got, string(w))
			if String(in[start:end]) != string(w) && !strings.ContainsRune(in[start:end], '\u00ad') {
				t.Errorf("%q: word %q at [%d,%d) is %q there", in, w, start, end, in[start:end])
			}
		})
		if !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}

// reference is the folding as the picker first did it: the whole string
// decomposed, accents dropped, lower case.
func reference(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'ß' || r == 'ẞ':
			b.WriteString("ss")
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func FuzzString(f *testing.F) {
	for _, s := range []string{"Pjöngjang", "Straße", "Ærøskøbing", "ǅemal", "İstanbul", "e\u0301\u0323"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got, want := String(s), reference(s); got != want && norm.NFC.String(s) == s {
			t.Fatalf("String(%q) = %q, the whole-string folding gives %q", s, got, want)
		}
		Words(s, func(w []byte, start, end int) {
			if len(w) == 0 || start < 0 || end > len(s) || start >= end {
				t.Fatalf("Words(%q): word %q at [%d,%d)", s, w, start, end)
			}
		})
	})
}
