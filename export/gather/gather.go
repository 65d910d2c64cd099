// Package gather reads what an export covers out of the library: the
// articles (with their text and highlights), the actors and the
// preferences, as the export and backup packages take them. The command
// line and the window both export through it.
package gather

import (
	"fmt"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/storage"
)

// Library reads the articles named by refs (ids or unique id prefixes,
// each once; every article, newest added first, when refs is empty), each
// with its text and highlights, and every actor.
func Library(lib *storage.Library, refs []string) (*export.Library, error) {
	ids, err := articleIDs(lib, refs)
	if err != nil {
		return nil, err
	}
	out := &export.Library{Articles: make([]export.Article, 0, len(ids))}
	for _, id := range ids {
		a, info, err := lib.Article(id)
		if err != nil {
			return nil, fmt.Errorf("reading article %s: %w", id, err)
		}
		hs, err := lib.Highlights(id)
		if err != nil {
			return nil, fmt.Errorf("reading the highlights of article %s: %w", id, err)
		}
		out.Articles = append(out.Articles, export.Article{ID: id, Added: info.Added, Article: *a, Highlights: hs})
	}
	if out.Actors, err = lib.Actors(); err != nil {
		return nil, fmt.Errorf("reading the actors: %w", err)
	}
	return out, nil
}

// articleIDs resolves refs to article ids, or lists every article.
func articleIDs(lib *storage.Library, refs []string) ([]string, error) {
	var ids []string
	if len(refs) == 0 {
		infos, err := lib.Articles()
		if err != nil {
			return nil, err
		}
		for _, in := range infos {
			ids = append(ids, in.ID)
		}
		return ids, nil
	}
	seen := map[string]bool{}
	for _, r := range refs {
		id, err := lib.ResolveArticle(r)
		if err != nil {
			return nil, err
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// Preferences reads the preferences for a backup. A value (or name) that
// is not text cannot go into the JSON file unchanged: it is left out and
// its name returned in skipped.
func Preferences(lib *storage.Library) (prefs map[string]string, skipped []string, err error) {
	raw, err := lib.Preferences()
	if err != nil {
		return nil, nil, fmt.Errorf("reading the preferences: %w", err)
	}
	prefs = make(map[string]string, len(raw))
	for k, v := range raw {
		if !utf8.Valid(v) || !utf8.ValidString(k) {
			skipped = append(skipped, k)
			continue
		}
		prefs[k] = string(v)
	}
	return prefs, skipped, nil
}
