package storage

import (
	"bytes"
	"errors"
	"fmt"
	"iter"
	"os"

	bolt "go.etcd.io/bbolt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// Salvage reads a library record by record with the page reader, never
// bbolt, so that it works on a damaged file as on a sound one: a record
// that does not decode, or a page that cannot be read, is skipped and
// named (Skipped), and everything else is read. Exports of a damaged
// library use it to save what can be saved; its memory does not grow with
// the library (one article at a time).
type Salvage struct {
	f       *os.File
	pf      *pageFile
	version int
	skipped []Skipped
	done    func()
}

// Skipped names what a salvage could not read: a record (What is
// "article", "text", "highlight", "actor" or "preference", ID its id) or
// the records of a damaged page ("records": ID the range of keys).
type Skipped struct {
	What, ID, Why string
}

func (s Skipped) String() string {
	if s.What == "records" {
		return fmt.Sprintf("the records %s (%s)", s.ID, s.Why)
	}
	return fmt.Sprintf("%s %s (%s)", s.What, s.ID, s.Why)
}

// OpenSalvage opens the library file at path for salvaging: read-only,
// sharing the file with other readers; only its header must be intact.
func OpenSalvage(path string) (*Salvage, error) {
	p, err := ExpandPath(path)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(realPath(p))
	if err != nil {
		return nil, fmt.Errorf("cannot read the library %s: %w", p, err)
	}
	if err := lockFile(f, false, lockTimeout); err != nil {
		f.Close()
		return nil, errorf(ErrInUse, "%s: %v", p, ErrInUse)
	}
	s, err := newSalvage(f, nil)
	if err != nil {
		f.Close()
		return nil, damagedFile(p, err)
	}
	s.done = func() { f.Close() }
	return s, nil
}

// Salvage reads the open library as it is now (its newest transaction,
// pinned until Close), record by record, as OpenSalvage does a file.
func (l *Library) Salvage() (*Salvage, error) {
	rtx, err := l.pinSnapshot()
	if err != nil {
		return nil, err
	}
	txid := uint64(rtx.ID())
	s, err := newSalvage(l.file, &txid)
	if err != nil {
		rtx.Rollback()
		return nil, err
	}
	s.done = func() { rtx.Rollback() }
	return s, nil
}

func newSalvage(f *os.File, pin *uint64) (*Salvage, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	pf, err := openPageFile(f, fi.Size())
	if err != nil {
		return nil, err
	}
	if pin != nil {
		if err := pf.useTxid(*pin); err != nil {
			return nil, err
		}
	}
	s := &Salvage{f: f, pf: pf}
	if s.version, err = pf.schemaVersion(); errors.Is(err, ErrTooNew) {
		return nil, err
	} else if err != nil {
		s.version = SchemaVersion // a damaged version: read as today's layout
		s.skip("records", "meta", damageDetail(err))
	}
	return s, nil
}

// Close lets go of the file (or the pinned transaction).
func (s *Salvage) Close() error {
	if s.done != nil {
		s.done()
		s.done = nil
	}
	return nil
}

// Skipped lists what could not be read so far.
func (s *Salvage) Skipped() []Skipped {
	return s.skipped
}

func (s *Salvage) skip(what, id, why string) {
	s.skipped = append(s.skipped, Skipped{What: what, ID: id, Why: why})
}

// records walks the records of a top-level bucket in key order, naming
// damaged pages in Skipped.
func (s *Salvage) records(bucket []byte) iter.Seq2[[]byte, []byte] {
	return func(yield func(k, v []byte) bool) {
		v, isBucket, err := s.pf.lookup(s.pf.meta.root, nil, bucket, 0)
		if err != nil || v == nil || !isBucket {
			why := "the bucket is missing"
			if err != nil {
				why = damageDetail(err)
			}
			s.skip("records", "of "+string(bucket), why)
			return
		}
		stopped := errors.New("stopped")
		w := &walker{f: s.pf, reachable: newBitset(s.pf.meta.hwm),
			onDamage: func(path string, lo, hi []byte, err error) {
				s.skip("records", keyRange(path, lo, hi), damageDetail(err))
			},
			visit: func(_ string, k, v []byte) error {
				if v == nil || !yield(k, v) {
					return stopped
				}
				return nil
			}}
		_ = w.walkBucket(string(bucket), v, 0)
	}
}

// keyRange names the keys a damaged page held.
func keyRange(bucket string, lo, hi []byte) string {
	from, to := "the first", "the last"
	if lo != nil {
		from = describeKey(bucket, lo)
	}
	if hi != nil {
		to = "before " + describeKey(bucket, hi)
	}
	return fmt.Sprintf("of %s from %s to %s", bucket, from, to)
}

// describeKey shows a key for a reader: a highlight's key as its id and
// article, others as they are.
func describeKey(bucket string, k []byte) string {
	if i := bytes.IndexByte(k, 0); bucket == string(bHighlights) && i > 0 {
		return fmt.Sprintf("highlight %s of article %s", highlightIDOf(k), printableKey(k[:i]))
	}
	return printableKey(k)
}

// SalvagedArticle is one article as a salvage read it.
type SalvagedArticle struct {
	Info ArticleInfo
	// Article has no blocks when its text could not be read (Skipped
	// names it); its highlights still carry their quotes.
	Article    *article.Article
	Highlights []annotation.Highlight
}

// Articles calls fn for every article that can be read, in the order of
// their ids (oldest added first), with its text and highlights, one at a
// time. fn's error stops the walk and is returned.
func (s *Salvage) Articles(fn func(SalvagedArticle) error) error {
	textBucket := bArticleText
	if s.version < 3 {
		textBucket = bTexts
	}
	nextText, stopTexts := iter.Pull2(s.records(textBucket))
	defer stopTexts()
	nextHL, stopHL := iter.Pull2(s.records(bHighlights))
	defer stopHL()
	tk, tv, tok := nextText()
	hk, hv, hok := nextHL()
	var ferr error
	for k, v := range s.records(bArticles) {
		id := string(k)
		rec, err := decodeArticleRecord(v)
		if err != nil || rec.ID != id {
			s.skip("article", id, recordWhy(err))
		}
		for tok && bytes.Compare(tk, k) < 0 {
			tk, tv, tok = nextText()
		}
		var blocks []article.Block
		if tok && bytes.Equal(tk, k) {
			if blocks, err = s.decodeText(tv); err != nil {
				s.skip("text", id, damageDetail(err))
			}
		} else if rec.ID == id {
			s.skip("text", id, "it is missing")
		}
		prefix := articlePrefix(id)
		for hok && bytes.Compare(hk, prefix) < 0 {
			s.skip("highlight", highlightIDOf(hk), "its article is missing")
			hk, hv, hok = nextHL()
		}
		var hs []annotation.Highlight
		for ; hok && bytes.HasPrefix(hk, prefix); hk, hv, hok = nextHL() {
			h, err := s.decodeHighlight(hk, hv)
			if err != nil {
				s.skip("highlight", highlightIDOf(hk), damageDetail(err))
				continue
			}
			hs = append(hs, h)
		}
		if rec.ID != id {
			if len(hs) > 0 {
				s.skip("highlight", fmt.Sprintf("× %d of article %s", len(hs), id), "their article does not read")
			}
			continue
		}
		a := rec.article(blocks)
		info := ArticleInfo{ID: id, Title: rec.Title, Kicker: rec.Kicker, Site: rec.Site, URL: rec.URL, Lang: rec.Lang,
			Authors: append([]string(nil), rec.Authors...), Published: rec.Published, Added: rec.Added,
			Updated: rec.Updated, Source: rec.Source, Highlights: len(hs)}
		for _, h := range hs {
			if h.Orphaned != "" {
				info.Orphaned++
			}
		}
		if ferr = fn(SalvagedArticle{Info: info, Article: a, Highlights: hs}); ferr != nil {
			break
		}
	}
	for ; ferr == nil && hok; hk, hv, hok = nextHL() {
		s.skip("highlight", highlightIDOf(hk), "its article is missing")
	}
	return ferr
}

func recordWhy(err error) string {
	if err == nil {
		return "it holds another record"
	}
	return damageDetail(err)
}

// highlightIDOf takes the highlight id from a highlights key (its end).
func highlightIDOf(k []byte) string {
	i := bytes.IndexByte(k, 0)
	if i < 0 || len(k) < i+10 {
		return printableKey(k)
	}
	return printableKey(k[i+10:])
}

func (s *Salvage) decodeText(v []byte) ([]article.Block, error) {
	if s.version < 3 {
		return decodeBlocksV2(v)
	}
	return decodeBlocks(v)
}

func (s *Salvage) decodeHighlight(k, v []byte) (annotation.Highlight, error) {
	if s.version < 2 {
		return decodeHighlightV1(v)
	}
	return decodeHighlight(k, v)
}

// Actors returns every actor that can be read.
func (s *Salvage) Actors() []annotation.Actor {
	var out []annotation.Actor
	for k, v := range s.records(bActors) {
		a, err := decodeActor(v)
		if err != nil || a.ID != string(k) {
			s.skip("actor", printableKey(k), recordWhy(err))
			continue
		}
		out = append(out, a)
	}
	sortActors(out)
	return out
}

// Preferences returns every preference that can be read.
func (s *Salvage) Preferences() map[string][]byte {
	out := map[string][]byte{}
	for k, v := range s.records(bPrefs) {
		out[string(k)] = append([]byte(nil), v...)
	}
	return out
}

// pinSnapshot begins a read transaction of the newest transaction while a
// write transaction holds writers off, so that the meta page of the file
// is that transaction's (see checkSnapshot).
func (l *Library) pinSnapshot() (*bolt.Tx, error) {
	if l.readOnly != "" || l.Damaged() != nil {
		return l.db.DB.Begin(false)
	}
	wtx, err := l.db.DB.Begin(true)
	if err != nil {
		return nil, err
	}
	defer wtx.Rollback()
	return l.db.DB.Begin(false)
}
