package storage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// maxTopicNoteLen bounds a topic's note (bytes): a paragraph or two, not a
// document.
const maxTopicNoteLen = 64 << 10

// cleanTopic normalises a topic's name and aliases and checks its fields;
// the parent is checked against the library by checkParent.
func cleanTopic(t annotation.Topic) (annotation.Topic, error) {
	t.Name = article.CleanInline(t.Name)
	if t.Name == "" {
		return t, errorf(ErrInvalid, "a topic needs a name")
	}
	if len([]rune(t.Name)) > maxNameLen {
		return t, errorf(ErrInvalid, "the topic name %.40q… is too long", t.Name)
	}
	t.Aliases = mergeAliases(t.Name, t.Aliases)
	for _, al := range t.Aliases {
		if len([]rune(al)) > maxNameLen {
			return t, errorf(ErrInvalid, "the alias %.40q… is too long", al)
		}
	}
	if len(t.Note) > maxTopicNoteLen {
		return t, errorf(ErrInvalid, "the note of topic %q is longer than %d kB", t.Name, maxTopicNoteLen>>10)
	}
	if err := checkColor(t.Color); err != nil {
		return t, err
	}
	return t, nil
}

func decodeTopic(v []byte) (annotation.Topic, error) {
	var t annotation.Topic
	if err := json.Unmarshal(v, &t); err != nil {
		return t, fmt.Errorf("%w: unreadable topic: %v", ErrDamaged, err)
	}
	if err := checkID(t.ID); err != nil {
		return t, fmt.Errorf("%w: topic: %v", ErrDamaged, err)
	}
	return t, nil
}

func loadTopic(tx *bolt.Tx, id string) (annotation.Topic, error) {
	v := tx.Bucket(bTopics).Get([]byte(id))
	if v == nil {
		return annotation.Topic{}, errorf(ErrNotFound, "no topic with id %s", id)
	}
	return decodeTopic(v)
}

// writeTopic stores t and points its folded name at it, after checking
// that no other topic has that name.
func writeTopic(tx *bolt.Tx, t annotation.Topic) error {
	names := tx.Bucket(bTopicNames)
	key := []byte(annotation.NameKey(t.Name))
	if other := names.Get(key); other != nil && string(other) != t.ID {
		name := t.Name
		if o, err := loadTopic(tx, string(other)); err == nil {
			name = o.Name
		}
		return errorf(ErrInvalid, "there is already a topic named %q", name)
	}
	v, err := encode(t)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bTopics).Put([]byte(t.ID), v); err != nil {
		return err
	}
	if err := forgetDeletion(tx, DeletedTopic, t.ID); err != nil {
		return err
	}
	return names.Put(key, []byte(t.ID))
}

// forgetTopicName removes a name's index entry if it points at id.
func forgetTopicName(tx *bolt.Tx, name, id string) error {
	names := tx.Bucket(bTopicNames)
	key := []byte(annotation.NameKey(name))
	if string(names.Get(key)) == id {
		return names.Delete(key)
	}
	return nil
}

// checkParent accepts t's parent: empty, or another topic that has no
// parent itself, while t has no children (one level of hierarchy).
func checkParent(tx *bolt.Tx, t annotation.Topic) error {
	if t.Parent == "" {
		return nil
	}
	if t.Parent == t.ID {
		return errorf(ErrInvalid, "the topic %q cannot be its own parent", t.Name)
	}
	p, err := loadTopic(tx, t.Parent)
	if err != nil {
		return err
	}
	if p.Parent != "" {
		return errorf(ErrInvalid, "%q is under %q already; topics go one level deep", p.Name, topicName(tx, p.Parent))
	}
	if t.ID != "" {
		if kids := childTopics(tx, t.ID); len(kids) > 0 {
			return errorf(ErrInvalid, "%q has topics under it (%s); topics go one level deep", t.Name, kids[0].Name)
		}
	}
	return nil
}

// topicName is a topic's name for a message, or its id.
func topicName(tx *bolt.Tx, id string) string {
	if t, err := loadTopic(tx, id); err == nil {
		return t.Name
	}
	return id
}

// childTopics lists the topics whose parent is id. Libraries hold tens or
// hundreds of topics, so a scan is cheaper than another index to keep.
func childTopics(tx *bolt.Tx, id string) []annotation.Topic {
	var out []annotation.Topic
	_ = tx.Bucket(bTopics).ForEach(func(_, v []byte) error {
		if t, err := decodeTopic(v); err == nil && t.Parent == id {
			out = append(out, t)
		}
		return nil
	})
	sortTopics(out)
	return out
}

func sortTopics(ts []annotation.Topic) {
	sort.SliceStable(ts, func(i, j int) bool {
		fi, fj := annotation.NameKey(ts[i].Name), annotation.NameKey(ts[j].Name)
		if fi != fj {
			return fi < fj
		}
		return ts[i].ID < ts[j].ID
	})
}

// nextTopicColor picks the first palette colour no topic uses yet, or
// cycles through the palette by topic count once all are taken.
func nextTopicColor(tx *bolt.Tx) string {
	used := map[string]bool{}
	n := 0
	_ = tx.Bucket(bTopics).ForEach(func(_, v []byte) error {
		n++
		if t, err := decodeTopic(v); err == nil {
			used[strings.ToLower(t.Color)] = true
		}
		return nil
	})
	for _, c := range TopicPalette {
		if !used[c] {
			return c
		}
	}
	return TopicPalette[n%len(TopicPalette)]
}

// Topics lists every topic by name, case-insensitively.
func (l *Library) Topics() ([]annotation.Topic, error) {
	var out []annotation.Topic
	err := l.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bTopics).ForEach(func(_, v []byte) error {
			t, err := decodeTopic(v)
			if err != nil {
				return err
			}
			out = append(out, t)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("listing the topics: %w", err)
	}
	sortTopics(out)
	return out, nil
}

// Topic returns one topic by id.
func (l *Library) Topic(id string) (annotation.Topic, error) {
	var t annotation.Topic
	err := l.db.View(func(tx *bolt.Tx) error {
		var err error
		t, err = loadTopic(tx, id)
		return err
	})
	return t, err
}

// FindTopic looks a topic up by name or alias, ignoring case. Names win
// over aliases; among aliases the topic first by name wins.
func (l *Library) FindTopic(nameOrAlias string) (annotation.Topic, bool, error) {
	return findNamed(l, nameOrAlias, namedRecords[annotation.Topic]{
		names: bTopicNames, records: bTopics, load: loadTopic, decode: decodeTopic,
		aliases: func(t annotation.Topic) []string { return t.Aliases }, sort: sortTopics,
	})
}

// AddTopic stores a new topic. It sets the id, the times and, when empty,
// a colour from the palette. Names are unique case-insensitively.
func (l *Library) AddTopic(t annotation.Topic) (annotation.Topic, error) {
	t, err := cleanTopic(t)
	if err != nil {
		return annotation.Topic{}, err
	}
	t.ID = ""
	now := l.stamp()
	err = l.db.Update(func(tx *bolt.Tx) error {
		if err := checkParent(tx, t); err != nil {
			return err
		}
		t.ID = annotation.NewID()
		t.Created, t.Updated = now, now
		if t.Color == "" {
			t.Color = nextTopicColor(tx)
		}
		return writeTopic(tx, t)
	})
	if err != nil {
		return annotation.Topic{}, fmt.Errorf("adding the topic %q: %w", t.Name, err)
	}
	return t, nil
}

// UpdateTopic renames, recolours, moves or otherwise edits a topic (an
// empty colour keeps the old one). Highlights name topics by id, so they
// follow.
func (l *Library) UpdateTopic(t annotation.Topic) (annotation.Topic, error) {
	t, err := cleanTopic(t)
	if err != nil {
		return annotation.Topic{}, err
	}
	now := l.stamp()
	what := fmt.Sprintf("%q", t.Name)
	err = l.db.Update(func(tx *bolt.Tx) error {
		old, err := loadTopic(tx, t.ID)
		if err != nil {
			return err
		}
		if old.Name != t.Name {
			what = fmt.Sprintf("%q (renaming it to %q)", old.Name, t.Name)
		}
		if err := checkParent(tx, t); err != nil {
			return err
		}
		if t.Color == "" {
			t.Color = old.Color
		}
		t.Created, t.Updated = old.Created, now
		if err := forgetTopicName(tx, old.Name, t.ID); err != nil {
			return err
		}
		return writeTopic(tx, t)
	})
	if err != nil {
		return annotation.Topic{}, fmt.Errorf("updating the topic %s: %w", what, err)
	}
	return t, nil
}

// PutTopic stores a topic exactly as given, replacing one with its id
// (backup import). Its name must not belong to another topic, and its
// parent, when it has one, must be stored first.
func (l *Library) PutTopic(t annotation.Topic) error {
	if err := checkTopicRecord(t); err != nil {
		return err
	}
	return l.db.Update(func(tx *bolt.Tx) error {
		return putTopicTx(tx, t)
	})
}

// checkTopicRecord checks what PutTopic and PutBatch take as given: an
// id, a name, names and a note of bounded length.
func checkTopicRecord(t annotation.Topic) error {
	if err := checkID(t.ID); err != nil {
		return errorf(ErrInvalid, "topic %w", err)
	}
	if article.CleanInline(t.Name) == "" {
		return errorf(ErrInvalid, "topic %s has no name", t.ID)
	}
	for _, n := range append([]string{t.Name}, t.Aliases...) {
		if utf8.RuneCountInString(n) > maxNameLen {
			return errorf(ErrInvalid, "topic %s has a name or alias of %d characters", t.ID, utf8.RuneCountInString(n))
		}
	}
	if len(t.Note) > maxTopicNoteLen {
		return errorf(ErrInvalid, "topic %s has a note of %d bytes, more than %d", t.ID, len(t.Note), maxTopicNoteLen)
	}
	return nil
}

// putTopicTx is PutTopic inside a transaction.
func putTopicTx(tx *bolt.Tx, t annotation.Topic) error {
	if t.Parent != "" && tx.Bucket(bTopics).Get([]byte(t.Parent)) == nil {
		return errorf(ErrNotFound, "topic %q is under topic %s, which is not in the library", t.Name, t.Parent)
	}
	if old, err := loadTopic(tx, t.ID); err == nil {
		if err := forgetTopicName(tx, old.Name, t.ID); err != nil {
			return err
		}
	}
	return writeTopic(tx, t)
}

// MergeTopics folds the topic fromID into intoID: every statement on from
// is on into instead (where an actor of a highlight then has into twice,
// one statement stays, with a stance where one had it), from's name and
// aliases become into's aliases, its note is added to into's, the topics
// under from go under into (or under into's parent when into is itself
// under one: topics go one level deep), and from is deleted, with a record
// that it became into (tombstones.go). One transaction.
func (l *Library) MergeTopics(fromID, intoID string) error {
	if fromID == intoID {
		return errorf(ErrInvalid, "cannot merge a topic into itself")
	}
	now := l.stamp()
	return l.db.Update(func(tx *bolt.Tx) error {
		from, err := loadTopic(tx, fromID)
		if err != nil {
			return err
		}
		into, err := loadTopic(tx, intoID)
		if err != nil {
			return err
		}
		err = rewriteTopicRefs(tx, fromID, now, func(r annotation.ActorRef) (annotation.ActorRef, bool) {
			r.Topic = intoID
			return r, true
		})
		if err != nil {
			return err
		}
		newParent := intoID
		if into.Parent != "" {
			newParent = into.Parent
		}
		if err := reparentChildren(tx, fromID, newParent, now); err != nil {
			return err
		}
		if into.Parent == fromID {
			into.Parent = from.Parent
		}
		into.Aliases = mergeAliases(into.Name, into.Aliases, []string{from.Name}, from.Aliases)
		if from.Note != "" && !strings.Contains(into.Note, from.Note) {
			into.Note = strings.TrimSpace(into.Note + "\n\n" + from.Note)
		}
		into.Updated = now
		if err := forgetTopicName(tx, from.Name, fromID); err != nil {
			return err
		}
		if err := tx.Bucket(bTopics).Delete([]byte(fromID)); err != nil {
			return err
		}
		if err := recordDeletion(tx, DeletedTopic, fromID, deletedAt(now, from.Created, from.Updated), intoID); err != nil {
			return err
		}
		return writeTopic(tx, into)
	})
}

// DeleteTopic removes a topic: every statement on it keeps its actor and
// role but loses the topic and its stance, and the topics under it move
// to the top level. The deletion is recorded (tombstones.go).
func (l *Library) DeleteTopic(id string) error {
	now := l.stamp()
	return l.db.Update(func(tx *bolt.Tx) error {
		t, err := loadTopic(tx, id)
		if err != nil {
			return err
		}
		err = rewriteTopicRefs(tx, id, now, func(r annotation.ActorRef) (annotation.ActorRef, bool) {
			r.Topic, r.Stance = "", annotation.StanceUnset
			return r, true
		})
		if err != nil {
			return err
		}
		if err := reparentChildren(tx, id, "", now); err != nil {
			return err
		}
		if err := forgetTopicName(tx, t.Name, id); err != nil {
			return err
		}
		if err := tx.Bucket(bTopics).Delete([]byte(id)); err != nil {
			return err
		}
		return recordDeletion(tx, DeletedTopic, id, deletedAt(now, t.Created, t.Updated), "")
	})
}

// rewriteTopicRefs rewrites every statement on topic id with change and
// stores the highlights again, with repeats folded (mergeStatements).
func rewriteTopicRefs(tx *bolt.Tx, id string, now time.Time, change func(annotation.ActorRef) (annotation.ActorRef, bool)) error {
	hs, err := topicHighlightsTx(tx, id)
	if err != nil {
		return err
	}
	for _, h := range hs {
		nh := h
		nh.Actors = make([]annotation.ActorRef, 0, len(h.Actors))
		for _, r := range h.Actors {
			if r.Topic == id {
				var keep bool
				if r, keep = change(r); !keep {
					continue
				}
			}
			nh.Actors = append(nh.Actors, r)
		}
		nh.Actors = mergeStatements(nh.Actors)
		nh.Updated = now
		if err := removeHighlight(tx, h); err != nil {
			return err
		}
		if err := putHighlight(tx, nh); err != nil {
			return err
		}
	}
	return nil
}

// reparentChildren moves the topics under id to parent ("" for the top).
func reparentChildren(tx *bolt.Tx, id, parent string, now time.Time) error {
	for _, c := range childTopics(tx, id) {
		c.Parent, c.Updated = parent, now
		if c.Parent == c.ID {
			c.Parent = ""
		}
		if err := writeTopic(tx, c); err != nil {
			return err
		}
	}
	return nil
}

// mergeStatements folds repeated statements of a highlight (the same
// actor on the same topic, or the same actor without a topic) into the
// first: a role other than "mentioned" and a stance that is set win over
// ones that say less. The order of first appearance is kept.
func mergeStatements(refs []annotation.ActorRef) []annotation.ActorRef {
	out := refs[:0:0]
	at := map[[2]string]int{}
	for _, r := range refs {
		k := [2]string{r.ActorID, r.Topic}
		i, seen := at[k]
		if !seen {
			at[k] = len(out)
			out = append(out, r)
			continue
		}
		if out[i].Role == annotation.RoleMentioned || out[i].Role == "" {
			out[i].Role = r.Role
		}
		if out[i].Stance == annotation.StanceUnset {
			out[i].Stance = r.Stance
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// TopicHighlights returns every highlight with a statement on a topic, by
// article then reading order, through the topic index: what a reader
// sees before deleting or merging a topic.
func (l *Library) TopicHighlights(topicID string) ([]annotation.Highlight, error) {
	var hs []annotation.Highlight
	err := l.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bTopics).Get([]byte(topicID)) == nil {
			return errorf(ErrNotFound, "no topic with id %s", topicID)
		}
		var err error
		hs, err = topicHighlightsTx(tx, topicID)
		return err
	})
	if err != nil {
		return nil, err
	}
	sortByPlace(hs)
	return hs, nil
}

// sortByPlace orders highlights by article, then reading order.
func sortByPlace(hs []annotation.Highlight) {
	sort.SliceStable(hs, func(i, j int) bool {
		a, b := hs[i], hs[j]
		if a.ArticleID != b.ArticleID {
			return a.ArticleID < b.ArticleID
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
}

func topicHighlightsTx(tx *bolt.Tx, topicID string) ([]annotation.Highlight, error) {
	prefix := append([]byte(topicID), 0)
	var out []annotation.Highlight
	c := tx.Bucket(bTopicIndex).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		h, err := getHighlight(tx, string(k[len(prefix):]))
		if err != nil {
			return nil, fmt.Errorf("%w: the topic index is out of step (%v)", ErrDamaged, err)
		}
		out = append(out, h)
	}
	return out, nil
}

// TopicCounts returns, for each topic with highlights, how many highlights
// make a statement on it. It reads the topic index keys only.
func (l *Library) TopicCounts() (map[string]int, error) {
	counts := map[string]int{}
	err := l.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bTopicIndex).ForEach(func(k, _ []byte) error {
			if i := bytes.IndexByte(k, 0); i > 0 {
				counts[string(k[:i])]++
			}
			return nil
		})
	})
	return counts, err
}

// topicIDs lists the distinct topics of a highlight's statements.
func topicIDs(refs []annotation.ActorRef) []string {
	var out []string
	for _, r := range refs {
		if r.Topic != "" && !slices.Contains(out, r.Topic) {
			out = append(out, r.Topic)
		}
	}
	return out
}

// SalvageTopics returns every topic that reads, by name, and the records
// that do not (for exports and backups of a damaged library).
func (l *Library) SalvageTopics() ([]annotation.Topic, []Unreadable, error) {
	var out []annotation.Topic
	var skipped []Unreadable
	err := l.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bTopics).ForEach(func(k, v []byte) error {
			t, err := decodeTopic(v)
			if err != nil {
				skipped = append(skipped, Unreadable{"topic", string(k), err})
				return nil
			}
			out = append(out, t)
			return nil
		})
	})
	for _, s := range skipped {
		l.noteDamage(s.Err)
	}
	if err != nil {
		return nil, skipped, fmt.Errorf("listing the topics: %w", err)
	}
	sortTopics(out)
	return out, skipped, nil
}
