package export

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// checkNotesReadBack renders every note of lib in every grouping and
// checks what a reader sees: the properties parse, the note has one
// title, and every block quote shows exactly the passage of a highlight.
func checkNotesReadBack(t *testing.T, lib *Library) {
	t.Helper()
	quotes := map[string]bool{"(empty passage)": true}
	for _, a := range lib.Articles {
		for _, h := range a.Highlights {
			quotes[visible(h.Quote.Exact)] = true
		}
	}
	actors := lib.ActorMap()
	for _, g := range []Grouping{PerArticle, ByActor, PerActor} {
		for _, n := range Notes(lib, g, NewNames(lib, nil, nil), false) {
			r := render(t, n.Bytes())
			if r.props["dramatis_id"] != n.ID {
				t.Errorf("grouping %d, %s: properties %v", g, n.Name, r.props)
			}
			hs := r.all("h1")
			if len(hs) != 1 {
				t.Errorf("grouping %d, %s: %d titles", g, n.Name, len(hs))
				continue
			}
			title := textOf(hs[0])
			if a, ok := actors[n.ID]; ok {
				if title != visible(a.Name) {
					t.Errorf("actor note title %q, want %q", title, a.Name)
				}
			} else if r.props["title"] != nil && title != r.props["title"] {
				t.Errorf("article note title %q, property %q", title, r.props["title"])
			}
			for _, q := range r.all("blockquote") {
				if !quotes[textOf(q)] {
					t.Errorf("grouping %d, %s: a quote shows %q, which is no highlight's passage", g, n.Name, textOf(q))
				}
			}
			for _, tag := range []string{"ul", "ol", "hr", "pre", "table", "img", "a"} {
				if els := r.all(tag); len(els) > 0 {
					t.Errorf("grouping %d, %s: <%s> in the note: %q", g, n.Name, tag, textOf(els[0]))
				}
			}
		}
	}
}

func TestEveryNoteReadsBack(t *testing.T) {
	checkNotesReadBack(t, fixtureLibrary())
}

// TestSeedReadsBack highlights passages of the user's sample page copy
// (German news text) and checks every note reads back.
func TestSeedReadsBack(t *testing.T) {
	data, err := os.ReadFile("../../shared/seeds/000_dcb08cbd2e7ce4f1.txt")
	if err != nil {
		t.Skipf("the sample page copy is not here (%v); it lives in /work/shared/seeds", err)
	}
	a, err := article.CleanText(data, "seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(a.Text())
	rng := rand.New(rand.NewPCG(7, 7))
	t0 := time.Date(2024, 11, 8, 0, 0, 0, 0, time.UTC)
	lib := &Library{Actors: []annotation.Actor{
		{ID: "01JA1", Name: "Nordkorea", Kind: annotation.KindState, Aliases: []string{"DVRK", "Pjöngjang"}},
		{ID: "01JA2", Name: "Russland", Kind: annotation.KindState, Aliases: []string{"Moskau", "Kreml"}},
	}}
	art := Article{ID: "01JSEED", Added: t0, Article: *a}
	starts := a.BlockStarts()
	for i, bl := range a.Blocks {
		n := len([]rune(bl.Text))
		s, e := starts[i], starts[i]+n
		if i%2 == 1 && n > 10 {
			s += rng.IntN(n / 2)
			e = s + 1 + rng.IntN(starts[i]+n-s)
		}
		if i+1 < len(a.Blocks) && i%5 == 0 {
			e = starts[i+1] + len([]rune(a.Blocks[i+1].Text)) // across a block boundary
		}
		art.Highlights = append(art.Highlights, annotation.Highlight{
			ID: fmt.Sprintf("01JH%04d", i), ArticleID: art.ID, Start: s, End: e, Quote: annotation.QuoteAt(text, s, e),
			Actors: []annotation.ActorRef{{ActorID: lib.Actors[i%2].ID, Role: annotation.Roles[i%3]}}, Note: bl.Text[:min(len(bl.Text), 20)],
		})
	}
	lib.Articles = []Article{art}
	checkNotesReadBack(t, lib)
	md := string(ArticleMarkdown(art, lib.ActorMap(), lib.TopicMap()))
	if !strings.Contains(md, "[[Nordkorea]] (speaker)") || strings.Count(md, "\n^hl-") != len(art.Highlights) {
		t.Errorf("seed note:\n%.2000s", md)
	}
}
