package annotation

import "testing"

func TestNameKey(t *testing.T) {
	same := [][2]string{
		{"Nordkorea", "NORDKOREA"},
		{"Straße", "STRASSE"},
		{"Müller", "Mu\u0308ller"},             // NFC and NFD
		{"Kim  Jong\u00a0Un", " Kim Jong Un "}, // spacing
		{"Ur\u00adsula von der Leyen", "Ursula von der Leyen"},
		{"Nord\u200bkorea", "Nordkorea"},
	}
	for _, p := range same {
		if NameKey(p[0]) != NameKey(p[1]) {
			t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q: want one name", p[0], NameKey(p[0]), p[1], NameKey(p[1]))
		}
	}
	differ := [][2]string{
		{"Müller", "Muller"},
		{"Kim Jong Un", "Kim Jong-un"},
		{"USA", "US"},
	}
	for _, p := range differ {
		if NameKey(p[0]) == NameKey(p[1]) {
			t.Errorf("NameKey(%q) = NameKey(%q) = %q: want two names", p[0], p[1], NameKey(p[0]))
		}
	}
	if NameKey("  \u200b ") != "" {
		t.Errorf("a name of only spaces and invisible characters has the key %q, want empty", NameKey("  \u200b "))
	}
}
