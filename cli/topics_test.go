package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// Statements from the command line: annotate with --topic after --actor
// (new topics created with the highlight, stances by name or sign, an
// actor twice on two topics), show prints them, and the topics commands
// list, edit, rename, merge and delete them, deleting a used topic only
// with --force after naming its uses.
func TestTopicsOnTheCommandLine(t *testing.T) {
	l := newLibEnv(t)
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	l.ok("topics", "add", "Sanktionen", "--alias", "Sanctions", "--color", "#dc2626")
	l.ok("topics", "add", "Ölembargo", "--parent", "sanctions")
	code, hl, errs := l.run("", "annotate", id, "--quote", "Kim Jong Un sagte", "--actor", "Kim Jong Un:speaker",
		"--topic", "sanctions:-", "--topic", "Atomprogramm", "--actor", "USA:target", "--topic", "Ölembargo:supports")
	if code != 0 || !strings.Contains(errs, `new topic "Atomprogramm"`) {
		t.Fatalf("annotate: exit %d: %s", code, errs)
	}
	hl = strings.TrimSpace(hl)
	out := l.ok("show", id)
	if !strings.Contains(out, "Kim Jong Un (speaker; opposes Sanktionen), Kim Jong Un (speaker; on Atomprogramm), USA (target; supports Ölembargo)") {
		t.Errorf("show:\n%s", out)
	}
	var topics []topicJSON
	if err := json.Unmarshal([]byte(l.ok("topics", "--json")), &topics); err != nil || len(topics) != 3 {
		t.Fatalf("topics --json: %v %+v", err, topics)
	}
	if topics[2].Name != "Ölembargo" || topics[2].ParentName != "Sanktionen" || topics[1].Highlights != 1 {
		t.Errorf("topics: %+v", topics)
	}
	l.ok("topics", "rename", "Atomprogramm", "Atomwaffen")
	l.ok("topics", "edit", "Ölembargo", "--top", "--note", "seit 2022", "--color", "#0891b2")
	l.ok("topics", "merge", "Atomwaffen", "Sanktionen")
	if out := l.ok("show", id); !strings.Contains(out, "Kim Jong Un (speaker; opposes Sanktionen), USA") {
		t.Errorf("after the merge Kim should have one statement, with its stance:\n%s", out)
	}
	code, _, errs = l.run("", "topics", "delete", "Sanktionen")
	if code == 0 || !strings.Contains(errs, hl) || !strings.Contains(errs, "--force") {
		t.Fatalf("deleting a used topic without --force: exit %d: %s", code, errs)
	}
	l.ok("topics", "delete", "Sanktionen", "--force")
	if out := l.ok("show", id); !strings.Contains(out, "Kim Jong Un (speaker), USA (target; supports Ölembargo)") {
		t.Errorf("after the delete:\n%s", out)
	}
	for _, bad := range [][]string{
		{"annotate", id, "--quote", "Seoul", "--topic", "Sanktionen"},
		{"annotate", id, "--quote", "Seoul", "--actor", "Kim", "--topic", ":opposes"},
		{"topics", "rename", "Nichts", "Etwas"},
		{"topics", "add", "Ölembargo"},
		{"topics", "frobnicate"},
	} {
		// One line saying what is wrong; a usage error adds the usage line.
		code, _, errs := l.run("", bad...)
		lines := strings.Split(strings.TrimSpace(errs), "\n")
		if code == 0 || len(lines) > 2 || (len(lines) == 2 && !strings.HasPrefix(lines[1], "usage: ")) {
			t.Errorf("%v: exit %d, %q; want one line of error", bad, code, errs)
		}
	}
}
