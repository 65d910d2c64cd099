package article

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// corpusDir is Mozilla Readability's test pages as kept in the shared folder
// next to the repository; subsetDir is the dozen of them that the
// repository carries itself (testdata/corpus/README.md).
const (
	corpusDir = "../../shared/corpus/readability"
	subsetDir = "testdata/corpus/readability"
)

// corpusPage is one test page: its HTML and the text of its expected article.
type corpusPage struct {
	name  string
	html  []byte
	truth string
	copy  []byte
}

// loadCorpus reads the shared corpus or skips the test when it is absent
// (the subset in testdata always runs; see loadSubset).
func loadCorpus(tb testing.TB) []corpusPage {
	tb.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		tb.Skipf("corpus not available (%v); it lives in ../shared next to the repository, and testdata/corpus holds a subset that always runs", err)
	}
	return loadCorpusFrom(tb, corpusDir)
}

// loadSubset reads the corpus subset the repository carries.
func loadSubset(tb testing.TB) []corpusPage {
	tb.Helper()
	pages := loadCorpusFrom(tb, subsetDir)
	if len(pages) == 0 {
		tb.Fatalf("no pages under %s", subsetDir)
	}
	return pages
}

// loadCorpusFrom reads every page folder under dir.
func loadCorpusFrom(tb testing.TB, dir string) []corpusPage {
	tb.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var pages []corpusPage
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		d := filepath.Join(dir, e.Name())
		src, err := os.ReadFile(filepath.Join(d, "source.html"))
		if err != nil {
			tb.Fatal(err)
		}
		exp, err := os.ReadFile(filepath.Join(d, "expected.html"))
		if err != nil {
			tb.Fatal(err)
		}
		cp, _ := os.ReadFile(filepath.Join(d, "pagecopy.txt"))
		pages = append(pages, corpusPage{name: e.Name(), html: src, truth: corpusText(tb, exp), copy: cp})
	}
	return pages
}

// corpusSeparated are the elements whose text does not run into the text
// around them (as extractbench's htmlText treats them).
var corpusSeparated = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Caption: true, atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Html: true, atom.Li: true, atom.Main: true, atom.Nav: true,
	atom.Ol: true, atom.Option: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Td: true, atom.Tfoot: true, atom.Th: true, atom.Thead: true,
	atom.Tr: true, atom.Ul: true, atom.Br: true, atom.Hr: true, atom.Img: true, atom.Menu: true,
}

// corpusText is the visible text of expected.html, words of separate blocks
// kept apart.
func corpusText(tb testing.TB, src []byte) string {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	walk(doc, func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.CommentNode:
			return false
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Head, atom.Noscript:
				return false
			}
			if corpusSeparated[n.DataAtom] {
				b.WriteByte('\n')
			}
		}
		return true
	})
	return b.String()
}

// wordTokens splits s into lower-cased runs of letters, digits and '_',
// dropping soft hyphens: the bag-of-words measure of extractbench.
func wordTokens(s string) []string {
	s = strings.ReplaceAll(s, "\u00ad", "")
	var toks []string
	start := -1
	for i, r := range s {
		w := r != utf8.RuneError && (r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r))
		if w && start < 0 {
			start = i
		} else if !w && start >= 0 {
			toks = append(toks, strings.ToLower(s[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, strings.ToLower(s[start:]))
	}
	return toks
}

// prf scores pred against truth as multisets of word tokens.
func prf(truth, pred string) (p, r, f float64) {
	t, q := wordTokens(truth), wordTokens(pred)
	if len(t) == 0 && len(q) == 0 {
		return 1, 1, 1
	}
	if len(t) == 0 || len(q) == 0 {
		return 0, 0, 0
	}
	counts := make(map[string]int, len(t))
	for _, w := range t {
		counts[w]++
	}
	tp := 0
	for _, w := range q {
		if counts[w] > 0 {
			counts[w]--
			tp++
		}
	}
	p, r = float64(tp)/float64(len(q)), float64(tp)/float64(len(t))
	if tp > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// minCorpusF1 is the floor for the mean F1 of CleanHTML over the corpus:
// issue 12's goal (0.972 measured on 2026-12-02; 0.975 before the cleaner
// dropped, on purpose, the author bios, picture credits and dangling
// headings that Readability's expected text keeps). minSubsetF1 is a little
// under the result on the subset in testdata (0.960; hukumusume, the
// corpus's second-worst page, is in it).
const (
	minCorpusF1 = 0.97
	minSubsetF1 = 0.955
)

// TestCleanHTMLCorpus scores CleanHTML on the corpus pages (title, then the
// article text, as 'dramatis clean --format text' prints it) with
// extractbench's bag-of-words F1, and fails when the mean drops below the
// floor. With -v it lists the worst pages.
func TestCleanHTMLCorpus(t *testing.T) {
	scoreHTMLCorpus(t, loadCorpus(t), minCorpusF1)
}

// TestCleanHTMLCorpusSubset is TestCleanHTMLCorpus on the subset in
// testdata, which runs in every clone.
func TestCleanHTMLCorpusSubset(t *testing.T) {
	scoreHTMLCorpus(t, loadSubset(t), minSubsetF1)
}

// scoreHTMLCorpus fails t when the mean F1 of CleanHTML over pages is
// below floor.
func scoreHTMLCorpus(t *testing.T, pages []corpusPage, floor float64) {
	type score struct {
		name    string
		p, r, f float64
	}
	var scores []score
	var sp, sr, sf float64
	for _, pg := range pages {
		pred := ""
		if a, err := CleanHTML(pg.html, "http://fakehost/test/page.html"); err == nil {
			pred = a.Title + "\n\n" + a.Text()
		} else {
			t.Logf("%s: %v", pg.name, err)
		}
		p, r, f := prf(pg.truth, pred)
		scores = append(scores, score{pg.name, p, r, f})
		sp, sr, sf = sp+p, sr+r, sf+f
	}
	n := float64(len(pages))
	t.Logf("%d pages: mean P %.3f R %.3f F1 %.3f", len(pages), sp/n, sr/n, sf/n)
	sort.Slice(scores, func(i, j int) bool { return scores[i].f < scores[j].f })
	for _, s := range scores[:min(15, len(scores))] {
		t.Logf("  %-40s P %.3f R %.3f F1 %.3f", s.name, s.p, s.r, s.f)
	}
	if sf/n < floor {
		t.Errorf("mean F1 %.3f is below the floor %.3f", sf/n, floor)
	}
}
