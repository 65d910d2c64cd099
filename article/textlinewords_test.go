package article

import "testing"

// TestLineWordsList: the shipped list parses, its server error levels keep
// their case, and a damaged list is refused.
func TestLineWordsList(t *testing.T) {
	lw, err := parseLineWords(lineWordsFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(lw.approx) == 0 || len(lw.serverErrors) == 0 {
		t.Errorf("a kind of linewords.txt is empty: %d approx, %d server errors", len(lw.approx), len(lw.serverErrors))
	}
	for _, bad := range []string{"approx", "nosuch: x", "servererror:  "} {
		if _, err := parseLineWords(bad); err == nil {
			t.Errorf("parseLineWords(%q) = nil error", bad)
		}
	}
}

// TestLineWordsLines: lines the two lists mark, and near misses they must
// not (another case, no amount, no path).
func TestLineWordsLines(t *testing.T) {
	cases := []struct {
		line        string
		field, fail bool
	}{
		{"Gesamtzeit ca. 1 Stunde 50 Minuten", true, false},
		{"Akku-Laufzeit CA. 150 Bewegungszyklen", true, false},
		{"Laufzeit approximately 3 hours", true, false},
		{"Gesamtzeit ca. eine Stunde", false, false},
		{"Die Reise dauert etwa 3 Stunden und führt durch vier Länder", false, false},
		{"Warning: mysql_connect(): Access denied in /www/htdocs/db.php on line 299", false, true},
		{"Fatal error: Uncaught Error: Call to undefined function in /var/www/index.php:12", false, true},
		{"Strict Standards: Non-static method JLoader::import() on line 186", false, true},
		{"WARNING: mysql_connect(): Access denied in /www/htdocs/db.php on line 299", false, false},
		{"Warning: the storm will reach the coast tonight", false, false},
	}
	for _, c := range cases {
		if got := approxField(c.line); got != c.field {
			t.Errorf("approxField(%q) = %v, want %v", c.line, got, c.field)
		}
		if got := isServerError(c.line); got != c.fail {
			t.Errorf("isServerError(%q) = %v, want %v", c.line, got, c.fail)
		}
	}
}
