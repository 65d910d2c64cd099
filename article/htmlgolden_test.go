package article

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCleanHTMLGolden compares the whole cleaned article of each fixture
// page with testdata/html/NAME.golden.json; run with -update to rewrite
// them after an intended change (and read the diff).
func TestCleanHTMLGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := CleanHTML(data, "https://example.com/"+filepath.Base(p))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		got, _ := json.MarshalIndent(a, "", "  ")
		got = append(got, '\n')
		golden := strings.TrimSuffix(p, ".html") + ".golden.json"
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%s: %v (run with -update to create it)", p, err)
			continue
		}
		if string(got) != string(want) {
			t.Errorf("%s: output differs from %s (run with -update and review the diff):\n%s", p, golden, got)
		}
	}
}
