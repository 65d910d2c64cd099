package storage

import (
	"encoding/binary"
	"fmt"
	"math/bits"
)

// Postings: which documents of the search index hold a word. A word's
// documents are kept in blocks of blockDocs consecutive document numbers,
// one bbolt value per word and block (search_terms: field, BE32(block),
// word; termKey). Document numbers are handed out in the order articles
// enter the index, so an import adds only to the last block, whose keys
// are together at the end of each field, and never rewrites a long list;
// a query reads a few blocks per word and ORs them into a docSet.
//
// A block is stored as whichever is smaller: a list of the documents'
// offsets in the block (uvarint deltas, for rare words) or a bitmap of
// blockDocs bits (for common ones: "und" is in nearly every article).
const (
	// blockShift sets blockDocs: 4,096 documents per block keeps a common
	// word at 13 values in a library of 50,000 articles and a block's
	// bitmap at 512 bytes, an eighth of a page.
	blockShift = 12
	blockDocs  = 1 << blockShift
	blockWords = blockDocs / 64

	postingsList   byte = 0
	postingsBitmap byte = 1
)

// block is one postings block in memory.
type block [blockWords]uint64

// decodeBlock reads a stored postings block.
func decodeBlock(v []byte) (block, error) {
	var b block
	if len(v) == 0 {
		return b, fmt.Errorf("%w: an empty postings block in the search index", ErrDamaged)
	}
	switch v[0] {
	case postingsBitmap:
		if len(v) != 1+blockWords*8 {
			return b, fmt.Errorf("%w: a postings bitmap of %d bytes in the search index", ErrDamaged, len(v))
		}
		for i := range b {
			b[i] = binary.LittleEndian.Uint64(v[1+i*8:])
		}
		return b, nil
	case postingsList:
		// The first entry is the first document's offset, each later one
		// the distance from the one before (at least 1).
		doc := uint64(0)
		for p := 1; p < len(v); {
			d, n := binary.Uvarint(v[p:])
			if n <= 0 || d >= blockDocs || (p > 1 && d == 0) {
				return b, fmt.Errorf("%w: an unreadable postings list in the search index", ErrDamaged)
			}
			if p > 1 {
				d += doc
			}
			if d >= blockDocs {
				return b, fmt.Errorf("%w: an unreadable postings list in the search index", ErrDamaged)
			}
			p += n
			doc = d
			b[doc>>6] |= 1 << (doc & 63)
		}
		return b, nil
	}
	return b, fmt.Errorf("%w: a postings block of unknown kind %d in the search index", ErrDamaged, v[0])
}

// encode stores b in its smaller form; nil for an empty block.
func (b *block) encode() []byte {
	n := b.count()
	if n == 0 {
		return nil
	}
	list := make([]byte, 1, 1+n*2)
	list[0] = postingsList
	prev := -1
	for w, word := range b {
		for word != 0 {
			doc := w<<6 | bits.TrailingZeros64(word)
			word &= word - 1
			d := doc - prev
			if prev < 0 {
				d = doc
			}
			list = binary.AppendUvarint(list, uint64(d))
			prev = doc
			if len(list) > 1+blockWords*8 {
				return b.bitmap()
			}
		}
	}
	return list
}

func (b *block) bitmap() []byte {
	out := make([]byte, 1+blockWords*8)
	out[0] = postingsBitmap
	for i, w := range b {
		binary.LittleEndian.PutUint64(out[1+i*8:], w)
	}
	return out
}

func (b *block) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

func (b *block) set(doc uint32)      { b[doc&(blockDocs-1)>>6] |= 1 << (doc & 63) }
func (b *block) clear(doc uint32)    { b[doc&(blockDocs-1)>>6] &^= 1 << (doc & 63) }
func (b *block) has(doc uint32) bool { return b[doc&(blockDocs-1)>>6]&(1<<(doc&63)) != 0 }

// docSet is a set of document numbers, one bit each: 6 KB for a library
// of 50,000 articles, so a query ANDs and ORs whole sets word by word.
type docSet []uint64

func newDocSet(docs uint32) docSet { return make(docSet, (int(docs)+63)/64) }

// orBlock adds the documents of block number blk.
func (s docSet) orBlock(blk uint32, b *block) {
	base := int(blk) * blockWords
	for i, w := range b {
		if w != 0 && base+i < len(s) {
			s[base+i] |= w
		}
	}
}

func (s docSet) and(o docSet) {
	for i := range s {
		s[i] &= o[i]
	}
}

func (s docSet) andNot(o docSet) {
	for i := range s {
		s[i] &^= o[i]
	}
}

func (s docSet) or(o docSet) {
	for i := range s {
		s[i] |= o[i]
	}
}

func (s docSet) fill() {
	for i := range s {
		s[i] = ^uint64(0)
	}
}

func (s docSet) has(doc uint32) bool {
	i := int(doc >> 6)
	return i < len(s) && s[i]&(1<<(doc&63)) != 0
}

func (s docSet) add(doc uint32) {
	if i := int(doc >> 6); i < len(s) {
		s[i] |= 1 << (doc & 63)
	}
}

func (s docSet) count() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// each calls fn with every document in the set, in order.
func (s docSet) each(fn func(doc uint32)) {
	for i, w := range s {
		for w != 0 {
			fn(uint32(i<<6 | bits.TrailingZeros64(w)))
			w &= w - 1
		}
	}
}
