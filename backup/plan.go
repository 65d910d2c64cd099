package backup

import (
	"fmt"
	"slices"
	"sort"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/export"
)

// MergePlan is what importing a backup into a library writes, worked out
// beforehand so that the writes can happen in one transaction and an
// error changes nothing.
type MergePlan struct {
	// Articles to store (new ones; existing articles are never replaced).
	Articles []export.Article
	// Actors to store: new ones, newer versions of existing ones, and
	// existing ones that gained aliases from a same-named backup actor.
	Actors []annotation.Actor
	// Highlights to store, with article and actor ids mapped onto the
	// library's and offsets re-anchored where the library's text differs.
	Highlights []annotation.Highlight
	// Preferences the library does not have yet.
	Preferences map[string]string

	// What the plan does, for the report.
	NewArticles, SameArticles, NewActors, MergedActors, UpdatedActors      int
	NewHighlights, UpdatedHighlights, KeptHighlights, Reanchored, Orphaned int
}

// PlanMerge works out how to merge a backup into the current library
// (which may be empty), by id and without duplicates:
//   - an article whose id is in the library, or whose URL (else text) is,
//     is the library's: its text and metadata stay, and the backup's
//     highlights on it are re-anchored in the library's text when the
//     texts differ;
//   - an actor whose id is in the library replaces it only when the
//     backup's version is newer; an actor with another id but the same
//     name (case-insensitively) is merged into the library's actor: its
//     aliases are added there and its highlights are remapped to it;
//   - a highlight whose id is in the library replaces it only when the
//     backup's version is newer;
//   - preferences are added where the library has none of that name.
func PlanMerge(current, backup *export.Library) (*MergePlan, error) {
	p := &MergePlan{Preferences: map[string]string{}}
	actorMap := p.planActors(current.Actors, backup.Actors)

	curArts := map[string]*export.Article{}
	byURL, byHash := map[string]*export.Article{}, map[string]*export.Article{}
	curHls := map[string]annotation.Highlight{}
	for i := range current.Articles {
		a := &current.Articles[i]
		curArts[a.ID] = a
		if a.URL != "" {
			byURL[a.URL] = a
		}
		byHash[a.TextHash()] = a
		for _, h := range a.Highlights {
			curHls[h.ID] = h
		}
	}
	arts := slices.Clone(backup.Articles)
	sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	for i := range arts {
		b := &arts[i]
		target := curArts[b.ID]
		if target == nil && b.URL != "" {
			target = byURL[b.URL]
		}
		if target == nil {
			target = byHash[b.TextHash()]
		}
		var anchorer *annotation.Anchorer
		articleID := b.ID
		if target == nil {
			p.NewArticles++
			na := *b
			na.Highlights = nil
			p.Articles = append(p.Articles, na)
		} else {
			p.SameArticles++
			articleID = target.ID
			if target.Text() != b.Text() {
				anchorer = annotation.NewAnchorer(target.Text())
			}
		}
		hs := slices.Clone(b.Highlights)
		sort.Slice(hs, func(i, j int) bool { return hs[i].ID < hs[j].ID })
		for _, h := range hs {
			h.ArticleID = articleID
			h.Actors = remapRefs(h.Actors, actorMap)
			if old, ok := curHls[h.ID]; ok {
				if !h.Updated.After(old.Updated) || old.ArticleID != articleID {
					p.KeptHighlights++
					continue
				}
				p.UpdatedHighlights++
			} else {
				p.NewHighlights++
			}
			if anchorer != nil {
				var m annotation.AnchorMethod
				h, m = anchorer.Reanchor(h)
				if m == annotation.AnchorOrphaned {
					p.Orphaned++
				} else {
					p.Reanchored++
				}
			}
			p.Highlights = append(p.Highlights, h)
		}
	}
	for k, v := range backup.Preferences {
		if _, ok := current.Preferences[k]; !ok {
			p.Preferences[k] = v
		}
	}
	return p, nil
}

// planActors decides what happens to each backup actor and returns how
// backup actor ids map onto the library's.
func (p *MergePlan) planActors(current, backup []annotation.Actor) map[string]string {
	byID := map[string]annotation.Actor{}
	byName := map[string]string{}
	for _, a := range current {
		byID[a.ID] = a
		byName[annotation.NameKey(a.Name)] = a.ID
	}
	changed := map[string]bool{}
	idMap := map[string]string{}
	bs := slices.Clone(backup)
	sort.Slice(bs, func(i, j int) bool { return bs[i].ID < bs[j].ID })
	for _, b := range bs {
		if cur, ok := byID[b.ID]; ok {
			idMap[b.ID] = b.ID
			owner, taken := byName[annotation.NameKey(b.Name)]
			if b.Updated.After(cur.Updated) && (!taken || owner == b.ID) {
				delete(byName, annotation.NameKey(cur.Name))
				byName[annotation.NameKey(b.Name)] = b.ID
				byID[b.ID] = b
				changed[b.ID] = true
				p.UpdatedActors++
			}
			continue
		}
		if id, ok := byName[annotation.NameKey(b.Name)]; ok {
			// Same name, other id: the same actor made twice. Keep the
			// library's and let the backup's highlights follow it.
			idMap[b.ID] = id
			cur := byID[id]
			merged := mergeAliasList(cur.Name, cur.Aliases, b.Aliases)
			if len(merged) != len(cur.Aliases) || (cur.Wikidata == "" && b.Wikidata != "") {
				cur.Aliases = merged
				if cur.Wikidata == "" {
					cur.Wikidata = b.Wikidata
				}
				byID[id] = cur
				changed[id] = true
			}
			p.MergedActors++
			continue
		}
		idMap[b.ID] = b.ID
		byID[b.ID] = b
		byName[annotation.NameKey(b.Name)] = b.ID
		changed[b.ID] = true
		p.NewActors++
	}
	ids := make([]string, 0, len(changed))
	for id := range changed {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		p.Actors = append(p.Actors, byID[id])
	}
	return idMap
}

// remapRefs points actor references at the library's actors, dropping a
// repeat when two backup actors became one.
func remapRefs(refs []annotation.ActorRef, idMap map[string]string) []annotation.ActorRef {
	if len(refs) == 0 {
		return refs
	}
	out := make([]annotation.ActorRef, 0, len(refs))
	seen := map[string]bool{}
	for _, r := range refs {
		if id, ok := idMap[r.ActorID]; ok {
			r.ActorID = id
		}
		if seen[r.ActorID] {
			continue
		}
		seen[r.ActorID] = true
		out = append(out, r)
	}
	return out
}

// mergeAliasList adds the new aliases not yet known (by folded name, and
// not the name itself) to the old list.
func mergeAliasList(name string, old, add []string) []string {
	seen := map[string]bool{annotation.NameKey(name): true}
	out := slices.Clone(old)
	for _, a := range old {
		seen[annotation.NameKey(a)] = true
	}
	for _, a := range add {
		if f := annotation.NameKey(a); f != "" && !seen[f] {
			seen[f] = true
			out = append(out, a)
		}
	}
	return out
}

// Summary says in one line what the plan does.
func (p *MergePlan) Summary() string {
	return fmt.Sprintf("%d new articles (%d already in the library), %d new actors (%d merged by name, %d updated), %d new highlights (%d updated, %d kept as they were; %d re-anchored, %d orphaned), %d preferences",
		p.NewArticles, p.SameArticles, p.NewActors, p.MergedActors, p.UpdatedActors,
		p.NewHighlights, p.UpdatedHighlights, p.KeptHighlights, p.Reanchored, p.Orphaned, len(p.Preferences))
}
