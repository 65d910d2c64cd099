package export

import (
	"encoding/json"
	"testing"
)

func TestW3C(t *testing.T) {
	lib := fixtureLibrary()
	doc, err := W3C(lib)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "annotations.jsonld", doc)

	var c struct {
		Context string `json:"@context"`
		Type    string `json:"type"`
		Total   int    `json:"total"`
		First   struct {
			Items []struct {
				ID   string `json:"id"`
				Type string `json:"type"`
				Body []struct {
					Type, Purpose, Value, Source string
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
	if c.Context != "http://www.w3.org/ns/anno.jsonld" || c.Type != "AnnotationCollection" || c.Total != 5 || len(c.First.Items) != 5 {
		t.Fatalf("collection: %+v", c)
	}
	texts := map[string][]rune{}
	for _, a := range lib.Articles {
		texts[a.URL] = []rune(a.Text())
		texts["urn:dramatis:article:"+a.ID] = []rune(a.Text())
	}
	var tagging, identifying, describing int
	for _, it := range c.First.Items {
		if it.Type != "Annotation" {
			t.Errorf("%s: type %s", it.ID, it.Type)
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
}
