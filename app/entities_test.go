package app

import (
	"slices"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
)

// One state is one actor: the demo's "United States" and a German
// article's "Vereinigte Staaten" (made before this window knew better, or
// by another program) become one actor with both names at the next start,
// and the highlights follow.
func TestOneEntityIsOneActor(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	us, _, _ := lib.FindActor("United States")
	id := addArticle(t, lib, "Gipfel", "Die Vereinigten Staaten und China verhandeln.", time.Now())
	vs, err := lib.AddActor(annotation.Actor{Name: "Vereinigte Staaten", Kind: annotation.KindState, Aliases: []string{"Amerika"}})
	if err != nil {
		t.Fatal(err)
	}
	h, err := lib.AddHighlight(annotation.Highlight{ArticleID: id, Start: 0, End: 27,
		Actors: []annotation.ActorRef{{ActorID: vs.ID, Role: annotation.RoleTarget}}})
	if err != nil {
		t.Fatal(err)
	}
	b := newApp(a.fa, lib, Options{}, true, nil)
	defer b.win.Close()
	if _, err := lib.Actor(vs.ID); err == nil {
		t.Fatal("Vereinigte Staaten is still an actor of its own")
	}
	got, err := lib.Actor(us.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(got.Aliases, "Vereinigte Staaten") || !slices.Contains(got.Aliases, "Amerika") || got.Wikidata != "Q30" {
		t.Errorf("the one actor is %+v; want both names and Q30", got)
	}
	if hh, _ := lib.Highlight(h.ID); len(hh.Actors) != 1 || hh.Actors[0].ActorID != us.ID || hh.Actors[0].Role != annotation.RoleTarget {
		t.Errorf("the highlight's actors are %+v", hh.Actors)
	}
	if b.shell.status.Text == "" {
		t.Error("the merge was not said")
	}
}

// Picking the built-in "Vereinigte Staaten" in a German article while the
// library has the demo's "United States" tags the one actor, which then
// counts as the reader's.
func TestPickingAKnownStateReusesItsActor(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	us, _, _ := lib.FindActor("United States")
	id := highlightInNewArticle(t, a, lib, "Die Vereinigten Staaten und China verhandeln.", 27, "Vereinigte Staaten")
	hls, _ := lib.Highlights(id)
	if len(hls) != 1 || len(hls[0].Actors) != 1 || hls[0].Actors[0].ActorID != us.ID {
		t.Fatalf("the highlight's actors are %+v, want the one United States", hls)
	}
	if actors, _ := lib.Actors(); len(actors) != 4 {
		t.Errorf("%d actors; picking a known state made a second one", len(actors))
	}
	if a.ctl.demo.actors[us.ID] {
		t.Error("United States, now used in the reader's article, still counts as the demo's own")
	}
}

// Actors that the built-in data does not know as one stay apart.
func TestDifferentActorsStayApart(t *testing.T) {
	_, lib := newTestApp(t, Options{NoDemo: true})
	for _, act := range []annotation.Actor{
		{Name: "Washington", Kind: annotation.KindPerson},
		{Name: "USA", Kind: annotation.KindState},
		{Name: "Georgia", Kind: annotation.KindState},
		{Name: "Georgien", Kind: annotation.KindOrganisation},
	} {
		if _, err := lib.AddActor(act); err != nil {
			t.Fatal(err)
		}
	}
	merged, err := unifyActors(lib)
	if err != nil || len(merged) != 0 {
		t.Errorf("unifyActors merged %v (%v)", merged, err)
	}
}
