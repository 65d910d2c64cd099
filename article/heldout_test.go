package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The held-out fixtures are page copies and HTML pages written by hand in
// the layouts of German and English news sites that the corpus does not
// cover, each with the article a reader wants from it (expected.txt: title,
// teaser, body; no bylines, dates, captions, credits or page furniture).
// They are scored, not compared. Each round was scored before the rules
// were tuned to it (the commit messages keep those numbers); once tuned
// they are regression guards, and a new round is the honest measure.
const (
	// minHeldOutTextF1 and minHeldOutHTMLF1 are floors for the mean F1
	// over the fixtures, a little under the measured result (text 0.986,
	// HTML 0.963 on 2026-11-27; before the rules were tuned to the first
	// eight page copies and three pages they scored 0.840 and 0.941).
	minHeldOutTextF1 = 0.98
	minHeldOutHTMLF1 = 0.95
)

// heldOutPrediction is what a fixture's article is scored on: the title,
// the description when the body does not already start with it (whether a
// teaser lands in the description or the body is the cleaner's choice), and
// the canonical text.
func heldOutPrediction(a *Article) string {
	text := a.Text()
	pred := a.Title + "\n\n"
	if d := a.Description; d != "" && !strings.Contains(text, d[:min(len(d), 40)]) {
		pred += d + "\n\n"
	}
	return pred + text
}

// TestHeldOutText scores CleanText on testdata/text/*/expected.txt.
func TestHeldOutText(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/text/*/expected.txt")
	if len(dirs) == 0 {
		t.Fatal("no held-out page copies under testdata/text")
	}
	scoreHeldOut(t, dirs, minHeldOutTextF1, func(exp string) (*Article, error) {
		in, err := os.ReadFile(filepath.Join(filepath.Dir(exp), "input.txt"))
		if err != nil {
			return nil, err
		}
		return CleanText(in, "input.txt")
	})
}

// TestHeldOutHTML scores CleanHTML on testdata/html/*.expected.txt.
func TestHeldOutHTML(t *testing.T) {
	files, _ := filepath.Glob("testdata/html/*.expected.txt")
	if len(files) == 0 {
		t.Fatal("no held-out pages under testdata/html")
	}
	scoreHeldOut(t, files, minHeldOutHTMLF1, func(exp string) (*Article, error) {
		page := strings.TrimSuffix(exp, ".expected.txt") + ".html"
		in, err := os.ReadFile(page)
		if err != nil {
			return nil, err
		}
		return CleanHTML(in, "https://example.com/"+filepath.Base(page))
	})
}

// scoreHeldOut cleans each fixture, logs its precision, recall and F1
// against the expected text and fails when the mean F1 is under floor.
func scoreHeldOut(t *testing.T, expected []string, floor float64, clean func(string) (*Article, error)) {
	t.Helper()
	var sp, sr, sf float64
	for _, exp := range expected {
		want, err := os.ReadFile(exp)
		if err != nil {
			t.Fatal(err)
		}
		pred := ""
		if a, err := clean(exp); err != nil {
			t.Errorf("%s: %v", exp, err)
		} else {
			pred = heldOutPrediction(a)
		}
		p, r, f := prf(string(want), pred)
		t.Logf("  %-55s P %.3f R %.3f F1 %.3f", exp, p, r, f)
		sp, sr, sf = sp+p, sr+r, sf+f
	}
	n := float64(len(expected))
	t.Logf("%d fixtures: mean P %.3f R %.3f F1 %.3f", len(expected), sp/n, sr/n, sf/n)
	if sf/n < floor {
		t.Errorf("mean F1 %.3f is below the floor %.3f", sf/n, floor)
	}
}
