package export

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dramatis-app/dramatis/internal/testkit"
)

func TestW3C(t *testing.T) {
	lib := fixtureLibrary()
	doc, err := W3C(lib)
	if err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, "annotations.jsonld", doc)

	var c struct {
		Context []json.RawMessage `json:"@context"`
		Type    string            `json:"type"`
		Total   int               `json:"total"`
		First   struct {
			Items []struct {
				ID         string `json:"id"`
				Type       string `json:"type"`
				Color      string `json:"dramatis:color"`
				Stylesheet struct {
					Type, Value string
				} `json:"stylesheet"`
				Body []struct {
					Type, Purpose, Value, Source string
					Role                         string `json:"dramatis:role"`
					Topic                        string `json:"dramatis:topic"`
					Stance                       string `json:"dramatis:stance"`
					Actor                        string `json:"dramatis:actor"`
				} `json:"body"`
				Target struct {
					Source   string `json:"source"`
					Selector []struct {
						Type           string
						Exact          string
						Prefix, Suffix string
						Start, End     *int
					} `json:"selector"`
				} `json:"target"`
			} `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal(doc, &c); err != nil {
		t.Fatal(err)
	}
	var ext map[string]any
	if len(c.Context) == 2 {
		_ = json.Unmarshal(c.Context[1], &ext)
	}
	if len(c.Context) != 2 || string(c.Context[0]) != `"http://www.w3.org/ns/anno.jsonld"` || ext["dramatis"] != VocabularyNS || c.Type != "AnnotationCollection" || c.Total != 5 || len(c.First.Items) != 5 {
		t.Fatalf("collection: %+v", c)
	}
	texts := map[string][]rune{}
	for _, a := range lib.Articles {
		texts[a.URL] = []rune(a.Text())
		texts["urn:dramatis:article:"+a.ID] = []rune(a.Text())
	}
	var tagging, identifying, describing int
	var statements []string
	for _, it := range c.First.Items {
		if it.Type != "Annotation" {
			t.Errorf("%s: type %s", it.ID, it.Type)
		}
		if it.ID == "urn:dramatis:highlight:01JHL3000000000000000000AA" && (it.Color != "#ffd54f" || it.Stylesheet.Type != "CssStylesheet" || !strings.Contains(it.Stylesheet.Value, "#ffd54f")) {
			t.Errorf("%s: colour %q, stylesheet %+v", it.ID, it.Color, it.Stylesheet)
		}
		text, ok := texts[it.Target.Source]
		if !ok {
			t.Errorf("%s: target %q is no article", it.ID, it.Target.Source)
		}
		var quote string
		for _, s := range it.Target.Selector {
			switch s.Type {
			case "TextQuoteSelector":
				quote = s.Exact
			case "TextPositionSelector":
				if s.Start == nil || s.End == nil || string(text[*s.Start:*s.End]) != quote {
					t.Errorf("%s: position selector does not select the quote", it.ID)
				}
			}
		}
		for _, b := range it.Body {
			switch b.Purpose {
			case "tagging":
				tagging++
				if b.Role == "" || !strings.HasPrefix(b.Actor, "urn:dramatis:actor:") {
					t.Errorf("%s: actor body without role or id: %+v", it.ID, b)
				}
			case "classifying":
				statements = append(statements, b.Actor[len("urn:dramatis:actor:"):][:6]+" "+b.Stance+" "+b.Value)
			case "identifying":
				identifying++
				if b.Type != "SpecificResource" || b.Source[:32] != "https://www.wikidata.org/entity/" {
					t.Errorf("identifying body %+v", b)
				}
			case "describing":
				describing++
			}
		}
	}
	// Tags: CON (China, Bremmer), HL1 (Kim, China), HL2 (Bremmer, China, AC/DC).
	if tagging != 7 || identifying != 4 || describing != 3 {
		t.Errorf("bodies: %d tagging, %d identifying, %d describing", tagging, identifying, describing)
	}
	if got := strings.Join(statements, ", "); got != "01JKIM opposes Sanktionen, 01JKIM  Atomprogramm, 01JBRE neutral Ölembargo" {
		t.Errorf("statements: %s", got)
	}
}
