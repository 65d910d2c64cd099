package storage

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
)

// maxColorLen bounds a highlight colour name ("yellow", "#ffcc00").
const maxColorLen = 32

// AddHighlight stores a new highlight of h.ArticleID over [h.Start, h.End)
// with h's actors, colour and note. It sets the id, the quote (exact text
// with prefix and suffix, taken from the stored text) and the times, and
// returns the stored highlight. The range must lie inside the text and
// every actor must exist; an empty role means "mentioned".
func (l *Library) AddHighlight(h annotation.Highlight) (annotation.Highlight, error) {
	h, _, err := l.AddHighlightWithActors(h, nil)
	return h, err
}

// AddHighlightWithActors stores new actors and a highlight that may be
// tagged with them, in one transaction: either all are stored or nothing
// is (the CLI's annotate creates unknown actors this way). The new actors
// carry ids chosen by the caller (annotation.NewID) so that h.Actors can
// name them; the rest is as AddActor and AddHighlight.
func (l *Library) AddHighlightWithActors(h annotation.Highlight, newActors []annotation.Actor) (annotation.Highlight, []annotation.Actor, error) {
	h, added, err := l.AddHighlightWith(h, NewTags{Actors: newActors})
	return h, added.Actors, err
}

// NewTags are actors and topics to be stored with the highlight that
// names them, in its transaction, with ids their caller chose
// (annotation.NewID) so that the highlight's statements can name them.
type NewTags struct {
	Actors []annotation.Actor
	Topics []annotation.Topic
}

// AddHighlightWith stores new actors, new topics and a highlight that may
// name them in one transaction (see AddHighlightWithActors); it returns
// the highlight and the tags as stored.
func (l *Library) AddHighlightWith(h annotation.Highlight, tags NewTags) (annotation.Highlight, NewTags, error) {
	now := l.stamp()
	added, err := cleanNewTags(tags)
	if err != nil {
		return annotation.Highlight{}, NewTags{}, err
	}
	err = l.db.Update(func(tx *bolt.Tx) error {
		if err := putNewTags(tx, added, now); err != nil {
			return err
		}
		var err error
		h, err = addHighlightTx(tx, h, now)
		return err
	})
	if err != nil {
		return annotation.Highlight{}, NewTags{}, fmt.Errorf("adding a highlight: %w", err)
	}
	return h, added, nil
}

// cleanNewTags checks the actors and topics to be added with a highlight.
func cleanNewTags(tags NewTags) (NewTags, error) {
	actors, err := cleanNewActors(tags.Actors)
	if err != nil {
		return NewTags{}, err
	}
	topics := make([]annotation.Topic, 0, len(tags.Topics))
	for _, t := range tags.Topics {
		c, err := cleanTopic(t)
		if err != nil {
			return NewTags{}, err
		}
		if err := checkID(c.ID); err != nil {
			return NewTags{}, errorf(ErrInvalid, "new topic %q needs an id", c.Name)
		}
		topics = append(topics, c)
	}
	return NewTags{Actors: actors, Topics: topics}, nil
}

// putNewTags stores cleaned new actors and topics in tx, each with a
// palette colour when it has none. A new topic may sit under another
// new one listed before it.
func putNewTags(tx *bolt.Tx, tags NewTags, now time.Time) error {
	if err := putNewActors(tx, tags.Actors, now); err != nil {
		return err
	}
	for i := range tags.Topics {
		t := &tags.Topics[i]
		if tx.Bucket(bTopics).Get([]byte(t.ID)) != nil {
			return errorf(ErrInvalid, "a topic with id %s exists already", t.ID)
		}
		if err := checkParent(tx, *t); err != nil {
			return err
		}
		t.Created, t.Updated = now, now
		if t.Color == "" {
			t.Color = nextTopicColor(tx)
		}
		if err := writeTopic(tx, *t); err != nil {
			return err
		}
	}
	return nil
}

// cleanNewActors checks actors that are to be added with the ids their
// caller chose.
func cleanNewActors(newActors []annotation.Actor) ([]annotation.Actor, error) {
	added := make([]annotation.Actor, 0, len(newActors))
	for _, a := range newActors {
		c, err := cleanActor(a)
		if err != nil {
			return nil, err
		}
		if err := checkID(c.ID); err != nil {
			return nil, errorf(ErrInvalid, "new actor %q needs an id", c.Name)
		}
		added = append(added, c)
	}
	return added, nil
}

// putNewActors stores cleaned new actors in tx, each with a palette colour
// when it has none.
func putNewActors(tx *bolt.Tx, added []annotation.Actor, now time.Time) error {
	for i := range added {
		if tx.Bucket(bActors).Get([]byte(added[i].ID)) != nil {
			return errorf(ErrInvalid, "an actor with id %s exists already", added[i].ID)
		}
		added[i].Created, added[i].Updated = now, now
		if added[i].Color == "" {
			added[i].Color = nextActorColor(tx)
		}
		if err := writeActor(tx, added[i]); err != nil {
			return err
		}
	}
	return nil
}

// addHighlightTx validates and stores a new highlight (see AddHighlight).
func addHighlightTx(tx *bolt.Tx, h annotation.Highlight, now time.Time) (annotation.Highlight, error) {
	if tx.Bucket(bArticles).Get([]byte(h.ArticleID)) == nil {
		return h, errorf(ErrNotFound, "no article with id %s", h.ArticleID)
	}
	text, err := loadText(tx, h.ArticleID)
	if err != nil {
		return h, err
	}
	if err := checkRange(h.Start, h.End, text.n); err != nil {
		return h, err
	}
	if h.Actors, err = checkActorRefs(tx, h.Actors); err != nil {
		return h, err
	}
	if err := checkColor(h.Color); err != nil {
		return h, err
	}
	if h.Quote, err = text.quote(h.Start, h.End); err != nil {
		return h, err
	}
	h.ID = annotation.NewID()
	h.Created, h.Updated, h.Orphaned = now, now, ""
	return h, putHighlight(tx, h)
}

// UpdateHighlight changes a stored highlight's range, actors, colour or
// note (id and article stay). A new range is checked against the text and
// takes a fresh quote, which also un-orphans a highlight the reader placed
// again by hand.
func (l *Library) UpdateHighlight(h annotation.Highlight) (annotation.Highlight, error) {
	h, _, err := l.UpdateHighlightWithActors(h, nil)
	return h, err
}

// UpdateHighlightWithActors stores new actors and a changed highlight that
// may name them in one transaction, as AddHighlightWithActors does for a
// new highlight: the window's picker creates actors while editing.
func (l *Library) UpdateHighlightWithActors(h annotation.Highlight, newActors []annotation.Actor) (annotation.Highlight, []annotation.Actor, error) {
	h, added, err := l.UpdateHighlightWith(h, NewTags{Actors: newActors})
	return h, added.Actors, err
}

// UpdateHighlightWith stores new actors, new topics and a changed
// highlight that may name them in one transaction.
func (l *Library) UpdateHighlightWith(h annotation.Highlight, tags NewTags) (annotation.Highlight, NewTags, error) {
	now := l.stamp()
	added, err := cleanNewTags(tags)
	if err != nil {
		return annotation.Highlight{}, NewTags{}, err
	}
	err = l.db.Update(func(tx *bolt.Tx) error {
		if err := putNewTags(tx, added, now); err != nil {
			return err
		}
		var err error
		h, err = updateHighlightTx(tx, h, now)
		return err
	})
	if err != nil {
		return annotation.Highlight{}, NewTags{}, fmt.Errorf("updating highlight %s: %w", h.ID, err)
	}
	return h, added, nil
}

// updateHighlightTx validates and stores a changed highlight (see
// UpdateHighlight).
func updateHighlightTx(tx *bolt.Tx, h annotation.Highlight, now time.Time) (annotation.Highlight, error) {
	old, err := getHighlight(tx, h.ID)
	if err != nil {
		return h, err
	}
	if h.ArticleID != "" && h.ArticleID != old.ArticleID {
		return h, errorf(ErrInvalid, "highlight %s belongs to article %s, not %s", h.ID, old.ArticleID, h.ArticleID)
	}
	h.ArticleID = old.ArticleID
	if h.Start != old.Start || h.End != old.End {
		text, err := loadText(tx, h.ArticleID)
		if err != nil {
			return h, err
		}
		if err := checkRange(h.Start, h.End, text.n); err != nil {
			return h, err
		}
		if h.Quote, err = text.quote(h.Start, h.End); err != nil {
			return h, err
		}
		h.Orphaned = ""
	} else {
		h.Quote, h.Orphaned = old.Quote, old.Orphaned
	}
	if h.Actors, err = checkActorRefs(tx, h.Actors); err != nil {
		return h, err
	}
	if err := checkColor(h.Color); err != nil {
		return h, err
	}
	h.Created, h.Updated = old.Created, now
	if err := removeHighlight(tx, old); err != nil {
		return h, err
	}
	return h, putHighlight(tx, h)
}

// DeleteHighlight removes a highlight and its index entries, and records
// the deletion (tombstones.go) so that merging an older backup does not
// bring it back.
func (l *Library) DeleteHighlight(id string) error {
	now := l.stamp()
	return l.db.Update(func(tx *bolt.Tx) error {
		h, err := getHighlight(tx, id)
		if err != nil {
			return err
		}
		if err := removeHighlight(tx, h); err != nil {
			return err
		}
		return recordDeletion(tx, DeletedHighlight, id, deletedAt(now, h.Created, h.Updated), "")
	})
}

// PutHighlight stores h exactly as given, replacing any highlight with its
// id (undo, backup import), and drops the record of its deletion, if any:
// a deletion undone is no deletion. Its article and actors must exist.
func (l *Library) PutHighlight(h annotation.Highlight) error {
	if err := checkID(h.ID); err != nil {
		return errorf(ErrInvalid, "highlight %w", err)
	}
	if h.Start < 0 || h.End < h.Start || h.End > maxOffset {
		return errorf(ErrInvalid, "highlight %s has the range [%d,%d)", h.ID, h.Start, h.End)
	}
	return l.db.Update(func(tx *bolt.Tx) error {
		if _, err := loadRecord(tx, h.ArticleID); err != nil {
			return err
		}
		for _, r := range h.Actors {
			if tx.Bucket(bActors).Get([]byte(r.ActorID)) == nil {
				return errorf(ErrNotFound, "highlight %s names actor %s, which is not in the library", h.ID, r.ActorID)
			}
			if r.Topic != "" && tx.Bucket(bTopics).Get([]byte(r.Topic)) == nil {
				return errorf(ErrNotFound, "highlight %s names topic %s, which is not in the library", h.ID, r.Topic)
			}
		}
		if old, err := getHighlight(tx, h.ID); err == nil {
			if err := removeHighlight(tx, old); err != nil {
				return err
			}
		}
		return putHighlight(tx, h)
	})
}

// Highlight returns one highlight by id.
func (l *Library) Highlight(id string) (annotation.Highlight, error) {
	var h annotation.Highlight
	err := l.db.View(func(tx *bolt.Tx) error {
		var err error
		h, err = getHighlight(tx, id)
		return err
	})
	return h, err
}

// Highlights returns an article's highlights in reading order (start, then
// end), orphaned highlights last. A prefix scan: other articles are not read.
func (l *Library) Highlights(articleID string) ([]annotation.Highlight, error) {
	var hs []annotation.Highlight
	err := l.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bArticles).Get([]byte(articleID)) == nil {
			return errorf(ErrNotFound, "no article with id %s", articleID)
		}
		var err error
		hs, err = articleHighlights(tx, articleID)
		return err
	})
	return hs, err
}

// checkRange accepts a non-empty range inside a text of n code points.
func checkRange(start, end, n int) error {
	if start < 0 || end > n || start >= end {
		return errorf(ErrInvalid, "the range [%d,%d) is not a passage of the text (0 to %d)", start, end, n)
	}
	return nil
}

// checkActorRefs checks a highlight's statements: every actor and topic
// exists, roles and stances are valid (an empty role means mentioned), a
// stance has a topic; and it drops repeats of a statement (the same actor
// on the same topic, or on none), keeping the first.
func checkActorRefs(tx *bolt.Tx, refs []annotation.ActorRef) ([]annotation.ActorRef, error) {
	out := make([]annotation.ActorRef, 0, len(refs))
	seen := map[[2]string]bool{}
	for _, r := range refs {
		if r.Role == "" {
			r.Role = annotation.RoleMentioned
		}
		if !r.Role.Valid() {
			return nil, errorf(ErrInvalid, "%q is not a role (%s)", r.Role, annotation.RoleChoices())
		}
		if !r.Stance.Valid() {
			return nil, errorf(ErrInvalid, "%q is not a stance (%s)", r.Stance, annotation.StanceChoices())
		}
		if tx.Bucket(bActors).Get([]byte(r.ActorID)) == nil {
			return nil, errorf(ErrNotFound, "no actor with id %s", r.ActorID)
		}
		if r.Topic == "" && r.Stance != annotation.StanceUnset {
			return nil, errorf(ErrInvalid, "a stance (%s) is taken on a topic: give the actor a topic too", r.Stance)
		}
		if r.Topic != "" && tx.Bucket(bTopics).Get([]byte(r.Topic)) == nil {
			return nil, errorf(ErrNotFound, "no topic with id %s", r.Topic)
		}
		k := [2]string{r.ActorID, r.Topic}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// checkColor accepts a short printable colour name or hex code.
func checkColor(c string) error {
	if len(c) > maxColorLen || strings.IndexFunc(c, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		return errorf(ErrInvalid, "%q is not a colour", c)
	}
	return nil
}
