package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
)

// AnnotationContext is the JSON-LD context of the W3C Web Annotation
// Data Model.
const AnnotationContext = "http://www.w3.org/ns/anno.jsonld"

// wikidataID matches a Wikidata item id, alone or at the end of a URL.
var wikidataID = regexp.MustCompile(`(?i)(?:^|/)(Q[0-9]+)$`)

// wikidataURL returns the entity URI of a Wikidata item given as "Q148" or
// as any URL ending in it; other values are returned unchanged.
func wikidataURL(id string) string {
	id = strings.TrimSpace(id)
	if m := wikidataID.FindStringSubmatch(id); m != nil {
		return "https://www.wikidata.org/entity/" + strings.ToUpper(m[1])
	}
	return id
}

// w3cCollection is a W3C AnnotationCollection with all annotations on
// its first (and only) page.
type w3cCollection struct {
	Context string  `json:"@context"`
	Type    string  `json:"type"`
	Label   string  `json:"label"`
	Total   int     `json:"total"`
	First   w3cPage `json:"first"`
}

type w3cPage struct {
	Type       string          `json:"type"`
	StartIndex int             `json:"startIndex"`
	Items      []w3cAnnotation `json:"items"`
}

type w3cAnnotation struct {
	ID         string    `json:"id"`
	Type       string    `json:"type"`
	Motivation string    `json:"motivation"`
	Created    string    `json:"created,omitempty"`
	Modified   string    `json:"modified,omitempty"`
	Body       []w3cBody `json:"body,omitempty"`
	Target     w3cTarget `json:"target"`
}

// w3cBody is a TextualBody (tagging, describing) or a SpecificResource
// (identifying).
type w3cBody struct {
	Type     string `json:"type"`
	Purpose  string `json:"purpose"`
	Value    string `json:"value,omitempty"`
	Format   string `json:"format,omitempty"`
	Language string `json:"language,omitempty"`
	Source   string `json:"source,omitempty"`
}

type w3cTarget struct {
	Source   string        `json:"source"`
	Title    string        `json:"dc:title,omitempty"`
	Selector []w3cSelector `json:"selector"`
}

// w3cSelector is a TextQuoteSelector or a TextPositionSelector.
type w3cSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
	Start  *int   `json:"start,omitempty"`
	End    *int   `json:"end,omitempty"`
}

// W3C returns the library's highlights as a W3C Web Annotation JSON-LD
// AnnotationCollection: per highlight an Annotation whose target is the
// article's URL (urn:dramatis:article:ID without one) with a
// TextQuoteSelector and a TextPositionSelector (code point offsets into
// the article's text; left out for orphaned highlights, whose offsets
// are stale), a "tagging" body per actor name, an "identifying" body per
// actor with a Wikidata item and a "describing" body for the note.
func W3C(lib *Library) ([]byte, error) {
	actors := lib.ActorMap()
	c := w3cCollection{
		Context: AnnotationContext, Type: "AnnotationCollection", Label: "Dramatis highlights",
		First: w3cPage{Type: "AnnotationPage", Items: []w3cAnnotation{}},
	}
	for i := range lib.Articles {
		a := &lib.Articles[i]
		hs := append([]annotation.Highlight(nil), a.Highlights...)
		sortHighlights(hs)
		for _, h := range hs {
			c.First.Items = append(c.First.Items, w3cOf(a, h, actors))
		}
	}
	c.Total = len(c.First.Items)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return nil, fmt.Errorf("writing the annotations: %w", err)
	}
	return b.Bytes(), nil
}

// w3cOf converts one highlight.
func w3cOf(a *Article, h annotation.Highlight, actors map[string]annotation.Actor) w3cAnnotation {
	an := w3cAnnotation{
		ID: "urn:dramatis:highlight:" + h.ID, Type: "Annotation", Motivation: "highlighting",
		Created: w3cTime(h.Created), Modified: w3cTime(h.Updated),
	}
	for _, ref := range h.Actors {
		act, ok := actors[ref.ActorID]
		if !ok {
			continue
		}
		an.Body = append(an.Body, w3cBody{Type: "TextualBody", Purpose: "tagging", Value: act.Name})
		if act.Wikidata != "" {
			an.Body = append(an.Body, w3cBody{Type: "SpecificResource", Purpose: "identifying", Source: wikidataURL(act.Wikidata)})
		}
	}
	if h.Note != "" {
		an.Body = append(an.Body, w3cBody{Type: "TextualBody", Purpose: "describing", Value: h.Note, Format: "text/plain"})
	}
	if len(an.Body) > 0 {
		an.Motivation = "commenting"
		if h.Note == "" {
			an.Motivation = "tagging"
		}
	}
	src := a.URL
	if src == "" {
		src = "urn:dramatis:article:" + a.ID
	}
	t := w3cTarget{Source: src, Title: a.Title}
	t.Selector = append(t.Selector, w3cSelector{Type: "TextQuoteSelector", Exact: h.Quote.Exact, Prefix: h.Quote.Prefix, Suffix: h.Quote.Suffix})
	if h.Orphaned == "" {
		start, end := h.Start, h.End
		t.Selector = append(t.Selector, w3cSelector{Type: "TextPositionSelector", Start: &start, End: &end})
	}
	an.Target = t
	return an
}

// w3cTime formats a time as the model asks (xsd:dateTime in UTC).
func w3cTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
