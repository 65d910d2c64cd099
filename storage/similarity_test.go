package storage

import (
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/article"
)

// similarityCorpus is the trafilatura-dev corpus in the shared folder: 422
// German and English pages from about 390 sites, each as HTML and as a
// browser copy.
const similarityCorpus = "../../shared/corpus/trafilatura-dev"

func TestSimilarityOfSmallTexts(t *testing.T) {
	cases := []struct {
		a, b string
		want float64
	}{
		{"", "", 0},
		{"Kim", "Kim", 1},
		{"Kim sagte nein", "KIM  sagte, nein!", 1},
		{"eins zwei drei vier fünf sechs", "eins zwei drei vier fünf", 1},
		{"eins zwei drei vier fünf sechs", "sechs fünf vier drei zwei eins", 0},
	}
	for _, tc := range cases {
		if got := similarity(textShingles(tc.a), textShingles(tc.b)); got != tc.want {
			t.Errorf("similarity(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// corpusPair is one corpus page cleaned from its HTML and from its browser
// copy.
type corpusPair struct {
	name       string
	html, copy *article.Article
}

func loadSimilarityCorpus(t *testing.T) []corpusPair {
	dirs, err := os.ReadDir(similarityCorpus)
	if err != nil {
		t.Skipf("corpus not available (%v); it lives in ../shared next to the repository", err)
	}
	var out []corpusPair
	for i, d := range dirs {
		if !d.IsDir() || (raceEnabled && i%10 != 0) {
			continue // under the race detector, every tenth page
		}
		dir := filepath.Join(similarityCorpus, d.Name())
		html, err1 := os.ReadFile(filepath.Join(dir, "source.html"))
		text, err2 := os.ReadFile(filepath.Join(dir, "pagecopy.txt"))
		if err1 != nil || err2 != nil {
			continue
		}
		a, err1 := article.LoadBytes(html, d.Name()+".html", "text/html")
		b, err2 := article.LoadBytes(text, d.Name()+".txt", "text/plain")
		if err1 != nil || err2 != nil || len(a.Blocks) < 2 {
			continue // no article in it: nothing to compare
		}
		out = append(out, corpusPair{d.Name(), a, b})
	}
	return out
}

// TestSimilaritySeparatesArticles is the evidence for
// sameArticleSimilarity: on the corpus pages, texts of one article (the
// two cleaners' output for one page; its lead behind a paywall; a ticker
// that grew; a correction that rewrote a third of it) score above it, and
// no two different pages do.
func TestSimilaritySeparatesArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("cleans 422 corpus pages; skipped with -short")
	}
	pairs := loadSimilarityCorpus(t)
	if least := map[bool]int{false: 300, true: 30}[raceEnabled]; len(pairs) < least {
		t.Fatalf("only %d corpus pages have an article", len(pairs))
	}
	sh := make([][]uint64, len(pairs))
	for i, p := range pairs {
		sh[i] = textShingles(p.html.Text())
	}
	var worst struct {
		sim  float64
		a, b string
	}
	var different []float64
	for i := range pairs {
		for j := i + 1; j < len(pairs); j++ {
			s := similarity(sh[i], sh[j])
			different = append(different, s)
			if s > worst.sim && !sameStory[pairs[i].name+" "+pairs[j].name] {
				worst.sim, worst.a, worst.b = s, pairs[i].name, pairs[j].name
			}
		}
	}
	same := map[string][]float64{}
	for i, p := range pairs {
		other := pairs[(i+1)%len(pairs)].html.Blocks
		same["html vs browser copy"] = append(same["html vs browser copy"], similarity(sh[i], textShingles(p.copy.Text())))
		for kind, blocks := range editsOf(p.html.Blocks, other) {
			same[kind] = append(same[kind], similarity(sh[i], textShingles((&article.Article{Blocks: blocks}).Text())))
		}
	}
	t.Logf("%d pairs of different pages: %s; most alike apart from the same story on two sites: %s and %s, %.2f",
		len(different), quantiles(different), worst.a, worst.b, worst.sim)
	if worst.sim >= sameArticleSimilarity {
		t.Errorf("two different pages (%s, %s) score %.2f, at or above the threshold %.2f", worst.a, worst.b, worst.sim, sameArticleSimilarity)
	}
	for _, kind := range slices.Sorted(maps.Keys(same)) {
		v := same[kind]
		below := 0
		for _, s := range v {
			if s < sameArticleSimilarity {
				below++
			}
		}
		t.Logf("%s: %s; %d of %d below the threshold", kind, quantiles(v), below, len(v))
		if limit, ok := sameArticleMisses[kind]; ok && float64(below) > math.Ceil(limit*float64(len(v))) {
			t.Errorf("%s: %d of %d pairs of one article score below %.2f", kind, below, len(v), sameArticleSimilarity)
		}
	}
}

// sameStory lists corpus pages that are one story on two sites (a press
// release, republished in indirect speech): alike, rightly.
var sameStory = map[string]bool{"de_djz_de_amoklauf de_jagdverband_de_erschuettert": true}

// sameArticleMisses is the share of each kind of same-article pair that may
// fall below the threshold. A miss makes a second article, never a loss;
// but corrections and tickers are what re-imports bring, so they must be
// recognised. The cleaners disagree on a few pages (a browser copy keeps
// what the HTML cleaner drops). A page behind a paywall is recognised by
// its address, so its lead alone need not be: only logged. A third of an
// article rewritten is the edge of "recognisably the same".
var sameArticleMisses = map[string]float64{
	"html vs browser copy": 0.05, "a paragraph corrected": 0.02, "ticker grown": 0, "a third rewritten": 0.10,
}

// editsOf returns the ways a page's text changes while it stays the same
// article: one paragraph replaced (other's blocks are the replacements),
// grown by a ticker's new entries, a third of its paragraphs rewritten,
// cut to its first paragraphs by a paywall.
func editsOf(blocks, other []article.Block) map[string][]article.Block {
	corrected := slices.Clone(blocks)
	corrected[len(corrected)/2] = other[0]
	grown := append(slices.Clone(other), blocks...)
	rewritten := slices.Clone(blocks)
	for i := 1; i < len(rewritten); i += 3 {
		rewritten[i] = other[i%len(other)]
	}
	pay := append(slices.Clone(blocks[:max(1, min(3, len(blocks)/4))]),
		article.Block{Type: article.Paragraph, Text: "Lesen Sie weiter mit einem Abonnement: alle Artikel, jederzeit kündbar."})
	return map[string][]article.Block{"a paragraph corrected": corrected, "ticker grown": grown, "a third rewritten": rewritten, "behind a paywall": pay}
}

// quantiles describes a distribution: min, 5 %, median, 95 %, max.
func quantiles(v []float64) string {
	s := slices.Sorted(slices.Values(v))
	q := func(f float64) float64 { return s[int(f*float64(len(s)-1))] }
	var b strings.Builder
	fmt.Fprintf(&b, "min %.2f, 5%% %.2f, median %.2f, 95%% %.2f, max %.2f", s[0], q(0.05), q(0.5), q(0.95), s[len(s)-1])
	return b.String()
}
