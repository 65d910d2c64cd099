package storage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// articleRecord is the stored metadata of an article (the "articles"
// bucket). The text lives apart (the "article_text" bucket) so that listing the
// library never reads article bodies.
type articleRecord struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Kicker      string    `json:"kicker,omitempty"`
	Description string    `json:"description,omitempty"`
	Authors     []string  `json:"authors,omitempty"`
	Published   time.Time `json:"published,omitzero"`
	Site        string    `json:"site,omitempty"`
	URL         string    `json:"url,omitempty"`
	Lang        string    `json:"lang,omitempty"`
	Cleaner     string    `json:"cleaner,omitempty"`
	Hash        string    `json:"hash"`
	Added       time.Time `json:"added"`
	Updated     time.Time `json:"updated,omitzero"`
	// Source is where the reader imported it from (a web address or a
	// file path; see ImportOptions), Version its number among the texts
	// it has had (0 in records written before versions: 1).
	Source  string `json:"source,omitempty"`
	Version int    `json:"version,omitempty"`
	// Edited are the reader's corrections of the metadata above, which
	// an import applies over the page's (see EditArticle).
	Edited *article.Corrections `json:"edited,omitempty"`
}

// recordOf makes the stored record of a (normalised) article.
func recordOf(id string, a *article.Article, added time.Time) articleRecord {
	return articleRecord{
		ID: id, Title: a.Title, Kicker: a.Kicker, Description: a.Description,
		Authors: append([]string(nil), a.Authors...), Published: a.Published,
		Site: a.Site, URL: a.URL, Lang: a.Lang, Cleaner: a.Cleaner,
		Hash: a.TextHash(), Added: added,
	}
}

// article rebuilds the Article from its record and blocks.
func (r articleRecord) article(blocks []article.Block) *article.Article {
	return &article.Article{
		Title: r.Title, Kicker: r.Kicker, Description: r.Description,
		Authors: append([]string(nil), r.Authors...), Published: r.Published,
		Site: r.Site, URL: r.URL, Lang: r.Lang, Blocks: blocks, Cleaner: r.Cleaner,
		Corrected: r.Edited.Clone(),
	}
}

func encode(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encoding a stored value: %w", err)
	}
	return b, nil
}

// decodeArticleRecord reads an "articles" value and rejects records that
// could not have been written by this package.
func decodeArticleRecord(v []byte) (articleRecord, error) {
	var r articleRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return r, fmt.Errorf("%w: unreadable article record: %v", ErrDamaged, err)
	}
	if err := checkID(r.ID); err != nil {
		return r, fmt.Errorf("%w: article record: %v", ErrDamaged, err)
	}
	return r, nil
}

// decodeBlocks reads an "article_text" value (a text record).
func decodeBlocks(v []byte) ([]article.Block, error) {
	t, err := openText(v)
	if err != nil {
		return nil, err
	}
	return t.blocks()
}

// decodeBlocksV2 reads a schema 1 or 2 "texts" value: JSON blocks.
func decodeBlocksV2(v []byte) ([]article.Block, error) {
	if bs, ok := readBlocks(v); ok {
		return bs, nil
	}
	var bs []article.Block
	if err := json.Unmarshal(v, &bs); err != nil {
		return nil, fmt.Errorf("%w: unreadable article text: %v", ErrDamaged, err)
	}
	return bs, nil
}

// highlightRecord is a highlight as stored: compact JSON (short names,
// times as Unix milliseconds, the article id left to the key). Loading an
// article decodes thousands of these, and encoding/json's cost grows with
// fields and bytes; this form halves both against annotation.Highlight.
type highlightRecord struct {
	ID       string      `json:"id"`
	Start    int         `json:"s"`
	End      int         `json:"e"`
	Exact    string      `json:"x"`
	Prefix   string      `json:"p,omitempty"`
	Suffix   string      `json:"f,omitempty"`
	Color    string      `json:"c,omitempty"`
	Actors   []refRecord `json:"a,omitempty"`
	Note     string      `json:"n,omitempty"`
	Created  int64       `json:"t,omitempty"`
	Updated  int64       `json:"u,omitempty"`
	Orphaned string      `json:"o,omitempty"`
}

// refRecord is an annotation.ActorRef as stored: Topic and Stance are
// left out when unset, so a highlight without topics is stored as it was
// before topics existed.
type refRecord struct {
	Actor  string `json:"a"`
	Role   string `json:"r"`
	Topic  string `json:"t,omitempty"`
	Stance string `json:"s,omitempty"`
}

func millis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMillis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}

// encodeHighlight makes the stored value of h. Times keep millisecond
// precision.
func encodeHighlight(h annotation.Highlight) ([]byte, error) {
	r := highlightRecord{
		ID: h.ID, Start: h.Start, End: h.End,
		Exact: h.Quote.Exact, Prefix: h.Quote.Prefix, Suffix: h.Quote.Suffix,
		Color: h.Color, Note: h.Note, Created: millis(h.Created), Updated: millis(h.Updated),
		Orphaned: h.Orphaned,
	}
	for _, a := range h.Actors {
		r.Actors = append(r.Actors, refRecord{a.ActorID, string(a.Role), a.Topic, string(a.Stance)})
	}
	return encode(r)
}

// decodeHighlight reads a "highlights" value stored under key k (whose
// first part is the article id).
func decodeHighlight(k, v []byte) (annotation.Highlight, error) {
	var h annotation.Highlight
	err := decodeHighlightInto(&h, "", k, v)
	return h, err
}

// decodeHighlightInto is decodeHighlight writing into *h (listing 10,000
// highlights, copying each struct around costs more than decoding it).
// A caller that already holds the article id as a string passes it,
// sparing an allocation per highlight; "" takes it from the key.
func decodeHighlightInto(h *annotation.Highlight, articleID string, k, v []byte) error {
	var r highlightRecord
	if !readHighlightRecord(&r, v) {
		r = highlightRecord{}
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("%w: unreadable highlight: %v", ErrDamaged, err)
		}
	}
	if err := checkID(r.ID); err != nil {
		return fmt.Errorf("%w: highlight: %v", ErrDamaged, err)
	}
	i := bytes.IndexByte(k, 0)
	if i <= 0 {
		return fmt.Errorf("%w: highlight %s has a malformed key", ErrDamaged, r.ID)
	}
	if articleID == "" || articleID != string(k[:i]) { // the comparison does not allocate
		articleID = string(k[:i])
	}
	if r.Start < 0 || r.End < r.Start || r.End > maxOffset {
		return fmt.Errorf("%w: highlight %s has the range [%d,%d)", ErrDamaged, r.ID, r.Start, r.End)
	}
	h.ID, h.ArticleID, h.Start, h.End = r.ID, articleID, r.Start, r.End
	h.Quote = annotation.TextQuote{Exact: r.Exact, Prefix: r.Prefix, Suffix: r.Suffix}
	h.Color, h.Note, h.Orphaned = r.Color, r.Note, r.Orphaned
	h.Created, h.Updated = fromMillis(r.Created), fromMillis(r.Updated)
	h.Actors = nil
	if len(r.Actors) > 0 {
		h.Actors = make([]annotation.ActorRef, len(r.Actors))
		for j, a := range r.Actors {
			h.Actors[j] = annotation.ActorRef{ActorID: a.Actor, Role: annotation.Role(a.Role), Topic: a.Topic, Stance: annotation.Stance(a.Stance)}
		}
	}
	return nil
}

// decodeHighlightV1 reads a schema 1 highlight value: annotation.Highlight
// as JSON.
func decodeHighlightV1(v []byte) (annotation.Highlight, error) {
	var h annotation.Highlight
	if err := json.Unmarshal(v, &h); err != nil {
		return h, fmt.Errorf("%w: unreadable highlight: %v", ErrDamaged, err)
	}
	if err := checkID(h.ID); err != nil {
		return h, fmt.Errorf("%w: highlight: %v", ErrDamaged, err)
	}
	if err := checkID(h.ArticleID); err != nil {
		return h, fmt.Errorf("%w: highlight %s: article %v", ErrDamaged, h.ID, err)
	}
	if h.Start < 0 || h.End < h.Start || h.End > maxOffset {
		return h, fmt.Errorf("%w: highlight %s has the range [%d,%d)", ErrDamaged, h.ID, h.Start, h.End)
	}
	return h, nil
}

// decodeActor reads an "actors" value.
func decodeActor(v []byte) (annotation.Actor, error) {
	var a annotation.Actor
	if err := json.Unmarshal(v, &a); err != nil {
		return a, fmt.Errorf("%w: unreadable actor: %v", ErrDamaged, err)
	}
	if err := checkID(a.ID); err != nil {
		return a, fmt.Errorf("%w: actor: %v", ErrDamaged, err)
	}
	return a, nil
}
