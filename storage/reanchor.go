package storage

import (
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
)

// ErrWouldOrphan: a new text for an article (a re-import, a restored
// version) would orphan most of the highlights that fit its current text,
// and the caller did not force it. Nothing was changed. The error is an
// *OrphanError with the numbers.
var ErrWouldOrphan = errors.New("most highlights would be orphaned")

// OrphanError says how many highlights a refused text change would have
// orphaned.
type OrphanError struct {
	ArticleID, Title string
	// Change is what was refused, in words: "re-importing", "restoring
	// version 2".
	Change string
	// Orphaned of Anchored highlights (those that fit the current text)
	// would no longer be found.
	Orphaned, Anchored int
}

func (e *OrphanError) Error() string {
	return fmt.Sprintf("%s would orphan %d of the %d highlights of %q (%s): the new text lacks the passages they mark; nothing was changed",
		e.Change, e.Orphaned, e.Anchored, e.Title, e.ArticleID)
}

// Is makes errors.Is(err, ErrWouldOrphan) true.
func (e *OrphanError) Is(target error) bool { return target == ErrWouldOrphan }

// reanchorPlan is where an article's highlights would go in a new text,
// worked out before anything is written so that a change that orphans
// most of them can be refused.
type reanchorPlan struct {
	changes [][2]annotation.Highlight // old, new
	// highlights in all; anchored before the change; moved (to other
	// offsets); quoteChanged (placed on words that are no longer the
	// ones highlighted, whose ids quoteChangedIDs lists); orphaned after
	// it (in all); newly orphaned (fitted the old text, not the new);
	// recovered (orphaned before, found now; on changed words they count
	// in quoteChanged too); reanchored (moved, quoteChanged or
	// recovered, each once).
	highlights, anchored, moved, quoteChanged, orphaned, newlyOrphaned, recovered, reanchored int
	quoteChangedIDs                                                                           []string
}

// planReanchor places every highlight of article id in text.
func planReanchor(tx *bolt.Tx, id, text string) (reanchorPlan, error) {
	hs, err := articleHighlights(tx, id)
	if err != nil {
		return reanchorPlan{}, err
	}
	prev, err := loadText(tx, id)
	if err != nil {
		return reanchorPlan{}, err
	}
	anc := annotation.NewAnchorer(text)
	p := reanchorPlan{highlights: len(hs)}
	for _, h := range hs {
		nh, method := anc.Reanchor(h)
		was := h.Orphaned == ""
		if was {
			p.anchored++
		}
		switch {
		case method == annotation.AnchorOrphaned:
			p.orphaned++
			if was {
				p.newlyOrphaned++
			}
		case !was:
			p.recovered++
			p.reanchored++
			p.noteQuoteChanged(anc, nh)
		case nh.Start != h.Start || nh.End != h.End || nh.Quote != h.Quote:
			p.reanchored++
			if toldBefore(prev, h, anc, nh) || !p.noteQuoteChanged(anc, nh) {
				p.moved++
			}
		}
		if nh.Start != h.Start || nh.End != h.End || nh.Orphaned != h.Orphaned || nh.Quote != h.Quote {
			p.changes = append(p.changes, [2]annotation.Highlight{h, nh})
		}
	}
	return p, nil
}

// toldBefore reports whether h already sat on words other than the ones
// the reader highlighted in the text it is placed from (prev; an earlier
// import told so) and is placed now (nh) on those same words: nothing
// new happened to its words, so this import moved it, and a reader is not
// told of the changed words at every later import.
func toldBefore(prev storedText, h annotation.Highlight, anc *annotation.Anchorer, nh annotation.Highlight) bool {
	q, err := prev.quote(h.Start, h.End)
	return err == nil && q.Exact != h.Quote.Exact && q.Exact == anc.TextAt(nh.Start, nh.End)
}

// noteQuoteChanged counts and names h when it was placed on words that
// are not the ones highlighted (an orphan found again so counts as found
// again too): the reader is told which, apart from the ones that moved.
func (p *reanchorPlan) noteQuoteChanged(anc *annotation.Anchorer, h annotation.Highlight) bool {
	if !anc.QuoteChanged(h) {
		return false
	}
	p.quoteChanged++
	p.quoteChangedIDs = append(p.quoteChangedIDs, h.ID)
	return true
}

// orphansMost reports whether the change orphans more than half of the
// highlights that fit the current text: a page now behind a paywall or a
// login, a different page under the same address. Losing half or fewer is
// what real corrections and rewrites do.
func (p reanchorPlan) orphansMost() bool {
	return p.anchored > 0 && 2*p.newlyOrphaned > p.anchored
}

// refuse returns the error for a change the plan orphans most of, unless
// it is forced.
func (p reanchorPlan) refuse(rec articleRecord, change string, force bool) error {
	if force || !p.orphansMost() {
		return nil
	}
	return &OrphanError{ArticleID: rec.ID, Title: rec.Title, Change: change, Orphaned: p.newlyOrphaned, Anchored: p.anchored}
}

// apply writes the highlights that changed.
func (p reanchorPlan) apply(tx *bolt.Tx, now time.Time) error {
	for _, c := range p.changes {
		old, nh := c[0], c[1]
		nh.Updated = now
		if err := removeHighlight(tx, old); err != nil {
			return err
		}
		if err := putHighlight(tx, nh); err != nil {
			return err
		}
	}
	return nil
}

// count fills r's highlight numbers from the plan.
func (p reanchorPlan) count(r *ImportResult) {
	r.Highlights, r.Moved, r.Orphaned, r.NewlyOrphaned, r.Recovered = p.highlights, p.moved, p.orphaned, p.newlyOrphaned, p.recovered
	r.QuoteChanged, r.QuoteChangedIDs = p.quoteChanged, p.quoteChangedIDs
	r.Reanchored, r.Anchored = p.reanchored, p.anchored
}
