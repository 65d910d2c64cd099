package storage

import (
	"context"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
)

// topicFixture is the search fixture with statements: Nordkorea supports
// the Atomprogramm (under Abrüstung) in the Korea article, Kim is tied to
// Abrüstung itself in the Berlin one, and Nordkorea opposes Zollpolitik in
// the English one. No text holds a topic's name or alias.
type topicFixture struct {
	*searchFixture
	abr, atom, zoll annotation.Topic
	koreaHL         string
}

func newTopicFixture(t *testing.T) *topicFixture {
	t.Helper()
	f := &topicFixture{searchFixture: newSearchFixture(t)}
	l := f.l
	var err error
	if f.abr, err = l.AddTopic(annotation.Topic{Name: "Abrüstung", Aliases: []string{"Rüstungskontrolle"}}); err != nil {
		t.Fatal(err)
	}
	if f.atom, err = l.AddTopic(annotation.Topic{Name: "Atomprogramm", Aliases: []string{"Nuklearwaffen"}, Parent: f.abr.ID}); err != nil {
		t.Fatal(err)
	}
	if f.zoll, err = l.AddTopic(annotation.Topic{Name: "Zollpolitik"}); err != nil {
		t.Fatal(err)
	}
	add := func(articleID, quote string, refs ...annotation.ActorRef) string {
		t.Helper()
		a, _, err := l.Article(articleID)
		if err != nil {
			t.Fatal(err)
		}
		s, e := span(t, a, quote)
		h, err := l.AddHighlight(annotation.Highlight{ArticleID: articleID, Start: s, End: e, Actors: refs})
		if err != nil {
			t.Fatal(err)
		}
		return h.ID
	}
	f.koreaHL = add(f.korea, "Nordkorea hat erneut Raketen getestet.",
		annotation.ActorRef{ActorID: f.nk.ID, Role: annotation.RoleSpeaker, Topic: f.atom.ID, Stance: annotation.StanceSupports})
	add(f.berlin, "Der Bundestag debattierte",
		annotation.ActorRef{ActorID: f.kim.ID, Role: annotation.RoleMentioned, Topic: f.abr.ID})
	add(f.en, "imposed new sanctions",
		annotation.ActorRef{ActorID: f.nk.ID, Role: annotation.RoleTarget, Topic: f.zoll.ID, Stance: annotation.StanceOpposes})
	checkIndexes(t, l)
	return f
}

// topicCase is a search and the articles it must find, in any order.
type topicCase struct {
	name string
	q    SearchQuery
	want []string
}

// checkTopicCases runs each search with the index and by reading every
// article, and compares both with what it must find.
func checkTopicCases(t *testing.T, l *Library, cases []topicCase) {
	t.Helper()
	for _, c := range cases {
		got := slices.Sorted(slices.Values(searchIDs(t, l, c.q)))
		want := slices.Sorted(slices.Values(c.want))
		if !slices.Equal(got, want) {
			t.Errorf("%s: found %v, want %v", c.name, got, want)
		}
		compareWithScan(t, l, c.q)
	}
}

func TestSearchFindsTopicsAndFiltersByStance(t *testing.T) {
	f := newTopicFixture(t)
	topic := func(tp annotation.Topic, st annotation.Stance) []TopicFilter {
		return []TopicFilter{{TopicID: tp.ID, Stance: st}}
	}
	checkTopicCases(t, f.l, []topicCase{
		{"a topic", SearchQuery{Topics: topic(f.atom, "")}, []string{f.korea}},
		{"a topic with its stance", SearchQuery{Topics: topic(f.atom, annotation.StanceSupports)}, []string{f.korea}},
		{"a topic with another stance", SearchQuery{Topics: topic(f.atom, annotation.StanceOpposes)}, nil},
		{"a parent takes its children's statements", SearchQuery{Topics: topic(f.abr, "")}, []string{f.korea, f.berlin}},
		{"a parent with a stance", SearchQuery{Topics: topic(f.abr, annotation.StanceSupports)}, []string{f.korea}},
		{"topic and actor", SearchQuery{Topics: topic(f.zoll, ""), Actors: []ActorFilter{{ActorID: f.nk.ID}}}, []string{f.en}},
		{"topic and an actor it lacks", SearchQuery{Topics: topic(f.zoll, ""), Actors: []ActorFilter{{ActorID: f.kim.ID}}}, nil},
		{"two topics", SearchQuery{Topics: append(topic(f.abr, ""), topic(f.zoll, "")...)}, nil},
		{"a topic and words", SearchQuery{Topics: topic(f.abr, ""), Text: "bundestag"}, []string{f.berlin}},
		{"a topic's name", SearchQuery{Text: "atomprogramm"}, []string{f.korea}},
		{"a topic's alias, any case and accents", SearchQuery{Text: "NUKLEARWAFFEN"}, []string{f.korea}},
		{"a parent's alias finds its own statements only", SearchQuery{Text: "rüstungskontrolle"}, []string{f.berlin}},
		{"a topic's name and a word of the text", SearchQuery{Text: "zollpolitik pyongyang"}, []string{f.en}},
		{"a topic's name excluded", SearchQuery{Text: "-abrüstung", HasHighlights: true}, []string{f.korea, f.trade, f.en}},
	})
}

// TestTopicChangesKeepTheSearchIndex: renaming, merging and deleting a
// topic change what a search finds at once, and leave the index as a
// build from scratch would (checked after each).
func TestTopicChangesKeepTheSearchIndex(t *testing.T) {
	f := newTopicFixture(t)
	l := f.l
	atom := f.atom
	atom.Name, atom.Aliases = "Kernwaffenprogramm", nil
	if _, err := l.UpdateTopic(atom); err != nil {
		t.Fatal(err)
	}
	checkSearchIndex(t, l)
	checkTopicCases(t, l, []topicCase{
		{"the new name", SearchQuery{Text: "kernwaffen"}, []string{f.korea}},
		{"the old name", SearchQuery{Text: "atomprogramm"}, nil},
		{"the dropped alias", SearchQuery{Text: "nuklearwaffen"}, nil},
	})

	if err := l.MergeTopics(f.zoll.ID, atom.ID); err != nil {
		t.Fatal(err)
	}
	checkSearchIndex(t, l)
	into := []TopicFilter{{TopicID: atom.ID}}
	checkTopicCases(t, l, []topicCase{
		{"the merged topic", SearchQuery{Topics: into}, []string{f.korea, f.en}},
		{"the merged topic with a stance", SearchQuery{Topics: []TopicFilter{{TopicID: atom.ID, Stance: annotation.StanceOpposes}}}, []string{f.en}},
		{"the name merged away, now an alias", SearchQuery{Text: "zollpolitik"}, []string{f.korea, f.en}},
		{"the topic merged away", SearchQuery{Topics: []TopicFilter{{TopicID: f.zoll.ID}}}, nil},
	})

	if err := l.DeleteTopic(f.abr.ID); err != nil {
		t.Fatal(err)
	}
	checkSearchIndex(t, l)
	checkTopicCases(t, l, []topicCase{
		{"the deleted topic's name", SearchQuery{Text: "abrüstung"}, nil},
		{"the deleted topic", SearchQuery{Topics: []TopicFilter{{TopicID: f.abr.ID}}}, nil},
		{"its child, now at the top", SearchQuery{Topics: into}, []string{f.korea, f.en}},
	})
	checkIndexes(t, l)
}

// TestSearchHitsShowStatements: a hit found through a topic, by its name
// or by a filter alone, is the highlight with the statement, shown as
// "actor stance topic" with what was found marked.
func TestSearchHitsShowStatements(t *testing.T) {
	f := newTopicFixture(t)
	const statement = "Nordkorea supports Atomprogramm · “Nordkorea hat erneut Raketen getestet.”"
	cases := []struct {
		name   string
		q      SearchQuery
		marked []string
	}{
		{"the topic's alias", SearchQuery{Text: "nuklearwaffen"}, []string{"Atomprogramm"}},
		{"the topic and the actor's alias", SearchQuery{Text: "nuklearwaffen pjöngjang"}, []string{"Nordkorea", "Atomprogramm"}},
		{"a topic filter alone", SearchQuery{Topics: []TopicFilter{{TopicID: f.abr.ID, Stance: annotation.StanceSupports}}}, []string{"Atomprogramm"}},
		{"an actor filter alone", SearchQuery{Actors: []ActorFilter{{ActorID: f.nk.ID, Role: annotation.RoleSpeaker}}}, []string{"Nordkorea"}},
		{"a filter and a word of the quote", SearchQuery{Text: "raketen", Topics: []TopicFilter{{TopicID: f.atom.ID}}}, []string{"Atomprogramm", "Raketen"}},
	}
	for _, c := range cases {
		hits, err := f.l.SearchHits([]string{f.korea}, c.q)
		if err != nil || len(hits) != 1 {
			t.Fatalf("%s: %v, %v", c.name, hits, err)
		}
		h := hits[0]
		if h.HighlightID != f.koreaHL || h.Snippet != statement {
			t.Errorf("%s: %+v\nwant highlight %s, snippet %q", c.name, h, f.koreaHL, statement)
			continue
		}
		if marked := markedText(h); !slices.Equal(marked, c.marked) {
			t.Errorf("%s: marks %q, want %q", c.name, marked, c.marked)
		}
	}
	// A filter whose statement is elsewhere leads the text's stretch.
	hits, err := f.l.SearchHits([]string{f.korea}, SearchQuery{Text: "sicherheitsrat", Topics: []TopicFilter{{TopicID: f.atom.ID}}})
	if err != nil || len(hits) != 1 || hits[0].HighlightID != f.koreaHL ||
		!strings.HasPrefix(hits[0].Snippet, "Nordkorea supports Atomprogramm · ") || !strings.Contains(hits[0].Snippet, "Sicherheitsrat") {
		t.Errorf("filter and a word of the text: %+v, %v", hits, err)
	}
}

// TestSearchIndexOfFormat1IsRebuilt: a library indexed by a build before
// topics (format 1: no topic tags) is searched article by article, topics
// included, until the index is built again, which then holds them. The
// format 1 index is written by hand from a current one, as that build
// left it.
func TestSearchIndexOfFormat1IsRebuilt(t *testing.T) {
	f := newTopicFixture(t)
	l := f.l
	err := l.db.Update(func(tx *bolt.Tx) error {
		ix := openIndex(tx)
		for _, b := range []*bolt.Bucket{ix.terms, ix.refs} {
			var drop [][]byte
			err := b.ForEach(func(k, _ []byte) error {
				field := k[0]
				if b == ix.refs {
					field = k[4]
				}
				if field == fieldTopic || field == fieldTopicStance {
					drop = append(drop, append([]byte(nil), k...))
				}
				return nil
			})
			if err != nil {
				return err
			}
			if len(drop) == 0 {
				t.Errorf("no topic entries in one of the index buckets")
			}
			for _, k := range drop {
				if err := b.Delete(k); err != nil {
					return err
				}
			}
		}
		return put32(ix.meta, keyFormat, 1)
	})
	if err != nil {
		t.Fatal(err)
	}
	q := SearchQuery{Topics: []TopicFilter{{TopicID: f.abr.ID}}}
	want := slices.Sorted(slices.Values([]string{f.korea, f.berlin}))
	res, err := l.Search(q)
	if err != nil || res.Index.Ready || !slices.Equal(slices.Sorted(slices.Values(res.IDs)), want) {
		t.Fatalf("with a format 1 index: %+v, %v; want %v found by reading the articles", res, err, want)
	}
	l.IndexInBackground(nil)
	l.bg.Wait()
	if st, err := l.SearchIndexStatus(); err != nil || !st.Ready {
		t.Fatalf("after the background build: %+v, %v", st, err)
	}
	checkSearchIndex(t, l)
	checkTopicCases(t, l, []topicCase{{"from the rebuilt index", q, want}})
	checkCurrentFormat(t, l)
}

// TestBuildSearchIndexCarriesTopics: a build in one go gives the index
// that the changes one by one gave (checkSearchIndex compares with what
// the library derives; here the build itself is compared).
func TestBuildSearchIndexCarriesTopics(t *testing.T) {
	f := newTopicFixture(t)
	if err := f.l.ResetSearchIndex(); err != nil {
		t.Fatal(err)
	}
	if err := f.l.BuildSearchIndex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	checkSearchIndex(t, f.l)
	checkTopicCases(t, f.l, []topicCase{
		{"after a build", SearchQuery{Topics: []TopicFilter{{TopicID: f.zoll.ID, Stance: annotation.StanceOpposes}}}, []string{f.en}},
	})
}
