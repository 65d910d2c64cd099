package backup

import (
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/storage"
)

// maxMergeChain bounds how many merges the planner follows from a
// merged actor or topic to the one it lives on as (A into B, B into C):
// far more than a reader makes of one name, few enough that a damaged
// record pointing in a circle ends.
const maxMergeChain = 16

// deletedSince reports whether the reader deleted kind id after the
// backup's copy of it was last changed (touched): the library has a
// record of the deletion at or after that time. Such a copy is older
// than the reader's decision and is left out (unless IncludeDeleted). A
// copy changed after the deletion (in another library the backup came
// from) is newer work and comes back, as a newer version of a record
// replaces an older one.
func (pl *planner) deletedSince(kind storage.DeletedKind, id string, touched time.Time) (bool, error) {
	d, ok, err := pl.target.Deletion(kind, id)
	if err != nil || !ok || d.At.Before(touched) {
		return false, err
	}
	return true, nil
}

// gone returns the backup's actors or topics (touched: id → when the
// backup's copy last changed; ids the library has are not asked about)
// that the reader deleted since, each mapped to the library's actor or
// topic it was merged into, or to "" for one deleted outright. With
// IncludeDeleted it returns none and only counts them (restored).
func (pl *planner) gone(kind storage.DeletedKind, current map[string]bool, touched map[string]time.Time) (map[string]string, int, error) {
	out, restored := map[string]string{}, 0
	for id, t := range touched {
		if current[id] {
			continue
		}
		d, ok, err := pl.target.Deletion(kind, id)
		if err != nil {
			return nil, 0, err
		}
		if !ok || d.At.Before(t) {
			continue
		}
		if pl.opts.IncludeDeleted {
			restored++
			continue
		}
		into := d.Into
		for i := 0; into != "" && !current[into]; i++ {
			next, ok, err := pl.target.Deletion(kind, into)
			if err != nil {
				return nil, 0, err
			}
			if !ok || i == maxMergeChain {
				into = ""
				break
			}
			into = next.Into
		}
		out[id] = into
	}
	return out, restored, nil
}

// actorTimes returns the library's actor ids and, for the backup's,
// when each was last changed.
func actorTimes(cur, backup []annotation.Actor) (map[string]bool, map[string]time.Time) {
	return idTimes(cur, backup, func(a annotation.Actor) (string, time.Time, time.Time) { return a.ID, a.Created, a.Updated })
}

// topicTimes is actorTimes for topics.
func topicTimes(cur, backup []annotation.Topic) (map[string]bool, map[string]time.Time) {
	return idTimes(cur, backup, func(t annotation.Topic) (string, time.Time, time.Time) { return t.ID, t.Created, t.Updated })
}

// idTimes is actorTimes for any record with an id, a creation and a
// change time (of reads them).
func idTimes[T any](cur, backup []T, of func(T) (id string, created, updated time.Time)) (map[string]bool, map[string]time.Time) {
	have := make(map[string]bool, len(cur))
	for _, r := range cur {
		id, _, _ := of(r)
		have[id] = true
	}
	touched := make(map[string]time.Time, len(backup))
	for _, r := range backup {
		id, created, updated := of(r)
		touched[id] = latest(created, updated)
	}
	return have, touched
}

// lastTouched is when the reader last changed a backup article or any
// highlight on it: an article deleted after that is left out whole.
func lastTouched(b *export.Article) time.Time {
	t := latest(b.Added, b.Updated)
	for _, h := range b.Highlights {
		t = latest(t, latest(h.Created, h.Updated))
	}
	return t
}

func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
