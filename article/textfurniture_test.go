package article

import (
	"strings"
	"testing"
)

// TestCopySponsoredBox: a box of sponsored links inside the article
// ("by Taboola / Promoted Links / More for you", "Gesponserte Inhalte")
// holds short headline-like lines and the advertisers' names; none of it
// is article text, in English or German, even after a paragraph that
// announces what follows ("watch the footage below:").
func TestCopySponsoredBox(t *testing.T) {
	en := strings.Repeat("The city council approved the new bus lanes on Tuesday after a long debate about parking and deliveries. ", 3)
	de := strings.Repeat("Der Stadtrat hat am Dienstag die neuen Busspuren beschlossen, nach einer langen Debatte über Parkplätze. ", 3)
	cases := []struct{ name, in, leak string }{
		{"en", "Council approves new bus lanes after long debate\n\n" + en + "\n\nTo see the new lanes in use, watch the footage below:\n\n\nby Taboola\nPromoted Links\nMORE FOR YOU\nSay Goodbye To Snoring Tonight\nSleepWell\nSlow Computer? You Don't Need a New One\nXtra-PC\n\n" + en + "\n", "Snoring"},
		{"de", "Stadtrat beschließt neue Busspuren nach langer Debatte\n\n" + de + "\n\nWie die neuen Spuren aussehen, zeigt das Video unten:\n\n\nvon Outbrain\nGesponserte Inhalte\nSo schlafen Sie endlich wieder durch\nSchlafGut\nLangsamer Computer? Kein neuer nötig\nXtra-PC\n\n" + de + "\n", "Computer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := CleanText([]byte(c.in), c.name)
			if err != nil {
				t.Fatal(err)
			}
			if text := a.Text(); strings.Contains(text, c.leak) || strings.Contains(text, "Xtra-PC") {
				t.Errorf("the sponsored box stayed in the text:\n%s", text)
			}
		})
	}
}
