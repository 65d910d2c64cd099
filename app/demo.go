package app

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2/dialog"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/assets"
	"github.com/dramatis-app/dramatis/internal/plural"
	"github.com/dramatis-app/dramatis/storage"
)

// demoActors are the actors of the demo highlight, created on a first start
// so the reader sees at once what a tagged passage looks like.
var demoActors = []annotation.Actor{
	{Name: "Franklin D. Roosevelt", Kind: annotation.KindPerson, Color: "#4e79a7", Wikidata: "Q8007", Aliases: []string{"Roosevelt", "FDR", "The President"}},
	{Name: "Winston Churchill", Kind: annotation.KindPerson, Color: "#e15759", Wikidata: "Q8016", Aliases: []string{"Churchill", "Mr. Churchill", "Winston S. Churchill"}},
	{Name: "United States", Kind: annotation.KindState, Color: "#59a14f", Wikidata: "Q30", Aliases: []string{"USA", "U.S.", "United States of America", "Washington", "Vereinigte Staaten"}},
	{Name: "United Kingdom", Kind: annotation.KindState, Color: "#f28e2b", Wikidata: "Q145", Aliases: []string{"UK", "Britain", "Großbritannien", "London"}},
}

// demoQuote is the passage of the example highlight.
const demoQuote = "they respect the right of all peoples to choose the form of government under which they will live"

// demoNote is the example highlight's note.
const demoNote = "Example highlight: select a passage and press H to tag its actors like this."

// importDemo stores the demo article with one example highlight whose
// speakers are the two leaders. It returns the article's and the
// highlight's ids.
func importDemo(lib *storage.Library) (articleID, highlightID string, err error) {
	art, err := demoArticle()
	if err != nil {
		return "", "", err
	}
	res, err := lib.ImportArticle(art)
	if err != nil {
		return "", "", fmt.Errorf("could not store the demo article: %w", err)
	}
	var refs []annotation.ActorRef
	for i, act := range demoActors {
		found, ok, err := lib.FindActor(act.Name)
		if err != nil {
			return "", "", err
		}
		if !ok {
			if found, err = lib.AddActor(act); err != nil {
				return "", "", fmt.Errorf("could not add the demo actor %s: %w", act.Name, err)
			}
		}
		if i < 2 {
			refs = append(refs, annotation.ActorRef{ActorID: found.ID, Role: annotation.RoleSpeaker})
		}
	}
	text := art.Text()
	i := strings.Index(text, demoQuote)
	if i < 0 {
		return "", "", fmt.Errorf("the demo article lost its example passage %q", demoQuote)
	}
	start := utf8.RuneCountInString(text[:i])
	h, err := lib.AddHighlight(annotation.Highlight{
		ArticleID: res.ID, Start: start, End: start + utf8.RuneCountInString(demoQuote),
		Actors: refs, Note: demoNote,
	})
	if err != nil {
		return "", "", fmt.Errorf("could not add the demo highlight: %w", err)
	}
	return res.ID, h.ID, nil
}

// demoArticle is the built-in demo article.
func demoArticle() (*article.Article, error) {
	var art article.Article
	if err := json.Unmarshal(assets.DemoArticle, &art); err != nil {
		return nil, fmt.Errorf("the built-in demo article is unreadable: %w", err)
	}
	art.Normalize()
	return &art, nil
}

// demoState is what the window knows of the demo in the library: it stays
// out of the reader's way (suggestions, recent actors, exports) unless the
// reader works with it.
type demoState struct {
	// article is the demo article's id; "" when the library has none.
	article string
	// untouched says the demo has only its example highlight, as shipped:
	// then it is not the reader's work and stays out of exports.
	untouched bool
	// actors are the demo's actors that no other article uses.
	actors map[string]bool
}

// demoID is the id of the library's article with the demo's address, ""
// when the library has none (looked up in the address index).
func demoID(lib *storage.Library) string {
	art, err := demoArticle()
	if err != nil {
		return ""
	}
	id, _, err := lib.MatchArticle("", art.URL, "")
	if err != nil {
		return ""
	}
	return id
}

// loadDemoState reads what the demo article (id; "" for none) is now (off
// the main goroutine): whether the reader worked in it, and the demo
// actors only it uses.
func loadDemoState(lib *storage.Library, id string) demoState {
	d := demoState{article: id}
	if id == "" {
		return d
	}
	if _, _, err := lib.Article(id); err != nil {
		return demoState{} // deleted
	}
	if hls, err := lib.Highlights(d.article); err == nil {
		d.untouched = len(hls) == 1 && hls[0].Note == demoNote && hls[0].Updated.Equal(hls[0].Created)
	}
	d.actors = map[string]bool{}
	for _, act := range demoActors {
		found, ok, err := lib.FindActor(act.Name)
		if err != nil || !ok {
			continue
		}
		hls, err := lib.ActorHighlights(found.ID)
		if err != nil {
			continue
		}
		only := true
		for _, h := range hls {
			only = only && h.ArticleID == d.article
		}
		if only {
			d.actors[found.ID] = true
		}
	}
	return d
}

// hides reports whether an actor stays out of the picker while the reader
// works on the article current: a demo actor nobody used elsewhere, away
// from the demo.
func (d demoState) hides(actorID, current string) bool {
	return d.actors[actorID] && current != d.article
}

// leftOut is what an export leaves out: the demo article while it is as
// shipped, and the actors only it uses.
func (d demoState) leftOut() (articleID string, actors map[string]bool) {
	if d.article == "" || !d.untouched {
		return "", nil
	}
	return d.article, d.actors
}

// sameActors reports whether two demo states hide the same actors.
func (d demoState) sameActors(e demoState) bool {
	if len(d.actors) != len(e.actors) {
		return false
	}
	for id := range d.actors {
		if !e.actors[id] {
			return false
		}
	}
	return true
}

// takeDemo sets the demo state and tells onDemo whether the demo article
// is still in the library.
func (c *controller) takeDemo(d demoState) {
	c.demo = d
	if c.onDemo != nil {
		c.onDemo(d.article != "")
	}
}

// removeDemo takes the demo article out of the library in one step, with
// the actors only it uses, after asking.
func (c *controller) removeDemo() {
	id := c.demo.article
	if id == "" {
		c.sh.setStatus("The example article is not in the library.")
		return
	}
	actors := c.demo.actors
	msg := "Remove the example article “The Atlantic Charter”"
	if len(actors) > 0 {
		msg += " and its " + plural.Of(len(actors), "example actor")
	}
	msg += "? Actors you used in your own articles stay."
	dialog.ShowConfirm("Remove example", msg, func(yes bool) {
		if yes {
			c.deleteDemo(id, actors)
		}
	}, c.sh.win)
}

// deleteDemo deletes the demo article and its own actors.
func (c *controller) deleteDemo(id string, actors map[string]bool) {
	var err error
	c.sh.run(func() {
		for actorID := range actors {
			if err = c.store.DeleteActor(actorID); err != nil {
				return
			}
		}
	}, func() {
		if err != nil {
			c.sh.showError("Could not remove the example", err)
			return
		}
		ids := make([]string, 0, len(actors))
		for actorID := range actors {
			ids = append(ids, actorID)
		}
		c.forgetRecent(ids)
		c.takeDemo(demoState{})
		c.deleteArticle(id)
		c.reloadActors(nil)
	})
}
