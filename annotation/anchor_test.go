package annotation

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// quoteOf makes the quote a highlight of the first (or nth) occurrence of
// passage in text would store, with its offsets.
func quoteOf(t *testing.T, text, passage string, nth int) (int, int, TextQuote) {
	t.Helper()
	r := []rune(text)
	occ := NewAnchorer(text).occurrences(passage)
	if len(occ) <= nth {
		t.Fatalf("%q occurs %d times in the old text, want occurrence %d", passage, len(occ), nth)
	}
	s := occ[nth]
	e := s + utf8.RuneCountInString(passage)
	return s, e, QuoteAt(r, s, e)
}

func TestQuoteAt(t *testing.T) {
	text := []rune(strings.Repeat("a", 40) + "Kim Jong Un" + strings.Repeat("ö", 40))
	q := QuoteAt(text, 40, 51)
	if q.Exact != "Kim Jong Un" || q.Prefix != strings.Repeat("a", 32) || q.Suffix != strings.Repeat("ö", 32) {
		t.Fatalf("QuoteAt = %+v", q)
	}
	q = QuoteAt(text, -5, 3)
	if q.Exact != "aaa" || q.Prefix != "" {
		t.Fatalf("clamped QuoteAt = %+v", q)
	}
	if q := QuoteAt(text, 91, 200); q.Exact != "" || q.Suffix != "" {
		t.Fatalf("out of range QuoteAt = %+v", q)
	}
}

const oldText = "Nordkorea hat erneut Raketen getestet.\n\n" +
	"Machthaber Kim Jong Un sagte, man werde sich von niemandem einschüchtern lassen.\n\n" +
	"Russland und China verhinderten im Sicherheitsrat neue Sanktionen gegen Pjöngjang.\n\n" +
	"Die USA kritisierten das Vorgehen scharf. Die USA kündigten Konsequenzen an."

func TestAnchorEdits(t *testing.T) {
	tests := []struct {
		name    string
		passage string
		nth     int
		newText string
		method  AnchorMethod
		want    string // the text the highlight covers afterwards ("" for orphans)
		wantNth int    // which occurrence of want in newText
	}{
		{
			name: "unchanged", passage: "Kim Jong Un sagte", newText: oldText,
			method: AnchorPosition, want: "Kim Jong Un sagte",
		},
		{
			name: "words inserted before", passage: "man werde sich von niemandem einschüchtern lassen",
			newText: strings.Replace(oldText, "Nordkorea hat", "Das weithin isolierte Nordkorea hat am Montag", 1),
			method:  AnchorExact, want: "man werde sich von niemandem einschüchtern lassen",
		},
		{
			name: "words inserted right before the passage", passage: "verhinderten im Sicherheitsrat neue Sanktionen",
			newText: strings.Replace(oldText, "Russland und China verhinderten", "Russland und China, wie erwartet, verhinderten", 1),
			method:  AnchorExact, want: "verhinderten im Sicherheitsrat neue Sanktionen",
		},
		{
			name: "passage began the text, a kicker added", passage: "Nordkorea hat erneut",
			newText: "Eilmeldung: " + oldText,
			method:  AnchorExact, want: "Nordkorea hat erneut",
		},
		{
			name: "everything before the passage removed", passage: "Machthaber Kim Jong Un sagte",
			newText: strings.TrimPrefix(oldText, "Nordkorea hat erneut Raketen getestet.\n\n"),
			method:  AnchorExact, want: "Machthaber Kim Jong Un sagte",
		},
		{
			name: "word inserted inside", passage: "man werde sich von niemandem einschüchtern lassen",
			newText: strings.Replace(oldText, "von niemandem", "von absolut niemandem", 1),
			method:  AnchorFuzzy, want: "man werde sich von absolut niemandem einschüchtern lassen",
		},
		{
			name: "typo fixed inside", passage: "im Sicherheitsrat neue Sanktionen gegen",
			newText: strings.Replace(oldText, "Sicherheitsrat", "UN-Sicherheitsrat", 1),
			method:  AnchorFuzzy, want: "im UN-Sicherheitsrat neue Sanktionen gegen",
		},
		{
			name: "passage deleted", passage: "Russland und China verhinderten im Sicherheitsrat neue Sanktionen gegen Pjöngjang.",
			newText: strings.Replace(oldText, "Russland und China verhinderten im Sicherheitsrat neue Sanktionen gegen Pjöngjang.\n\n", "", 1),
			method:  AnchorOrphaned,
		},
		{
			name: "short passage deleted while the word stays elsewhere", passage: "Pjöngjang",
			newText: strings.Replace(oldText, "gegen Pjöngjang", "gegen das Land", 1) + "\n\nPjöngjang schwieg zunächst zu allen Berichten.",
			method:  AnchorOrphaned,
		},
		{
			name: "second of two copies, text inserted before both", passage: "Die USA", nth: 1,
			newText: strings.Replace(oldText, "Nordkorea hat", "Wie Agenturen berichten, hat Nordkorea", 1),
			method:  AnchorExact, want: "Die USA", wantNth: 1,
		},
		{
			name: "second of two copies, first copy removed", passage: "Die USA", nth: 1,
			newText: strings.Replace(oldText, "Die USA kritisierten das Vorgehen scharf. ", "", 1),
			method:  AnchorExact, want: "Die USA", wantNth: 0,
		},
		{
			name: "passage repeated elsewhere before it", passage: "Machthaber Kim Jong Un sagte, man werde sich von niemandem einschüchtern lassen.",
			newText: "Machthaber Kim Jong Un sagte, man werde sich von niemandem einschüchtern lassen. So zitierte ihn schon 2017 die Presse.\n\n" + oldText,
			method:  AnchorExact, want: "Machthaber Kim Jong Un sagte, man werde sich von niemandem einschüchtern lassen.", wantNth: 1,
		},
		{
			name: "passage deleted but repeated elsewhere in other surroundings", passage: "sich von niemandem einschüchtern lassen",
			newText: strings.Replace(oldText, "Machthaber Kim Jong Un sagte, man werde sich von niemandem einschüchtern lassen.\n\n", "", 1) +
				"\n\nEin Kommentator schrieb, Europa solle sich von niemandem einschüchtern lassen, auch nicht von Moskau.",
			method: AnchorOrphaned,
		},
		{
			name: "rewritten sentence", passage: "Die USA kritisierten das Vorgehen scharf.",
			newText: strings.Replace(oldText, "Die USA kritisierten das Vorgehen scharf.", "Washington äußerte sich zurückhaltend.", 1),
			method:  AnchorOrphaned,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, e, q := quoteOf(t, oldText, tc.passage, tc.nth)
			got := Anchor(tc.newText, s, e, q)
			if got.Method != tc.method {
				t.Fatalf("method %q (orphaned: %q, at [%d,%d) %q), want %q", got.Method, got.Orphaned, got.Start, got.End,
					string([]rune(tc.newText)[max(0, got.Start):min(len([]rune(tc.newText)), max(got.Start, got.End))]), tc.method)
			}
			if tc.method == AnchorOrphaned {
				if got.Orphaned == "" || got.Reason == "" || OrphanReasonOf(got.Orphaned) != got.Reason {
					t.Fatalf("orphan reason %q, message %q: want a reason whose message this is", got.Reason, got.Orphaned)
				}
				if got.Start != s || got.End != e {
					t.Fatalf("orphan moved to [%d,%d), want its old [%d,%d)", got.Start, got.End, s, e)
				}
				return
			}
			ws, we, _ := quoteOf(t, tc.newText, tc.want, tc.wantNth)
			if got.Start != ws || got.End != we {
				t.Fatalf("anchored at [%d,%d) %q, want [%d,%d) %q", got.Start, got.End,
					string([]rune(tc.newText)[got.Start:got.End]), ws, we, tc.want)
			}
		})
	}
}

func TestReanchorUpdatesHighlight(t *testing.T) {
	s, e, q := quoteOf(t, oldText, "Kim Jong Un", 0)
	h := Highlight{ID: "h", Start: s, End: e, Quote: q}
	newText := "Eilmeldung.\n\n" + oldText
	a := NewAnchorer(newText)
	got, m := a.Reanchor(h)
	if m != AnchorExact || got.Orphaned != "" || got.Start != s+13 || got.Quote.Exact != "Kim Jong Un" || got.Quote.Prefix != q.Prefix {
		t.Fatalf("Reanchor = %+v via %q", got, m)
	}
	// An orphan comes back when its passage reappears.
	h.Orphaned = "earlier reason"
	got, m = a.Reanchor(h)
	if m == AnchorOrphaned || got.Orphaned != "" {
		t.Fatalf("orphan not restored: %+v", got)
	}
	gone, m := NewAnchorer("Etwas ganz anderes.").Reanchor(h)
	if m != AnchorOrphaned || gone.Orphaned == "" || gone.Start != s || gone.Quote != q {
		t.Fatalf("orphan = %+v via %q", gone, m)
	}
}

func TestAnchorDegenerate(t *testing.T) {
	for _, tc := range []struct {
		text       string
		start, end int
		q          TextQuote
	}{
		{"", 0, 0, TextQuote{}},
		{"abc", 0, 3, TextQuote{Exact: "abcdef"}},
		{"abc", -7, 99, TextQuote{Exact: "b"}},
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 3, 13, TextQuote{Exact: "aaaaaaaaab"}},
		{"\xff\xfe broken", 0, 2, TextQuote{Exact: "\xff"}},
	} {
		got := Anchor(tc.text, tc.start, tc.end, tc.q)
		checkAnchoring(t, tc.text, tc.q, got)
	}
}

// checkAnchoring asserts the invariants every result keeps.
func checkAnchoring(t *testing.T, text string, q TextQuote, got Anchoring) {
	t.Helper()
	n := utf8.RuneCountInString(strings.ToValidUTF8(text, "\uFFFD"))
	if got.Method == AnchorOrphaned {
		if got.Orphaned == "" {
			t.Fatalf("orphan without reason: %+v", got)
		}
		return
	}
	if got.Start < 0 || got.End > n || got.Start >= got.End {
		t.Fatalf("range [%d,%d) outside text of %d code points", got.Start, got.End, n)
	}
	found := string([]rune(strings.ToValidUTF8(text, "\uFFFD"))[got.Start:got.End])
	if (got.Method == AnchorPosition || got.Method == AnchorExact) && found != strings.ToValidUTF8(q.Exact, "\uFFFD") {
		t.Fatalf("%s match covers %q, want %q", got.Method, found, q.Exact)
	}
	if got.Method == AnchorFuzzy && (got.Score < fuzzyWithContext || utf8.RuneCountInString(q.Exact) < minFuzzyLen) {
		t.Fatalf("fuzzy match below the bar: %+v", got)
	}
}

func FuzzAnchor(f *testing.F) {
	f.Add(oldText, strings.Replace(oldText, "von niemandem", "von absolut niemandem", 1), 60, 100)
	f.Add("abc abc abc", "abc abd abc", 4, 7)
	f.Add("ääääääää", "äääää", 0, 8)
	f.Fuzz(func(t *testing.T, old, new string, start, end int) {
		if len(old) > 4000 || len(new) > 4000 {
			return
		}
		r := []rune(strings.ToValidUTF8(old, "\uFFFD"))
		start = clamp(start, 0, len(r))
		end = clamp(end, start, len(r))
		q := QuoteAt(r, start, end)
		anc := NewAnchorer(new)
		got := anc.Anchor(start, end, q)
		checkAnchoring(t, new, q, got)
		// A second highlight through the same anchorer exercises the
		// shift learnt from the first.
		s2 := min(end, len(r))
		e2 := min(s2+12, len(r))
		q2 := QuoteAt(r, s2, e2)
		checkAnchoring(t, new, q2, anc.Anchor(s2, e2, q2))
		if old == new && start < end {
			// An unchanged text keeps every highlight where it was.
			if got.Method != AnchorPosition && got.Method != AnchorExact {
				t.Fatalf("unchanged text: %+v", got)
			}
			if got.Method == AnchorPosition && (got.Start != start || got.End != end) {
				t.Fatalf("unchanged text moved [%d,%d) to [%d,%d)", start, end, got.Start, got.End)
			}
		}
	})
}

// TestAnchorerBudget: a text replaced entirely must not make re-anchoring
// many highlights take minutes; past the budget they are orphaned.
func TestAnchorerBudget(t *testing.T) {
	old := []rune(strings.Repeat("Die Regierung in Seoul zeigte sich besorgt über die Entwicklung. ", 1500))
	a := NewAnchorer(strings.Repeat("The government in Tokyo said nothing about any of it today. ", 1500))
	a.budget = 10_000_000
	for i := 0; i < 100; i++ {
		s := i * 900
		got := a.Anchor(s, s+150, QuoteAt(old, s, s+150))
		if got.Method != AnchorOrphaned {
			t.Fatalf("highlight %d anchored in an unrelated text: %+v", i, got)
		}
	}
	if a.budget < 0 || a.budget >= 150*(2*fuzzyWindow+3*150) {
		t.Fatalf("budget left %d: overdrawn, or never exhausted", a.budget)
	}
}

// TestAnchorerFollowsAShift re-anchors a run of highlights after text was
// added at the top: each is found at the same shift, in order, and one
// whose passage was rewritten is still orphaned rather than pulled along.
func TestAnchorerFollowsAShift(t *testing.T) {
	passages := []string{"Nordkorea hat erneut", "Kim Jong Un sagte", "verhinderten im Sicherheitsrat", "Die USA kritisierten das Vorgehen scharf."}
	newText := "Eilmeldung am Abend.\n\n" + strings.Replace(oldText, "verhinderten im Sicherheitsrat", "blockierten in New York", 1)
	a := NewAnchorer(newText)
	for i, p := range passages {
		s, e, q := quoteOf(t, oldText, p, 0)
		got := a.Anchor(s, e, q)
		if i == 2 {
			if got.Method != AnchorOrphaned {
				t.Fatalf("rewritten passage anchored: %+v", got)
			}
			continue
		}
		ws, we, _ := quoteOf(t, newText, p, 0)
		if got.Method != AnchorExact || got.Start != ws || got.End != we {
			t.Fatalf("%q: %+v, want exact at %d (old %d)", p, got, ws, s)
		}
	}
}
