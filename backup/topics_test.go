package backup

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
)

// TestTopicsRoundTripThroughALibrary: the fixture (three topics, one
// under another; statements with and without a stance, one actor twice
// on two topics) imported into a new library keeps every statement, and
// that library's backup, imported into another new library, backs up to
// the same bytes.
func TestTopicsRoundTripThroughALibrary(t *testing.T) {
	data, err := Encode(fixtureLibrary())
	if err != nil {
		t.Fatal(err)
	}
	first := backupOf(t, data)
	second := backupOf(t, first)
	if !bytes.Equal(first, second) {
		t.Errorf("backup → new library → backup changed the bytes")
	}
}

// backupOf imports a backup into a new library and returns that
// library's backup, checking the topics arrived.
func backupOf(t *testing.T, data []byte) []byte {
	t.Helper()
	l := openLibrary(t)
	p, err := importInto(t, l, data)
	if err != nil || p.NewTopics != 3 {
		t.Fatalf("%v; %s", err, p.Summary())
	}
	hs, err := l.TopicHighlights("01JTOPSANKTIONEN0000000000")
	if err != nil || len(hs) != 1 || len(hs[0].Actors) != 3 || hs[0].Actors[0].Stance != annotation.StanceOpposes {
		t.Fatalf("highlights on Sanktionen = %+v, %v", hs, err)
	}
	var out bytes.Buffer
	if err := Write(&out, storeSource{l}); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestMergeTopicsByName: a backup topic named like a library topic (in
// another case) is that topic: its aliases join it, the backup's
// statements follow it, and a statement that becomes a repeat of another
// is dropped; a topic under a topic that is itself under one in the
// library goes to the top level.
func TestMergeTopicsByName(t *testing.T) {
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	cur := fixtureLibrary()
	cur.Articles = nil
	cur.Topics = []annotation.Topic{
		{ID: "01JMINESANKTIONEN", Name: "SANKTIONEN", Aliases: []string{"Strafmaßnahmen"}, Created: t0, Updated: t0},
		{ID: "01JMINEATOM", Name: "Atomprogramm", Parent: "01JMINESANKTIONEN", Created: t0, Updated: t0},
	}
	backup := fixtureLibrary()
	// Kim on Sanktionen and on the backup's own copy of it: one statement
	// once merged.
	hl := &backup.Articles[0].Highlights[0]
	backup.Topics = append(backup.Topics, annotation.Topic{ID: "01JTOPSANKTIONEN2", Name: "sanktionen", Aliases: []string{"Embargos"}, Created: t0, Updated: t0})
	hl.Actors = append(hl.Actors, annotation.ActorRef{ActorID: "01JKIM00000000000000000AAA", Role: annotation.RoleSpeaker, Topic: "01JTOPSANKTIONEN2"})
	p, err := PlanMerge(cur, backup)
	if err != nil {
		t.Fatal(err)
	}
	if p.MergedTopics != 3 || p.NewTopics != 1 {
		t.Fatalf("%s", p.Summary())
	}
	byID := map[string]annotation.Topic{}
	for _, tp := range p.Topics {
		byID[tp.ID] = tp
	}
	mine := byID["01JMINESANKTIONEN"]
	if strings.Join(mine.Aliases, ",") != "Strafmaßnahmen,Sanctions,Embargos" {
		t.Errorf("merged aliases = %q", mine.Aliases)
	}
	if oel := byID["01JTOPOEL00000000000000000"]; oel.Parent != "01JMINESANKTIONEN" {
		t.Errorf("Ölembargo's parent = %q, want the library's Sanktionen", oel.Parent)
	}
	if p.Topics[len(p.Topics)-1].Parent == "" {
		t.Errorf("a topic under another is not stored after it: %+v", p.Topics)
	}
	var got []string
	for _, h := range p.Highlights {
		if h.ID != hl.ID {
			continue
		}
		for _, r := range h.Actors {
			got = append(got, r.ActorID[:6]+"/"+r.Topic+"/"+string(r.Stance))
		}
	}
	want := "01JKIM/01JMINESANKTIONEN/opposes 01JKIM/01JMINEATOM/ 01JCHI//"
	if strings.Join(got, " ") != want {
		t.Errorf("statements = %q\nwant %q", strings.Join(got, " "), want)
	}
}

// TestReadRefusesBadStatements: a statement on a topic the backup lacks,
// a stance that is not one, a stance without a topic, two topics of one
// name and a second level of topics are refused before anything is
// written.
func TestReadRefusesBadStatements(t *testing.T) {
	good, _ := Encode(fixtureLibrary())
	g := string(good)
	tests := []struct{ name, in, msg string }{
		{"dangling topic", strings.Replace(g, `"topic": "01JTOPATOM0000000000000000"`, `"topic": "01JGONE"`, 1), "does not hold"},
		{"unknown stance", strings.Replace(g, `"stance": "opposes"`, `"stance": "hates"`, 1), "not one of"},
		{"stance without topic", strings.Replace(g, `"topic": "01JTOPSANKTIONEN0000000000",`, ``, 1), "without a topic"},
		{"same name", strings.Replace(g, `"name": "Atomprogramm"`, `"name": "SANKTIONEN"`, 1), "same name"},
		{"two levels", strings.Replace(g, `"name": "Sanktionen",`, `"name": "Sanktionen", "parent": "01JTOPATOM0000000000000000",`, 1), "one level"},
		{"parent missing", strings.Replace(g, `"parent": "01JTOPSANKTIONEN0000000000"`, `"parent": "01JNOPE"`, 1), "does not hold"},
		{"malformed topic id", strings.Replace(g, `"01JTOPATOM0000000000000000"`, `"../x"`, -1), "malformed id"},
	}
	for _, tt := range tests {
		if tt.in == g {
			t.Fatalf("%s: the replacement did not apply", tt.name)
		}
		_, err := Read(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: %v, want an error with %q", tt.name, err, tt.msg)
		}
	}
}

// TestReadsVersion1: a backup written before topics reads as it did.
func TestReadsVersion1(t *testing.T) {
	lib := fixtureLibrary()
	lib.Topics = nil
	for i := range lib.Articles {
		lib.Articles[i].Corrected = nil
		lib.Articles[i].Source, lib.Articles[i].Updated = "", time.Time{}
		for j := range lib.Articles[i].Highlights {
			h := &lib.Articles[i].Highlights[j]
			for k := range h.Actors {
				h.Actors[k].Topic, h.Actors[k].Stance = "", annotation.StanceUnset
			}
		}
	}
	data, _ := Encode(lib)
	v1 := strings.Replace(strings.Replace(string(data), fmt.Sprintf(`"version": %d`, Version), `"version": 1`, 1), "\n \"topics\": [],", "", 1)
	if strings.Contains(v1, "topic") || strings.Contains(v1, "corrected") || !strings.Contains(v1, `"version": 1`) {
		t.Fatalf("not a version 1 backup:\n%s", v1)
	}
	back, err := Read(strings.NewReader(v1))
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Topics) != 0 || len(back.Actors) != 4 || len(back.Articles) != len(lib.Articles) {
		t.Fatalf("topics %d, actors %d, articles %d", len(back.Topics), len(back.Actors), len(back.Articles))
	}
}
