package article

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/internal/testkit"
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
		t.Run(filepath.Base(p), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			a, err := CleanHTML(data, "https://example.com/"+filepath.Base(p))
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			got, _ := json.MarshalIndent(a, "", "  ")
			got = append(got, '\n')
			testkit.Golden(t, filepath.Join("html", strings.TrimSuffix(filepath.Base(p), ".html")+".golden.json"), got)
		})
	}
}
