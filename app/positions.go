package app

import (
	"encoding/json"
	"fmt"
	"slices"
)

// maxPositions bounds the reading positions kept: a library of 50,000
// articles must not grow a preference of 50,000 entries rewritten at every
// article change (500 entries are about 20 kB).
const maxPositions = 500

// position is where the reader left one article: the code point offset of
// the first line in view.
type position struct {
	Article string `json:"a"`
	Offset  int    `json:"o"`
}

// positions are the reading positions of the articles read last, most
// recent first. The library keeps them (libPrefPositions), so they travel
// with it and come back after a restart.
type positions struct {
	list []position
}

// parsePositions reads the stored positions; damaged data counts as none
// (a lost place is no loss of the reader's work).
func parsePositions(data []byte) *positions {
	p := &positions{}
	if len(data) > 0 {
		_ = json.Unmarshal(data, &p.list)
	}
	return p
}

// of is an article's position; 0 is its start.
func (p *positions) of(articleID string) int {
	for _, x := range p.list {
		if x.Article == articleID {
			return x.Offset
		}
	}
	return 0
}

// set remembers an article's position (0 forgets it) and reports whether
// anything changed.
func (p *positions) set(articleID string, offset int) bool {
	i := slices.IndexFunc(p.list, func(x position) bool { return x.Article == articleID })
	if i == 0 && p.list[0].Offset == offset {
		return false
	}
	if i >= 0 {
		p.list = slices.Delete(p.list, i, i+1)
	} else if offset <= 0 {
		return false
	}
	if offset > 0 {
		p.list = slices.Insert(p.list, 0, position{articleID, offset})
	}
	if len(p.list) > maxPositions {
		p.list = p.list[:maxPositions]
	}
	return true
}

// forget drops a deleted article's position.
func (p *positions) forget(articleID string) bool { return p.set(articleID, 0) }

// encode is the stored form.
func (p *positions) encode() []byte {
	b, err := json.Marshal(p.list)
	if err != nil {
		panic(fmt.Sprintf("encoding reading positions: %v", err)) // plain structs always encode
	}
	return b
}
