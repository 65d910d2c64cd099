package backup

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/internal/plural"
	"github.com/dramatis-app/dramatis/storage"
)

// MergePlan is what merging a backup into a library writes (Articles,
// Actors, Highlights, Preferences: filled by PlanMerge; Import writes as
// it plans and fills only the counts), and what it does, for the report.
type MergePlan struct {
	// Articles to store (new ones; existing articles are never replaced).
	Articles []export.Article
	// Corrections to store: the reader's corrections a backup article
	// brings for an article the library has, merged into those the
	// library's article has (see mergeCorrections).
	Corrections []Corrections
	// Actors to store: new ones, newer versions of existing ones, and
	// existing ones that gained aliases from a same-named backup actor.
	Actors []annotation.Actor
	// Topics to store, as actors are (a topic under another comes after
	// it).
	Topics []annotation.Topic
	// Highlights to store, with article and actor ids mapped onto the
	// library's and placed in the library's text (see placeAll).
	Highlights []annotation.Highlight
	// Preferences the library does not have yet.
	Preferences map[string]string

	// What the plan does, for the report.
	NewArticles, SameArticles, CorrectedArticles, NewActors, MergedActors  int
	UpdatedActors                                                          int
	NewTopics, MergedTopics, UpdatedTopics                                 int
	NewHighlights, UpdatedHighlights, KeptHighlights, Reanchored, Orphaned int
	// What the reader deleted after the backup was made (see
	// deletedSince): articles (with DeletedArticleHighlights, the
	// highlights the backup holds on them), actors and topics (a merged
	// one's statements follow the one it was merged into), highlights.
	// They are left out, or with IncludeDeleted brought back.
	DeletedArticles, DeletedArticleHighlights, DeletedActors, DeletedTopics, DeletedHighlights int
	IncludeDeleted                                                                             bool
	// RecordedDeletions counts the backup's records of deletions the
	// library had not (see storage.Batch.Deletions): from then on it
	// leaves out what an older backup holds of them too.
	RecordedDeletions int
}

// MergeOptions change how a backup is merged.
type MergeOptions struct {
	// IncludeDeleted brings back what the reader deleted after the
	// backup was made, which a merge otherwise leaves out.
	IncludeDeleted bool
}

// Target is the library a backup is merged into, as planning asks it.
type Target interface {
	// MatchArticle returns the id of the library's article that a backup
	// article is (the same id, else the same URL, else the same text),
	// with that article's text hash; "" when there is none.
	MatchArticle(id, url, textHash string) (found, foundHash string, err error)
	// ArticleText returns the text of a library article.
	ArticleText(id string) (string, error)
	// Highlight returns the library's highlight with the id, if any.
	Highlight(id string) (h annotation.Highlight, ok bool, err error)
	// ArticleCorrections returns the reader's corrections of a library
	// article (nil without any).
	ArticleCorrections(id string) (*article.Corrections, error)
	// Deletion returns the record of the reader's deletion of kind id,
	// if the library has one (storage.Library.Deletion).
	Deletion(kind storage.DeletedKind, id string) (storage.Deletion, bool, error)
}

// Corrections are the reader's corrections of the library's article ID.
type Corrections struct {
	ArticleID string
	Corrected *article.Corrections
}

// planner merges a backup into a library one article at a time:
//   - an article whose id is in the library, or whose URL (else text) is,
//     is the library's: its text and metadata stay, and the backup's
//     highlights on it are placed in the library's text; the reader's
//     corrections of its metadata in the backup join those the library's
//     article has, field by field, the library's winning (so a library
//     rebuilt by importing the pages again gets them back);
//   - an actor whose id is in the library replaces it only when the
//     backup's version is newer; an actor with another id but the same
//     name (case-insensitively) is merged into the library's actor: its
//     aliases are added there and its highlights are remapped to it;
//   - a highlight whose id is in the library replaces it only when the
//     backup's version is newer; every highlight is placed by its quote
//     where its offsets do not hold it (a tampered or damaged backup),
//     and orphaned when the quote is not found;
//   - topics are merged as actors are (by id if newer, else by name);
//     a topic whose parent would break the one level of hierarchy in the
//     merged library goes to the top level;
//   - preferences are added where the library has none of that name;
//   - whatever the reader deleted after the backup was made (an article,
//     actor, topic or highlight the library has a deletion record of, no
//     older than the backup's copy: see deletedSince) stays deleted: an
//     article is left out with its highlights, an actor's or topic's
//     statements are dropped as deleting it dropped them (or follow the
//     one it was merged into), unless MergeOptions.IncludeDeleted asks
//     for them back. A library without such records (new, or rebuilt
//     from a salvage) gets everything back.
type planner struct {
	target             Target
	actorMap, topicMap map[string]string
	p                  *MergePlan
	opts               MergeOptions
}

// newPlanner plans the actors and preferences of a backup against the
// library's.
func newPlanner(t Target, cur *export.Library, cont contents, opts MergeOptions) (*planner, error) {
	pl := &planner{target: t, opts: opts, p: &MergePlan{Preferences: map[string]string{}, IncludeDeleted: opts.IncludeDeleted}}
	have, touched := actorTimes(cur.Actors, cont.actors)
	goneActors, restored, err := pl.gone(storage.DeletedActor, have, touched)
	if err != nil {
		return nil, err
	}
	pl.p.DeletedActors += restored
	have, touched = topicTimes(cur.Topics, cont.topics)
	goneTopics, restored, err := pl.gone(storage.DeletedTopic, have, touched)
	if err != nil {
		return nil, err
	}
	pl.p.DeletedTopics += restored
	pl.actorMap = pl.p.planActors(cur.Actors, cont.actors, goneActors)
	pl.topicMap = pl.p.planTopics(cur.Topics, cont.topics, goneTopics)
	curPrefs := cur.Preferences
	for k, v := range cont.prefs {
		if _, ok := curPrefs[k]; !ok {
			pl.p.Preferences[k] = v
		}
	}
	return pl, nil
}

// article plans one backup article: the article to store (nil when the
// library has it), the corrections to store for the library's article
// (nil when there are none to add) and the highlights to store.
func (pl *planner) article(b *export.Article) (*export.Article, *Corrections, []annotation.Highlight, error) {
	p := pl.p
	switch gone, err := pl.deletedSince(storage.DeletedArticle, b.ID, lastTouched(b)); {
	case err != nil:
		return nil, nil, nil, err
	case gone:
		p.DeletedArticles++
		p.DeletedArticleHighlights += len(b.Highlights)
		if !pl.opts.IncludeDeleted {
			// Deleted with its highlights: even a page imported again
			// since (another id, the same address) does not get them
			// back.
			return nil, nil, nil, nil
		}
	}
	hash := b.TextHash()
	target, targetHash, err := pl.target.MatchArticle(b.ID, b.URL, hash)
	if err == nil && target == "" && b.Corrected != nil && b.Corrected.PageURL != "" {
		// The reader corrected the address: the library may hold the
		// page under its own.
		target, targetHash, err = pl.target.MatchArticle("", b.Corrected.PageURL, hash)
	}
	if err != nil {
		return nil, nil, nil, err
	}
	var na *export.Article
	var corr *Corrections
	articleID := b.ID
	if target == "" {
		p.NewArticles++
		c := *b
		c.Highlights = nil
		na = &c
	} else {
		p.SameArticles++
		articleID = target
		if corr, err = pl.corrections(target, b.Corrected); err != nil {
			return nil, nil, nil, err
		}
	}
	out, err := pl.highlights(b.Highlights, articleID)
	if err != nil {
		return nil, nil, nil, err
	}
	text, changed := "", target != "" && targetHash != hash
	if len(out) > 0 {
		if changed {
			if text, err = pl.target.ArticleText(target); err != nil {
				return nil, nil, nil, err
			}
		} else {
			text = b.Text()
		}
	}
	var pc placement
	placeAll(text, out, changed, &pc)
	p.Reanchored += pc.reanchored
	p.Orphaned += pc.orphaned
	return na, corr, out, nil
}

// highlights plans the highlights of a backup article on the library's
// article articleID: those to store (new, newer than the library's, or
// deleted since but asked back), in id order, not yet placed in its text.
func (pl *planner) highlights(in []annotation.Highlight, articleID string) ([]annotation.Highlight, error) {
	p := pl.p
	hs := slices.Clone(in)
	slices.SortFunc(hs, func(x, y annotation.Highlight) int { return strings.Compare(x.ID, y.ID) })
	out := hs[:0]
	for _, h := range hs {
		h.ArticleID = articleID
		h.Actors = remapRefs(h.Actors, pl.actorMap, pl.topicMap)
		old, ok, err := pl.target.Highlight(h.ID)
		switch {
		case err != nil:
			return nil, err
		case ok && (!h.Updated.After(old.Updated) || old.ArticleID != articleID):
			p.KeptHighlights++
			continue
		case ok:
			p.UpdatedHighlights++
		default:
			gone, err := pl.deletedSince(storage.DeletedHighlight, h.ID, h.Updated)
			if err != nil {
				return nil, err
			}
			if gone {
				p.DeletedHighlights++
				if !pl.opts.IncludeDeleted {
					continue
				}
			}
			p.NewHighlights++
		}
		out = append(out, h)
	}
	return out, nil
}

// corrections plans what the reader's corrections of a backup article
// add to those of the library's article id: the fields the library's
// article has not corrected (mergeCorrections); nil when that is nothing.
func (pl *planner) corrections(id string, add *article.Corrections) (*Corrections, error) {
	if add == nil {
		return nil, nil
	}
	have, err := pl.target.ArticleCorrections(id)
	if err != nil {
		return nil, err
	}
	merged, changed := mergeCorrections(have, add)
	if !changed {
		return nil, nil
	}
	pl.p.CorrectedArticles++
	return &Corrections{ArticleID: id, Corrected: merged}, nil
}

// mergeCorrections adds to have the corrections of add for the fields
// have leaves alone (have's win: they are the library's, at least as
// recent as a backup), and reports whether that added any.
func mergeCorrections(have, add *article.Corrections) (*article.Corrections, bool) {
	out := have.Clone()
	if out == nil {
		out = &article.Corrections{}
	}
	add = add.Clone()
	changed := false
	str := func(dst **string, v *string) {
		if *dst == nil && v != nil {
			*dst, changed = v, true
		}
	}
	str(&out.Title, add.Title)
	str(&out.Site, add.Site)
	str(&out.URL, add.URL)
	str(&out.Section, add.Section)
	str(&out.Lang, add.Lang)
	if out.Authors == nil && add.Authors != nil {
		out.Authors, changed = add.Authors, true
	}
	if out.Published == nil && add.Published != nil {
		out.Published, changed = add.Published, true
	}
	if out.PageURL == "" && add.PageURL != "" && out.URL != nil && add.URL != nil && *out.URL == *add.URL {
		out.PageURL, changed = add.PageURL, true
	}
	return out, changed
}

// PlanMerge works out how to merge a backup held in memory (checked by
// Read) into a library held in memory (which may be empty), as Import
// does for a library on disk (see planner).
func PlanMerge(current, backup *export.Library) (*MergePlan, error) {
	pl, err := newPlanner(newMemTarget(current), current, contents{actors: backup.Actors, topics: backup.Topics, prefs: backup.Preferences}, MergeOptions{})
	if err != nil {
		return nil, err
	}
	arts := make([]*export.Article, len(backup.Articles))
	for i := range backup.Articles {
		arts[i] = &backup.Articles[i]
	}
	slices.SortFunc(arts, func(x, y *export.Article) int { return strings.Compare(x.ID, y.ID) })
	for _, b := range arts {
		na, corr, hs, err := pl.article(b)
		if err != nil {
			return nil, err
		}
		if na != nil {
			pl.p.Articles = append(pl.p.Articles, *na)
		}
		if corr != nil {
			pl.p.Corrections = append(pl.p.Corrections, *corr)
		}
		pl.p.Highlights = append(pl.p.Highlights, hs...)
	}
	return pl.p, nil
}

// memTarget is a library held in memory as a Target.
type memTarget struct {
	byID, byURL, byHash map[string]*export.Article
	hls                 map[string]annotation.Highlight
}

func newMemTarget(lib *export.Library) *memTarget {
	t := &memTarget{byID: map[string]*export.Article{}, byURL: map[string]*export.Article{}, byHash: map[string]*export.Article{}, hls: map[string]annotation.Highlight{}}
	for i := range lib.Articles {
		a := &lib.Articles[i]
		t.byID[a.ID] = a
		if a.URL != "" {
			t.byURL[a.URL] = a
		}
		t.byHash[a.TextHash()] = a
		for _, h := range a.Highlights {
			t.hls[h.ID] = h
		}
	}
	return t
}

func (t *memTarget) MatchArticle(id, url, hash string) (string, string, error) {
	a := t.byID[id]
	if a == nil && url != "" {
		a = t.byURL[url]
	}
	if a == nil {
		a = t.byHash[hash]
	}
	if a == nil {
		return "", "", nil
	}
	return a.ID, a.TextHash(), nil
}

func (t *memTarget) ArticleText(id string) (string, error) { return t.byID[id].Text(), nil }

func (t *memTarget) ArticleCorrections(id string) (*article.Corrections, error) {
	return t.byID[id].Corrected.Clone(), nil
}

// Deletion: a library held in memory keeps no deletion records.
func (t *memTarget) Deletion(storage.DeletedKind, string) (storage.Deletion, bool, error) {
	return storage.Deletion{}, false, nil
}

func (t *memTarget) Highlight(id string) (annotation.Highlight, bool, error) {
	h, ok := t.hls[id]
	return h, ok, nil
}

// planActors decides what happens to each backup actor and returns how
// backup actor ids map onto the library's.
func (p *MergePlan) planActors(current, backup []annotation.Actor, gone map[string]string) map[string]string {
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
		if into, ok := gone[b.ID]; ok {
			// Deleted since the backup (even if an actor of its name was
			// made since: that is another), or merged into into.
			idMap[b.ID] = into
			p.DeletedActors++
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

// remapRefs points statements at the library's actors and topics,
// dropping a repeat (the same actor on the same topic) when two backup
// actors or topics became one. An actor mapped to "" was deleted since
// the backup: its statements go; a topic mapped to "" leaves its
// statements without topic and stance (see storage's DeleteActor and
// DeleteTopic).
func remapRefs(refs []annotation.ActorRef, actorMap, topicMap map[string]string) []annotation.ActorRef {
	if len(refs) == 0 {
		return refs
	}
	out := make([]annotation.ActorRef, 0, len(refs))
	seen := map[[2]string]bool{}
	for _, r := range refs {
		if id, ok := actorMap[r.ActorID]; ok {
			if id == "" {
				continue // an actor deleted since: as deleting it did
			}
			r.ActorID = id
		}
		if id, ok := topicMap[r.Topic]; ok && r.Topic != "" {
			r.Topic = id
			if id == "" {
				r.Stance = annotation.StanceUnset // a topic deleted since
			}
		}
		k := [2]string{r.ActorID, r.Topic}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil // every actor deleted since, as the library stores none
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

// Summary says in one line what the plan does, each count in words that
// agree with it.
func (p *MergePlan) Summary() string {
	corrected := ""
	if p.CorrectedArticles > 0 {
		corrected = ", the reader's corrections for " + plural.Of(p.CorrectedArticles, "article") + " already in the library"
	}
	return fmt.Sprintf("%s (%d already in the library), %s (%d merged by name, %d updated), %s (%d merged by name, %d updated), %s (%d updated, %d kept as they were; %d re-anchored, %d orphaned), %s",
		newOf(p.NewArticles, "article"), p.SameArticles, newOf(p.NewActors, "actor"), p.MergedActors, p.UpdatedActors,
		newOf(p.NewTopics, "topic"), p.MergedTopics, p.UpdatedTopics,
		newOf(p.NewHighlights, "highlight"), p.UpdatedHighlights, p.KeptHighlights, p.Reanchored, p.Orphaned,
		plural.Irregular(len(p.Preferences), "preference", "preferences")) + corrected + p.deletedSummary()
}

// newOf says "1 new article", "3 new articles".
func newOf(n int, noun string) string {
	return fmt.Sprintf("%d new %s", n, plural.Word(n, noun, noun+"s"))
}

// deletedSummary is the part of Summary about what the reader deleted
// after the backup was made: left out (and how to bring it back), or
// brought back as asked.
func (p *MergePlan) deletedSummary() string {
	var parts []string
	add := func(n int, noun string) {
		if n > 0 {
			parts = append(parts, plural.Of(n, noun))
		}
	}
	add(p.DeletedHighlights, "highlight")
	if p.DeletedArticles > 0 {
		parts = append(parts, plural.Of(p.DeletedArticles, "article")+" (with "+plural.Of(p.DeletedArticleHighlights, "highlight")+")")
	}
	add(p.DeletedActors, "actor")
	add(p.DeletedTopics, "topic")
	switch {
	case len(parts) == 0:
		return "; nothing deleted since the backup" + p.recordedSummary()
	case p.IncludeDeleted:
		return "; brought back as asked, though deleted since the backup: " + strings.Join(parts, ", ") + p.recordedSummary()
	}
	return "; left out as deleted since the backup: " + strings.Join(parts, ", ") + " (--include-deleted brings them back)" + p.recordedSummary()
}

// recordedSummary is the part of Summary about the backup's records of
// deletions the library took: said only when there are some (a backup
// before version 5, or one merged again, adds none).
func (p *MergePlan) recordedSummary() string {
	if p.RecordedDeletions == 0 {
		return ""
	}
	return "; " + plural.Of(p.RecordedDeletions, "record") + " of deletions taken from the backup"
}
