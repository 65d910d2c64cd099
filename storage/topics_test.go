package storage

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
)

// checkTopicIndexes checks that the topic index holds exactly the
// statements of the stored highlights and the name index exactly the
// topics, every statement names a stored topic and every parent exists
// and has no parent of its own.
func checkTopicIndexes(t *testing.T, l *Library) {
	t.Helper()
	err := l.db.View(func(tx *bolt.Tx) error {
		want := map[string]bool{}
		err := tx.Bucket(bHighlights).ForEach(func(k, v []byte) error {
			h, err := decodeHighlight(k, v)
			if err != nil {
				return err
			}
			for _, r := range h.Actors {
				if r.Topic == "" {
					if r.Stance != annotation.StanceUnset {
						return fmt.Errorf("highlight %s has a stance without a topic", h.ID)
					}
					continue
				}
				if tx.Bucket(bTopics).Get([]byte(r.Topic)) == nil {
					return fmt.Errorf("highlight %s names missing topic %s", h.ID, r.Topic)
				}
				want[string(topicIndexKey(r.Topic, h.ID))] = true
			}
			return nil
		})
		if err != nil {
			return err
		}
		n := 0
		err = tx.Bucket(bTopicIndex).ForEach(func(k, _ []byte) error {
			n++
			if !want[string(k)] {
				return fmt.Errorf("topic index entry %q is stale", k)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if n != len(want) {
			return fmt.Errorf("topic index has %d entries, want %d", n, len(want))
		}
		topics := 0
		err = tx.Bucket(bTopics).ForEach(func(k, v []byte) error {
			tp, err := decodeTopic(v)
			if err != nil {
				return err
			}
			topics++
			if string(tx.Bucket(bTopicNames).Get([]byte(annotation.NameKey(tp.Name)))) != tp.ID {
				return fmt.Errorf("topic %q missing from the name index", tp.Name)
			}
			if tp.Parent != "" {
				p, err := loadTopic(tx, tp.Parent)
				if err != nil {
					return fmt.Errorf("topic %q is under a missing topic: %v", tp.Name, err)
				}
				if p.Parent != "" {
					return fmt.Errorf("topic %q is two levels deep", tp.Name)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if got := tx.Bucket(bTopicNames).Stats().KeyN; got != topics {
			return fmt.Errorf("topic name index has %d entries for %d topics", got, topics)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("topic indexes out of step: %v", err)
	}
}

func addTopic(t testing.TB, l *Library, tp annotation.Topic) annotation.Topic {
	t.Helper()
	tp, err := l.AddTopic(tp)
	if err != nil {
		t.Fatal(err)
	}
	return tp
}

func TestTopicsAddFindRenameParent(t *testing.T) {
	l := newLibrary(t)
	sanctions := addTopic(t, l, annotation.Topic{Name: " Sanctions ", Aliases: []string{"Sanktionen", "sanctions", ""}, Note: "UN and unilateral"})
	if sanctions.ID == "" || sanctions.Name != "Sanctions" || sanctions.Color == "" || len(sanctions.Aliases) != 1 {
		t.Fatalf("added %+v", sanctions)
	}
	oil := addTopic(t, l, annotation.Topic{Name: "Oil embargo", Parent: sanctions.ID})
	if _, err := l.AddTopic(annotation.Topic{Name: "SANCTIONS"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("a second topic with the same name: %v", err)
	}
	if _, err := l.AddTopic(annotation.Topic{Name: "Price cap", Parent: oil.ID}); !errors.Is(err, ErrInvalid) {
		t.Errorf("a topic two levels deep: %v", err)
	}
	if _, err := l.AddTopic(annotation.Topic{Name: "Nowhere", Parent: "01NOSUCHTOPIC"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("a topic under a missing topic: %v", err)
	}
	for _, q := range []string{"sanctions", "SANKTIONEN", "Sanktionen"} {
		if got, ok, err := l.FindTopic(q); err != nil || !ok || got.ID != sanctions.ID {
			t.Errorf("FindTopic(%q) = %+v, %v, %v", q, got, ok, err)
		}
	}
	if _, ok, _ := l.FindTopic("Zölle"); ok {
		t.Error("found a topic that does not exist")
	}
	// A topic with children cannot go under another.
	talks := addTopic(t, l, annotation.Topic{Name: "Talks"})
	moved := sanctions
	moved.Parent = talks.ID
	if _, err := l.UpdateTopic(moved); !errors.Is(err, ErrInvalid) {
		t.Errorf("a parent moved under another topic: %v", err)
	}
	renamed := sanctions
	renamed.Name, renamed.Color = "Sanktionen", ""
	got, err := l.UpdateTopic(renamed)
	if err != nil || got.Name != "Sanktionen" || got.Color != sanctions.Color || len(got.Aliases) != 0 {
		t.Fatalf("rename to its own alias = %+v, %v", got, err)
	}
	if _, ok, _ := l.FindTopic("sanctions"); ok {
		t.Error("the old name still finds the topic")
	}
	ts, err := l.Topics()
	if err != nil || len(ts) != 3 || ts[0].Name != "Oil embargo" || ts[1].Name != "Sanktionen" || ts[2].Name != "Talks" {
		t.Fatalf("Topics = %+v, %v", ts, err)
	}
	checkIndexes(t, l)
}

func TestStatementsOnHighlights(t *testing.T) {
	l := newLibrary(t)
	a := newArticle("https://example.org/x", "X", sampleParagraphs...)
	res, _ := l.ImportArticle(a)
	kim := addActor(t, l, "Kim Jong Un")
	usa := addActor(t, l, "USA")
	sanctions := addTopic(t, l, annotation.Topic{Name: "Sanctions"})
	talks := addTopic(t, l, annotation.Topic{Name: "Talks"})
	h := highlight(t, l, res.ID, a, "Kim Jong Un",
		annotation.ActorRef{ActorID: kim.ID, Role: annotation.RoleSpeaker, Topic: sanctions.ID, Stance: annotation.StanceOpposes},
		annotation.ActorRef{ActorID: kim.ID, Role: annotation.RoleSpeaker, Topic: talks.ID, Stance: annotation.StanceSupports},
		annotation.ActorRef{ActorID: kim.ID, Role: annotation.RoleSpeaker, Topic: talks.ID}, // a repeat: dropped
		annotation.ActorRef{ActorID: usa.ID, Topic: sanctions.ID},
	)
	if len(h.Actors) != 3 || h.Actors[1].Stance != annotation.StanceSupports || h.Actors[2].Role != annotation.RoleMentioned {
		t.Fatalf("statements = %+v", h.Actors)
	}
	if got, _ := l.Highlight(h.ID); len(got.Actors) != 3 || got.Actors[0] != h.Actors[0] {
		t.Fatalf("stored statements = %+v", got.Actors)
	}
	counts, _ := l.TopicCounts()
	if counts[sanctions.ID] != 1 || counts[talks.ID] != 1 {
		t.Errorf("TopicCounts = %v", counts)
	}
	uses, err := l.TopicHighlights(sanctions.ID)
	if err != nil || len(uses) != 1 || uses[0].ID != h.ID {
		t.Fatalf("TopicHighlights = %+v, %v", uses, err)
	}
	// Invalid statements change nothing.
	s, e := span(t, a, "Nordkorea")
	for _, bad := range []annotation.ActorRef{
		{ActorID: kim.ID, Stance: annotation.StanceOpposes},                    // a stance without a topic
		{ActorID: kim.ID, Topic: sanctions.ID, Stance: annotation.Stance("x")}, // not a stance
		{ActorID: kim.ID, Topic: "01NOSUCHTOPIC0000000000000"},
	} {
		if _, err := l.AddHighlight(annotation.Highlight{ArticleID: res.ID, Start: s, End: e, Actors: []annotation.ActorRef{bad}}); err == nil {
			t.Errorf("AddHighlight with %+v succeeded", bad)
		}
	}
	// Editing the statements moves the index entries.
	h.Actors = []annotation.ActorRef{{ActorID: usa.ID, Topic: talks.ID, Stance: annotation.StanceNeutral}}
	if _, err := l.UpdateHighlight(h); err != nil {
		t.Fatal(err)
	}
	if uses, _ := l.TopicHighlights(sanctions.ID); len(uses) != 0 {
		t.Errorf("Sanctions still used by %+v", uses)
	}
	checkIndexes(t, l)
	if err := l.DeleteHighlight(h.ID); err != nil {
		t.Fatal(err)
	}
	if c, _ := l.TopicCounts(); len(c) != 0 {
		t.Errorf("a deleted highlight left topic index entries: %v", c)
	}
	checkIndexes(t, l)
}

func TestNewTopicsWithTheHighlightAllOrNothing(t *testing.T) {
	l := newLibrary(t)
	a := newArticle("https://example.org/x", "X", sampleParagraphs...)
	res, _ := l.ImportArticle(a)
	s, e := span(t, a, "Kim Jong Un")
	kim := annotation.Actor{ID: annotation.NewID(), Name: "Kim Jong Un", Kind: annotation.KindPerson}
	parent := annotation.Topic{ID: annotation.NewID(), Name: "Sanctions"}
	child := annotation.Topic{ID: annotation.NewID(), Name: "Oil embargo", Parent: parent.ID}
	h := annotation.Highlight{ArticleID: res.ID, Start: s, End: e, Actors: []annotation.ActorRef{
		{ActorID: kim.ID, Role: annotation.RoleSpeaker, Topic: child.ID, Stance: annotation.StanceOpposes}}}
	// A range outside the text: nothing is stored, not even the tags.
	bad := h
	bad.End = 1 << 20
	if _, _, err := l.AddHighlightWith(bad, NewTags{Actors: []annotation.Actor{kim}, Topics: []annotation.Topic{parent, child}}); err == nil {
		t.Fatal("a highlight outside the text was stored")
	}
	if ts, _ := l.Topics(); len(ts) != 0 {
		t.Fatalf("a failed add left topics %+v", ts)
	}
	got, tags, err := l.AddHighlightWith(h, NewTags{Actors: []annotation.Actor{kim}, Topics: []annotation.Topic{parent, child}})
	if err != nil || len(tags.Topics) != 2 || tags.Topics[1].Color == "" || got.Actors[0].Topic != child.ID {
		t.Fatalf("AddHighlightWith = %+v, %+v, %v", got, tags, err)
	}
	if stored, _ := l.Topic(child.ID); stored.Parent != parent.ID {
		t.Errorf("child stored as %+v", stored)
	}
	// Editing with a new topic stores it with the edit.
	talks := annotation.Topic{ID: annotation.NewID(), Name: "Talks"}
	got.Actors = append(got.Actors, annotation.ActorRef{ActorID: kim.ID, Topic: talks.ID, Stance: annotation.StanceSupports})
	if _, _, err := l.UpdateHighlightWith(got, NewTags{Topics: []annotation.Topic{talks}}); err != nil {
		t.Fatal(err)
	}
	if c, _ := l.TopicCounts(); c[talks.ID] != 1 || c[child.ID] != 1 {
		t.Errorf("counts after edit = %v", c)
	}
	checkIndexes(t, l)
}

func TestMergeAndDeleteTopics(t *testing.T) {
	l := newLibrary(t)
	a := newArticle("https://example.org/x", "X", sampleParagraphs...)
	res, _ := l.ImportArticle(a)
	kim := addActor(t, l, "Kim Jong Un")
	usa := addActor(t, l, "USA")
	sanctions := addTopic(t, l, annotation.Topic{Name: "Sanctions", Note: "UN"})
	sanktionen := addTopic(t, l, annotation.Topic{Name: "Sanktionen", Aliases: []string{"Strafmaßnahmen"}, Note: "EU"})
	oil := addTopic(t, l, annotation.Topic{Name: "Oil embargo", Parent: sanktionen.ID})
	talks := addTopic(t, l, annotation.Topic{Name: "Talks"})
	h1 := highlight(t, l, res.ID, a, "Kim Jong Un",
		annotation.ActorRef{ActorID: kim.ID, Role: annotation.RoleSpeaker, Topic: sanctions.ID},
		annotation.ActorRef{ActorID: kim.ID, Topic: sanktionen.ID, Stance: annotation.StanceOpposes},
		annotation.ActorRef{ActorID: usa.ID, Topic: talks.ID, Stance: annotation.StanceSupports})
	h2 := highlight(t, l, res.ID, a, "Nordkorea", annotation.ActorRef{ActorID: usa.ID, Topic: oil.ID})

	if err := l.MergeTopics(sanktionen.ID, sanctions.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := l.Highlight(h1.ID)
	want := []annotation.ActorRef{
		{ActorID: kim.ID, Role: annotation.RoleSpeaker, Topic: sanctions.ID, Stance: annotation.StanceOpposes},
		{ActorID: usa.ID, Role: annotation.RoleMentioned, Topic: talks.ID, Stance: annotation.StanceSupports},
	}
	if fmt.Sprint(got.Actors) != fmt.Sprint(want) {
		t.Errorf("after merge: %+v, want %+v", got.Actors, want)
	}
	merged, _ := l.Topic(sanctions.ID)
	if len(merged.Aliases) != 2 || merged.Note != "UN\n\nEU" {
		t.Errorf("merged topic = %+v", merged)
	}
	if c, _ := l.Topic(oil.ID); c.Parent != sanctions.ID {
		t.Errorf("the merged topic's child is under %q", c.Parent)
	}
	if _, ok, _ := l.FindTopic("Strafmaßnahmen"); !ok {
		t.Error("the merged topic's alias no longer finds it")
	}
	if _, err := l.Topic(sanktionen.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the merged topic is still there: %v", err)
	}
	checkIndexes(t, l)

	// Deleting shows its uses first (TopicHighlights), then keeps the
	// actors and roles and drops the topic and stance.
	uses, _ := l.TopicHighlights(sanctions.ID)
	if len(uses) != 1 || uses[0].ID != h1.ID {
		t.Fatalf("uses = %+v", uses)
	}
	if err := l.DeleteTopic(sanctions.ID); err != nil {
		t.Fatal(err)
	}
	got, _ = l.Highlight(h1.ID)
	if got.Actors[0] != (annotation.ActorRef{ActorID: kim.ID, Role: annotation.RoleSpeaker}) {
		t.Errorf("after delete: %+v", got.Actors)
	}
	if c, _ := l.Topic(oil.ID); c.Parent != "" {
		t.Errorf("the deleted topic's child is still under %q", c.Parent)
	}
	if got2, _ := l.Highlight(h2.ID); got2.Actors[0].Topic != oil.ID {
		t.Errorf("an unrelated statement changed: %+v", got2.Actors)
	}
	checkIndexes(t, l)
}

// Merging actors folds statements that become the same, keeping roles
// and stances that say more.
func TestMergeActorsFoldsStatements(t *testing.T) {
	l := newLibrary(t)
	a := newArticle("https://example.org/x", "X", sampleParagraphs...)
	res, _ := l.ImportArticle(a)
	kim := addActor(t, l, "Kim Jong Un")
	kim2 := addActor(t, l, "Kim")
	topic := addTopic(t, l, annotation.Topic{Name: "Sanctions"})
	h := highlight(t, l, res.ID, a, "Kim Jong Un",
		annotation.ActorRef{ActorID: kim.ID, Topic: topic.ID},
		annotation.ActorRef{ActorID: kim2.ID, Role: annotation.RoleSpeaker, Topic: topic.ID, Stance: annotation.StanceOpposes},
		annotation.ActorRef{ActorID: kim2.ID})
	if err := l.MergeActors(kim2.ID, kim.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := l.Highlight(h.ID)
	want := []annotation.ActorRef{
		{ActorID: kim.ID, Role: annotation.RoleSpeaker, Topic: topic.ID, Stance: annotation.StanceOpposes},
		{ActorID: kim.ID, Role: annotation.RoleMentioned},
	}
	if fmt.Sprint(got.Actors) != fmt.Sprint(want) {
		t.Errorf("after merge: %+v, want %+v", got.Actors, want)
	}
	checkIndexes(t, l)
}

// A damaged topic index or a statement on a missing topic is found by the
// whole-file check.
func TestIntegrityCheckFindsTopicDamage(t *testing.T) {
	l := newLibrary(t)
	a := newArticle("https://example.org/x", "X", sampleParagraphs...)
	res, _ := l.ImportArticle(a)
	kim := addActor(t, l, "Kim Jong Un")
	topic := addTopic(t, l, annotation.Topic{Name: "Sanctions"})
	highlight(t, l, res.ID, a, "Kim Jong Un", annotation.ActorRef{ActorID: kim.ID, Topic: topic.ID})
	if err := l.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bTopics).Delete([]byte(topic.ID)) }); err != nil {
		t.Fatal(err)
	}
	path := l.Path()
	l.Close()
	report := checkReportOf(t, path)
	for _, want := range []string{"statements on missing topics", "topic index entries of missing topics", "topic names of missing topics"} {
		if !strings.Contains(report, want) {
			t.Errorf("the check's report %q does not say %q", report, want)
		}
	}
}
