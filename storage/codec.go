package storage

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// articleRecord is the stored metadata of an article (the "articles"
// bucket). The text lives apart (the "texts" bucket) so that listing the
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

// decodeBlocks reads a "texts" value.
func decodeBlocks(v []byte) ([]article.Block, error) {
	var bs []article.Block
	if err := json.Unmarshal(v, &bs); err != nil {
		return nil, fmt.Errorf("%w: unreadable article text: %v", ErrDamaged, err)
	}
	return bs, nil
}

// decodeHighlight reads a "highlights" value.
func decodeHighlight(v []byte) (annotation.Highlight, error) {
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
