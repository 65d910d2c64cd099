package storage

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
)

// An article's text is stored as one binary record (the "article_text"
// bucket, schema 3): the canonical text as raw UTF-8, a chunk table that
// says where every textStride-th code point starts (with a checksum per
// chunk), and the block structure. Adding a highlight needs the quote and
// 32 code points around it; with the chunk table that is a lookup and a
// walk of at most one chunk, reading the record in place from bbolt's
// memory map: no decoding, and no allocation that grows with the article
// (a 3 MB article took 27.6 ms and 7.3 MB per add when its blocks were
// decoded from JSON).
//
// Layout (integers big-endian uint32):
//
//	 0  "DTX" 1           magic and format
//	 4  runes             code points in the canonical text
//	 8  stride            code points per chunk
//	12  chunks            ceil(runes / stride)
//	16  textLen           bytes of the text
//	20  blocksLen         bytes of the block table
//	24  blocks            number of blocks
//	28  blocksCRC         CRC-32C of the block table
//	32  headCRC           CRC-32C of bytes 0–31 and the chunk table
//	36  chunk table       per chunk: byte offset of its first code point, CRC-32C of its bytes
//	    text              the blocks' texts joined by article.Separator
//	    block table       per block: uvarint len(type), type, varint level, uvarint len(text)
//
// Every checksum is verified before the bytes it covers are used: a quote
// checks the chunks it reads, a whole-text read checks everything, so a
// flipped bit in a text is reported as damage, never shown as the text.
const (
	textMagic     = "DTX\x01"
	textHeaderLen = 36
	chunkEntryLen = 8
	// textStride is the number of code points per chunk. An entry costs 8
	// bytes per 1,024 code points (under 1 % of a text) and a lookup walks
	// at most 1,024 code points (about 2 µs), next to a commit's fsyncs
	// (hundreds of µs) nothing.
	textStride = 1024
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// encodeText makes the stored text record of blocks, with chunks of stride
// code points. Invalid UTF-8 becomes U+FFFD byte by byte, as encoding/json
// stored it before, so that offsets mean the same as they always did.
func encodeText(blocks []article.Block, stride int) ([]byte, error) {
	if stride <= 0 {
		return nil, fmt.Errorf("text chunk size %d", stride)
	}
	textLen := 0
	table := make([]byte, 0, len(blocks)*16)
	texts := make([]string, len(blocks))
	for i, b := range blocks {
		texts[i] = validUTF8(b.Text)
		typ := validUTF8(string(b.Type))
		table = binary.AppendUvarint(table, uint64(len(typ)))
		table = append(table, typ...)
		table = binary.AppendVarint(table, int64(b.Level))
		table = binary.AppendUvarint(table, uint64(len(texts[i])))
		if i > 0 {
			textLen += len(article.Separator)
		}
		textLen += len(texts[i])
	}
	if uint64(textLen) > maxOffset || uint64(len(table)) > maxOffset || uint64(len(blocks)) > maxOffset {
		return nil, errorf(ErrInvalid, "the article is too long to store")
	}
	text := make([]byte, 0, textLen)
	for i, t := range texts {
		if i > 0 {
			text = append(text, article.Separator...)
		}
		text = append(text, t...)
	}
	var offsets []uint32
	runes := 0
	for i := range string(text) {
		if runes%stride == 0 {
			offsets = append(offsets, uint32(i))
		}
		runes++
	}
	out := make([]byte, textHeaderLen, textHeaderLen+len(offsets)*chunkEntryLen+len(text)+len(table))
	copy(out, textMagic)
	be := binary.BigEndian
	be.PutUint32(out[4:], uint32(runes))
	be.PutUint32(out[8:], uint32(stride))
	be.PutUint32(out[12:], uint32(len(offsets)))
	be.PutUint32(out[16:], uint32(len(text)))
	be.PutUint32(out[20:], uint32(len(table)))
	be.PutUint32(out[24:], uint32(len(blocks)))
	be.PutUint32(out[28:], crc32.Checksum(table, castagnoli))
	for c, off := range offsets {
		end := uint32(len(text))
		if c+1 < len(offsets) {
			end = offsets[c+1]
		}
		out = be.AppendUint32(out, off)
		out = be.AppendUint32(out, crc32.Checksum(text[off:end], castagnoli))
	}
	be.PutUint32(out[32:], headCRC(out))
	out = append(out, text...)
	return append(out, table...), nil
}

// headCRC is the checksum of the header's first 32 bytes and the chunk
// table that follows it.
func headCRC(rec []byte) uint32 {
	c := crc32.Update(0, castagnoli, rec[:32])
	return crc32.Update(c, castagnoli, rec[textHeaderLen:])
}

// validUTF8 replaces every byte that is not part of valid UTF-8 with
// U+FFFD (strings.ToValidUTF8 would merge runs of them).
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, r)
		i += size
	}
	return string(b)
}

// storedText is a text record opened in place: rec points into bbolt's
// memory (valid until the transaction ends) and the header is checked.
type storedText struct {
	rec    []byte
	n      int // code points
	stride int
	chunks int
	text   []byte // the text part of rec
}

// openText checks a text record's header and chunk table (not the text:
// chunks are checked as they are read) and returns it.
func openText(rec []byte) (storedText, error) {
	if len(rec) < textHeaderLen || string(rec[:4]) != textMagic {
		return storedText{}, fmt.Errorf("%w: unreadable article text (not a text record)", ErrDamaged)
	}
	be := binary.BigEndian
	n, stride, chunks := uint64(be.Uint32(rec[4:])), uint64(be.Uint32(rec[8:])), uint64(be.Uint32(rec[12:]))
	textLen, blocksLen := uint64(be.Uint32(rec[16:])), uint64(be.Uint32(rec[20:]))
	textOff := textHeaderLen + chunks*chunkEntryLen
	switch {
	case stride == 0 || chunks != (n+stride-1)/stride:
		return storedText{}, fmt.Errorf("%w: the article text's chunk table is inconsistent", ErrDamaged)
	case textOff+textLen+blocksLen != uint64(len(rec)) || n > textLen:
		return storedText{}, fmt.Errorf("%w: the article text's length does not match its record", ErrDamaged)
	}
	if be.Uint32(rec[32:]) != headCRC(rec[:textOff]) {
		return storedText{}, fmt.Errorf("%w: the article text's header fails its checksum", ErrDamaged)
	}
	return storedText{rec: rec, n: int(n), stride: int(stride), chunks: int(chunks), text: rec[textOff : textOff+textLen]}, nil
}

// chunk returns the byte range of chunk c in t.text.
func (t storedText) chunk(c int) (lo, hi int) {
	be := binary.BigEndian
	e := t.rec[textHeaderLen+c*chunkEntryLen:]
	lo, hi = int(be.Uint32(e)), len(t.text)
	if c+1 < t.chunks {
		hi = int(be.Uint32(e[chunkEntryLen:]))
	}
	return lo, hi
}

// checkChunks verifies the checksums of chunks first to last.
func (t storedText) checkChunks(first, last int) error {
	for c := first; c <= last && c < t.chunks; c++ {
		lo, hi := t.chunk(c)
		if lo > hi || hi > len(t.text) {
			return fmt.Errorf("%w: the article text's chunk %d is out of range", ErrDamaged, c)
		}
		sum := binary.BigEndian.Uint32(t.rec[textHeaderLen+c*chunkEntryLen+4:])
		if crc32.Checksum(t.text[lo:hi], castagnoli) != sum {
			return fmt.Errorf("%w: the article text fails its checksum (chunk %d)", ErrDamaged, c)
		}
	}
	return nil
}

// offset returns the byte offset of code point p (0 ≤ p ≤ n), walking from
// the start of p's chunk, whose checksum the caller has verified.
func (t storedText) offset(p int) (int, error) {
	if p >= t.n {
		return len(t.text), nil
	}
	c := p / t.stride
	b, _ := t.chunk(c)
	for r := c * t.stride; r < p; r++ {
		if b >= len(t.text) {
			return 0, fmt.Errorf("%w: the article text is shorter than its chunk table says", ErrDamaged)
		}
		_, size := utf8.DecodeRune(t.text[b:])
		b += size
	}
	return b, nil
}

// quote returns the quote of [start,end) with ContextLen code points of
// context on each side (clamped to the text), as annotation.QuoteAt gives
// it, reading and checking only the chunks that hold it.
func (t storedText) quote(start, end int) (annotation.TextQuote, error) {
	start = max(0, min(start, t.n))
	end = max(start, min(end, t.n))
	want := [4]int{max(0, start-annotation.ContextLen), start, end, min(t.n, end+annotation.ContextLen)}
	if t.n > 0 {
		if err := t.checkChunks(want[0]/t.stride, min(want[3], t.n-1)/t.stride); err != nil {
			return annotation.TextQuote{}, err
		}
	}
	var at [4]int
	for i, p := range want {
		var err error
		if at[i], err = t.offset(p); err != nil {
			return annotation.TextQuote{}, err
		}
	}
	s := t.text
	return annotation.TextQuote{Prefix: string(s[at[0]:at[1]]), Exact: string(s[at[1]:at[2]]), Suffix: string(s[at[2]:at[3]])}, nil
}

// String returns the whole text after checking every chunk.
func (t storedText) String() (string, error) {
	if err := t.checkChunks(0, t.chunks-1); err != nil {
		return "", err
	}
	return string(t.text), nil
}

// blocks returns the article's blocks, checking the whole record. Block
// texts share one copy of the text.
func (t storedText) blocks() ([]article.Block, error) {
	s, err := t.String()
	if err != nil {
		return nil, err
	}
	be := binary.BigEndian
	table := t.rec[len(t.rec)-int(be.Uint32(t.rec[20:])):]
	if crc32.Checksum(table, castagnoli) != be.Uint32(t.rec[28:]) {
		return nil, fmt.Errorf("%w: the article's block table fails its checksum", ErrDamaged)
	}
	count := int(be.Uint32(t.rec[24:]))
	if count > len(table) {
		return nil, fmt.Errorf("%w: the article's block table is too short", ErrDamaged)
	}
	out := make([]article.Block, 0, count)
	pos := 0
	for i := 0; i < count; i++ {
		var b article.Block
		var ok bool
		if b.Type, b.Level, table, ok = readBlockEntry(table); !ok {
			return nil, fmt.Errorf("%w: the article's block table is unreadable", ErrDamaged)
		}
		size, k := binary.Uvarint(table)
		if k <= 0 || size > uint64(len(s)-pos) {
			return nil, fmt.Errorf("%w: the article's block table does not fit its text", ErrDamaged)
		}
		table = table[k:]
		b.Text = s[pos : pos+int(size)]
		pos += int(size)
		if i+1 < count {
			if s[pos:min(len(s), pos+len(article.Separator))] != article.Separator {
				return nil, fmt.Errorf("%w: the article's block table does not fit its text", ErrDamaged)
			}
			pos += len(article.Separator)
		}
		out = append(out, b)
	}
	if pos != len(s) || len(table) != 0 {
		return nil, fmt.Errorf("%w: the article's block table does not fit its text", ErrDamaged)
	}
	return out, nil
}

// readBlockEntry reads a block's type and level from the block table.
func readBlockEntry(table []byte) (article.BlockType, int, []byte, bool) {
	n, k := binary.Uvarint(table)
	if k <= 0 || n > uint64(len(table)-k) {
		return "", 0, nil, false
	}
	typ := blockType(table[k : k+int(n)])
	table = table[k+int(n):]
	level, k := binary.Varint(table)
	if k <= 0 || level != int64(int(level)) {
		return "", 0, nil, false
	}
	return typ, int(level), table[k:], true
}

// blockType returns the type named by b, sharing the constant's string for
// the known types (an article has thousands of blocks).
func blockType(b []byte) article.BlockType {
	for _, t := range []article.BlockType{article.Paragraph, article.Heading, article.ListItem, article.Quote, article.Caption, article.Preformatted} {
		if string(b) == string(t) {
			return t
		}
	}
	return article.BlockType(b)
}
