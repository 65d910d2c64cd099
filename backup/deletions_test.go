package backup

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/storage"
)

// withDeleted is an empty backup of this version whose records of
// deletions are the JSON list dels.
func withDeleted(t *testing.T, dels string) []byte {
	t.Helper()
	b, err := Encode(&export.Library{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"deleted": []`)) {
		t.Fatalf("the backup has no records of deletions:\n%s", b)
	}
	return bytes.Replace(b, []byte(`"deleted": []`), []byte(`"deleted": `+dels), 1)
}

// A backup's records of deletions are checked as every other record: a
// malformed one is refused in one line, before anything is written.
func TestCheckRefusesMalformedDeletions(t *testing.T) {
	const ok = `"id": "01JGONE", "at": "2026-11-01T10:00:00Z"`
	tests := []struct {
		name, dels, msg string
	}{
		{"unknown kind", `[{"kind": "note", ` + ok + `}]`, `of the kind "note"`},
		{"kind not text", `[{"kind": 7, ` + ok + `}]`, "records of deletions"},
		{"id that is a path", `[{"kind": "highlight", "id": "../x", "at": "2026-11-01T10:00:00Z"}]`, "malformed id"},
		{"no id", `[{"kind": "highlight", "at": "2026-11-01T10:00:00Z"}]`, "malformed id"},
		{"no time", `[{"kind": "article", "id": "01JGONE"}]`, "has no time"},
		{"time before 1970", `[{"kind": "article", "id": "01JGONE", "at": "1969-12-31T23:00:00Z"}]`, "before 1970"},
		{"time not a time", `[{"kind": "article", "id": "01JGONE", "at": "yesterday"}]`, "records of deletions"},
		{"highlight merged into", `[{"kind": "highlight", ` + ok + `, "into": "01JOTHER"}]`, "only an actor or topic"},
		{"merged into a path", `[{"kind": "actor", ` + ok + `, "into": "a/b"}]`, "malformed id"},
		{"twice", `[{"kind": "topic", ` + ok + `}, {"kind": "topic", ` + ok + `}]`, "appears twice"},
		{"not a list", `{"kind": "topic"}`, "records of deletions"},
		{"null record", `[null]`, `of the kind ""`},
	}
	for _, tc := range tests {
		_, err := Check(bytes.NewReader(withDeleted(t, tc.dels)))
		if err == nil {
			t.Errorf("%s: accepted", tc.name)
			continue
		}
		if !strings.Contains(err.Error(), tc.msg) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %q, want one line with %q", tc.name, err, tc.msg)
		}
	}
}

// A huge list of records is refused as soon as it passes the bound of one
// value, before it fills memory; also when it passes it only in the
// decoder's last read, as the last value of the file.
func TestScanRefusesHugeDeletions(t *testing.T) {
	rec := `{"kind": "highlight", "id": "01JGONE", "at": "2026-11-01T10:00:00Z"},`
	data := withDeleted(t, "["+strings.Repeat(rec, 10000)+rec[:len(rec)-1]+"]")
	for _, limit := range []int{64 << 10, len(data) - 1000} {
		_, err := scanLimited(bytes.NewReader(data), limit, func(*export.Article) error { return nil })
		if !errors.Is(err, ErrNotBackup) || !strings.Contains(err.Error(), "larger than any Dramatis writes") {
			t.Errorf("limit %d: got %v", limit, err)
		}
	}
}

// Merging a backup's records of deletions: one is stored only for what
// the library does not hold, and of two for one id the newer stays; the
// summary counts those stored, and only when there are some.
func TestImportMergesDeletions(t *testing.T) {
	at := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	rec := func(kind, id, when, into string) string {
		s := fmt.Sprintf(`{"kind": %q, "id": %q, "at": %q`, kind, id, when)
		if into != "" {
			s += fmt.Sprintf(`, "into": %q`, into)
		}
		return s + "}"
	}
	tests := []struct {
		name string
		// dels builds the backup's records against the world (after
		// the library deleted w.h2 now).
		dels func(w *deletedWorld) string
		kind storage.DeletedKind
		id   func(w *deletedWorld) string
		// want is the library's record afterwards (zero: none).
		want     func(w *deletedWorld) storage.Deletion
		recorded int
	}{
		{"absent highlight", func(w *deletedWorld) string { return rec("highlight", "01JGONE", "2026-11-01T10:00:00Z", "") },
			storage.DeletedHighlight, func(*deletedWorld) string { return "01JGONE" },
			func(*deletedWorld) storage.Deletion { return storage.Deletion{At: at("2026-11-01T10:00:00Z")} }, 1},
		{"merged actor", func(w *deletedWorld) string { return rec("actor", "01JXI", "2026-11-02T10:00:00Z", w.china.ID) },
			storage.DeletedActor, func(*deletedWorld) string { return "01JXI" },
			func(w *deletedWorld) storage.Deletion {
				return storage.Deletion{At: at("2026-11-02T10:00:00Z"), Into: w.china.ID}
			}, 1},
		{"live highlight gets none", func(w *deletedWorld) string { return rec("highlight", w.h1.ID, "2099-01-01T00:00:00Z", "") },
			storage.DeletedHighlight, func(w *deletedWorld) string { return w.h1.ID },
			func(*deletedWorld) storage.Deletion { return storage.Deletion{} }, 0},
		{"live article gets none", func(w *deletedWorld) string { return rec("article", w.art, "2099-01-01T00:00:00Z", "") },
			storage.DeletedArticle, func(w *deletedWorld) string { return w.art },
			func(*deletedWorld) storage.Deletion { return storage.Deletion{} }, 0},
		{"live topic gets none", func(w *deletedWorld) string { return rec("topic", w.sanctions.ID, "2099-01-01T00:00:00Z", "") },
			storage.DeletedTopic, func(w *deletedWorld) string { return w.sanctions.ID },
			func(*deletedWorld) storage.Deletion { return storage.Deletion{} }, 0},
		{"newer replaces the library's", func(w *deletedWorld) string { return rec("highlight", w.h2.ID, "2099-01-01T00:00:00Z", "") },
			storage.DeletedHighlight, func(w *deletedWorld) string { return w.h2.ID },
			func(*deletedWorld) storage.Deletion { return storage.Deletion{At: at("2099-01-01T00:00:00Z")} }, 1},
		{"older leaves the library's", func(w *deletedWorld) string { return rec("highlight", w.h2.ID, "2001-01-01T00:00:00Z", "") },
			storage.DeletedHighlight, func(w *deletedWorld) string { return w.h2.ID },
			func(w *deletedWorld) storage.Deletion { return w.h2Deleted }, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newDeletedWorld(t)
			if err := w.l.DeleteHighlight(w.h2.ID); err != nil {
				t.Fatal(err)
			}
			d, ok, err := w.l.Deletion(storage.DeletedHighlight, w.h2.ID)
			if err != nil || !ok {
				t.Fatalf("no record of the deletion: %v", err)
			}
			w.h2Deleted = d
			p, err := importInto(t, w.l, withDeleted(t, "["+tc.dels(w)+"]"))
			if err != nil {
				t.Fatal(err)
			}
			got, ok, err := w.l.Deletion(tc.kind, tc.id(w))
			if err != nil {
				t.Fatal(err)
			}
			want := tc.want(w)
			if ok != !want.At.IsZero() || !got.At.Equal(want.At) || got.Into != want.Into {
				t.Errorf("record %v %+v, want %+v", ok, got, want)
			}
			if p.RecordedDeletions != tc.recorded {
				t.Errorf("recorded %d, want %d", p.RecordedDeletions, tc.recorded)
			}
			says := strings.Contains(p.Summary(), "record of deletions taken from the backup")
			if says != (tc.recorded == 1) || strings.Contains(p.Summary(), "\n") {
				t.Errorf("summary %q", p.Summary())
			}
			if _, err := w.l.Highlight(w.h1.ID); err != nil {
				t.Errorf("the live highlight: %v", err)
			}
		})
	}
}

// The point of carrying the records: a library rebuilt from a newer
// backup (B2) leaves out, when an older backup (B1) is merged into it,
// what the reader deleted between the two. The article's highlights and
// the merged actor's statements go as deleting them did.
func TestRebuiltLibraryKeepsDeletions(t *testing.T) {
	w := newDeletedWorld(t)
	b1 := w.backup
	if err := w.l.DeleteHighlight(w.h2.ID); err != nil {
		t.Fatal(err)
	}
	if err := w.l.DeleteTopic(w.sanctions.ID); err != nil {
		t.Fatal(err)
	}
	var b2 bytes.Buffer
	if err := Write(&b2, deletionSource{storeSource{w.l}}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		data       []byte
		wantH2     bool
		wantTopic  bool
		summaryHas string
	}{
		{"B2, then B1", b2.Bytes(), false, false, "left out as deleted since the backup: 1 highlight, 1 topic"},
		{"B2 without its records, then B1", withoutDeletions(t, b2.Bytes()), true, true, "nothing deleted since the backup"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := openLibrary(t)
			if _, err := importInto(t, l, tc.data); err != nil {
				t.Fatal(err)
			}
			p, err := importInto(t, l, b1)
			if err != nil {
				t.Fatal(err)
			}
			_, err = l.Highlight(w.h2.ID)
			if (err == nil) != tc.wantH2 {
				t.Errorf("the highlight deleted between the backups is there: %v, want %v", err == nil, tc.wantH2)
			}
			topics, _ := l.Topics()
			if (len(topics) == 1) != tc.wantTopic {
				t.Errorf("topics %v", topics)
			}
			if !strings.Contains(p.Summary(), tc.summaryHas) {
				t.Errorf("summary %q, want %q", p.Summary(), tc.summaryHas)
			}
		})
	}
}

// deletionSource is a library's Source with its records of deletions, as
// export/gather.Source gives them.
type deletionSource struct{ storeSource }

func (s deletionSource) Deletions() ([]Deletion, error) {
	recs, _, err := s.l.Deletions()
	out := make([]Deletion, len(recs))
	for i, r := range recs {
		out[i] = Deletion{Kind: DeletionKindName(r.Kind), ID: r.ID, At: r.At, Into: r.Into}
	}
	return out, err
}

// withoutDeletions is a version 5 backup as version 4 wrote it.
func withoutDeletions(t *testing.T, b []byte) []byte {
	t.Helper()
	i := bytes.LastIndex(b, []byte(",\n \"deleted\": "))
	if i < 0 {
		t.Fatal("no records of deletions")
	}
	return append(bytes.Replace(b[:i:i], []byte(`"version": 5`), []byte(`"version": 4`), 1), "\n}\n"...)
}
