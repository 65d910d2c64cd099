package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// topicSearchEnv is searchEnv with statements: Nordkorea opposes
// Sanktionen (under Sicherheit, alias Strafmaßnahmen) in the Korea
// article, and Nordkorea is neutral on Sicherheit itself in the summit one.
func topicSearchEnv(t *testing.T) (l *libEnv, nk, summit, hl string) {
	l, nk, summit, _ = searchEnv(t)
	l.ok("topics", "add", "Sicherheit")
	l.ok("topics", "add", "Sanktionen", "--parent", "Sicherheit", "--alias", "Strafmaßnahmen")
	hl = strings.TrimSpace(l.ok("annotate", nk, "--quote", "Russland und China verhinderten", "--actor", "Nordkorea:target", "--topic", "Sanktionen:opposes"))
	l.ok("annotate", summit, "--quote", "The leaders met in Geneva", "--actor", "Nordkorea", "--topic", "Sicherheit:0")
	return l, nk, summit, hl
}

// firstFields returns the first field of every line (the article ids of
// list and search).
func firstFields(out string) []string {
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if f := strings.Fields(line); len(f) > 0 && !strings.HasPrefix(line, " ") {
			ids = append(ids, f[0])
		}
	}
	return ids
}

func TestListAndSearchByTopic(t *testing.T) {
	l, nk, summit, _ := topicSearchEnv(t)
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"--topic", "Sanktionen"}, []string{nk}},
		{[]string{"--topic", "sanktionen:opposes"}, []string{nk}},
		{[]string{"--topic", "Sanktionen:-"}, []string{nk}},
		{[]string{"--topic", "Sanktionen:supports"}, nil},
		{[]string{"--topic", "Strafmaßnahmen"}, []string{nk}},
		// A topic takes the statements on the topics under it.
		{[]string{"--topic", "Sicherheit"}, []string{summit, nk}},
		{[]string{"--topic", "Sicherheit:neutral"}, []string{summit}},
		{[]string{"--topic", "Sicherheit", "--topic", "Sanktionen"}, []string{nk}},
		{[]string{"--topic", "Sicherheit", "--actor", "Nordkorea:target"}, []string{nk}},
		{[]string{"--topic", "Sicherheit", "--search", "geneva"}, []string{summit}},
		// Topic names are words of the search.
		{[]string{"--search", "strafmassnahmen"}, []string{nk}},
	}
	for _, c := range cases {
		got := firstFields(l.ok(append([]string{"list"}, c.args...)...))
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("list %v = %v, want %v", c.args, got, c.want)
		}
	}
	code, _, errs := l.run("", "list", "--topic", "Klima")
	if code != 1 || !strings.Contains(errs, `no topic named "Klima"`) {
		t.Fatalf("an unknown topic: %d %q", code, errs)
	}
	code, _, errs = l.run("", "search", "--topic", ":opposes")
	if code != 2 || !strings.Contains(errs, "has no name") {
		t.Fatalf("a stance without a topic: %d %q", code, errs)
	}
}

func TestSearchByTopicShowsTheStatement(t *testing.T) {
	l, nk, _, hl := topicSearchEnv(t)
	// A filter alone: the statement it asks for is the hit.
	out := l.ok("search", "--topic", "Sicherheit:opposes")
	want := nk + "  "
	if !strings.HasPrefix(out, want) || !strings.Contains(out, "highlight "+hl+": Nordkorea opposes Sanktionen · “Russland und China verhinderten”") {
		t.Fatalf("search --topic:\n%s", out)
	}
	// A topic's alias as a word, with --json: the topic's name is marked.
	var res []searchResult
	if err := json.Unmarshal([]byte(l.ok("search", "strafmaßnahmen", "--json")), &res); err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Article.ID != nk || res[0].Highlight != hl {
		t.Fatalf("search --json by a topic's alias: %+v", res)
	}
	var marked []string
	for _, m := range res[0].Marks {
		marked = append(marked, res[0].Snippet[m[0]:m[1]])
	}
	if strings.Join(marked, "|") != "Sanktionen" {
		t.Fatalf("marks %q in %q", marked, res[0].Snippet)
	}
	// A rename is found at once, the old name no more.
	l.ok("topics", "rename", "Sanktionen", "Zwangsmaßnahmen")
	if got := firstFields(l.ok("search", "zwangsmassnahmen")); strings.Join(got, " ") != nk {
		t.Fatalf("the new name: %v", got)
	}
	if got := firstFields(l.ok("list", "--topic", "Zwangsmaßnahmen:opposes")); strings.Join(got, " ") != nk {
		t.Fatalf("--topic with the new name: %v", got)
	}
}

// TestFilterNamesAndColons: an unknown actor or topic is one sentence
// naming the command that lists them; a word after a colon that is no
// stance (or role) is a mistake named as such, unless an actor or topic
// of that whole name exists. A filter (list, search) says no such name
// exists either; a command that makes names (annotate, highlight edit)
// says how to make a new one with a colon.
func TestFilterNamesAndColons(t *testing.T) {
	l, nk, _, hl := topicSearchEnv(t)
	for _, c := range []struct {
		args []string
		code int
		errs string
	}{
		{[]string{"list", "--topic", "Klima"}, 1, `dramatis list: no topic named "Klima" exists in this library; 'dramatis topics' lists them` + "\n"},
		{[]string{"search", "--actor", "Niemand"}, 1, `dramatis search: no actor named "Niemand" exists in this library; 'dramatis actors' lists them` + "\n"},
		{[]string{"search", "--topic", "Sanktionen:maybe"}, 2, `dramatis search: unknown stance "maybe" in --topic "Sanktionen:maybe": a stance is supports, opposes or neutral, the first three letters of one, or + - 0 (no topic is named "Sanktionen:maybe" either)` + "\n"},
		{[]string{"list", "--topic", "Sanktionen:"}, 2, `dramatis list: no stance after the colon of --topic "Sanktionen:": a stance is supports, opposes or neutral, the first three letters of one, or + - 0 (no topic is named "Sanktionen:" either)` + "\n"},
		{[]string{"list", "--actor", "Nordkorea:boss"}, 2, `dramatis list: invalid role "boss" in --actor "Nordkorea:boss" (use mentioned, speaker or target; no actor is named "Nordkorea:boss" either)` + "\n"},
		{[]string{"search", "--actor", "Nordkorea:boss"}, 2, `dramatis search: invalid role "boss" in --actor "Nordkorea:boss" (use mentioned, speaker or target; no actor is named "Nordkorea:boss" either)` + "\n"},
		{[]string{"annotate", nk, "--quote", "Kim Jong Un", "--actor", "Nordkorea", "--topic", "Klima:vielleicht"}, 2, `dramatis annotate: unknown stance "vielleicht" in --topic "Klima:vielleicht": a stance is supports, opposes or neutral, the first three letters of one, or + - 0 (a new topic whose name has a colon needs the stance too: "Klima:vielleicht:unset")` + "\n"},
		{[]string{"annotate", nk, "--quote", "Kim Jong Un", "--actor", "Nordkorea:boss"}, 2, `dramatis annotate: invalid role "boss" in --actor "Nordkorea:boss" (use mentioned, speaker or target; a new actor whose name has a colon needs the role too: NAME:mentioned)` + "\n"},
		{[]string{"highlight", "edit", nk, hl, "--actor", "Nordkorea:boss"}, 2, `dramatis highlight edit: invalid role "boss" in --actor "Nordkorea:boss" (use mentioned, speaker or target; a new actor whose name has a colon needs the role too: NAME:mentioned)` + "\n"},
		{[]string{"highlight", "edit", nk, hl, "--actor", "Nordkorea", "--topic", "Klima:vielleicht"}, 2, `dramatis highlight edit: unknown stance "vielleicht" in --topic "Klima:vielleicht": a stance is supports, opposes or neutral, the first three letters of one, or + - 0 (a new topic whose name has a colon needs the stance too: "Klima:vielleicht:unset")` + "\n"},
	} {
		code, _, errs := l.run("", c.args...)
		if code != c.code || !strings.HasPrefix(errs, c.errs) {
			t.Errorf("%v: %d %q, want %d %q", c.args, code, errs, c.code, c.errs)
		}
	}
	if out := l.ok("topics", "list"); strings.Contains(out, "Klima") {
		t.Fatalf("a mistyped stance created a topic:\n%s", out)
	}
	// Names with a colon, found whole.
	l.ok("topics", "add", "Brexit:Deal")
	l.ok("actors", "add", "Bündnis:Grüne")
	l.ok("annotate", nk, "--quote", "Kim Jong Un", "--actor", "Bündnis:Grüne", "--topic", "Brexit:Deal")
	for _, args := range [][]string{
		{"--topic", "Brexit:Deal"},
		{"--topic", "brexit:deal:unset"},
		{"--actor", "Bündnis:Grüne"},
		{"--actor", "Bündnis:Grüne:mentioned", "--topic", "Brexit:Deal"},
	} {
		if got := firstFields(l.ok(append([]string{"list"}, args...)...)); strings.Join(got, " ") != nk {
			t.Errorf("list %v = %v, want %v", args, got, nk)
		}
	}
}
