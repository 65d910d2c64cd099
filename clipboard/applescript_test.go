package clipboard

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
)

func TestParseAppleScriptData(t *testing.T) {
	const page = "<meta charset='utf-8'><h1>Grüße</h1>"
	upper := strings.ToUpper(hex.EncodeToString([]byte(page)))
	tests := []struct {
		name    string
		out     string
		want    string
		wantErr error
	}{
		{"osascript's output", "«data HTML" + upper + "»\n", page, nil},
		{"lower-case hex", "«data HTML" + hex.EncodeToString([]byte(page)) + "»", page, nil},
		{"Mac Roman guillemets", "\xC7data HTML" + upper + "\xC8\n", page, nil},
		{"ASCII guillemets", "<<data HTML" + upper + ">>", page, nil},
		{"white space around", " \r\n«data HTML" + upper + "»\r\n\n", page, nil},
		{"empty data", "«data HTML»", "", ErrNoHTML},
		{"odd hex digit count", "«data HTML3C6»", "", ErrNoHTML},
		{"not hex", "«data HTML3C6G»", "", ErrNoHTML},
		{"another type", "«data RTF 7B5C727466»", "", ErrNoHTML},
		{"plain text result", "Hallo Welt\n", "", ErrNoHTML},
		{"no closing guillemet", "«data HTML3C68", "", ErrNoHTML},
		{"text after the literal", "«data HTML3C68» and more", "", ErrNoHTML},
		{"empty output", "", "", ErrNoHTML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseAppleScriptData([]byte(tt.out))
			if string(got) != tt.want || !errors.Is(err, tt.wantErr) {
				t.Errorf("parseAppleScriptData(%.60q) = %q, %v; want %q, %v", tt.out, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// FuzzParseAppleScriptData checks that no output panics the parser, that
// any HTML it finds was in the output as hex, and that it reads back
// whatever bytes osascript would print.
func FuzzParseAppleScriptData(f *testing.F) {
	f.Add([]byte("«data HTML3C68746D6C3E»\n"), []byte("<h1>x</h1>"))
	f.Add([]byte("<<data HTML3c>>"), []byte{0xFF, 0xFE, '<', 0})
	f.Add([]byte("\xC7data HTML\xC8"), []byte(""))
	f.Fuzz(func(t *testing.T, out, html []byte) {
		got, err := parseAppleScriptData(out)
		if err == nil && !bytes.Contains(bytes.ToUpper(out), []byte(strings.ToUpper(hex.EncodeToString(got)))) {
			t.Fatalf("parseAppleScriptData(%q) = %q, which the output does not hold", out, got)
		}
		if err != nil && !errors.Is(err, ErrNoHTML) {
			t.Fatalf("parseAppleScriptData(%q): %v, not ErrNoHTML", out, err)
		}
		printed := "«data HTML" + strings.ToUpper(hex.EncodeToString(html)) + "»\n"
		if got, err := parseAppleScriptData([]byte(printed)); len(html) > 0 && (err != nil || !bytes.Equal(got, html)) {
			t.Fatalf("parseAppleScriptData(%q) = %q, %v; want %q", printed, got, err, html)
		}
	})
}
