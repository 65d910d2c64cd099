package article

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// prose is a paragraph of article text, long enough to be scored.
const prose = "Der Stadtrat hat am Montag nach langer Debatte ein neues Konzept für die Innenstadt beschlossen, das mehr Grün, breitere Radwege und weniger Parkplätze vorsieht, und die Opposition kündigte an, dagegen zu klagen. "

// paras returns n paragraphs of prose, each marked with its number.
func paras(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("<p>Absatz " + string(rune('A'+i)) + ": " + prose + "</p>")
	}
	return b.String()
}

// TestCleanRules runs every rule page in testdata/rules: a small made-up
// page for each cleaning rule, whose opening comment says the rule and
// what the result must show. Keys, one a line:
//
//	rule: what the page checks (its name in failures)
//	keep: text the title and article must contain
//	drop: text they must not contain
//	first: how the first block must begin
//	title: the exact title
//	description: the exact description
//	blocks: the number of blocks
//	error: text the error must contain (the page gives no article)
func TestCleanRules(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "rules", "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no rule pages in testdata/rules: %v", err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".html"), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			checkRulePage(t, data, ruleKeys(t, data))
		})
	}
}

// ruleKeys reads the "key: value" lines of a rule page's opening comment.
func ruleKeys(t *testing.T, data []byte) map[string][]string {
	t.Helper()
	head, _, ok := strings.Cut(string(data), "-->")
	if !ok || !strings.HasPrefix(head, "<!--") {
		t.Fatal("a rule page opens with a comment of keys")
	}
	keys := map[string][]string{}
	for _, line := range strings.Split(head, "\n")[1:] {
		if line == "" {
			continue
		}
		k, v, ok := strings.Cut(line, ": ")
		if !ok {
			t.Fatalf("not a key line: %q", line)
		}
		keys[k] = append(keys[k], v)
	}
	if len(keys["rule"]) != 1 {
		t.Fatal("a rule page says its rule once")
	}
	return keys
}

// checkRulePage cleans a rule page and checks what its keys ask for.
func checkRulePage(t *testing.T, data []byte, keys map[string][]string) {
	t.Helper()
	a, err := CleanHTML(data, "")
	if want := keys["error"]; len(want) > 0 {
		if err == nil || !strings.Contains(err.Error(), want[0]) {
			t.Fatalf("%s: error %v, want %q", keys["rule"][0], err, want[0])
		}
		return
	}
	if err != nil {
		t.Fatalf("%s: %v", keys["rule"][0], err)
	}
	out := a.Title + "\n\n" + a.Text()
	for _, k := range keys["keep"] {
		if !strings.Contains(out, k) {
			t.Errorf("%s: lost %q:\n%s", keys["rule"][0], k, out)
		}
	}
	for _, d := range keys["drop"] {
		if strings.Contains(out, d) {
			t.Errorf("%s: kept %q:\n%s", keys["rule"][0], d, out)
		}
	}
	exact := map[string]string{"title": a.Title, "description": a.Description, "blocks": strconv.Itoa(len(a.Blocks))}
	for k, got := range exact {
		if want := keys[k]; len(want) > 0 && got != want[0] {
			t.Errorf("%s: %s %q, want %q", keys["rule"][0], k, got, want[0])
		}
	}
	if want := keys["first"]; len(want) > 0 && (len(a.Blocks) == 0 || !strings.HasPrefix(a.Blocks[0].Text, want[0])) {
		t.Errorf("%s: first block does not begin %q: %+v", keys["rule"][0], want[0], a.Blocks)
	}
}

// TestOutOfTable checks that a best container inside a table moves up to
// the scored container that also holds the article's prose, and that a
// page whose text is the table keeps it.
func TestOutOfTable(t *testing.T) {
	doc, err := parsePage([]byte(`<html><body><div id="story">` + paras(3) + `<div><table id="t"><tbody id="b"><tr><td>Name</td><td>Adresse</td></tr></tbody></table></div></div>` +
		`<div id="lone"><table><tbody id="b2"><tr><td>` + prose + `</td></tr></tbody></table></div></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*html.Node{}
	walk(doc, func(n *html.Node) bool {
		if id := attr(n, "id"); id != "" {
			byID[id] = n
		}
		return true
	})
	x := newExtractor(0, "")
	x.scores[byID["b"]], x.scores[byID["story"]] = 400, 50
	x.scores[byID["b2"]], x.scores[byID["lone"]] = 40, 5
	if got := x.outOfTable(byID["b"]); got != byID["story"] {
		t.Errorf("table in an article: best %q, want the story", attr(got, "id"))
	}
	if got := x.outOfTable(byID["b2"]); got != byID["b2"] {
		t.Errorf("a page that is a table: best %q, want the table body", attr(got, "id"))
	}
	if got := x.outOfTable(byID["story"]); got != byID["story"] {
		t.Errorf("no table: best %q", attr(got, "id"))
	}
}
