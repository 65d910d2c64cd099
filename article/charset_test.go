package article

import "testing"

// TestToUTF8: a byte order mark wins, then the header's charset, then the
// page's; valid UTF-8 stays UTF-8 whatever it declares, and bytes that do
// not read as UTF-8 are windows-1252 even when declared UTF-8, while a few
// invalid bytes in UTF-8 become U+FFFD without flipping the page.
func TestToUTF8(t *testing.T) {
	const meta = `<meta charset="utf-8">`
	tests := []struct {
		name, in, contentType, want string
	}{
		{"bom wins over meta", "\xef\xbb\xbf<meta charset=iso-8859-1>K\xc3\xb6ln", "", "<meta charset=iso-8859-1>Köln"},
		{"header", "K\xf6ln", "text/html; charset=ISO-8859-1", "Köln"},
		{"meta http-equiv", `<meta http-equiv="content-type" content="text/html; charset=windows-1252">` + "\x84K\xf6ln\x93", "", `<meta http-equiv="content-type" content="text/html; charset=windows-1252">„Köln“`},
		{"mislabelled utf-8", "<meta charset=iso-8859-1>K\xc3\xb6ln", "", "<meta charset=iso-8859-1>Köln"},
		{"undeclared latin", "K\xf6ln", "", "Köln"},
		{"utf-16le bom", "\xff\xfeK\x00\xf6\x00", "", "Kö"},
		{"latin under meta utf-8", meta + "\xdcber Gr\xfc\xdfe aus K\xf6ln", "", meta + "Über Grüße aus Köln"},
		{"latin under header utf-8", "\xdcber Gr\xfc\xdfe aus K\xf6ln", "text/html; charset=utf-8", "Über Grüße aus Köln"},
		{"latin under header utf8 alias", "K\xf6ln", "text/html; charset=UTF8", "Köln"},
		{"latin under http-equiv utf-8", `<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">` + "K\xf6ln \x96 D\xfcsseldorf", "", `<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">Köln – Düsseldorf`},
		{"latin with a pair that is valid utf-8", meta + "Sch\xf6ne Gr\xfc\xdfe, \x84Gru\xdf\x93", "", meta + "Schöne Grüße, „Gruß“"},
		{"latin under meta utf-16", "<meta charset=utf-16>K\xf6ln", "", "<meta charset=utf-16>Köln"},
		{"utf-8 cut off at the end", meta + "K\xc3\xb6ln und D\xc3\xbcsseldorf \xe2\x80", "", meta + "Köln und Düsseldorf \uFFFD"},
		{"undeclared utf-8 cut off", "K\xc3\xb6ln und D\xc3\xbcsseldorf \xe2\x80", "", "Köln und Düsseldorf \uFFFD"},
		{"utf-8 template with a latin snippet", meta + "\xc2\xbb K\xc3\xb6ln \xc2\xa9 \xe2\x80\x93 K\xfcche", "", meta + "» Köln © – K\uFFFDche"},
		{"header utf-8 wins over meta", "<meta charset=iso-8859-1>K\xc3\xb6ln und D\xc3\xbcsseldorf \xe2\x80", "text/html; charset=utf-8", "<meta charset=iso-8859-1>Köln und Düsseldorf \uFFFD"},
	}
	for _, tt := range tests {
		if got := string(toUTF8([]byte(tt.in), tt.contentType)); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestMostlyUTF8 pins the line between damaged UTF-8 and Latin-1: UTF-8
// while at most half of the non-ASCII sequences are invalid, a run of
// invalid bytes counting once.
func TestMostlyUTF8(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"empty", "", true},
		{"ascii", "Koeln", true},
		{"valid", "K\xc3\xb6ln", true},
		{"latin", "K\xf6ln", false},
		{"latin with one valid pair", "Gr\xfc\xdfe, \x84Gru\xdf\x93", false},
		{"one valid, one invalid", "K\xc3\xb6ln K\xf6ln", true},
		{"cut-off character counts once", "K\xc3\xb6ln \xe2\x80", true},
		{"two invalid runs outweigh one valid", "K\xc3\xb6ln \xe2\x80 K\xf6ln", false},
		{"emoji among latin", "\xf0\x9f\x98\x80 K\xf6ln D\xfcsseldorf", false},
	}
	for _, tt := range tests {
		if got := mostlyUTF8([]byte(tt.in)); got != tt.want {
			t.Errorf("%s: mostlyUTF8(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}
