package storage

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

func TestHighlightRecordRoundTrip(t *testing.T) {
	created := time.Date(2026, 11, 27, 1, 2, 3, 4_000_000, time.UTC)
	hs := []annotation.Highlight{
		{ID: "01H", ArticleID: "01A", Start: 3, End: 9, Created: created, Updated: created},
		{
			ID: "01H2", ArticleID: "01A", Start: 0, End: 120,
			Quote: annotation.TextQuote{Exact: "„Wir lassen uns <nicht> einschüchtern“ & \"so\" \\ \u2028 \t😀", Prefix: "Kim:\n", Suffix: "\u0001"},
			Color: "#ffcc00",
			Actors: []annotation.ActorRef{
				{ActorID: "k", Role: annotation.RoleSpeaker, Topic: "T1", Stance: annotation.StanceOpposes},
				{ActorID: "k", Role: annotation.RoleSpeaker, Topic: "T2"},
				{ActorID: "c", Role: annotation.RoleMentioned},
			},
			Note: "Notiz", Created: created, Updated: created.Add(time.Hour), Orphaned: "weg",
		},
	}
	for _, h := range hs {
		v, err := encodeHighlight(h)
		if err != nil {
			t.Fatal(err)
		}
		var r highlightRecord
		if !readHighlightRecord(&r, v) {
			t.Errorf("fast path refused our own encoding %s", v)
		}
		got, err := decodeHighlight(append([]byte(h.ArticleID), 0, 0), v)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, h) {
			t.Fatalf("round trip\n got %+v\nwant %+v", got, h)
		}
	}
}

func TestDecodeRejectsDamage(t *testing.T) {
	key := []byte("01A\x00\x00")
	for _, v := range []string{``, `{`, `null`, `[]`, `{"id":""}`, `{"id":"x","s":5,"e":2}`, `{"id":"x","s":-1}`, `{"id":"x\u0000y"}`} {
		if _, err := decodeHighlight(key, []byte(v)); err == nil {
			t.Errorf("decodeHighlight(%q) accepted", v)
		}
	}
	if _, err := decodeHighlight([]byte("nokey"), []byte(`{"id":"x"}`)); err == nil {
		t.Error("a key without article part was accepted")
	}
	for _, v := range []string{``, `{}`, `{"id":1}`} {
		if _, err := decodeActor([]byte(v)); err == nil {
			t.Errorf("decodeActor(%q) accepted", v)
		}
		if _, err := decodeArticleRecord([]byte(v)); err == nil {
			t.Errorf("decodeArticleRecord(%q) accepted", v)
		}
	}
}

// FuzzHighlightRecord checks the fast decoder against encoding/json: when
// it accepts input, encoding/json must accept it too and agree on every
// field; and no input makes any stored-value decoder panic.
func FuzzHighlightRecord(f *testing.F) {
	f.Add([]byte(`{"id":"01H","s":3,"e":9,"x":"abc","p":"\u00fc\n","a":[{"a":"k","r":"speaker"}],"t":1700000000000}`))
	f.Add([]byte(`{"id":"a","s":0,"e":0,"x":"\ud83d\ude00 \\ \" \/","o":"gone","u":-5}`))
	f.Add([]byte(` { "id" : "a" , "a" : [ ] } `))
	f.Add([]byte(`{"id":"a","a":[{"a":"k","r":"speaker","t":"T","s":"opposes"},{"a":"c","r":"mentioned","s":""}]}`))
	f.Add([]byte(`{"ID":"a","s":1.5}`))
	f.Add([]byte(`[{"type":"heading","level":2,"text":"Titel \u003c"},{"type":"paragraph","text":"x"}]`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var fast highlightRecord
		if readHighlightRecord(&fast, data) {
			var slow highlightRecord
			if err := json.Unmarshal(data, &slow); err != nil {
				t.Fatalf("fast path accepted what encoding/json refuses (%v): %q", err, data)
			}
			if !reflect.DeepEqual(fast, slow) {
				t.Fatalf("fast and encoding/json differ on %q:\nfast %+v\nslow %+v", data, fast, slow)
			}
		}
		if fastBlocks, ok := readBlocks(data); ok {
			var slow []article.Block
			if err := json.Unmarshal(data, &slow); err != nil {
				t.Fatalf("fast blocks accepted what encoding/json refuses (%v): %q", err, data)
			}
			if len(fastBlocks) != len(slow) || (len(slow) > 0 && !reflect.DeepEqual(fastBlocks, slow)) || (fastBlocks == nil) != (slow == nil) {
				t.Fatalf("fast and encoding/json blocks differ on %q:\nfast %#v\nslow %#v", data, fastBlocks, slow)
			}
		}
		_, _ = decodeHighlight([]byte("01A\x00\x00"), data)
		_, _ = decodeHighlightV1(data)
		_, _ = decodeActor(data)
		_, _ = decodeArticleRecord(data)
		_, _ = decodeBlocks(data)
	})
}

// A highlight without topics is stored in the bytes it had before topics
// existed: libraries and their backups do not change for readers who do
// not use them.
func TestHighlightWithoutTopicsKeepsItsBytes(t *testing.T) {
	h := annotation.Highlight{ID: "01H", ArticleID: "01A", Start: 1, End: 4,
		Actors: []annotation.ActorRef{{ActorID: "k", Role: annotation.RoleSpeaker}}}
	v, err := encodeHighlight(h)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":"01H","s":1,"e":4,"x":"","a":[{"a":"k","r":"speaker"}]}`; string(v) != want {
		t.Errorf("stored %s, want %s", v, want)
	}
}
