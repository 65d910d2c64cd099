package cli

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"
)

// oneErrorLine fails unless a failed command said what is wrong in one
// line (a usage error adds the usage line).
func (l *libEnv) oneErrorLine(args ...string) string {
	l.t.Helper()
	code, _, errs := l.run("", args...)
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if code == 0 || len(lines) > 2 || (len(lines) == 2 && !strings.HasPrefix(lines[1], "usage: ")) {
		l.t.Errorf("%q: exit %d, %q; want one line of error", args, code, errs)
	}
	return errs
}

// highlight edit changes a highlight's note, colour and statements as the
// picker does (new actors and topics are made with the change; built-in
// names resolve); --no-actors clears them; delete removes it and says
// what it was. Every bad call is one line and changes nothing.
func TestHighlightEditAndDelete(t *testing.T) {
	l := newLibEnv(t)
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	hl := strings.TrimSpace(l.ok("annotate", id, "--quote", "Kim Jong Un sagte", "--actor", "Kim Jong Un:speaker", "--note", "Drohung"))
	other := strings.TrimSpace(l.ok("annotate", id, "--quote", "Die USA kündigten Konsequenzen an."))

	code, out, errs := l.run("", "highlight", "edit", strings.ToLower(id[:6]), strings.ToLower(hl[:22]), "--note", "keine Angst", "--color", "green",
		"--actor", "Kim Jong Un:speaker", "--topic", "Sanktionen:-", "--actor", "Peking:target")
	if code != 0 || strings.TrimSpace(out) != hl || !strings.Contains(errs, `new topic "Sanktionen"`) {
		t.Fatalf("highlight edit: exit %d, %q, %s", code, out, errs)
	}
	var shown showJSON
	if err := json.Unmarshal([]byte(l.ok("show", id, "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	h := shown.Highlights[0]
	if h.ID != hl || h.Note != "keine Angst" || h.Color != "green" || len(h.Actors) != 2 ||
		h.Actors[0].Name != "Kim Jong-un" || h.Actors[0].TopicName != "Sanktionen" || h.Actors[0].Stance != "opposes" ||
		h.Actors[1].Name != "China" || h.Actors[1].Role != "target" {
		t.Fatalf("after the edit: %+v", h)
	}

	// Only what is given changes: the note stays when the colour does.
	l.ok("highlight", "edit", id, hl, "--color", "")
	l.ok("highlight", "edit", id, hl, "--no-actors")
	show := l.ok("show", id)
	if !strings.Contains(show, "note: keine Angst") || strings.Contains(show, "actors: Kim") {
		t.Errorf("after --color '' and --no-actors:\n%s", show)
	}

	before := l.snapshot(id)
	for _, bad := range [][]string{
		{"highlight", "edit", id, hl},
		{"highlight", "edit", id, hl, "--color", "mauve"},
		{"highlight", "edit", id, hl, "--no-actors", "--actor", "Kim"},
		{"highlight", "edit", id, hl, "--topic", "Sanktionen"},
		{"highlight", "edit", id, "zzzz", "--note", "x"},
		{"highlight", "edit", id, "", "--note", "x"},
		{"highlight", "edit", "nosuch", hl, "--note", "x"},
		{"highlight", "edit", id},
		{"highlight", "delete", id, "zzzz"},
		{"highlight", "frobnicate"},
		{"highlight"},
	} {
		l.oneErrorLine(bad...)
	}
	if after := l.snapshot(id); after != before {
		t.Errorf("a failed command changed the library")
	}

	code, _, errs = l.run("", "highlight", "delete", id, other)
	if code != 0 || !strings.Contains(errs, "Die USA kündigten") {
		t.Fatalf("highlight delete: exit %d: %s", code, errs)
	}
	if show := l.ok("show", id); strings.Contains(show, other) || !strings.Contains(show, hl) {
		t.Errorf("after deleting %s:\n%s", other, show)
	}
}

// A prefix two highlights share is refused with both named, not guessed.
func TestHighlightPrefixMustBeUnique(t *testing.T) {
	l := newLibEnv(t)
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	a := strings.TrimSpace(l.ok("annotate", id, "--quote", "Seoul"))
	b := strings.TrimSpace(l.ok("annotate", id, "--quote", "Russland"))
	common := 0
	for common < len(a) && a[common] == b[common] {
		common++
	}
	if common == 0 {
		l.oneErrorLine("highlight", "delete", id, "")
		return
	}
	errs := l.oneErrorLine("highlight", "delete", id, a[:common])
	if !strings.Contains(errs, "give more characters") {
		t.Errorf("ambiguous prefix: %s", errs)
	}
}

// delete removes an article with its highlights, only with --yes when no
// one can be asked (a script), and names what it removed; an unknown id
// deletes nothing, not even the articles named before it.
func TestDeleteArticle(t *testing.T) {
	l := newLibEnv(t)
	ids := strings.Fields(l.ok("import", l.page("nk.html", nkPage), l.page("summit.html", otherPage)))
	l.ok("annotate", ids[0], "--quote", "Seoul", "--actor", "Südkorea")
	before := l.snapshot(ids...)
	errs := l.oneErrorLine("delete", ids[0])
	if !strings.Contains(errs, "--yes") || !strings.Contains(errs, "1 highlight") {
		t.Errorf("delete without --yes: %s", errs)
	}
	l.oneErrorLine("delete", ids[1], "nosuch", "--yes")
	l.oneErrorLine("delete")
	if l.snapshot(ids...) != before {
		t.Fatal("a refused delete changed the library")
	}
	code, _, errs := l.run("", "delete", strings.ToLower(ids[0]), "--yes")
	if code != 0 || !strings.Contains(errs, "Raketen | Beispiel") || !strings.Contains(errs, "1 highlight") {
		t.Fatalf("delete --yes: exit %d: %s", code, errs)
	}
	list := l.ok("list")
	if strings.Contains(list, ids[0]) || !strings.Contains(list, ids[1]) {
		t.Errorf("after the delete:\n%s", list)
	}
	l.oneErrorLine("show", ids[0])
	// The actor stays; only the highlight went with its article.
	if out := l.ok("actors"); !strings.Contains(out, "Südkorea") {
		t.Errorf("actors after the delete:\n%s", out)
	}
}

// confirm takes only y/yes (and the German j/ja) as yes; Enter, EOF and
// anything else keep.
func TestConfirm(t *testing.T) {
	for answer, want := range map[string]bool{"y\n": true, "YES\n": true, "ja\n": true, "\n": false, "": false, "n\n": false, "yep\n": false} {
		var b strings.Builder
		if got := confirm(&b, bufio.NewReader(strings.NewReader(answer)), "Delete?"); got != want || b.String() != "Delete? [y/N] " {
			t.Errorf("answer %q: %v (prompt %q), want %v", answer, got, b.String(), want)
		}
	}
	if isTerminal(strings.NewReader("")) || isTerminal(io.Discard) {
		t.Error("a reader or writer that is no file is no terminal")
	}
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if isTerminal(null) {
		t.Error("the null device is no terminal: 'delete ID </dev/null' would ask no one")
	}
}

// actors edit changes every field the Actors window can; actors delete
// lists an actor's uses and deletes a used one only with --force.
func TestActorsEditAndDelete(t *testing.T) {
	l := newLibEnv(t)
	id := strings.TrimSpace(l.ok("import", l.page("nk.html", nkPage)))
	l.ok("actors", "add", "Regierung in Seoul")
	hl := strings.TrimSpace(l.ok("annotate", id, "--quote", "Die Regierung in Seoul", "--actor", "Regierung in Seoul:speaker"))
	l.ok("actors", "edit", "regierung in seoul", "--name", "Südkoreanische Regierung", "--kind", "organisation",
		"--alias", "Seoul", "--alias", "Regierung in Seoul", "--wikidata", "q1071", "--color", "#0891B2", "--note", "Exekutive")
	var actors []actorJSON
	if err := json.Unmarshal([]byte(l.ok("actors", "--json")), &actors); err != nil || len(actors) != 1 {
		t.Fatalf("actors --json: %v %+v", err, actors)
	}
	a := actors[0]
	if a.Name != "Südkoreanische Regierung" || a.Kind != "organisation" || strings.Join(a.Aliases, "|") != "Seoul|Regierung in Seoul" ||
		a.Wikidata != "Q1071" || a.Color != "#0891b2" || a.Note != "Exekutive" || a.Highlights != 1 {
		t.Fatalf("after the edit: %+v", a)
	}
	// Found by its new alias; --alias '' clears the aliases and only them.
	l.ok("actors", "edit", "Seoul", "--alias", "")
	if out := l.ok("actors"); strings.Contains(out, "aka") || !strings.Contains(out, "Südkoreanische Regierung") {
		t.Errorf("after --alias '':\n%s", out)
	}
	if show := l.ok("show", id); !strings.Contains(show, "Südkoreanische Regierung (speaker)") {
		t.Errorf("the highlight does not follow the renamed actor:\n%s", show)
	}

	before := l.snapshot(id)
	for _, bad := range [][]string{
		{"actors", "edit", "Südkoreanische Regierung"},
		{"actors", "edit", "Südkoreanische Regierung", "--kind", "planet"},
		{"actors", "edit", "Südkoreanische Regierung", "--wikidata", "Seoul"},
		{"actors", "edit", "Südkoreanische Regierung", "--color", "blue"},
		{"actors", "edit", "Südkoreanische Regierung", "--name", " "},
		{"actors", "edit", "Niemand", "--kind", "person"},
		{"actors", "delete", "Niemand"},
		{"actors", "delete"},
	} {
		l.oneErrorLine(bad...)
	}
	code, _, errs := l.run("", "actors", "delete", "Südkoreanische Regierung")
	if code != 1 || !strings.Contains(errs, hl) || !strings.Contains(errs, "--force") {
		t.Errorf("deleting a used actor without --force should list its uses: %s", errs)
	}
	if l.snapshot(id) != before {
		t.Fatal("a failed command changed the library")
	}
	l.ok("actors", "delete", "Südkoreanische Regierung", "--force")
	if out := l.ok("actors"); strings.TrimSpace(out) != "" {
		t.Errorf("actors after the delete: %q", out)
	}
	if show := l.ok("show", id); !strings.Contains(show, hl) || strings.Contains(show, "actors:") {
		t.Errorf("the highlight should stay without its actor:\n%s", show)
	}
	// An unused actor goes without --force.
	l.ok("actors", "add", "Niemand")
	l.ok("actors", "delete", "Niemand")
}
