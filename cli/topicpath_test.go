package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/internal/topicpath/pathcases"
)

// topicsOf lists the library's topics by name.
func (l *libEnv) topicsOf() map[string]topicJSON {
	l.t.Helper()
	var ts []topicJSON
	if err := json.Unmarshal([]byte(l.ok("topics", "--json")), &ts); err != nil {
		l.t.Fatal(err)
	}
	m := map[string]topicJSON{}
	for _, t := range ts {
		m[t.Name] = t
	}
	return m
}

// statementTopic is the topic name of the first statement of the
// article's only highlight.
func (l *libEnv) statementTopic(id string) string {
	l.t.Helper()
	var show showJSON
	json.Unmarshal([]byte(l.ok("show", id, "--json")), &show)
	if len(show.Highlights) != 1 || len(show.Highlights[0].Actors) == 0 {
		l.t.Fatalf("highlights: %+v", show.Highlights)
	}
	return show.Highlights[0].Actors[0].TopicName
}

// --topic reads what it is given as the window's topic field does: the
// table the picker's test reads too (pathcases), each in a new library as
// the picker's test starts from none.
func TestTopicFlagReadsPathsAsTheWindow(t *testing.T) {
	for _, tc := range pathcases.Cases(t) {
		for _, how := range []string{"annotate", "topics add"} {
			l := newLibEnv(t)
			if how == "annotate" {
				id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
				l.ok("annotate", id, "--quote", "Nordkorea hat erneut", "--actor", "Kim Jong Un", "--topic", tc.Input+":+")
				if got := l.statementTopic(id); got != tc.Child {
					t.Errorf("%s %q: the statement is on %q, want %q", how, tc.Input, got, tc.Child)
				}
			} else {
				l.ok("topics", "add", tc.Input)
			}
			ts := l.topicsOf()
			want := 1
			if tc.Parent != "" {
				want = 2
			}
			if c, ok := ts[tc.Child]; !ok || c.ParentName != tc.Parent || len(ts) != want {
				t.Errorf("%s %q made %+v, want %q under %q", how, tc.Input, ts, tc.Child, tc.Parent)
			}
		}
	}
}

func TestTopicPathReusesAndRefuses(t *testing.T) {
	l := newLibEnv(t)
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	sanktionen := strings.TrimSpace(l.ok("topics", "add", "Sanktionen", "--alias", "Sanctions"))
	// An existing parent is reused, by name or alias, and a path made
	// twice in one command makes its topics once.
	l.ok("annotate", id, "--quote", "Nordkorea hat erneut", "--actor", "Kim Jong Un", "--topic", "sanctions/Finanzen:-",
		"--actor", "USA", "--topic", "Sanktionen › Finanzen:+", "--topic", "Wirtschaft/Zölle")
	ts := l.topicsOf()
	if len(ts) != 4 || ts["Finanzen"].Parent != sanktionen || ts["Zölle"].ParentName != "Wirtschaft" || ts["Wirtschaft"].Parent != "" {
		t.Fatalf("topics after annotate: %+v", ts)
	}
	// Found again by the path, in a filter and by 'topics'.
	if out := l.ok("search", "--topic", "Sanktionen/Finanzen"); !strings.Contains(out, id) {
		t.Fatalf("search --topic Sanktionen/Finanzen: %q", out)
	}
	l.ok("topics", "edit", "Sanktionen/Finanzen", "--note", "Banken")
	if ts := l.topicsOf(); ts["Finanzen"].Note != "Banken" {
		t.Fatalf("topics edit by path: %+v", ts["Finanzen"])
	}
	// What the window refuses, the command line refuses, in one line.
	for _, tc := range []struct{ topic, want string }{
		{"Wirtschaft/Finanzen", `the topic "Finanzen" exists, but not under "Wirtschaft"`},
		{"Zölle/Teil", `"Zölle" is under another topic: topics go one level deep`},
		{"Sanktionen/", `names no topic after its parent`},
	} {
		if got := l.oneErrorLine("annotate", id, "--quote", "Die USA", "--occurrence", "1", "--actor", "USA", "--topic", tc.topic); !strings.Contains(got, tc.want) {
			t.Errorf("--topic %q: %q, want %q", tc.topic, got, tc.want)
		}
	}
	if len(l.topicsOf()) != 4 {
		t.Fatalf("a refused command made topics: %+v", l.topicsOf())
	}
}

// A topic whose own name has a "/" (made before "/" meant a parent, or by
// a rename, which takes the name whole) is found by that name first.
func TestTopicWithSlashInItsNameStaysReachable(t *testing.T) {
	l := newLibEnv(t)
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	l.ok("topics", "add", "Hongkong")
	l.ok("topics", "add", "Alt")
	l.ok("topics", "rename", "Alt", "Hongkong/Führung")
	l.ok("annotate", id, "--quote", "Nordkorea hat erneut", "--actor", "Kim Jong Un", "--topic", "Hongkong/Führung")
	if got := l.statementTopic(id); got != "Hongkong/Führung" {
		t.Fatalf("the statement is on %q", got)
	}
	if ts := l.topicsOf(); len(ts) != 2 || ts["Hongkong/Führung"].Highlights != 1 {
		t.Fatalf("topics: %+v", ts)
	}
	l.ok("topics", "delete", "Hongkong/Führung", "--force")
	if ts := l.topicsOf(); len(ts) != 1 {
		t.Fatalf("topics after deleting the one with a slash: %+v", ts)
	}
	for _, cmd := range [][]string{{"annotate"}, {"highlight", "edit"}, {"topics", "add"}} {
		_, out, errs := l.run("", append(cmd, "--help")...)
		if !strings.Contains(out+errs, "found by that name first") {
			t.Errorf("%s --help does not say how a topic with a / is found:\n%s", cmd, out+errs)
		}
	}
}
