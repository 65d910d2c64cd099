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

// VocabularyNS is the namespace of the dramatis: terms the W3C export adds
// to the Web Annotation model (roles, stances, topics, colours). It is
// the address of their documentation, docs/vocabulary.md.
const VocabularyNS = "https://github.com/dramatis-app/dramatis/blob/main/docs/vocabulary.md#"

// dramatisContext declares the dramatis: prefix and the terms whose
// values are ids (URNs), for JSON-LD processors.
var dramatisContext = map[string]any{
	"dramatis":        VocabularyNS,
	"dramatis:actor":  map[string]string{"@type": "@id"},
	"dramatis:topic":  map[string]string{"@type": "@id"},
	"dramatis:parent": map[string]string{"@type": "@id"},
}

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
	Context []any   `json:"@context"`
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
	ID         string         `json:"id"`
	Type       string         `json:"type"`
	Motivation string         `json:"motivation"`
	Created    string         `json:"created,omitempty"`
	Modified   string         `json:"modified,omitempty"`
	Color      string         `json:"dramatis:color,omitempty"`
	Stylesheet *w3cStylesheet `json:"stylesheet,omitempty"`
	Body       []w3cBody      `json:"body,omitempty"`
	Target     w3cTarget      `json:"target"`
}

// w3cStylesheet is the model's embedded CSS, here the highlight's colour
// for the target's styleClass.
type w3cStylesheet struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// highlightStyleClass is the CSS class the stylesheet colours.
const highlightStyleClass = "dramatis-highlight"

// w3cBody is a TextualBody (tagging, describing) or a SpecificResource
// (identifying).
// Actor bodies ("tagging", one per actor) and topic bodies
// ("classifying", one per statement on a topic) carry dramatis: terms.
type w3cBody struct {
	Type     string `json:"type"`
	Purpose  string `json:"purpose"`
	Value    string `json:"value,omitempty"`
	Format   string `json:"format,omitempty"`
	Language string `json:"language,omitempty"`
	Source   string `json:"source,omitempty"`

	Actor  string `json:"dramatis:actor,omitempty"`
	Kind   string `json:"dramatis:kind,omitempty"`
	Role   string `json:"dramatis:role,omitempty"`
	Topic  string `json:"dramatis:topic,omitempty"`
	Parent string `json:"dramatis:parent,omitempty"`
	Stance string `json:"dramatis:stance,omitempty"`
	Color  string `json:"dramatis:color,omitempty"`
}

type w3cTarget struct {
	Source     string        `json:"source"`
	Title      string        `json:"dc:title,omitempty"`
	StyleClass string        `json:"styleClass,omitempty"`
	Selector   []w3cSelector `json:"selector"`
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
// are stale), a "tagging" body per actor name (with its role, kind and
// colour as dramatis: terms), an "identifying" body per actor with a
// Wikidata item, a "classifying" body per statement on a topic (topic,
// actor, stance) and a "describing" body for the note. A highlight's own
// colour is its dramatis:color and a CSS stylesheet for the target.
func W3C(lib *Library) ([]byte, error) {
	tags := w3cTags{actors: lib.ActorMap(), topics: lib.TopicMap()}
	c := w3cCollection{
		Context: []any{AnnotationContext, dramatisContext}, Type: "AnnotationCollection", Label: "Dramatis highlights",
		First: w3cPage{Type: "AnnotationPage", Items: []w3cAnnotation{}},
	}
	for i := range lib.Articles {
		a := &lib.Articles[i]
		hs := append([]annotation.Highlight(nil), a.Highlights...)
		sortHighlights(hs)
		for _, h := range hs {
			c.First.Items = append(c.First.Items, w3cOf(a, h, tags))
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

// w3cTags are the actors and topics highlights name, by id.
type w3cTags struct {
	actors map[string]annotation.Actor
	topics map[string]annotation.Topic
}

// w3cOf converts one highlight.
func w3cOf(a *Article, h annotation.Highlight, tags w3cTags) w3cAnnotation {
	an := w3cAnnotation{
		ID: "urn:dramatis:highlight:" + h.ID, Type: "Annotation", Motivation: "highlighting",
		Created: w3cTime(h.Created), Modified: w3cTime(h.Updated),
	}
	if col := cssColor(h.Color); col != "" {
		an.Color = h.Color
		an.Stylesheet = &w3cStylesheet{Type: "CssStylesheet", Value: "." + highlightStyleClass + " { background-color: " + col + "; }"}
	}
	seen := map[string]bool{}
	for _, ref := range h.Actors {
		act, ok := tags.actors[ref.ActorID]
		if !ok {
			continue
		}
		if !seen[act.ID] {
			seen[act.ID] = true
			role := ref.Role
			if role == "" {
				role = annotation.Roles[0] // a stored reference without a role has the default
			}
			an.Body = append(an.Body, w3cBody{Type: "TextualBody", Purpose: "tagging", Value: act.Name,
				Actor: "urn:dramatis:actor:" + act.ID, Kind: string(act.Kind), Role: string(role), Color: act.Color})
			if act.Wikidata != "" {
				an.Body = append(an.Body, w3cBody{Type: "SpecificResource", Purpose: "identifying", Source: wikidataURL(act.Wikidata)})
			}
		}
		if t, ok := tags.topics[ref.Topic]; ok && ref.Topic != "" {
			b := w3cBody{Type: "TextualBody", Purpose: "classifying", Value: t.Name, Topic: "urn:dramatis:topic:" + t.ID,
				Actor: "urn:dramatis:actor:" + act.ID, Stance: string(ref.Stance), Color: t.Color}
			if t.Parent != "" {
				b.Parent = "urn:dramatis:topic:" + t.Parent
			}
			an.Body = append(an.Body, b)
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
	if an.Stylesheet != nil {
		t.StyleClass = highlightStyleClass
	}
	t.Selector = append(t.Selector, w3cSelector{Type: "TextQuoteSelector", Exact: h.Quote.Exact, Prefix: h.Quote.Prefix, Suffix: h.Quote.Suffix})
	if h.Orphaned == "" {
		start, end := h.Start, h.End
		t.Selector = append(t.Selector, w3cSelector{Type: "TextPositionSelector", Start: &start, End: &end})
	}
	an.Target = t
	return an
}

// cssColor returns a stored highlight colour as CSS: "#rrggbb" as it is,
// a colour name of letters only (yellow) as it is; "" for anything else,
// which must not reach a stylesheet.
func cssColor(c string) string {
	c = strings.TrimSpace(c)
	if c == "" || len(c) > 32 {
		return ""
	}
	if c[0] == '#' {
		if len(c) != 7 && len(c) != 4 {
			return ""
		}
		for _, r := range c[1:] {
			if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
				return ""
			}
		}
		return c
	}
	for _, r := range c {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return c
}

// w3cTime formats a time as the model asks (xsd:dateTime in UTC).
func w3cTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
