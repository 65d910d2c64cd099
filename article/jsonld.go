package article

import (
	"encoding/json"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// ldArticle is the part of a schema.org JSON-LD object that Dramatis reads.
type ldArticle struct {
	Type          any               `json:"@type"`
	Headline      string            `json:"headline"`
	Name          string            `json:"name"`
	Description   string            `json:"description"`
	ArticleBody   string            `json:"articleBody"`
	Author        json.RawMessage   `json:"author"`
	Creator       json.RawMessage   `json:"creator"`
	DatePublished string            `json:"datePublished"`
	DateCreated   string            `json:"dateCreated"`
	InLanguage    any               `json:"inLanguage"`
	Publisher     json.RawMessage   `json:"publisher"`
	Section       any               `json:"articleSection"`
	URL           string            `json:"url"`
	Graph         []json.RawMessage `json:"@graph"`
}

// reArticleType matches the schema.org types of news and blog articles.
var reArticleType = regexp.MustCompile(`(?i)^(Article|NewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|BlogPosting|SocialMediaPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|WebPage|AdvertiserContentArticle|SatiricalArticle)$`)

// maxLDDepth bounds how deep findLDArticle looks into nested lists and
// @graph objects, and maxLDNameDepth how deep ldNames looks for names:
// real pages nest two or three levels, hostile ones without end.
const (
	maxLDDepth     = 4
	maxLDNameDepth = 3
)

// findLDArticle searches a JSON-LD value (object, array or @graph) for an
// article object, to a small depth.
func findLDArticle(raw json.RawMessage, depth int) (ldArticle, bool) {
	if depth > maxLDDepth || len(raw) == 0 {
		return ldArticle{}, false
	}
	if raw[0] == '[' {
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) != nil {
			return ldArticle{}, false
		}
		for _, item := range list {
			if a, ok := findLDArticle(item, depth+1); ok {
				return a, true
			}
		}
		return ldArticle{}, false
	}
	var a ldArticle
	if json.Unmarshal(raw, &a) != nil {
		return ldArticle{}, false
	}
	for _, t := range ldStrings(a.Type) {
		if reArticleType.MatchString(t) && (t != "WebPage" || a.Headline != "") {
			return a, true
		}
	}
	for _, g := range a.Graph {
		if b, ok := findLDArticle(g, depth+1); ok {
			return b, true
		}
	}
	return ldArticle{}, false
}

// ldStrings reads a JSON-LD value that is a string or a list of strings.
func ldStrings(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, x := range t {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	case map[string]any:
		if s, ok := t["name"].(string); ok {
			return []string{s}
		}
	}
	return nil
}

func ldString(v any) string {
	if s := ldStrings(v); len(s) > 0 {
		return strings.TrimSpace(s[0])
	}
	return ""
}

// ldNames reads the names of a JSON-LD author: a string, a Person object or
// a list of either.
func ldNames(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return nil
	}
	var out []string
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > maxLDNameDepth {
			return
		}
		switch t := v.(type) {
		case string:
			out = append(out, splitAuthors(html.UnescapeString(t), false)...)
		case []any:
			for _, x := range t {
				add(x, depth+1)
			}
		case map[string]any:
			if s, ok := t["name"].(string); ok {
				out = append(out, splitAuthors(html.UnescapeString(s), false)...)
			}
		}
	}
	add(v, 0)
	return out
}

// ldName reads the name of a JSON-LD organisation or person.
func ldName(raw json.RawMessage) string {
	if n := ldNames(raw); len(n) > 0 {
		return n[0]
	}
	return ""
}

// unescapeLD decodes the character references that many sites leave in
// JSON-LD strings ("&#8222;Krieg&#8220;", "world&#039;s"): JSON needs no
// HTML escaping, but content systems apply it anyway, and a reader must
// never see it.
func unescapeLD(a ldArticle) ldArticle {
	a.Headline = html.UnescapeString(a.Headline)
	a.Name = html.UnescapeString(a.Name)
	a.Description = html.UnescapeString(a.Description)
	a.DatePublished = html.UnescapeString(a.DatePublished)
	return a
}
