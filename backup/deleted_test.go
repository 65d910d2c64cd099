package backup

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/storage"
)

// deletedWorld is a library with one article, two actors, a topic and
// three highlights, and a backup of it made before anything was deleted.
type deletedWorld struct {
	l          *storage.Library
	art        string
	page       *article.Article
	china, kim annotation.Actor
	sanctions  annotation.Topic
	h1, h2, h3 annotation.Highlight
	backup     []byte
	// h2Deleted is the library's record of deleting h2, when a test
	// deletes it.
	h2Deleted storage.Deletion
}

func newDeletedWorld(t *testing.T) *deletedWorld {
	t.Helper()
	w := &deletedWorld{l: openLibrary(t)}
	text := "Peking schweigt. Washington warnt. Pjöngjang droht mit Atomwaffen."
	w.page = &article.Article{Title: "Drei Sätze", URL: "https://example.org/drei", Blocks: []article.Block{{Type: article.Paragraph, Text: text}}}
	res, err := w.l.ImportArticle(w.page)
	if err != nil {
		t.Fatal(err)
	}
	w.art = res.ID
	if w.china, err = w.l.AddActor(annotation.Actor{Name: "China"}); err != nil {
		t.Fatal(err)
	}
	if w.kim, err = w.l.AddActor(annotation.Actor{Name: "Kim Jong Un"}); err != nil {
		t.Fatal(err)
	}
	if w.sanctions, err = w.l.AddTopic(annotation.Topic{Name: "Sanktionen"}); err != nil {
		t.Fatal(err)
	}
	add := func(passage string, refs ...annotation.ActorRef) annotation.Highlight {
		s := len([]rune(text[:strings.Index(text, passage)]))
		h, err := w.l.AddHighlight(annotation.Highlight{ArticleID: w.art, Start: s, End: s + len([]rune(passage)), Actors: refs, Note: passage})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	w.h1 = add("Peking schweigt", annotation.ActorRef{ActorID: w.china.ID, Role: annotation.RoleSpeaker})
	w.h2 = add("Washington warnt")
	w.h3 = add("Pjöngjang droht", annotation.ActorRef{ActorID: w.kim.ID, Role: annotation.RoleSpeaker, Topic: w.sanctions.ID, Stance: annotation.StanceOpposes})
	var b bytes.Buffer
	if err := Write(&b, storeSource{w.l}); err != nil {
		t.Fatal(err)
	}
	w.backup = b.Bytes()
	return w
}

// TestMergeLeavesOutWhatWasDeletedSince merges a backup after the reader
// changed the library in every way that deletes, and checks that what
// was deleted since stays deleted, what was put back (undo) or never
// deleted is there, and that the summary says so.
func TestMergeLeavesOutWhatWasDeletedSince(t *testing.T) {
	tests := []struct {
		name string
		// after changes the library after the backup was made; it returns
		// the library to merge into (itself, or a new one).
		after func(t *testing.T, w *deletedWorld) *storage.Library
		opts  MergeOptions
		// want are the highlights the merged library holds, by note.
		want    []string
		summary string
		check   func(t *testing.T, l *storage.Library, w *deletedWorld, p *MergePlan)
	}{
		{name: "nothing deleted", after: same,
			want: []string{"Peking schweigt", "Washington warnt", "Pjöngjang droht"}, summary: "; nothing deleted since the backup"},
		{name: "a highlight deleted after the backup", after: func(t *testing.T, w *deletedWorld) *storage.Library {
			must(t, w.l.DeleteHighlight(w.h2.ID))
			return w.l
		}, want: []string{"Peking schweigt", "Pjöngjang droht"}, summary: "left out as deleted since the backup: 1 highlight (--include-deleted brings them back)"},
		{name: "deleted, undone", after: func(t *testing.T, w *deletedWorld) *storage.Library {
			must(t, w.l.DeleteHighlight(w.h2.ID))
			must(t, w.l.PutHighlight(w.h2))
			return w.l
		}, want: []string{"Peking schweigt", "Washington warnt", "Pjöngjang droht"}, summary: "; nothing deleted since the backup"},
		{name: "deleted, undone, deleted again", after: func(t *testing.T, w *deletedWorld) *storage.Library {
			must(t, w.l.DeleteHighlight(w.h2.ID))
			must(t, w.l.PutHighlight(w.h2))
			must(t, w.l.DeleteHighlight(w.h2.ID))
			return w.l
		}, want: []string{"Peking schweigt", "Pjöngjang droht"}, summary: "1 highlight"},
		{name: "deleted, brought back with --include-deleted", opts: MergeOptions{IncludeDeleted: true}, after: func(t *testing.T, w *deletedWorld) *storage.Library {
			must(t, w.l.DeleteHighlight(w.h2.ID))
			return w.l
		}, want: []string{"Peking schweigt", "Washington warnt", "Pjöngjang droht"}, summary: "; brought back as asked, though deleted since the backup: 1 highlight",
			check: func(t *testing.T, l *storage.Library, w *deletedWorld, _ *MergePlan) {
				if _, ok, _ := l.Deletion(storage.DeletedHighlight, w.h2.ID); ok {
					t.Error("brought back, the highlight is still recorded as deleted")
				}
			}},
		{name: "merged into a new library", after: func(t *testing.T, w *deletedWorld) *storage.Library {
			must(t, w.l.DeleteHighlight(w.h2.ID))
			must(t, w.l.DeleteArticle(w.art))
			return openLibrary(t)
		}, want: []string{"Peking schweigt", "Washington warnt", "Pjöngjang droht"}, summary: "; nothing deleted since the backup"},
		{name: "the article deleted", after: func(t *testing.T, w *deletedWorld) *storage.Library {
			must(t, w.l.DeleteArticle(w.art))
			return w.l
		}, want: nil, summary: "1 article (with 3 highlights)"},
		{name: "the article deleted, the page imported again", after: func(t *testing.T, w *deletedWorld) *storage.Library {
			must(t, w.l.DeleteArticle(w.art))
			if _, err := w.l.ImportArticle(w.page); err != nil {
				t.Fatal(err)
			}
			return w.l
		}, want: nil, summary: "1 article (with 3 highlights)"},
		{name: "an actor deleted", after: func(t *testing.T, w *deletedWorld) *storage.Library {
			must(t, w.l.DeleteActor(w.kim.ID))
			must(t, w.l.DeleteHighlight(w.h3.ID))
			return w.l
		}, want: []string{"Peking schweigt", "Washington warnt"}, summary: "1 highlight, 1 actor",
			check: func(t *testing.T, l *storage.Library, w *deletedWorld, _ *MergePlan) {
				if _, err := l.Actor(w.kim.ID); err == nil {
					t.Error("the deleted actor came back")
				}
			}},
		{name: "an actor merged into another, a topic deleted", after: func(t *testing.T, w *deletedWorld) *storage.Library {
			must(t, w.l.MergeActors(w.kim.ID, w.china.ID))
			must(t, w.l.DeleteTopic(w.sanctions.ID))
			return w.l
		}, want: []string{"Peking schweigt", "Washington warnt", "Pjöngjang droht"}, summary: "1 actor, 1 topic",
			check: func(t *testing.T, l *storage.Library, w *deletedWorld, _ *MergePlan) {
				h, err := l.Highlight(w.h3.ID)
				if err != nil || len(h.Actors) != 1 || h.Actors[0].ActorID != w.china.ID || h.Actors[0].Topic != "" {
					t.Errorf("the merged actor's highlight: %+v, %v", h.Actors, err)
				}
				if _, err := l.Topic(w.sanctions.ID); err == nil {
					t.Error("the deleted topic came back")
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newDeletedWorld(t)
			into := tc.after(t, w)
			c, err := Check(bytes.NewReader(w.backup))
			if err != nil {
				t.Fatal(err)
			}
			p, err := c.ImportWith(into, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if s := p.Summary(); !strings.Contains(s, tc.summary) {
				t.Errorf("summary %q, want it to say %q", s, tc.summary)
			}
			if got := notes(t, into); strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("highlights after the merge: %q, want %q", got, tc.want)
			}
			if tc.check != nil {
				tc.check(t, into, w, p)
			}
		})
	}
}

func same(_ *testing.T, w *deletedWorld) *storage.Library { return w.l }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// notes lists the notes of every highlight in the library, in reading order.
func notes(t *testing.T, l *storage.Library) []string {
	t.Helper()
	arts, err := l.Articles()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range arts {
		hs, err := l.Highlights(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hs {
			out = append(out, h.Note)
		}
	}
	return out
}

// deletingTarget is a library in memory that has deletion records.
type deletingTarget struct {
	*memTarget
	deleted map[string]storage.Deletion
}

func (t deletingTarget) Deletion(kind storage.DeletedKind, id string) (storage.Deletion, bool, error) {
	d, ok := t.deleted[string(rune(kind))+id]
	return d, ok, nil
}

// TestDeletedSinceIsByTime: a backup's copy is left out when the reader
// deleted it at or after the copy last changed, and comes back when it
// changed after the deletion (newer work, from a library where it lived
// on), as a newer version of any record replaces an older one.
func TestDeletedSinceIsByTime(t *testing.T) {
	deleted := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		updated time.Time
		gone    bool
	}{
		{"changed a day before the deletion", deleted.Add(-24 * time.Hour), true},
		{"changed in the same millisecond", deleted, true},
		{"changed a millisecond after", deleted.Add(time.Millisecond), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := fixtureLibrary()
			h := &b.Articles[0].Highlights[0]
			h.Created, h.Updated = tc.updated.Add(-time.Hour), tc.updated
			tg := deletingTarget{newMemTarget(fixtureLibrary()), map[string]storage.Deletion{"h" + h.ID: {At: deleted}}}
			delete(tg.hls, h.ID) // the library's copy is gone
			pl, err := newPlanner(tg, &export.Library{}, contents{actors: b.Actors, topics: b.Topics}, MergeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			_, _, hs, err := pl.article(&b.Articles[0])
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, x := range hs {
				found = found || x.ID == h.ID
			}
			if found == tc.gone || (pl.p.DeletedHighlights == 1) != tc.gone {
				t.Errorf("planned %v (%d left out as deleted), want it left out %v", found, pl.p.DeletedHighlights, tc.gone)
			}
		})
	}
}
