package app

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A reader who copied the address bar and pressed Ctrl+Shift+V gets the
// page, not "no article text found in clipboard".
func TestPastingAnAddressOpensThePage(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	page := `<html><head><title>Seoul warnt Pjöngjang</title></head><body><article><h1>Seoul warnt Pjöngjang</h1>` +
		strings.Repeat(`<p>Südkorea hat Nordkorea am Dienstag vor weiteren Raketentests gewarnt, sagte ein Sprecher in Seoul.</p>`, 6) +
		`</article></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(page))
	}))
	defer srv.Close()
	a.fa.Clipboard().SetContent("  " + srv.URL + "/politik/seoul\n")
	a.importer.pastePage()
	infos, _ := lib.Articles()
	if len(infos) != 1 || a.ctl.art == nil || a.ctl.art.Title != "Seoul warnt Pjöngjang" {
		t.Fatalf("pasting an address imported %+v (status %q)", infos, a.shell.status.Text)
	}
}

func TestIsWebAddress(t *testing.T) {
	for s, want := range map[string]bool{
		"https://example.org/a":         true,
		"http://127.0.0.1:8781/x.html":  true,
		"https://example.org/a and b":   false,
		"Text\nhttps://example.org/a":   false,
		"ftp://example.org/a":           false,
		"example.org/a":                 false,
		"https://example.org/a\nzweite": false,
	} {
		if got := isWebAddress(s); got != want {
			t.Errorf("isWebAddress(%q) = %v, want %v", s, got, want)
		}
	}
}
