package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
