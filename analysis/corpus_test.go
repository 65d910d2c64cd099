package analysis

import (
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
)

// berlin is the zone of the German articles in the made-up library.
var berlin = time.FixedZone("CET", 3600)

// smallCorpus is a made-up library of four articles on North Korea:
// three actors who talk about each other and two topics under a parent,
// with stances chosen so that every network has edges to check.
//
//	a1 2024-10-03  h1: Kim speaker, USA target, Sanctions opposes (Kim); China mentioned
//	               h2: China speaker on Sanctions opposes; USA speaker on Sanctions supports
//	a2 2024-11-01 00:30 CET (31 Oct in UTC)
//	               h3: USA speaker, Kim target; USA on Nuclear supports ("Nuclear programme")
//	               h4 (orphaned): Bremmer speaker on Sanctions supports, China target
//	a3 2024-12-20  h5: Kim speaker on Nuclear neutral, "Müller" mentioned
//	a4 no date, added 2025-01-06: h6 China mentioned, no topic
func smallCorpus() *Corpus {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 9, 0, 0, 0, time.UTC) }
	actor := func(id, name string, k annotation.Kind, color string) annotation.Actor {
		return annotation.Actor{ID: id, Name: name, Kind: k, Color: color}
	}
	cl := func(actor string, role annotation.Role, topic string, st Stance) Claim {
		return Claim{Actor: actor, Role: role, Topic: topic, Stance: st}
	}
	const sp, tg, mn = annotation.RoleSpeaker, annotation.RoleTarget, annotation.RoleMentioned
	return &Corpus{
		Articles: []Article{
			{ID: "a1", Title: "Kim warnt die USA", Site: "tagesschau.de", URL: "https://example.org/a1", Published: day(2024, 10, 3)},
			{ID: "a2", Title: "Washington, \"firm\"", Site: "Reuters", Published: time.Date(2024, 11, 1, 0, 30, 0, 0, berlin)},
			{ID: "a3", Title: "Pjöngjang testet", Site: "tagesschau.de", Published: day(2024, 12, 20)},
			{ID: "a4", Title: "Ohne Datum", Added: day(2025, 1, 6)},
		},
		Actors: []annotation.Actor{
			actor("kim", "Kim Jong Un", annotation.KindPerson, "#e6194b"),
			actor("usa", "USA", annotation.KindState, "#4363d8"),
			actor("china", "China", annotation.KindState, "#3cb44b"),
			actor("bremmer", "Ian Bremmer", annotation.KindPerson, ""),
			actor("mueller", "Müller, \"Hans\"", annotation.KindPerson, "#ffe119"),
			actor("idle", "Nobody", annotation.KindOther, ""),
		},
		Topics: []Topic{
			{ID: "security", Name: "Security"},
			{ID: "sanctions", Name: "Sanctions", Color: "#911eb4", Parent: "security"},
			{ID: "nuclear", Name: "Nuclear programme", Parent: "security"},
		},
		Highlights: []Highlight{
			{ID: "h1", ArticleID: "a1", Start: 10, Quote: "Kim warnte Washington", Claims: []Claim{
				cl("kim", sp, "sanctions", StanceOpposes), cl("usa", tg, "", ""), cl("china", mn, "", "")}},
			{ID: "h2", ArticleID: "a1", Start: 50, Quote: "China und die USA, uneins", Note: "zwei Lager", Claims: []Claim{
				cl("china", sp, "sanctions", StanceOpposes), cl("usa", sp, "sanctions", StanceSupports)}},
			{ID: "h3", ArticleID: "a2", Start: 5, Quote: "The US said, \"no\"\nto Pyongyang", Claims: []Claim{
				cl("usa", sp, "nuclear", StanceSupports), cl("kim", tg, "", "")}},
			{ID: "h4", ArticleID: "a2", Start: 80, Quote: "Bremmer", Orphaned: "the passage was deleted", Claims: []Claim{
				cl("bremmer", sp, "sanctions", StanceSupports), cl("china", tg, "", "")}},
			{ID: "h5", ArticleID: "a3", Start: 0, Quote: "Kim, laut Müller", Claims: []Claim{
				cl("kim", sp, "nuclear", StanceNeutral), cl("mueller", mn, "", "")}},
			{ID: "h6", ArticleID: "a4", Start: 0, Quote: "China", Claims: []Claim{cl("china", mn, "", "")}},
			{ID: "h7", ArticleID: "gone", Start: 0, Quote: "of an article not in the corpus", Claims: []Claim{cl("china", mn, "", "")}},
			{ID: "h8", ArticleID: "a4", Start: 9, Quote: "unknown actor", Claims: []Claim{cl("ghost", mn, "", ""), cl("china", mn, "nosuchtopic", StanceSupports)}},
		},
	}
}

func TestNewIndexResolvesStatements(t *testing.T) {
	x := NewIndex(smallCorpus())
	// h1 3, h2 2, h3 2, h4 2, h5 2, h6 1, h8 1 (the ghost and the article outside are left out).
	if got := len(x.Statements); got != 13 {
		t.Fatalf("statements = %d, want 13", got)
	}
	for i := 1; i < len(x.Statements); i++ {
		if x.Statements[i].Date.Before(x.Statements[i-1].Date) {
			t.Fatalf("statement %d is dated before the one ahead of it", i)
		}
	}
	last := x.Statements[len(x.Statements)-1]
	if last.Topic != -1 || last.Stance != StanceUnset {
		t.Errorf("a claim on an unknown topic kept topic %d stance %q; want none", last.Topic, last.Stance)
	}
}

func TestHighlightOfDefaultsRole(t *testing.T) {
	h := HighlightOf(annotation.Highlight{ID: "h", ArticleID: "a", Quote: annotation.TextQuote{Exact: "q"},
		Actors: []annotation.ActorRef{{ActorID: "x"}, {ActorID: "y", Role: annotation.RoleSpeaker}}})
	if h.Quote != "q" || len(h.Claims) != 2 || h.Claims[0].Role != annotation.RoleMentioned || h.Claims[1].Role != annotation.RoleSpeaker {
		t.Fatalf("HighlightOf = %+v", h)
	}
}

func TestHighlightOfReadsStatements(t *testing.T) {
	h := HighlightOf(annotation.Highlight{Actors: []annotation.ActorRef{{ActorID: "kim", Role: annotation.RoleSpeaker, Topic: "t1", Stance: annotation.StanceOpposes}}})
	if c := h.Claims[0]; c.Topic != "t1" || c.Stance != StanceOpposes {
		t.Errorf("the statement read as %+v", c)
	}
}
