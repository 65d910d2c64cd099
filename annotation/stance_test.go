package annotation

import "testing"

func TestParseStance(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Stance
		ok   bool
	}{
		{"", StanceUnset, true},
		{"unset", StanceUnset, true},
		{"+", StanceSupports, true},
		{"-", StanceOpposes, true},
		{"−", StanceOpposes, true},
		{"–", StanceOpposes, true},
		{"0", StanceNeutral, true},
		{"Supports", StanceSupports, true},
		{"opp", StanceOpposes, true},
		{" NEUTRAL ", StanceNeutral, true},
		{"op", StanceUnset, false},
		{"against", StanceUnset, false},
		{"++", StanceUnset, false},
	} {
		got, ok := ParseStance(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseStance(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestStanceSignsRoundTrip(t *testing.T) {
	for _, s := range Stances {
		if !s.Valid() || s.Sign() == "" {
			t.Errorf("stance %q: valid %v, sign %q", s, s.Valid(), s.Sign())
		}
		if back, ok := ParseStance(s.Sign()); !ok || back != s {
			t.Errorf("ParseStance(%q) = %q, %v; want %q", s.Sign(), back, ok, s)
		}
		if back, ok := ParseStance(string(s)); !ok || back != s {
			t.Errorf("ParseStance(%q) = %q, %v", s, back, ok)
		}
	}
	if StanceUnset.Sign() != "" || !StanceUnset.Valid() || Stance("maybe").Valid() {
		t.Error("unset or unknown stances misbehave")
	}
}
