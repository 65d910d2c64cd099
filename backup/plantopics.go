package backup

import (
	"slices"
	"sort"
	"strings"

	"github.com/dramatis-app/dramatis/annotation"
)

// planTopics decides what happens to each backup topic, as planActors
// does for actors: a topic with the library's id replaces it when newer
// (and its name is free), one with another id but a library topic's name
// is merged into that topic (its aliases and note added), one deleted
// since the backup (gone: see planner.gone) stays deleted or follows the
// topic it was merged into, others are new. It returns how backup topic
// ids map onto the library's.
func (p *MergePlan) planTopics(current, backup []annotation.Topic, gone map[string]string) map[string]string {
	byID := map[string]annotation.Topic{}
	byName := map[string]string{}
	for _, t := range current {
		byID[t.ID] = t
		byName[annotation.NameKey(t.Name)] = t.ID
	}
	changed := map[string]bool{}
	idMap := map[string]string{}
	bs := slices.Clone(backup)
	sort.Slice(bs, func(i, j int) bool { return bs[i].ID < bs[j].ID })
	for _, b := range bs {
		key := annotation.NameKey(b.Name)
		if cur, ok := byID[b.ID]; ok {
			idMap[b.ID] = b.ID
			owner, taken := byName[key]
			if b.Updated.After(cur.Updated) && (!taken || owner == b.ID) {
				delete(byName, annotation.NameKey(cur.Name))
				byName[key] = b.ID
				byID[b.ID] = b
				changed[b.ID] = true
				p.UpdatedTopics++
			}
			continue
		}
		if into, ok := gone[b.ID]; ok {
			idMap[b.ID] = into // deleted since the backup (""), or merged
			p.DeletedTopics++
			continue
		}
		if id, ok := byName[key]; ok {
			idMap[b.ID] = id
			cur := byID[id]
			merged := mergeAliasList(cur.Name, cur.Aliases, b.Aliases)
			if len(merged) != len(cur.Aliases) || (b.Note != "" && !strings.Contains(cur.Note, b.Note)) {
				cur.Aliases = merged
				cur.Note = joinNotes(cur.Note, b.Note)
				byID[id] = cur
				changed[id] = true
			}
			p.MergedTopics++
			continue
		}
		idMap[b.ID] = b.ID
		byID[b.ID] = b
		byName[key] = b.ID
		changed[b.ID] = true
		p.NewTopics++
	}
	p.Topics = settleParents(byID, changed, idMap)
	return idMap
}

// settleParents maps the parents of the changed topics onto the
// library's ids and returns the changed topics, parents first. A topic
// whose parent is gone, is itself under a topic, or that has topics under
// it goes to the top level: the library keeps one level.
func settleParents(byID map[string]annotation.Topic, changed map[string]bool, idMap map[string]string) []annotation.Topic {
	for id := range changed {
		t := byID[id]
		if m, ok := idMap[t.Parent]; ok && t.Parent != "" {
			t.Parent = m
		}
		byID[id] = t
	}
	hasChildren := map[string]bool{}
	for _, t := range byID {
		if t.Parent != "" {
			hasChildren[t.Parent] = true
		}
	}
	for id := range changed {
		t := byID[id]
		if t.Parent == "" {
			continue
		}
		if parent, ok := byID[t.Parent]; !ok || parent.Parent != "" || parent.ID == id || hasChildren[id] {
			t.Parent = ""
			byID[id] = t
		}
	}
	out := make([]annotation.Topic, 0, len(changed))
	for id := range changed {
		out = append(out, byID[id])
	}
	slices.SortFunc(out, func(x, y annotation.Topic) int {
		if (x.Parent == "") != (y.Parent == "") {
			if x.Parent == "" {
				return -1
			}
			return 1
		}
		return strings.Compare(x.ID, y.ID)
	})
	return out
}

// joinNotes adds a note from the backup under the library's, once.
func joinNotes(cur, add string) string {
	switch {
	case add == "" || strings.Contains(cur, add):
		return cur
	case cur == "":
		return add
	}
	return cur + "\n\n" + add
}
