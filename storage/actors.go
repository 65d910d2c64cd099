package storage

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// maxNameLen bounds actor names and aliases (code points).
const maxNameLen = 200

// cleanActor normalises an actor's name, aliases and kind and checks them.
func cleanActor(a annotation.Actor) (annotation.Actor, error) {
	a.Name = article.CleanInline(a.Name)
	if a.Name == "" {
		return a, errorf(ErrInvalid, "an actor needs a name")
	}
	if len([]rune(a.Name)) > maxNameLen {
		return a, errorf(ErrInvalid, "the actor name %.40q… is too long", a.Name)
	}
	if a.Kind == "" {
		a.Kind = annotation.KindOther
	}
	if !a.Kind.Valid() {
		return a, errorf(ErrInvalid, "%q is not a kind of actor (%s)", a.Kind, annotation.KindChoices())
	}
	a.Aliases = mergeAliases(a.Name, a.Aliases)
	for _, al := range a.Aliases {
		if len([]rune(al)) > maxNameLen {
			return a, errorf(ErrInvalid, "the alias %.40q… is too long", al)
		}
	}
	if err := checkColor(a.Color); err != nil {
		return a, err
	}
	return a, nil
}

// mergeAliases cleans aliases, dropping empties, repeats and the name
// itself (all case-insensitively), keeping the first spelling seen.
func mergeAliases(name string, lists ...[]string) []string {
	seen := map[string]bool{annotation.NameKey(name): true}
	var out []string
	for _, list := range lists {
		for _, al := range list {
			al = article.CleanInline(al)
			if al == "" || seen[annotation.NameKey(al)] {
				continue
			}
			seen[annotation.NameKey(al)] = true
			out = append(out, al)
		}
	}
	return out
}

func loadActor(tx *bolt.Tx, id string) (annotation.Actor, error) {
	v := tx.Bucket(bActors).Get([]byte(id))
	if v == nil {
		return annotation.Actor{}, errorf(ErrNotFound, "no actor with id %s", id)
	}
	return decodeActor(v)
}

// writeActor stores a and points its folded name at it, after checking no
// other actor has that name.
func writeActor(tx *bolt.Tx, a annotation.Actor) error {
	names := tx.Bucket(bActorNames)
	key := []byte(annotation.NameKey(a.Name))
	if other := names.Get(key); other != nil && string(other) != a.ID {
		name := a.Name
		if o, err := loadActor(tx, string(other)); err == nil {
			name = o.Name // as the reader spelt it, not as typed now
		}
		return errorf(ErrInvalid, "there is already an actor named %q", name)
	}
	v, err := encode(a)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bActors).Put([]byte(a.ID), v); err != nil {
		return err
	}
	if err := forgetDeletion(tx, DeletedActor, a.ID); err != nil {
		return err
	}
	return names.Put(key, []byte(a.ID))
}

// forgetName removes a name's index entry if it points at id.
func forgetName(tx *bolt.Tx, name, id string) error {
	names := tx.Bucket(bActorNames)
	key := []byte(annotation.NameKey(name))
	if string(names.Get(key)) == id {
		return names.Delete(key)
	}
	return nil
}

// Actors lists every actor by name, case-insensitively.
func (l *Library) Actors() ([]annotation.Actor, error) {
	var out []annotation.Actor
	err := l.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bActors).ForEach(func(_, v []byte) error {
			a, err := decodeActor(v)
			if err != nil {
				return err
			}
			out = append(out, a)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("listing the actors: %w", err)
	}
	sortActors(out)
	return out, nil
}

func sortActors(as []annotation.Actor) {
	sort.SliceStable(as, func(i, j int) bool {
		fi, fj := annotation.NameKey(as[i].Name), annotation.NameKey(as[j].Name)
		if fi != fj {
			return fi < fj
		}
		return as[i].ID < as[j].ID
	})
}

// Actor returns one actor by id.
func (l *Library) Actor(id string) (annotation.Actor, error) {
	var a annotation.Actor
	err := l.db.View(func(tx *bolt.Tx) error {
		var err error
		a, err = loadActor(tx, id)
		return err
	})
	return a, err
}

// FindActor looks an actor up by name or alias, ignoring case. Names win
// over aliases; among aliases the actor first by name wins.
func (l *Library) FindActor(nameOrAlias string) (annotation.Actor, bool, error) {
	return findNamed(l, nameOrAlias, namedRecords[annotation.Actor]{
		names: bActorNames, records: bActors, load: loadActor, decode: decodeActor,
		aliases: func(a annotation.Actor) []string { return a.Aliases }, sort: sortActors,
	})
}

// namedRecords describes a bucket of records that have a name (indexed by
// its NameKey) and aliases (not indexed): actors and topics.
type namedRecords[T any] struct {
	names, records []byte
	load           func(tx *bolt.Tx, id string) (T, error)
	decode         func(v []byte) (T, error)
	aliases        func(T) []string
	sort           func([]T)
}

// findNamed looks a record up by name or alias, ignoring case: the name
// index first, then every record's aliases, where the record first in
// sort order wins.
func findNamed[T any](l *Library, nameOrAlias string, r namedRecords[T]) (T, bool, error) {
	var found T
	key := annotation.NameKey(nameOrAlias)
	if key == "" {
		return found, false, nil
	}
	ok := false
	err := l.db.View(func(tx *bolt.Tx) error {
		if id := tx.Bucket(r.names).Get([]byte(key)); id != nil {
			v, err := r.load(tx, string(id))
			found, ok = v, err == nil
			return err
		}
		var matches []T
		err := tx.Bucket(r.records).ForEach(func(_, raw []byte) error {
			v, err := r.decode(raw)
			if err != nil {
				return err
			}
			if slices.ContainsFunc(r.aliases(v), func(al string) bool { return annotation.NameKey(al) == key }) {
				matches = append(matches, v)
			}
			return nil
		})
		if err == nil && len(matches) > 0 {
			r.sort(matches)
			found, ok = matches[0], true
		}
		return err
	})
	return found, ok, err
}

// AddActor stores a new actor. It sets the id, the times and, when empty,
// a colour from the palette; kind defaults to other. Names are unique
// case-insensitively.
func (l *Library) AddActor(a annotation.Actor) (annotation.Actor, error) {
	a, err := cleanActor(a)
	if err != nil {
		return annotation.Actor{}, err
	}
	now := l.stamp()
	err = l.db.Update(func(tx *bolt.Tx) error {
		a.ID = annotation.NewID()
		a.Created, a.Updated = now, now
		if a.Color == "" {
			a.Color = nextActorColor(tx)
		}
		return writeActor(tx, a)
	})
	if err != nil {
		return annotation.Actor{}, fmt.Errorf("adding the actor %q: %w", a.Name, err)
	}
	return a, nil
}

// UpdateActor renames, recolours or otherwise edits an actor (an empty
// colour keeps the old one). Highlights name actors by id, so they follow.
func (l *Library) UpdateActor(a annotation.Actor) (annotation.Actor, error) {
	a, err := cleanActor(a)
	if err != nil {
		return annotation.Actor{}, err
	}
	now := l.stamp()
	what := fmt.Sprintf("%q", a.Name)
	err = l.db.Update(func(tx *bolt.Tx) error {
		old, err := loadActor(tx, a.ID)
		if err != nil {
			return err
		}
		if old.Name != a.Name {
			what = fmt.Sprintf("%q (renaming it to %q)", old.Name, a.Name)
		}
		if a.Color == "" {
			a.Color = old.Color
		}
		a.Created, a.Updated = old.Created, now
		if err := forgetName(tx, old.Name, a.ID); err != nil {
			return err
		}
		return writeActor(tx, a)
	})
	if err != nil {
		return annotation.Actor{}, fmt.Errorf("updating the actor %s: %w", what, err)
	}
	return a, nil
}

// PutActor stores an actor exactly as given, replacing one with its id
// (backup import). Its name must not belong to another actor.
func (l *Library) PutActor(a annotation.Actor) error {
	if err := checkID(a.ID); err != nil {
		return errorf(ErrInvalid, "actor %w", err)
	}
	if article.CleanInline(a.Name) == "" {
		return errorf(ErrInvalid, "actor %s has no name", a.ID)
	}
	return l.db.Update(func(tx *bolt.Tx) error {
		if old, err := loadActor(tx, a.ID); err == nil {
			if err := forgetName(tx, old.Name, a.ID); err != nil {
				return err
			}
		}
		return writeActor(tx, a)
	})
}

// MergeActors folds the actor fromID into intoID: every highlight of from
// is tagged with into instead (keeping the more specific role where a
// highlight had both), from's name and aliases become into's aliases, and
// from is deleted, with a record that it became into (tombstones.go). One
// transaction.
func (l *Library) MergeActors(fromID, intoID string) error {
	if fromID == intoID {
		return errorf(ErrInvalid, "cannot merge an actor into itself")
	}
	now := l.stamp()
	return l.db.Update(func(tx *bolt.Tx) error {
		from, err := loadActor(tx, fromID)
		if err != nil {
			return err
		}
		into, err := loadActor(tx, intoID)
		if err != nil {
			return err
		}
		hs, err := actorHighlightsTx(tx, fromID)
		if err != nil {
			return err
		}
		for _, h := range hs {
			nh := h
			nh.Actors = mergeRefs(h.Actors, fromID, intoID)
			nh.Updated = now
			if err := removeHighlight(tx, h); err != nil {
				return err
			}
			if err := putHighlight(tx, nh); err != nil {
				return err
			}
		}
		into.Aliases = mergeAliases(into.Name, into.Aliases, []string{from.Name}, from.Aliases)
		if into.Wikidata == "" {
			into.Wikidata = from.Wikidata
		}
		if from.Note != "" && !strings.Contains(into.Note, from.Note) {
			into.Note = strings.TrimSpace(into.Note + "\n\n" + from.Note)
		}
		into.Updated = now
		if err := forgetName(tx, from.Name, fromID); err != nil {
			return err
		}
		if err := tx.Bucket(bActors).Delete([]byte(fromID)); err != nil {
			return err
		}
		if err := recordDeletion(tx, DeletedActor, fromID, deletedAt(now, from.Created, from.Updated), intoID); err != nil {
			return err
		}
		return writeActor(tx, into)
	})
}

// mergeRefs replaces from by into in a highlight's statements. Where into
// then makes the same statement twice (on the same topic, or on none), one
// stays, with the more specific role (speaker or target beats mentioned)
// and a stance where one had it.
func mergeRefs(refs []annotation.ActorRef, from, into string) []annotation.ActorRef {
	out := make([]annotation.ActorRef, 0, len(refs))
	for _, r := range refs {
		if r.ActorID == from {
			r.ActorID = into
		}
		out = append(out, r)
	}
	return mergeStatements(out)
}

// DeleteActor removes an actor and untags it from every highlight, and
// records the deletion (tombstones.go).
func (l *Library) DeleteActor(id string) error {
	now := l.stamp()
	return l.db.Update(func(tx *bolt.Tx) error {
		a, err := loadActor(tx, id)
		if err != nil {
			return err
		}
		hs, err := actorHighlightsTx(tx, id)
		if err != nil {
			return err
		}
		for _, h := range hs {
			nh := h
			nh.Actors = nil
			for _, r := range h.Actors {
				if r.ActorID != id {
					nh.Actors = append(nh.Actors, r)
				}
			}
			nh.Updated = now
			if err := removeHighlight(tx, h); err != nil {
				return err
			}
			if err := putHighlight(tx, nh); err != nil {
				return err
			}
		}
		if err := forgetName(tx, a.Name, id); err != nil {
			return err
		}
		if err := tx.Bucket(bActors).Delete([]byte(id)); err != nil {
			return err
		}
		return recordDeletion(tx, DeletedActor, id, deletedAt(now, a.Created, a.Updated), "")
	})
}

// ActorHighlights returns every highlight tagged with an actor, by article
// then reading order, through the actor index (no scan of the store).
func (l *Library) ActorHighlights(actorID string) ([]annotation.Highlight, error) {
	var hs []annotation.Highlight
	err := l.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bActors).Get([]byte(actorID)) == nil {
			return errorf(ErrNotFound, "no actor with id %s", actorID)
		}
		var err error
		hs, err = actorHighlightsTx(tx, actorID)
		return err
	})
	if err != nil {
		return nil, err
	}
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
	return hs, nil
}

func actorHighlightsTx(tx *bolt.Tx, actorID string) ([]annotation.Highlight, error) {
	prefix := append([]byte(actorID), 0)
	var out []annotation.Highlight
	c := tx.Bucket(bActorIndex).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		h, err := getHighlight(tx, string(k[len(prefix):]))
		if err != nil {
			return nil, fmt.Errorf("%w: the actor index is out of step (%v)", ErrDamaged, err)
		}
		out = append(out, h)
	}
	return out, nil
}

// HighlightCounts returns, for each actor with highlights, how many it has.
// It reads the actor index keys only.
func (l *Library) HighlightCounts() (map[string]int, error) {
	counts := map[string]int{}
	err := l.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bActorIndex).ForEach(func(k, _ []byte) error {
			if i := bytes.IndexByte(k, 0); i > 0 {
				counts[string(k[:i])]++
			}
			return nil
		})
	})
	return counts, err
}
