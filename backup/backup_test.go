package backup

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/internal/testkit"
)

func TestBackupRoundTrip(t *testing.T) {
	lib := fixtureLibrary()
	b1, err := Encode(lib)
	if err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, "backup.json", b1)
	if !bytes.HasPrefix(b1, []byte("{\n \"format\": \"dramatis-backup\",\n \"version\": 5,\n")) {
		t.Errorf("header: %.60s", b1)
	}
	back, err := Read(bytes.NewReader(b1))
	if err != nil {
		t.Fatal(err)
	}
	// Order of the input does not matter.
	back.Articles[0], back.Articles[1] = back.Articles[1], back.Articles[0]
	back.Actors[0], back.Actors[3] = back.Actors[3], back.Actors[0]
	b2, err := Encode(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1, b2) {
		t.Errorf("backup → read → backup changed the bytes")
	}
}

func TestReadRefuses(t *testing.T) {
	good, _ := Encode(fixtureLibrary())
	tests := []struct {
		name, in string
		is       error
		msg      string
	}{
		{"empty", "", ErrNotBackup, "the file is empty"},
		{"blank", " \r\n\t\n", ErrNotBackup, "the file is empty"},
		{"only a byte order mark", "\xef\xbb\xbf\n", ErrNotBackup, "the file is empty"},
		{"blank then not JSON", "\n\n hello", ErrNotBackup, "not JSON"},
		{"binary", "\x00\x01\x02", ErrNotBackup, "not JSON"},
		{"other json", `{"hello":1}`, ErrNotBackup, `format is ""`},
		{"other format", `{"format":"obsidian","version":1}`, ErrNotBackup, `"obsidian"`},
		{"newer", `{"format":"dramatis-backup","version":6,"articles":[]}`, ErrTooNew, "version 6"},
		{"version zero", `{"format":"dramatis-backup","version":0}`, ErrNotBackup, "version 0"},
		{"version string", `{"format":"dramatis-backup","version":"1"}`, ErrNotBackup, "version"},
		{"truncated", string(good[:len(good)/2]), ErrNotBackup, "damaged"},
		{"cut in the header", string(good[:20]), ErrNotBackup, "not JSON"},
		{"wrong types", `{"format":"dramatis-backup","version":1,"articles":{}}`, ErrNotBackup, "damaged"},
		{"dangling actor", strings.Replace(string(good), `"id": "01JCHINA0000000000000000AA"`, `"id": "01JOTHER"`, 1), nil, "does not hold"},
		{"duplicate highlight", strings.Replace(string(good), `"01JHL3000000000000000000AA"`, `"01JHL1000000000000000000AA"`, 1), nil, "appears twice"},
		{"id that is a path", strings.Replace(string(good), `"id": "01JHL3000000000000000000AA"`, `"id": "../../etc/passwd"`, 1), nil, "malformed id"},
		{"actor id with a slash", strings.Replace(string(good), `"01JCHINA0000000000000000AA"`, `"01J/CHINA"`, -1), nil, "malformed id"},
		{"articles before another format", `{"articles":[],"format":"something","version":1}`, ErrNotBackup, `format is "something"`},
		{"long actor name", strings.Replace(string(good), `"name": "China"`, `"name": "`+strings.Repeat("x", 1000)+`"`, 1), nil, "longer than any actor's"},
		{"trailing garbage", string(good) + "{}", ErrNotBackup, "goes on after its end"},
		{"deep nesting", `{"format":"dramatis-backup","version":1,"articles":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`, ErrNotBackup, ""},
	}
	for _, tt := range tests {
		_, err := Read(strings.NewReader(tt.in))
		if err == nil {
			t.Errorf("%s: accepted", tt.name)
			continue
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%s: %v is not %v", tt.name, err, tt.is)
		}
		if !strings.Contains(err.Error(), tt.msg) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: message %q lacks %q", tt.name, err, tt.msg)
		}
	}
}

// FuzzRead checks that no input panics or hangs the reader, and
// that what it accepts backs up again.
func FuzzRead(f *testing.F) {
	good, _ := Encode(fixtureLibrary())
	f.Add(good)
	f.Add([]byte(`{"format":"dramatis-backup","version":1,"articles":[{"id":"a","blocks":[{"type":"paragraph","text":"x"}],"highlights":[{"id":"h","start":0,"end":1}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lib, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		if _, err := Encode(lib); err != nil {
			t.Fatal(err)
		}
		if _, err := PlanMerge(fixtureLibrary(), lib); err != nil {
			t.Fatal(err)
		}
	})
}

func TestPlanMerge(t *testing.T) {
	cur := fixtureLibrary()
	t1 := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	// A backup from another machine: the same article (same URL, other id,
	// text changed by a newer cleaner), an actor "china" made there with
	// its own id and an alias, a new actor, a newer version of Kim.
	otherChina := annotation.Actor{ID: "01JCHINA2", Name: "china", Kind: annotation.KindState, Aliases: []string{"PRC", "Peking"}, Created: t1, Updated: t1}
	newActor := annotation.Actor{ID: "01JNEW", Name: "Wladimir Putin", Kind: annotation.KindPerson, Created: t1, Updated: t1}
	kim := cur.ActorMap()["01JKIM00000000000000000AAA"]
	kim.Note, kim.Updated = "updated elsewhere", t1
	// The fixture in backup order: articles and highlights by id.
	a := cur.Articles[0].Article
	a.Blocks = append([]article.Block{{Type: article.Paragraph, Text: "Ein neuer Vorspann."}}, a.Blocks...)
	text := []rune(a.Text())
	old := cur.Articles[0].Highlights[0] // HL1, anchored
	shift := len([]rune("Ein neuer Vorspann.")) + 2
	moved := old
	moved.ID, moved.ArticleID, moved.Start, moved.End = "01JHLREMOTE", "01JARTREMOTE", old.Start+shift, old.End+shift
	moved.Quote = annotation.QuoteAt(text, moved.Start, moved.End)
	moved.Actors = []annotation.ActorRef{{ActorID: "01JCHINA2", Role: annotation.RoleSpeaker}, {ActorID: "01JCHINA0000000000000000AA"}, {ActorID: "01JNEW"}}
	moved.Created, moved.Updated = t1, t1
	// The same highlight as in the library, older: kept as it is.
	same := cur.Articles[0].Highlights[1]
	same.ArticleID = "01JARTREMOTE"
	same.Note = "older"
	same.Updated = same.Updated.Add(-time.Hour)
	// Something the library's text no longer has: orphaned.
	gone := annotation.Highlight{ID: "01JHLGONE", ArticleID: "01JARTREMOTE", Start: 0, End: 19, Quote: annotation.QuoteAt(text, 0, 19), Created: t1, Updated: t1}
	newArt := export.Article{ID: "01JARTNEW", Added: t1, Article: article.Article{Title: "Neu", URL: "https://example.com/neu", Blocks: []article.Block{{Type: article.Paragraph, Text: "Putin spricht."}}},
		Highlights: []annotation.Highlight{{ID: "01JHLNEW", ArticleID: "01JARTNEW", Start: 0, End: 5, Quote: annotation.TextQuote{Exact: "Putin"}, Actors: []annotation.ActorRef{{ActorID: "01JNEW", Role: annotation.RoleSpeaker}}, Created: t1, Updated: t1}}}
	backup := &export.Library{
		Articles:    []export.Article{{ID: "01JARTREMOTE", Added: t1, Article: a, Highlights: []annotation.Highlight{moved, same, gone}}, newArt},
		Actors:      []annotation.Actor{otherChina, newActor, kim},
		Preferences: map[string]string{"theme": "light", "font": "serif"},
	}
	p, err := PlanMerge(cur, backup)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Articles) != 1 || p.Articles[0].ID != "01JARTNEW" || p.Articles[0].Highlights != nil {
		t.Errorf("articles: %+v", p.Articles)
	}
	ids := map[string]annotation.Actor{}
	for _, a := range p.Actors {
		ids[a.ID] = a
	}
	if len(p.Actors) != 3 || ids["01JCHINA0000000000000000AA"].Aliases[3] != "PRC" || ids["01JNEW"].Name != "Wladimir Putin" || ids["01JKIM00000000000000000AAA"].Note != "updated elsewhere" {
		t.Errorf("actors: %+v", p.Actors)
	}
	hs := map[string]annotation.Highlight{}
	for _, h := range p.Highlights {
		hs[h.ID] = h
	}
	if len(p.Highlights) != 3 {
		t.Fatalf("highlights: %+v", p.Highlights)
	}
	r := hs["01JHLREMOTE"]
	if r.ArticleID != "01JART1000000000000000000A" || r.Start != old.Start || r.End != old.End || r.Orphaned != "" {
		t.Errorf("re-anchored highlight: %+v", r)
	}
	if len(r.Actors) != 2 || r.Actors[0] != (annotation.ActorRef{ActorID: "01JCHINA0000000000000000AA", Role: annotation.RoleSpeaker}) || r.Actors[1].ActorID != "01JNEW" {
		t.Errorf("remapped actors: %+v", r.Actors)
	}
	if hs["01JHLGONE"].Orphaned == "" || hs["01JHLNEW"].ArticleID != "01JARTNEW" {
		t.Errorf("orphan / new: %+v", p.Highlights)
	}
	if len(p.Preferences) != 1 || p.Preferences["font"] != "serif" {
		t.Errorf("preferences: %v", p.Preferences)
	}
	if p.KeptHighlights != 1 || p.MergedActors != 1 || p.Orphaned != 1 || p.Reanchored != 1 {
		t.Errorf("summary: %s", p.Summary())
	}
}
