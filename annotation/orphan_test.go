package annotation

import "testing"

// Every reason Anchor gives has words for the reader, and the words lead
// back to the reason, so that a caller holding only a stored highlight
// (Highlight.Orphaned) can tell why without matching the English itself.
func TestOrphanReasonRoundTrip(t *testing.T) {
	seen := map[string]OrphanReason{}
	for _, r := range []OrphanReason{OrphanNoQuote, OrphanTooLong, OrphanGone, OrphanElsewhere} {
		m := r.Message()
		if m == "" {
			t.Fatalf("reason %q has no message", r)
		}
		if other, dup := seen[m]; dup {
			t.Fatalf("reasons %q and %q share the message %q", r, other, m)
		}
		seen[m] = r
		if got := OrphanReasonOf(m); got != r {
			t.Errorf("OrphanReasonOf(%q) = %q, want %q", m, got, r)
		}
	}
	for _, m := range []string{"", "the highlight was typed by hand", "The quoted passage is no longer in the text"} {
		if got := OrphanReasonOf(m); got != "" {
			t.Errorf("OrphanReasonOf(%q) = %q, want none", m, got)
		}
	}
}

// Each way of being orphaned comes with its own reason.
func TestAnchorReasons(t *testing.T) {
	text := "Pjöngjang droht Seoul. Später sagte Kim: Wir lassen uns nicht einschüchtern."
	cases := []struct {
		name  string
		text  string
		quote TextQuote
		want  OrphanReason
	}{
		{"no quote", text, TextQuote{}, OrphanNoQuote},
		{"longer than the text", "kurz", TextQuote{Exact: "ein viel längeres Zitat"}, OrphanTooLong},
		{"gone", text, TextQuote{Exact: "völlig andere Worte über das Wetter"}, OrphanGone},
		{"elsewhere", text + " Seoul.", TextQuote{Exact: "Seoul", Prefix: "ganz anderer Satz davor ", Suffix: " und danach auch"}, OrphanElsewhere},
	}
	for _, tc := range cases {
		got := Anchor(tc.text, 0, 3, tc.quote)
		if got.Method != AnchorOrphaned || got.Reason != tc.want || got.Orphaned != tc.want.Message() {
			t.Errorf("%s: method %q, reason %q, message %q; want orphaned with %q", tc.name, got.Method, got.Reason, got.Orphaned, tc.want)
		}
	}
}
