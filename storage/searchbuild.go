package storage

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Bounds of one transaction of the index build: bbolt keeps a
// transaction's pages in memory until it commits, and the window's own
// writes wait for it; 250 articles (about 3 MB of text) take a few
// hundred milliseconds on a slow machine.
const (
	buildBatchArticles = 250
	buildBatchBytes    = 8 << 20
)

// buildReleaseArticles is how many articles a batch reads between
// letting go of the mapped pages it read (releaseTxPages): what a
// background batch reads. A foreground batch (BuildSearchIndexNow) is
// eight times as big, and its articles' pages (about three times their
// text: records, chunk indexes, half-filled pages) made most of its
// resident size, 100 MB of a 2,000-article batch. An article is read
// once per build, so nothing is read again for it.
const buildReleaseArticles = buildBatchArticles

// buildPause is how long the background build rests between batches, so
// that the reader's own writes and reads are never queued behind it for
// long, and a second core stays free for the window.
const buildPause = 20 * time.Millisecond

// IndexStatus says how far the search index is: Indexed of Articles are
// in it, Ready when all are. Until then a search reads the others one by
// one (correct, slower).
type IndexStatus struct {
	Ready             bool
	Indexed, Articles int
}

// SearchIndexStatus reports how far the search index is.
func (l *Library) SearchIndexStatus() (IndexStatus, error) {
	var st IndexStatus
	err := l.db.View(func(tx *bolt.Tx) error {
		st = l.indexStatus(tx)
		return nil
	})
	return st, err
}

// A complete index holds one document per article (kept in the same
// transaction as every change), so its count is the library's: counting
// the articles bucket walks all its pages, 10-15 ms at 50,000 articles on
// every window start and every listing.
func (l *Library) indexStatus(tx *bolt.Tx) IndexStatus {
	ix := l.usableIndex(tx)
	if ix != nil && ix.state == indexComplete {
		return IndexStatus{Ready: true, Indexed: int(ix.count), Articles: int(ix.count)}
	}
	st := IndexStatus{Articles: tx.Bucket(bArticles).Stats().KeyN}
	if ix != nil {
		st.Indexed = int(ix.count)
	}
	return st
}

// articleCount counts the library's articles once for a build's progress
// (see buildStatus), and lets go of the pages counting read.
func (l *Library) articleCount() (int, error) {
	var n int
	err := l.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bArticles).Stats().KeyN
		releaseTxPages(tx)
		return nil
	})
	return n, err
}

// buildStatus is indexStatus during a build, with the library's articles
// counted once as it began (articleCount) instead of in every batch:
// counting walks every page of the articles bucket, which each batch then
// held mapped at its peak, before it committed (30 MB at 50,000
// articles). Articles the window adds meanwhile are only missing from the
// total until the next build; the index itself says when it is ready.
func (l *Library) buildStatus(tx *bolt.Tx, articles int) IndexStatus {
	ix := l.usableIndex(tx)
	switch {
	case ix == nil:
		return IndexStatus{Articles: articles}
	case ix.state == indexComplete:
		return IndexStatus{Ready: true, Indexed: int(ix.count), Articles: int(ix.count)}
	}
	return IndexStatus{Indexed: int(ix.count), Articles: max(articles, int(ix.count))}
}

// usableIndex is the index of tx when searches may use it: kept, and not
// found stale when the library was opened.
func (l *Library) usableIndex(tx *bolt.Tx) *searchIndex {
	if l.searchStale.Load() {
		return nil
	}
	return openIndex(tx)
}

// checkSearchIndex runs when the library opens: an index that some
// transaction did not keep (its stamp is not the file's newest
// transaction: an older Dramatis wrote, or the file came from elsewhere)
// is stale: searches do not use it, and the next build starts it again.
// A new, empty library gets an empty, complete index at once.
func (l *Library) checkSearchIndex() error {
	var stale, empty bool
	err := l.db.View(func(tx *bolt.Tx) error {
		ix := openIndex(tx)
		if ix == nil {
			empty = tx.Bucket(bSearchMeta) == nil && tx.Bucket(bArticles).Stats().KeyN == 0
			return nil
		}
		stamp := tx.Bucket(bSearchMeta).Get(keyStamp)
		stale = len(stamp) != 8 || binary.BigEndian.Uint64(stamp) != uint64(tx.ID())
		return nil
	})
	if err != nil {
		return err
	}
	switch {
	case stale:
		// Kept in memory, not written: Open writes nothing it need not
		// (the file may be damaged in a way only reading it all shows).
		// The stamp is withheld from then on (guardedDB.Update), so the
		// index stays stale until it is built again.
		l.searchStale.Store(true)
		return nil
	case empty && l.readOnly == "":
		return l.db.Update(func(tx *bolt.Tx) error {
			if err := resetSearch(tx); err != nil {
				return err
			}
			return tx.Bucket(bSearchMeta).Put(keyState, []byte(indexComplete))
		})
	}
	return nil
}

// resetSearch empties the index and starts building it again. Deleting
// a bucket reads every page it holds (bbolt walks them to free them);
// those mapped pages are let go after each bucket (releaseTxPages), so
// that at most the biggest bucket's are resident at once (the postings,
// 70 of the index's 101 MB at 50,000 articles), not the whole index's.
func resetSearch(tx *bolt.Tx) error {
	for _, name := range searchBuckets() {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
			releaseTxPages(tx)
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	meta := tx.Bucket(bSearchMeta)
	if err := put32(meta, keyFormat, searchFormat); err != nil {
		return err
	}
	if err := put32(meta, keyIndexSchema, fileSchema(tx)); err != nil {
		return err
	}
	if err := meta.Put(keyState, []byte(indexBuilding)); err != nil {
		return err
	}
	if err := put32(meta, keyNext, 0); err != nil {
		return err
	}
	return put32(meta, keyDocs, 0)
}

// ResetSearchIndex throws the search index away, for BuildSearchIndex to
// build it afresh; searches meanwhile read every article. The pages the
// deletion read (see resetSearch) are let go as it commits, or the last
// bucket's would stay resident through the build's first batch.
func (l *Library) ResetSearchIndex() error {
	err := l.db.Update(resetSearch)
	l.ReleaseReadPages()
	if err != nil {
		return fmt.Errorf("resetting the search index: %w", err)
	}
	l.searchStale.Store(false)
	return nil
}

// BuildSearchIndex builds the search index, or finishes building it, in
// transactions of bounded size (the library stays usable in between: a
// search meanwhile reads the articles not yet indexed one by one). An
// index that is stale, of another format or missing is started afresh.
// progress, when set, is told after every batch. It stops early, with
// ctx's error, when ctx is done.
func (l *Library) BuildSearchIndex(ctx context.Context, progress func(IndexStatus)) error {
	return l.buildSearchIndex(ctx, progress, buildBatchArticles, buildBatchBytes)
}

// buildSearchIndex is BuildSearchIndex in batches of at most maxArticles
// articles and maxBytes of text.
func (l *Library) buildSearchIndex(ctx context.Context, progress func(IndexStatus), maxArticles, maxBytes int) error {
	err := l.db.Update(func(tx *bolt.Tx) error {
		if openIndex(tx) == nil || l.searchStale.Load() {
			return resetSearch(tx)
		}
		return nil
	})
	l.ReleaseReadPages() // what a reset read (see ResetSearchIndex)
	if err != nil {
		return fmt.Errorf("building the search index: %w", err)
	}
	l.searchStale.Store(false)
	articles, err := l.articleCount()
	if err != nil {
		return fmt.Errorf("building the search index: %w", err)
	}
	for more := true; more; {
		if err := ctx.Err(); err != nil {
			return err
		}
		var st IndexStatus
		err := l.db.Update(func(tx *bolt.Tx) error {
			var err error
			more, err = buildSearchStepSized(tx, maxArticles, maxBytes)
			st = l.buildStatus(tx, articles)
			return err
		})
		if err != nil {
			return fmt.Errorf("building the search index: %w", err)
		}
		// The batch read its articles through the file's map; letting
		// those pages go keeps the build's resident size at a batch's,
		// not the library's (at 50,000 articles 1.1 GB, most of it the
		// mapped file, for 'search --reindex').
		l.ReleaseReadPages()
		if progress != nil {
			progress(st)
		}
	}
	return nil
}

// IndexInBackground builds the search index on a goroutine of its own
// when it is missing, stale or unfinished, resting between batches (the
// window calls it once it is on screen); progress, when set, is told how
// far it is from that goroutine. Close stops it; what is built stays
// built. A read-only library is left as it is.
func (l *Library) IndexInBackground(progress func(IndexStatus)) {
	if l.readOnly != "" || l.ctx == nil || l.ctx.Err() != nil {
		return
	}
	st, err := l.SearchIndexStatus()
	if err != nil || st.Ready {
		return
	}
	ctx := l.ctx
	l.bg.Add(1)
	go func() {
		defer l.bg.Done()
		_ = l.BuildSearchIndex(ctx, func(st IndexStatus) {
			if progress != nil {
				progress(st)
			}
			select {
			case <-ctx.Done():
			case <-time.After(buildPause):
			}
		})
	}()
}

// buildSearchStep indexes the next batch of articles after the cursor (at
// most maxArticles), in key order, and reports whether more are left.
func buildSearchStep(tx *bolt.Tx, maxArticles int) (more bool, err error) {
	return buildSearchStepSized(tx, maxArticles, buildBatchBytes)
}

// buildSearchStepSized is buildSearchStep with a batch of at most
// maxBytes of text.
func buildSearchStepSized(tx *bolt.Tx, maxArticles, maxBytes int) (more bool, err error) {
	ix := openIndex(tx)
	if ix == nil || ix.state == indexComplete {
		return false, nil
	}
	c := tx.Bucket(bArticles).Cursor()
	k, v := c.First()
	if ix.cursor != "" {
		k, v = c.Seek([]byte(ix.cursor))
		if k != nil && string(k) == ix.cursor {
			k, v = c.Next()
		}
	}
	b := newBuildBatch(ix)
	n, size := 0, 0
	for ; k != nil; k, v = c.Next() {
		if n >= maxArticles || size >= maxBytes {
			more = true
			break
		}
		if n > 0 && n%buildReleaseArticles == 0 {
			releaseTxPages(tx)
		}
		grew, err := b.add(tx, k, v)
		if err != nil {
			return false, err
		}
		n, size = n+1, size+grew
	}
	if err := b.write(); err != nil {
		return false, err
	}
	if more {
		return true, ix.meta.Put(keyCursor, []byte(b.last))
	}
	if err := ix.meta.Delete(keyCursor); err != nil {
		return false, err
	}
	return false, ix.meta.Put(keyState, []byte(indexComplete))
}

// buildBatch gathers what a batch of articles adds to the index, so that
// each word's block is written once per batch, not once per article.
type buildBatch struct {
	ix       *searchIndex
	postings map[string][]uint32 // field+word → documents, ascending
	last     string
}

func newBuildBatch(ix *searchIndex) *buildBatch {
	return &buildBatch{ix: ix, postings: map[string][]uint32{}}
}

// add indexes one article (key k, record v) and its highlights, and
// returns the size of its text.
func (b *buildBatch) add(tx *bolt.Tx, k, v []byte) (int, error) {
	rec, err := decodeArticleRecord(v)
	if err != nil {
		return 0, err
	}
	c, err := loadDocContent(tx, rec)
	if err != nil {
		return 0, err
	}
	if _, ok := b.ix.docOf(rec.ID); ok {
		return 0, fmt.Errorf("%w: article %s is indexed twice", ErrDamaged, rec.ID)
	}
	doc, err := b.ix.newDoc(rec.ID)
	if err != nil {
		return 0, err
	}
	for w := range c.words {
		b.postings[string(fieldText)+w] = append(b.postings[string(fieldText)+w], doc)
	}
	for w := range c.title {
		b.postings[string(fieldTitle)+w] = append(b.postings[string(fieldTitle)+w], doc)
	}
	for t, n := range c.refs {
		if err := b.ix.refs.Put(refKey(doc, t), binary.AppendUvarint(nil, uint64(n))); err != nil {
			return 0, err
		}
		b.postings[t] = append(b.postings[t], doc)
	}
	if err := b.ix.putDoc(doc, c.doc); err != nil {
		return 0, err
	}
	b.last = string(k)
	return c.textBytes, nil
}

// write stores the batch's postings block by block, and in each block
// word by word: the order of their keys (termKey), so that bbolt fills
// pages in order.
func (b *buildBatch) write() error {
	terms := make([]string, 0, len(b.postings))
	for t := range b.postings {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	for pending := slices.Clone(terms); len(pending) > 0; {
		blk := b.firstBlock(pending)
		rest := pending[:0]
		for _, t := range pending {
			docs := b.postings[t]
			n := 0
			for n < len(docs) && docs[n]>>blockShift == blk {
				n++
			}
			if n > 0 {
				if err := b.ix.addDocs(t[0], blk, t[1:], docs[:n]); err != nil {
					return err
				}
			}
			if b.postings[t] = docs[n:]; n < len(docs) {
				rest = append(rest, t)
			}
		}
		pending = rest
	}
	for _, t := range terms {
		if err := b.ix.addWord(t[0], t[1:]); err != nil {
			return err
		}
	}
	return nil
}

// firstBlock is the lowest block any of terms has documents in.
func (b *buildBatch) firstBlock(terms []string) uint32 {
	first := b.postings[terms[0]][0] >> blockShift
	for _, t := range terms[1:] {
		first = min(first, b.postings[t][0]>>blockShift)
	}
	return first
}

// addDocs adds documents (ascending, all in block blk) to a word's
// postings.
func (ix *searchIndex) addDocs(field byte, blk uint32, word string, docs []uint32) error {
	k := termKey(field, blk, word)
	var bl block
	if v := ix.terms.Get(k); v != nil {
		var err error
		if bl, err = decodeBlock(v); err != nil {
			return err
		}
	}
	for _, doc := range docs {
		bl.set(doc)
	}
	return ix.terms.Put(k, bl.encode())
}

// addWord puts a word of the text or highlight fields in the dictionary.
func (ix *searchIndex) addWord(field byte, word string) error {
	if field != fieldText && field != fieldHighlight || ix.dict.Get([]byte(word)) != nil {
		return nil
	}
	return ix.dict.Put([]byte(word), nil)
}
