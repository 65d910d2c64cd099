package app

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/assets"
	"github.com/dramatis-app/dramatis/storage"
)

// demoActors are the actors of the demo highlight, created on a first start
// so the reader sees at once what a tagged passage looks like.
var demoActors = []annotation.Actor{
	{Name: "Franklin D. Roosevelt", Kind: annotation.KindPerson, Color: "#4e79a7", Aliases: []string{"Roosevelt", "FDR", "The President"}},
	{Name: "Winston Churchill", Kind: annotation.KindPerson, Color: "#e15759", Aliases: []string{"Churchill", "Mr. Churchill", "Winston S. Churchill"}},
	{Name: "United States", Kind: annotation.KindState, Color: "#59a14f", Aliases: []string{"USA", "U.S.", "United States of America", "Washington", "Vereinigte Staaten"}},
	{Name: "United Kingdom", Kind: annotation.KindState, Color: "#f28e2b", Aliases: []string{"UK", "Britain", "Großbritannien", "London"}},
}

// demoQuote is the passage of the example highlight.
const demoQuote = "they respect the right of all peoples to choose the form of government under which they will live"

// demoNote is the example highlight's note.
const demoNote = "Example highlight: select a passage and press H to tag its actors like this."

// importDemo stores the demo article with one example highlight whose
// speakers are the two leaders. It returns the article's and the
// highlight's ids.
func importDemo(lib *storage.Library) (articleID, highlightID string, err error) {
	var art article.Article
	if err := json.Unmarshal(assets.DemoArticle, &art); err != nil {
		return "", "", fmt.Errorf("the built-in demo article is unreadable: %w", err)
	}
	art.Normalize()
	res, err := lib.ImportArticle(&art)
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
