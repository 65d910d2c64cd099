package app

import (
	"slices"
	"testing"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/storage"
)

// statementsOnDemo gives the demo article three highlights with
// statements: Roosevelt supports Freihandel (under Ordnung) in the demo's
// own highlight, Churchill opposes Ordnung and is neutral on Freihandel in
// two more. It returns their ids in that order.
func statementsOnDemo(t *testing.T, a *App, lib *storage.Library) (fdrFree, wscOrder, wscFree string, fdr, wsc annotation.Actor, order, free annotation.Topic) {
	t.Helper()
	fdr, _, _ = lib.FindActor("Franklin D. Roosevelt")
	wsc, _, _ = lib.FindActor("Winston Churchill")
	var err error
	if order, err = lib.AddTopic(annotation.Topic{Name: "Ordnung"}); err != nil {
		t.Fatal(err)
	}
	if free, err = lib.AddTopic(annotation.Topic{Name: "Freihandel", Parent: order.ID}); err != nil {
		t.Fatal(err)
	}
	demo := a.ctl.hls[0]
	demo.Actors = []annotation.ActorRef{{ActorID: fdr.ID, Role: annotation.RoleSpeaker, Topic: free.ID, Stance: annotation.StanceSupports}}
	if _, err := lib.UpdateHighlight(demo); err != nil {
		t.Fatal(err)
	}
	add := func(start int, ref annotation.ActorRef) string {
		h, err := lib.AddHighlight(annotation.Highlight{ArticleID: a.ctl.current, Start: start, End: start + 30, Actors: []annotation.ActorRef{ref}})
		if err != nil {
			t.Fatal(err)
		}
		return h.ID
	}
	wscOrder = add(demo.End+10, annotation.ActorRef{ActorID: wsc.ID, Role: annotation.RoleSpeaker, Topic: order.ID, Stance: annotation.StanceOpposes})
	wscFree = add(demo.End+60, annotation.ActorRef{ActorID: wsc.ID, Role: annotation.RoleSpeaker, Topic: free.ID, Stance: annotation.StanceNeutral})
	a.ctl.reloadActors(nil)
	return demo.ID, wscOrder, wscFree, fdr, wsc, order, free
}

// cardsShown are the ids of the highlights with a card, in reading order.
func cardsShown(p *notesPane) []string {
	var out []string
	for _, h := range p.shown {
		if p.cards[h.ID] != nil {
			out = append(out, h.ID)
		}
	}
	return out
}

// The notes pane filters statements by topic (a topic takes those on the
// topics under it), by stance, and by actor, topic and stance together in
// one statement; the topic filters show only once the article has topics,
// and a highlight the reader selects makes them all go back to "all".
func TestNotesFilterByTopicAndStance(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	p := a.notes
	if p.topicRow.Visible() {
		t.Fatal("the topic filters show on an article without topics")
	}
	fdrFree, wscOrder, wscFree, fdr, wsc, order, free := statementsOnDemo(t, a, lib)
	if !p.topicRow.Visible() {
		t.Fatal("the topic filters do not show on an article with statements")
	}
	if want := []string{allTopics, "Freihandel", "Ordnung"}; !slices.Equal(p.topicFilter.Options, want) {
		t.Fatalf("topic choices %q, want %q", p.topicFilter.Options, want)
	}
	cases := []struct {
		name   string
		actor  string
		topic  string
		stance annotation.Stance
		want   []string
	}{
		{"a topic", "", free.ID, annotation.StanceUnset, []string{fdrFree, wscFree}},
		{"a topic in a stance", "", free.ID, annotation.StanceSupports, []string{fdrFree}},
		{"a parent takes its children", "", order.ID, annotation.StanceUnset, []string{fdrFree, wscOrder, wscFree}},
		{"a stance alone", "", "", annotation.StanceOpposes, []string{wscOrder}},
		{"actor and topic in one statement", wsc.ID, free.ID, annotation.StanceUnset, []string{wscFree}},
		{"actor and a stance it does not take", fdr.ID, "", annotation.StanceOpposes, nil},
		{"all", "", "", annotation.StanceUnset, []string{fdrFree, wscOrder, wscFree}},
	}
	for _, c := range cases {
		p.setFilter(c.actor)
		if c.actor == "" {
			p.filter.SetSelected(allActors)
		}
		p.setTopicFilter(c.topic, c.stance)
		if c.topic == "" {
			p.topicFilter.SetSelected(allTopics)
		}
		if got := cardsShown(p); !slices.Equal(got, c.want) {
			t.Errorf("%s: cards %v, want %v (heading %q)", c.name, got, c.want, p.heading.Text)
		}
	}
	// Churchill opposing Freihandel: no such statement, said so.
	p.setFilter(wsc.ID)
	p.setTopicFilter(free.ID, annotation.StanceOpposes)
	if len(p.shown) != 0 || p.heading.Text != "Highlights (0 of 3)" {
		t.Fatalf("no such statement: %d shown, heading %q", len(p.shown), p.heading.Text)
	}
	// Clicking a hidden highlight in the text brings every filter back.
	a.reader.view.OnHighlightTapped(fdrFree)
	if c := p.Card(fdrFree); c == nil || !c.Selected() {
		t.Fatal("the clicked highlight has no marked card")
	}
	if p.filter.Selected != allActors || p.topicFilter.Selected != allTopics || p.stanceFilter.Selected != anyStance || len(p.shown) != 3 {
		t.Fatalf("filters after the click: %q, %q, %q, %d shown", p.filter.Selected, p.topicFilter.Selected, p.stanceFilter.Selected, len(p.shown))
	}
}
