package storage

import (
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
)

// TestDeletionsAreRecordedAndForgotten: every way the reader deletes
// something leaves a record of it in the deletion's transaction (with the
// one it became, for a merge), and storing the record again (undo, redo,
// a deliberate import) drops it.
func TestDeletionsAreRecordedAndForgotten(t *testing.T) {
	type world struct {
		l                *Library
		art              string
		h                annotation.Highlight
		china, kim       annotation.Actor
		sanctions, nukes annotation.Topic
	}
	tests := []struct {
		name   string
		delete func(w world) error
		kind   DeletedKind
		id     func(w world) string
		into   func(w world) string
		// putBack stores the record again as undo or an import would.
		putBack func(w world) error
	}{
		{"highlight", func(w world) error { return w.l.DeleteHighlight(w.h.ID) }, DeletedHighlight,
			func(w world) string { return w.h.ID }, nil,
			func(w world) error { return w.l.PutHighlight(w.h) }},
		{"highlight put back by a batch (redo, import)", func(w world) error { return w.l.DeleteHighlight(w.h.ID) }, DeletedHighlight,
			func(w world) string { return w.h.ID }, nil,
			func(w world) error { return w.l.PutBatch(Batch{Highlights: []annotation.Highlight{w.h}}) }},
		{"actor", func(w world) error { return w.l.DeleteActor(w.kim.ID) }, DeletedActor,
			func(w world) string { return w.kim.ID }, nil,
			func(w world) error { return w.l.PutActor(w.kim) }},
		{"actor merged", func(w world) error { return w.l.MergeActors(w.kim.ID, w.china.ID) }, DeletedActor,
			func(w world) string { return w.kim.ID }, func(w world) string { return w.china.ID },
			func(w world) error {
				w.kim.Name = "Kim (again)"
				return w.l.PutBatch(Batch{Actors: []annotation.Actor{w.kim}})
			}},
		{"topic", func(w world) error { return w.l.DeleteTopic(w.nukes.ID) }, DeletedTopic,
			func(w world) string { return w.nukes.ID }, nil,
			func(w world) error { return w.l.PutTopic(w.nukes) }},
		{"topic merged", func(w world) error { return w.l.MergeTopics(w.nukes.ID, w.sanctions.ID) }, DeletedTopic,
			func(w world) string { return w.nukes.ID }, func(w world) string { return w.sanctions.ID },
			func(w world) error {
				w.nukes.Name = "Nukes (again)"
				return w.l.PutTopic(w.nukes)
			}},
		{"article", func(w world) error { return w.l.DeleteArticle(w.art) }, DeletedArticle,
			func(w world) string { return w.art }, nil,
			func(w world) error {
				a := newArticle("https://example.org/t", "Tombstones", sampleParagraphs...)
				return w.l.PutArticle(w.art, a, w.h.Created)
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := newLibrary(t)
			a := newArticle("https://example.org/t", "Tombstones", sampleParagraphs...)
			w := world{l: l, art: importArticle(t, l, a)}
			w.china, w.kim = addActor(t, l, "China"), addActor(t, l, "Kim Jong Un")
			w.sanctions = addTopic(t, l, annotation.Topic{Name: "Sanktionen"})
			w.nukes = addTopic(t, l, annotation.Topic{Name: "Atomwaffen"})
			s, e := span(t, a, sampleParagraphs[0][:20])
			h, err := l.AddHighlight(annotation.Highlight{ArticleID: w.art, Start: s, End: e, Note: "n",
				Actors: []annotation.ActorRef{{ActorID: w.kim.ID, Role: annotation.RoleSpeaker, Topic: w.nukes.ID, Stance: annotation.StanceSupports}}})
			if err != nil {
				t.Fatal(err)
			}
			w.h = h
			if has, err := l.HasDeletions(); err != nil || has {
				t.Fatalf("a new library has deletion records: %v, %v", has, err)
			}
			before := l.stamp()
			if err := tc.delete(w); err != nil {
				t.Fatal(err)
			}
			d, ok, err := l.Deletion(tc.kind, tc.id(w))
			if err != nil || !ok || d.At.Before(before) {
				t.Fatalf("after the deletion: record %+v, %v, %v; want one at or after %v", d, ok, err, before)
			}
			if want := ""; tc.into != nil && d.Into != tc.into(w) || tc.into == nil && d.Into != want {
				t.Errorf("merged into %q", d.Into)
			}
			checkIndexes(t, l)
			if rep := checkReportOf(t, l.path); rep != "" {
				t.Fatalf("the whole-file check after the deletion: %s", rep)
			}
			if err := tc.putBack(w); err != nil {
				t.Fatal(err)
			}
			if d, ok, err := l.Deletion(tc.kind, tc.id(w)); err != nil || ok {
				t.Fatalf("put back, the record stays: %+v, %v", d, err)
			}
		})
	}
}

// TestDeletionRecordsAreChecked: the whole-file check reads deletion
// records, and a malformed one is damage.
func TestDeletionRecordsAreChecked(t *testing.T) {
	for _, tc := range []struct {
		name   string
		k, v   []byte
		damage bool
	}{
		{"well formed", []byte("h01JX"), encodeDeletion(Deletion{}), false},
		{"merged", []byte("a01JX"), append(encodeDeletion(Deletion{}), "01JY"...), false},
		{"unknown kind", []byte("x01JX"), encodeDeletion(Deletion{}), true},
		{"no id", []byte("h"), encodeDeletion(Deletion{}), true},
		{"short time", []byte("h01JX"), []byte{1, 2, 3}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := decodeDeletion(tc.k, tc.v)
			if (err != nil) != tc.damage {
				t.Fatalf("decodeDeletion = %v, want damage %v", err, tc.damage)
			}
		})
	}
}

// TestDeletionsAfterMigratingFromSchema6: a library of the schema before
// deletion records migrates to today's layout and then records the
// reader's deletions like a new one.
func TestDeletionsAfterMigratingFromSchema6(t *testing.T) {
	f := newFixture(t)
	p := filepath.Join(t.TempDir(), "library.db")
	writeSchemaFile(t, p, 6, f)
	l := openMigrated(t, p, f)
	defer l.Close()
	checkCurrentLayout(t, l)
	if has, err := l.HasDeletions(); err != nil || has {
		t.Fatalf("migrated: deletion records %v, %v; want none", has, err)
	}
	h := f.highlights[0]
	if err := l.DeleteHighlight(h.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := l.Deletion(DeletedHighlight, h.ID); err != nil || !ok {
		t.Fatalf("deleted after the migration: record %v, %v", ok, err)
	}
}

// TestBatchMergesDeletions: a batch's deletion records (a backup's) are
// stored in its transaction only for what the library does not hold,
// the newer of two records for one id stays, a malformed one changes
// nothing, and Deletions lists what is stored.
func TestBatchMergesDeletions(t *testing.T) {
	t0 := time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		// rec is the batch's record; have is the library's record of the
		// same id before (zero: none).
		rec  func(live string) DeletionRecord
		have time.Time
		// want is the record afterwards (zero At: none), stored the count.
		want    Deletion
		stored  int
		wantErr bool
	}{
		{"new", func(string) DeletionRecord {
			return DeletionRecord{DeletedActor, "01JGONE", Deletion{At: t0, Into: "01JOTHER"}}
		}, time.Time{}, Deletion{At: t0, Into: "01JOTHER"}, 1, false},
		{"live highlight", func(live string) DeletionRecord {
			return DeletionRecord{DeletedHighlight, live, Deletion{At: t0.AddDate(80, 0, 0)}}
		}, time.Time{}, Deletion{}, 0, false},
		{"newer than the library's", func(string) DeletionRecord {
			return DeletionRecord{DeletedActor, "01JGONE", Deletion{At: t0.Add(time.Hour)}}
		}, t0, Deletion{At: t0.Add(time.Hour)}, 1, false},
		{"older than the library's", func(string) DeletionRecord {
			return DeletionRecord{DeletedActor, "01JGONE", Deletion{At: t0.Add(-time.Hour)}}
		}, t0, Deletion{At: t0}, 0, false},
		{"as old as the library's", func(string) DeletionRecord {
			return DeletionRecord{DeletedActor, "01JGONE", Deletion{At: t0, Into: "01JOTHER"}}
		}, t0, Deletion{At: t0}, 0, false},
		{"unknown kind", func(string) DeletionRecord {
			return DeletionRecord{'x', "01JGONE", Deletion{At: t0}}
		}, time.Time{}, Deletion{}, 0, true},
		{"no time", func(string) DeletionRecord {
			return DeletionRecord{DeletedActor, "01JGONE", Deletion{}}
		}, time.Time{}, Deletion{}, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := newLibrary(t)
			a := newArticle("https://example.org/t", "Tombstones", sampleParagraphs...)
			art := importArticle(t, l, a)
			s, e := span(t, a, sampleParagraphs[0][:20])
			h, err := l.AddHighlight(annotation.Highlight{ArticleID: art, Start: s, End: e})
			if err != nil {
				t.Fatal(err)
			}
			rec := tc.rec(h.ID)
			if !tc.have.IsZero() {
				if err := l.db.Update(func(tx *bolt.Tx) error { return recordDeletion(tx, rec.Kind, rec.ID, tc.have, "") }); err != nil {
					t.Fatal(err)
				}
			}
			n, err := l.PutBatchCounted(Batch{Deletions: []DeletionRecord{rec}})
			if (err != nil) != tc.wantErr || n != tc.stored {
				t.Fatalf("stored %d, %v; want %d, error %v", n, err, tc.stored, tc.wantErr)
			}
			got, ok, err := l.Deletion(rec.Kind, rec.ID)
			if err != nil || ok != !tc.want.At.IsZero() || !got.At.Equal(tc.want.At) || got.Into != tc.want.Into {
				t.Fatalf("record %+v, %v, %v; want %+v", got, ok, err, tc.want)
			}
			recs, skipped, err := l.Deletions()
			if err != nil || len(skipped) > 0 || len(recs) != map[bool]int{true: 1}[ok] {
				t.Fatalf("Deletions: %+v, %v, %v", recs, skipped, err)
			}
			if _, err := l.Highlight(h.ID); err != nil {
				t.Errorf("the live highlight: %v", err)
			}
		})
	}
}

// A deletion is recorded no earlier than the latest change to what it
// deletes, even when that change was stamped ahead of this clock.
func TestDeletedAtIsNeverBeforeTheChange(t *testing.T) {
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name    string
		changes []time.Time
		want    time.Time
	}{
		{"changes before now", []time.Time{now.Add(-time.Hour), now.Add(-time.Millisecond)}, now},
		{"a change stamped ahead", []time.Time{now.Add(-time.Hour), now.Add(3 * time.Millisecond)}, now.Add(3 * time.Millisecond)},
		{"none", nil, now},
		{"zero times", []time.Time{{}}, now},
	} {
		if got := deletedAt(now, c.changes...); !got.Equal(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
