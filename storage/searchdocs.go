package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/fold"
)

// docRecord is what the index keeps of an article for lists and filters:
// enough to sort, count and filter fifty thousand articles without
// decoding one article record.
type docRecord struct {
	ID        string
	Added     int64 // Unix milliseconds
	Published int64 // Unix milliseconds, 0 when unknown
	// Highlights and Orphans count the article's highlights and the
	// orphaned ones among them.
	Highlights, Orphans uint32
	Site                string   // folded
	Authors             []string // folded
}

// docRecordOf is the document record of an article record, with counts.
func docRecordOf(r articleRecord, highlights, orphans uint32) docRecord {
	d := docRecord{ID: r.ID, Added: unixMilli(r.Added), Published: unixMilli(r.Published),
		Highlights: highlights, Orphans: orphans, Site: fold.String(r.Site)}
	for _, a := range r.Authors {
		d.Authors = append(d.Authors, fold.String(a))
	}
	return d
}

func unixMilli(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// docKey is a document number as a key.
func docKey(doc uint32) []byte { return binary.BigEndian.AppendUint32(nil, doc) }

// encode lays the record out: BE64 added, BE64 published, BE32
// highlights, BE32 orphans, then id, site and authors, each with a
// uvarint length (authors after their count).
func (d docRecord) encode() []byte {
	out := make([]byte, 24, 32+len(d.ID)+len(d.Site))
	binary.BigEndian.PutUint64(out, uint64(d.Added))
	binary.BigEndian.PutUint64(out[8:], uint64(d.Published))
	binary.BigEndian.PutUint32(out[16:], d.Highlights)
	binary.BigEndian.PutUint32(out[20:], d.Orphans)
	out = appendString(out, d.ID)
	out = appendString(out, d.Site)
	out = binary.AppendUvarint(out, uint64(len(d.Authors)))
	for _, a := range d.Authors {
		out = appendString(out, a)
	}
	return out
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// decodeDocRecord reads a search_docs value.
func decodeDocRecord(v []byte) (docRecord, error) {
	var d docRecord
	bad := fmt.Errorf("%w: an unreadable document in the search index", ErrDamaged)
	if len(v) < 24 {
		return d, bad
	}
	d.Added, d.Published = int64(binary.BigEndian.Uint64(v)), int64(binary.BigEndian.Uint64(v[8:]))
	d.Highlights, d.Orphans = binary.BigEndian.Uint32(v[16:]), binary.BigEndian.Uint32(v[20:])
	r := v[24:]
	var ok bool
	if d.ID, r, ok = readString(r); !ok {
		return d, bad
	}
	if d.Site, r, ok = readString(r); !ok {
		return d, bad
	}
	n, k := binary.Uvarint(r)
	if k <= 0 || n > uint64(len(r)) {
		return d, bad
	}
	r = r[k:]
	for i := uint64(0); i < n; i++ {
		var a string
		if a, r, ok = readString(r); !ok {
			return d, bad
		}
		d.Authors = append(d.Authors, a)
	}
	if len(r) != 0 {
		return d, bad
	}
	return d, nil
}

func readString(b []byte) (string, []byte, bool) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return "", nil, false
	}
	return string(b[k : k+int(n)]), b[k+int(n):], true
}

// loadDoc reads a document record.
func (ix *searchIndex) loadDoc(doc uint32) (docRecord, bool, error) {
	v := ix.docs.Get(docKey(doc))
	if v == nil {
		return docRecord{}, false, nil
	}
	d, err := decodeDocRecord(v)
	return d, err == nil, err
}

func (ix *searchIndex) putDoc(doc uint32, d docRecord) error {
	return ix.docs.Put(docKey(doc), d.encode())
}

// newDoc gives article id the next document number.
func (ix *searchIndex) newDoc(id string) (uint32, error) {
	doc := ix.next
	if doc == ^uint32(0) {
		return 0, fmt.Errorf("the search index has run out of document numbers")
	}
	ix.next++
	ix.count++
	if err := ix.ids.Put([]byte(id), docKey(doc)); err != nil {
		return 0, err
	}
	return doc, ix.saveCounts()
}

// articleWords are the words the index keeps for an article's own text:
// title, kicker, standfirst, site, authors and text (a text record as
// stored, see text.go).
func articleWords(r articleRecord, textRecord []byte) (map[string]struct{}, error) {
	out := map[string]struct{}{}
	add := func(w string) { out[w] = struct{}{} }
	for _, s := range []string{r.Title, r.Kicker, r.Description, r.Site} {
		words(s, add)
	}
	for _, a := range r.Authors {
		words(a, add)
	}
	if textRecord == nil {
		return out, nil
	}
	t, err := openText(textRecord)
	if err != nil {
		return nil, err
	}
	text, err := t.String()
	if err != nil {
		return nil, err
	}
	words(text, add)
	return out, nil
}

// titleWords are the words of an article's title, which the index keeps
// apart as well (fieldTitle) for ranking.
func titleWords(r articleRecord) map[string]struct{} {
	out := map[string]struct{}{}
	words(r.Title, func(w string) { out[w] = struct{}{} })
	return out
}

// searchArticleWrite keeps the index in step with an article about to be
// stored (new, or replacing what is stored under rec.ID): called before
// the record and the text record are written, so that what was stored
// can be taken out. Part of the transaction that writes the article.
func searchArticleWrite(tx *bolt.Tx, rec articleRecord, text []byte) error {
	ix := openIndex(tx)
	if ix == nil || !ix.covers(rec.ID) || searchDeferred(tx, rec.ID) {
		return nil
	}
	next, err := articleWords(rec, text)
	if err != nil {
		return err
	}
	doc, ok := ix.docOf(rec.ID)
	d := docRecordOf(rec, 0, 0)
	prev, prevTitle := map[string]struct{}{}, map[string]struct{}{}
	if ok {
		old, found, err := ix.loadDoc(doc)
		if err != nil || !found {
			return markStale(tx)
		}
		d.Highlights, d.Orphans = old.Highlights, old.Orphans
		stored, err := loadRecord(tx, rec.ID)
		if err != nil {
			return err
		}
		if prev, err = articleWords(stored, tx.Bucket(bArticleText).Get([]byte(rec.ID))); err != nil {
			return err
		}
		prevTitle = titleWords(stored)
	} else if doc, err = ix.newDoc(rec.ID); err != nil {
		return err
	}
	if err := ix.changeWords(fieldText, doc, prev, next); err != nil {
		return err
	}
	if err := ix.changeWords(fieldTitle, doc, prevTitle, titleWords(rec)); err != nil {
		return err
	}
	return ix.putDoc(doc, d)
}

// changeWords takes doc out of the postings in field of the words of prev
// that next lacks, and adds it to those of the words new in next.
func (ix *searchIndex) changeWords(field byte, doc uint32, prev, next map[string]struct{}) error {
	for w := range prev {
		if _, keep := next[w]; !keep {
			if err := ix.clearDoc(field, w, doc); err != nil {
				return err
			}
		}
	}
	for w := range next {
		if _, had := prev[w]; !had {
			if err := ix.setDoc(field, w, doc); err != nil {
				return err
			}
		}
	}
	return nil
}

// storedArticleWords are the words of the article stored under id, and
// its title's.
func storedArticleWords(tx *bolt.Tx, id string) (ws, title map[string]struct{}, err error) {
	rec, err := loadRecord(tx, id)
	if err != nil {
		return nil, nil, err
	}
	ws, err = articleWords(rec, tx.Bucket(bArticleText).Get([]byte(id)))
	return ws, titleWords(rec), err
}

// searchArticleDelete takes an article out of the index: its words, what
// its highlights gave it, and its document. Called before the article is
// deleted, in the same transaction.
func searchArticleDelete(tx *bolt.Tx, id string) error {
	ix := openIndex(tx)
	if ix == nil || !ix.covers(id) {
		return nil
	}
	doc, ok := ix.docOf(id)
	if !ok {
		return markStale(tx)
	}
	ws, title, err := storedArticleWords(tx, id)
	if err != nil {
		return err
	}
	for w := range ws {
		if err := ix.clearDoc(fieldText, w, doc); err != nil {
			return err
		}
	}
	for w := range title {
		if err := ix.clearDoc(fieldTitle, w, doc); err != nil {
			return err
		}
	}
	if err := ix.dropAllRefs(doc); err != nil {
		return err
	}
	if err := ix.docs.Delete(docKey(doc)); err != nil {
		return err
	}
	if err := ix.ids.Delete([]byte(id)); err != nil {
		return err
	}
	ix.count--
	return ix.saveCounts()
}

// dropAllRefs takes out everything the highlights of doc gave it.
func (ix *searchIndex) dropAllRefs(doc uint32) error {
	p := docKey(doc)
	var terms []string
	c := ix.refs.Cursor()
	for k, _ := c.Seek(p); k != nil && len(k) > 4 && string(k[:4]) == string(p); k, _ = c.Next() {
		terms = append(terms, string(k[4:]))
	}
	for _, t := range terms {
		if err := ix.refs.Delete(refKey(doc, t)); err != nil {
			return err
		}
		if err := ix.clearDoc(t[0], t[1:], doc); err != nil {
			return err
		}
	}
	return nil
}

// searchHighlightPut keeps the index in step with a highlight being
// stored (putHighlight): its words and tags count for its article, and the
// article's highlight and orphan counts grow.
func searchHighlightPut(tx *bolt.Tx, h annotation.Highlight) error {
	return searchHighlightChange(tx, h, 1)
}

// searchHighlightRemove is searchHighlightPut's reverse, for the highlight
// stored under key k that removeHighlight is about to delete: read as
// stored, so that exactly what was counted is taken out.
func searchHighlightRemove(tx *bolt.Tx, k []byte) error {
	if openIndex(tx) == nil || searchDeferred(tx, string(k[:max(bytes.IndexByte(k, 0), 0)])) {
		return nil
	}
	v := tx.Bucket(bHighlights).Get(k)
	if v == nil {
		return markStale(tx)
	}
	h, err := decodeHighlight(k, v)
	if err != nil {
		return err
	}
	return searchHighlightChange(tx, h, -1)
}

// searchHighlightChange adds (by 1) or takes out (by -1) what highlight h
// gives its article.
func searchHighlightChange(tx *bolt.Tx, h annotation.Highlight, by int) error {
	ix := openIndex(tx)
	if ix == nil || !ix.covers(h.ArticleID) || searchDeferred(tx, h.ArticleID) {
		return nil
	}
	doc, ok := ix.docOf(h.ArticleID)
	if !ok {
		return markStale(tx)
	}
	d, found, err := ix.loadDoc(doc)
	if err != nil || !found {
		return markStale(tx)
	}
	for t := range highlightTerms(h) {
		if by > 0 {
			err = ix.addRef(doc, t)
		} else {
			ok, err = ix.dropRef(doc, t)
			if err == nil && !ok {
				return markStale(tx)
			}
		}
		if err != nil {
			return err
		}
	}
	orphan := uint32(0)
	if h.Orphaned != "" {
		orphan = 1
	}
	if by > 0 {
		d.Highlights, d.Orphans = d.Highlights+1, d.Orphans+orphan
	} else {
		if d.Highlights == 0 || d.Orphans < orphan {
			return markStale(tx)
		}
		d.Highlights, d.Orphans = d.Highlights-1, d.Orphans-orphan
	}
	return ix.putDoc(doc, d)
}
