package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// runCLI runs a command in-process and returns its exit status and output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	code := Run(e, args)
	return code, out.String(), errb.String()
}

const fixture = "../article/testdata/html/de-news.html"

func TestCleanFormats(t *testing.T) {
	code, out, errs := runCLI(t, "", "clean", fixture)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "Annäherung von Russland und Nordkorea bietet Chance für den Westen\n\n") || !strings.Contains(out, "\n\nShanghai, Tokio.") {
		t.Errorf("text output: %q", out[:min(len(out), 200)])
	}

	code, out, errs = runCLI(t, "", "clean", "--format", "json", fixture)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"title", "kicker", "description", "authors", "published", "site", "url", "lang", "blocks", "text"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("json lacks %q", k)
		}
	}
	if len(raw) != 10 {
		t.Errorf("json has %d keys, want exactly 10", len(raw))
	}
	var j cleanedJSON
	json.Unmarshal([]byte(out), &j)
	if j.Kicker != "Geopolitik" || len(j.Authors) != 2 || j.Published != "2024-11-08T12:22:00+01:00" || j.Blocks[0].Type != "paragraph" {
		t.Errorf("json content: %+v", j)
	}
	var joined []string
	for _, b := range j.Blocks {
		joined = append(joined, b.Text)
	}
	if strings.Join(joined, "\n\n") != j.Text {
		t.Error("text is not the blocks joined by blank lines")
	}

	code, out, _ = runCLI(t, "", "clean", fixture, "--format", "md")
	if code != 0 || !strings.HasPrefix(out, "# Annäherung von Russland") || !strings.Contains(out, "\n## Nordkorea drängt China an den Rand\n") ||
		!strings.Contains(out, "\n> „Eine Verbesserung") || !strings.Contains(out, "**Geopolitik** · Handelsblatt · Martin Benninghoff, Martin Kölling · 2024-11-08 12:22") {
		t.Errorf("md output (exit %d): %s", code, out)
	}
}

// TestCleanSeveralSources checks JSON Lines with a "source" field, and that
// a failing source reports one line on stderr while the others still print,
// with exit status 1 at the end.
func TestCleanSeveralSources(t *testing.T) {
	dir := t.TempDir()
	png := filepath.Join(dir, "image.html")
	os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	empty := filepath.Join(dir, "empty.html")
	os.WriteFile(empty, nil, 0o644)
	page, _ := os.ReadFile(fixture)

	code, out, errs := runCLI(t, string(page), "clean", "--format", "json", fixture, png, "-", empty)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	var sources []string
	for sc.Scan() {
		var j cleanedJSON
		if err := json.Unmarshal(sc.Bytes(), &j); err != nil {
			t.Fatalf("line is not JSON: %v", err)
		}
		sources = append(sources, j.Source)
	}
	if strings.Join(sources, ",") != fixture+",-" {
		t.Errorf("sources %q", sources)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "image.html is not a web page or text (looks like image/png)") || !strings.Contains(lines[1], "empty.html is empty") {
		t.Errorf("stderr %q", errs)
	}
}

func TestCleanUsage(t *testing.T) {
	for _, args := range [][]string{{"clean"}, {"clean", "--format", "pdf", fixture}, {"clean", "-", "-"}} {
		if code, _, errs := runCLI(t, "", args...); code != 2 || errs == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
	code, _, errs := runCLI(t, "", "clean", "ftp://example.com/page.html")
	if code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "only http and https") {
		t.Errorf("ftp: exit %d, stderr %q", code, errs)
	}
}

func TestMdEscape(t *testing.T) {
	tests := map[string]string{
		"# not a heading":   `\# not a heading`,
		"- not a list":      `\- not a list`,
		"1. not a list":     `1\. not a list`,
		"a *b* [c](d) <e>":  `a \*b\* \[c\](d) \<e\>`,
		"plain text, 1.5 %": "plain text, 1.5 %",
	}
	for in, want := range tests {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCleanBadInput runs 'dramatis clean' on each kind of bad input the
// issue lists: each must fail with exit status 1 and one clear line on
// stderr, quickly, without output on stdout.
func TestCleanBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := filepath.Join(dir, "big.html")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(50 << 20) // sparse: refused by size before it is read
	f.Close()
	deep := "<html><body>" + strings.Repeat("<div>", 100000) + "deep" + strings.Repeat("</div>", 100000) + "</body></html>"

	mux := http.NewServeMux()
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(40<<20))
		w.Write([]byte("<html><body>"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		name, source, want string
	}{
		{"empty file", write("empty.html", nil), "empty.html is empty"},
		{"binary file", write("photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")), "photo.png is not a web page or text (looks like image/png)"},
		{"50 MB page", big, "big.html is 50.0 MB, too large to be a web page"},
		{"100,000 nested divs", write("deep.html", []byte(deep)), "page nests its elements too deeply to read"},
		{"invalid UTF-8 without text", write("bytes.html", []byte("<html><body><nav><a href=/>\xc3\x28\xa0\xa1\xff</a></nav></body></html>")), "no article text found in"},
		{"no article text", write("nav.html", []byte(`<html><body><nav><a href="/">Home</a> <a href="/a">About</a></nav></body></html>`)), "no article text found in"},
		{"URL timeout", srv.URL + "/slow", "no complete answer within 300ms"},
		{"404", srv.URL + "/missing", "the server answered 404 Not Found"},
		{"redirect loop", srv.URL + "/loop", "the server redirects in a loop"},
		{"huge body", srv.URL + "/huge", "the page is 40.0 MB, too large to be a web page"},
		{"other scheme", "file:///etc/hostname", "only http and https URLs are supported"},
	}
	for _, tt := range tests {
		start := time.Now()
		code, out, errs := runCLI(t, "", "clean", "--timeout", "300ms", tt.source)
		if code != 1 || out != "" {
			t.Errorf("%s: exit %d, stdout %q", tt.name, code, out)
		}
		if !strings.HasPrefix(errs, "dramatis clean: ") || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, tt.want) {
			t.Errorf("%s: stderr %q, want one line with %q", tt.name, errs, tt.want)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: took %v", tt.name, d)
		}
	}
	// A page that says UTF-8 but is Latin-1 throughout is read as
	// Latin-1 (windows-1252), not an error and not replacement characters.
	page := "<html><head><meta charset=utf-8><title>Bytes</title></head><body><p>" + strings.Repeat("Gr\xfc\xdfe aus K\xf6ln, sagte sie am Montag. ", 30) + "</p></body></html>"
	code, out, errs := runCLI(t, "", "clean", write("mixed.html", []byte(page)))
	if code != 0 || !utf8.ValidString(out) || !strings.Contains(out, "Grüße aus Köln") {
		t.Errorf("invalid UTF-8 page: exit %d, stderr %q, stdout %q", code, errs, out[:min(len(out), 80)])
	}
}
