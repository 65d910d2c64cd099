package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// searchEnv is a library with the two fixture pages, a highlight naming
// Nordkorea (alias Pjöngjang) as target with a note, and the ids.
func searchEnv(t *testing.T) (l *libEnv, nk, summit, hl string) {
	l = newLibEnv(t)
	nk = strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	summit = strings.TrimSpace(l.ok("import", l.page("summit.html", otherPage)))
	l.ok("actors", "add", "Nordkorea", "--kind", "state", "--alias", "Pjöngjang")
	hl = strings.TrimSpace(l.ok("annotate", nk, "--quote", "Kim Jong Un sagte", "--actor", "Nordkorea:target", "--note", "Drohung gegen Seoul"))
	return l, nk, summit, hl
}

func TestSearchCommand(t *testing.T) {
	l, nk, summit, hl := searchEnv(t)
	out := l.ok("search", "sanktionen", "russland")
	if !strings.HasPrefix(out, nk+"  ") || !strings.Contains(out, "Russland und China verhinderten im Sicherheitsrat neue Sanktionen") {
		t.Fatalf("search in the text:\n%s", out)
	}
	// Word order, accents and an actor's name: the highlight is the hit.
	out = l.ok("search", "drohung", "NORDKOREA")
	if !strings.Contains(out, "highlight "+hl+": Nordkorea · “Kim Jong Un sagte” · Note: Drohung gegen Seoul") {
		t.Fatalf("search finding a highlight:\n%s", out)
	}
	var res []searchResult
	if err := json.Unmarshal([]byte(l.ok("search", "geneva", "--json")), &res); err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Article.ID != summit || res[0].Highlight != "" || !strings.Contains(res[0].Snippet, "Geneva") || len(res[0].Marks) != 1 {
		t.Fatalf("search --json: %+v", res)
	}
	if m := res[0].Marks[0]; res[0].Snippet[m[0]:m[1]] != "Geneva" {
		t.Fatalf("mark %v is %q", m, res[0].Snippet[m[0]:m[1]])
	}
	// The best match first by default, with its score; by date on request.
	if res[0].Score == nil || *res[0].Score <= 0 {
		t.Fatalf("search --json ranks by default, and gives the score: %+v", res[0])
	}
	res = nil
	if err := json.Unmarshal([]byte(l.ok("search", "geneva", "--json", "--sort", "added")), &res); err != nil || len(res) != 1 || res[0].Score != nil {
		t.Fatalf("search --sort added --json: %+v, %v", res, err)
	}
	if code, _, errs := l.run("", "search", "geneva", "--sort", "best"); code != 2 || !strings.Contains(errs, "use relevance, added or published") {
		t.Fatalf("--sort best: %d %q", code, errs)
	}
	if out := l.ok("search", "keinwortdavon"); out != "" {
		t.Fatalf("nothing found prints nothing, got %q", out)
	}
	// Filters alone, and with words.
	if out := l.ok("search", "--actor", "Pjöngjang:target"); !strings.HasPrefix(out, nk) || strings.Contains(out, summit) {
		t.Fatalf("--actor by alias and role:\n%s", out)
	}
	if out := l.ok("search", "leaders", "--actor", "Nordkorea"); out != "" {
		t.Fatalf("words and an actor that do not meet:\n%s", out)
	}
	code, _, errs := l.run("", "search", "x", "--actor", "Niemand")
	if code != 1 || !strings.Contains(errs, `no actor named "Niemand"`) {
		t.Fatalf("unknown actor: %d %q", code, errs)
	}
	code, _, errs = l.run("", "search")
	if code != 2 || !strings.Contains(errs, "needs words") {
		t.Fatalf("no words: %d %q", code, errs)
	}
	// A query of punctuation alone has no words: refused as the empty
	// one is, not answered with every article.
	for _, q := range [][]string{{"("}, {"*"}, {`"`}, {"-"}, {"-", "—", "…"}, {`""`}, {"--actor", "Nordkorea", "--", "("}} {
		code, out, errs := l.run("", append([]string{"search"}, q...)...)
		if code != 2 || out != "" || !strings.Contains(errs, "nothing to search for: the query") || !strings.Contains(errs, "has no words") {
			t.Errorf("search %q: exit %d, stdout %q, stderr %q", q, code, out, errs)
		}
	}
	if code, out, errs := l.run("", "list", "--search", "("); code != 2 || out != "" || !strings.Contains(errs, "has no words") {
		t.Errorf("list --search (: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if out := l.ok("search", "(sanktionen)"); out == "" {
		t.Error("a word in brackets is still a word")
	}
	code, _, errs = l.run("", "search", "x", "--from", "gestern")
	if code != 2 || !strings.Contains(errs, "is not a date") {
		t.Fatalf("bad date: %d %q", code, errs)
	}
	// --limit says what it left out.
	code, out, errs = l.run("", "search", "--highlighted", "--limit", "1")
	if code != 0 || strings.Count(out, "\n") != 2 || errs != "" {
		t.Fatalf("--limit 1 of 1: %d %q %q", code, out, errs)
	}
	if code, out, errs = l.run("", "search", "--from", "2000", "--limit", "1"); code != 0 || !strings.Contains(errs, "2 articles found, the first 1 shown") {
		t.Fatalf("--limit 1 of 2: %d %q %q", code, out, errs)
	}
}

func TestListFilters(t *testing.T) {
	l, nk, summit, _ := searchEnv(t)
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"--highlighted"}, []string{nk}},
		{[]string{"--actor", "Nordkorea:speaker"}, nil},
		{[]string{"--actor", "Nordkorea"}, []string{nk}},
		{[]string{"--search", "talks"}, []string{summit}},
		{[]string{"--site", "beispiel"}, []string{nk}},
		{[]string{"--from", "2000", "--to", "2999-12"}, []string{summit, nk}},
		{[]string{"--to", "2000-01-01"}, nil},
		{[]string{"--orphaned"}, nil},
	}
	for _, c := range cases {
		out := l.ok(append([]string{"list"}, c.args...)...)
		var got []string
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			if f := strings.Fields(line); len(f) > 0 {
				got = append(got, f[0])
			}
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("list %v = %v, want %v", c.args, got, c.want)
		}
	}
}

// TestSearchReindex: --reindex builds the index afresh and says so; the
// answer is the same.
func TestSearchReindex(t *testing.T) {
	l, nk, _, _ := searchEnv(t)
	code, out, errs := l.run("", "search", "pjongjang", "--reindex")
	if code != 0 || !strings.HasPrefix(out, nk) || !strings.Contains(errs, "indexing for search: 2 of 2 articles") {
		t.Fatalf("search --reindex: %d %q %q", code, out, errs)
	}
}
