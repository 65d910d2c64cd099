package article

import "testing"

// TestLooksLikeAuthor: names and desks, and a byline's buttons and
// sentences (bylinewords.txt button), which are none.
func TestLooksLikeAuthor(t *testing.T) {
	cases := map[string]bool{
		"Jane Doe":             true,
		"Ursula von der Leyen": true,
		"Politik-Redaktion":    true,
		"Follow Author":        false,
		"Autor folgen":         false,
		"Jane Doe Teilen":      false,
		"View Profile:":        false,
		"written by a robot":   false,
	}
	for s, want := range cases {
		if got := looksLikeAuthor(s); got != want {
			t.Errorf("looksLikeAuthor(%q) = %v, want %v", s, got, want)
		}
	}
}
