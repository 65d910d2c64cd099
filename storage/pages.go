package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strings"
)

// pageFile reads the pages of a bbolt file with ReadAt, never through a
// memory map: a damaged page id, size or offset becomes an error here,
// where bbolt, which follows them inside its map, faults (SIGSEGV, SIGBUS)
// or panics. The integrity check, the quick checks on open, record counts
// and the salvage reader are built on it.
//
// The layout is bbolt's (version 2), little-endian: every page starts with
// a 16-byte header (id u64, flags u16, count u16, overflow u32); branch
// elements are (pos u32, ksize u32, pgid u64), leaf elements (flags u32,
// pos u32, ksize u32, vsize u32), each key pos bytes after its element;
// a bucket value is (root pgid u64, sequence u64), followed by the bucket's
// page when root is 0 (an inline bucket).
type pageFile struct {
	r    io.ReaderAt
	size int64 // bytes in the file
	meta metaPage
}

// metaPage is the part of bbolt's meta page the checks need.
type metaPage struct {
	pageSize uint32
	root     uint64 // root bucket's page
	freelist uint64 // freelist page, or noFreelist
	hwm      uint64 // high water mark: pages [0, hwm) are in use or free
	txid     uint64
	checksum uint64
}

// bbolt's on-disk constants.
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	pageHeaderSize = 16
	elementSize    = 16 // branch and leaf elements are both 16 bytes
	bucketHeader   = 16 // root pgid, sequence
	metaSize       = 56 // magic … txid, before the checksum

	flagBranch   = 0x01
	flagLeaf     = 0x02
	flagMeta     = 0x04
	flagFreelist = 0x10

	leafBucket = 0x01 // leaf element flag: the value is a bucket

	noFreelist = ^uint64(0)
	// bbolt stores a freelist of 0xFFFF or more ids with its count in the
	// first element.
	freelistOverflowCount = 0xFFFF

	minPageSize = 512
	maxPageSize = 1 << 24 // bbolt looks for the second meta page up to 16 MB
	// maxTreeDepth bounds the descent: a B+tree of a few levels holds
	// billions of keys, so anything deeper is a loop of damaged pointers.
	maxTreeDepth = 32
)

// errDamagedFile is a damaged page structure found by the page reader.
func damagedf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrDamaged, fmt.Sprintf(format, args...))
}

// parseMeta reads a meta page's fields from buf (the page, header
// included) and reports whether its magic, version and checksum hold.
func parseMeta(buf []byte) (metaPage, bool) {
	if len(buf) < pageHeaderSize+metaSize+8 {
		return metaPage{}, false
	}
	m := buf[pageHeaderSize:]
	le := binary.LittleEndian
	h := fnv.New64a()
	h.Write(m[:metaSize])
	mp := metaPage{
		pageSize: le.Uint32(m[8:]),
		root:     le.Uint64(m[16:]),
		freelist: le.Uint64(m[32:]),
		hwm:      le.Uint64(m[40:]),
		txid:     le.Uint64(m[48:]),
		checksum: le.Uint64(m[56:]),
	}
	ok := le.Uint32(m[0:]) == boltMagic && le.Uint32(m[4:]) == boltVersion &&
		mp.checksum == h.Sum64() && mp.pageSize >= minPageSize && mp.pageSize <= maxPageSize
	return mp, ok
}

// readMetaPages finds the meta page bbolt would use: the valid one of the
// two with the higher transaction id. The second page's offset depends on
// the page size, which a damaged first page does not tell; like bbolt,
// try every power of two.
func readMetaPages(r io.ReaderAt, size int64) (metaPage, error) {
	buf := make([]byte, pageHeaderSize+metaSize+8)
	read := func(off int64) (metaPage, bool) {
		if off+int64(len(buf)) > size {
			return metaPage{}, false
		}
		if _, err := r.ReadAt(buf, off); err != nil {
			return metaPage{}, false
		}
		return parseMeta(buf)
	}
	var best metaPage
	found := false
	m0, ok0 := read(0)
	if ok0 {
		best, found = m0, true
	}
	for ps := int64(minPageSize); ps <= maxPageSize; ps <<= 1 {
		if ok0 && ps != int64(m0.pageSize) {
			continue
		}
		if m1, ok := read(ps); ok && int64(m1.pageSize) == ps {
			if !found || m1.txid > best.txid {
				best = m1
			}
			found = true
			break
		}
	}
	if !found {
		return metaPage{}, damagedf("no valid bbolt header (both meta pages are damaged, or it is not a library file)")
	}
	if need := best.hwm * uint64(best.pageSize); need > uint64(size) || best.hwm < 2 {
		return best, damagedf("the file is truncated (%d of %d bytes)", size, need)
	}
	if best.root < 2 || best.root >= best.hwm {
		return best, damagedf("the root page %d is outside the file's %d pages", best.root, best.hwm)
	}
	if best.freelist != noFreelist && (best.freelist < 2 || best.freelist >= best.hwm) {
		return best, damagedf("the freelist page %d is outside the file's %d pages", best.freelist, best.hwm)
	}
	return best, nil
}

// openPageFile reads the header of a bbolt file of size bytes.
func openPageFile(r io.ReaderAt, size int64) (*pageFile, error) {
	m, err := readMetaPages(r, size)
	if err != nil {
		return nil, err
	}
	return &pageFile{r: r, size: size, meta: m}, nil
}

// pageFileAt opens the library file at path for the page reader; the
// caller closes the file.
func pageFileAt(path string) (*pageFile, *os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	pf, err := openPageFile(f, fi.Size())
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return pf, f, nil
}

// page is one page (with its overflow pages) as read from the file.
type page struct {
	id       uint64
	flags    uint16
	count    int
	overflow uint64
	data     []byte // the whole page, header included
}

// readPage reads page id and checks its header: in range, its own id,
// one known type, elements inside the page. buf is reused when large
// enough; the returned page's data aliases it.
func (f *pageFile) readPage(id uint64, buf []byte) (page, []byte, error) {
	ps := uint64(f.meta.pageSize)
	if id < 2 || id >= f.meta.hwm {
		return page{}, buf, damagedf("page %d is outside the file's %d pages", id, f.meta.hwm)
	}
	// One read for the page; a second for its overflow pages, if any.
	if cap(buf) < int(ps) {
		buf = make([]byte, ps, max(int(ps), 4*int(ps)))
	}
	first := buf[:ps]
	if _, err := f.r.ReadAt(first, int64(id*ps)); err != nil {
		return page{}, buf, fmt.Errorf("reading page %d: %w", id, err)
	}
	le := binary.LittleEndian
	hdr := first[:pageHeaderSize]
	p := page{id: le.Uint64(hdr[0:]), flags: le.Uint16(hdr[8:]), count: int(le.Uint16(hdr[10:])), overflow: uint64(le.Uint32(hdr[12:]))}
	if p.id != id {
		return p, buf, damagedf("page %d calls itself page %d", id, p.id)
	}
	if p.flags != flagBranch && p.flags != flagLeaf && p.flags != flagFreelist {
		return p, buf, damagedf("page %d has the unknown type %#x", id, p.flags)
	}
	if id+p.overflow >= f.meta.hwm {
		return p, buf, damagedf("page %d runs %d pages past the end of the file", id, id+p.overflow+1-f.meta.hwm)
	}
	n := int((1 + p.overflow) * ps)
	if cap(buf) < n {
		grown := make([]byte, n)
		copy(grown, first)
		buf = grown
	}
	p.data = buf[:n]
	if p.overflow > 0 {
		if _, err := f.r.ReadAt(p.data[ps:], int64((id+1)*ps)); err != nil {
			return p, buf, fmt.Errorf("reading page %d: %w", id, err)
		}
	}
	return p, buf, nil
}

// element returns the i-th key (and for leaves the value and flags) of a
// branch or leaf page laid out in data (a page or an inline bucket's
// page), checking that they lie inside it.
func element(data []byte, leaf bool, i int) (key, value []byte, flags uint32, child uint64, err error) {
	ks, vs, ve, flags, child, err := elementSpan(data, leaf, i)
	if err != nil {
		return nil, nil, 0, 0, err
	}
	key = data[ks:vs]
	if leaf {
		value = data[vs:ve]
	}
	return key, value, flags, child, nil
}

// elementSpan returns where the i-th element's key [ks, vs) and value
// [vs, ve) lie in data.
func elementSpan(data []byte, leaf bool, i int) (ks, vs, ve int, flags uint32, child uint64, err error) {
	off := pageHeaderSize + i*elementSize
	if off+elementSize > len(data) {
		return 0, 0, 0, 0, 0, damagedf("element %d lies outside its page", i)
	}
	le := binary.LittleEndian
	e := data[off : off+elementSize]
	var pos, ksize, vsize uint64
	if leaf {
		flags = le.Uint32(e[0:])
		pos, ksize, vsize = uint64(le.Uint32(e[4:])), uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
	} else {
		pos, ksize, child = uint64(le.Uint32(e[0:])), uint64(le.Uint32(e[4:])), le.Uint64(e[8:])
	}
	start := uint64(off) + pos
	end := start + ksize + vsize
	if pos == 0 || end > uint64(len(data)) {
		return 0, 0, 0, 0, 0, damagedf("element %d's key or value lies outside its page", i)
	}
	return int(start), int(start + ksize), int(end), flags, child, nil
}

// checkPacked checks that the count elements of a branch or leaf page laid
// out in data hold their keys and values packed one after another from the
// end of the element array, as bbolt always writes a page. A damaged count
// that still leaves every element inside the page and its keys in order
// shows here: a lower count (records silently gone) moves the array's end
// before the first key; a higher one reads key bytes as elements, which do
// not continue the chain. n is how many elements, from the first, do chain
// (all of them can be read when the count was lowered).
func checkPacked(data []byte, leaf bool, count int) (n int, err error) {
	first, next := 0, 0
	for i := 0; i < count; i++ {
		ks, _, ve, _, _, err := elementSpan(data, leaf, i)
		if err != nil {
			return i, err
		}
		if i == 0 {
			first = ks
		} else if ks != next {
			return i, damagedf("element %d of %d does not follow the one before it (a damaged element count)", i, count)
		}
		next = ve
	}
	if end := pageHeaderSize + count*elementSize; count > 0 && first != end {
		return count, damagedf("the first key starts at byte %d, not at %d after the %d elements (a damaged element count)", first, end, count)
	}
	return count, nil
}

// bucketVisitor receives every key and value of the buckets a walk
// reaches: bucket is the path of bucket names joined by "/", value nil for
// a nested bucket. Slices are only valid during the call.
type bucketVisitor func(bucket string, key, value []byte) error

// walker walks a file's bucket trees, marking every page it reaches.
type walker struct {
	f         *pageFile
	reachable bitset
	visit     bucketVisitor
	bufs      [maxTreeDepth + 1][]byte // one page buffer per tree level
	pages     int                      // pages read
	// problems collects structural damage; the walk goes on past a
	// damaged subtree so that a report names all of it (up to a limit).
	problems []error
	// onDamage, when set, is told of each damaged part with the range of
	// keys it held ([lo, hi), nil for an open end), so that a salvage can
	// name what it could not read.
	onDamage func(bucket string, lo, hi []byte, err error)
}

// maxProblems bounds a damage report: past a few, more lines say nothing.
const maxProblems = 20

// fail records damage that cost the keys in [lo, hi) of bucket path.
func (w *walker) fail(path string, lo, hi []byte, err error) {
	err = plainDamage(err)
	w.problem(err)
	if w.onDamage != nil {
		w.onDamage(path, lo, hi, err)
	}
}

// plainDamage words a damage error once: the page reader's errors nest
// ("bucket …: library file is damaged: page …").
func plainDamage(err error) error {
	msg := strings.ReplaceAll(err.Error(), ErrDamaged.Error()+": ", "")
	return damagedf("%s", strings.ReplaceAll(msg, `bucket "": `, "the list of buckets: "))
}

func (w *walker) problem(err error) {
	err = plainDamage(err)
	if len(w.problems) < maxProblems {
		w.problems = append(w.problems, err)
	}
}

// walkBucket walks the tree of the bucket whose value (header and, for an
// inline bucket, its page) is v.
func (w *walker) walkBucket(path string, v []byte, depth int) error {
	if len(v) < bucketHeader {
		w.fail(path, nil, nil, damagedf("bucket %q has a malformed header", path))
		return nil
	}
	root := binary.LittleEndian.Uint64(v)
	if root == 0 {
		inline := v[bucketHeader:]
		if len(inline) < pageHeaderSize {
			w.fail(path, nil, nil, damagedf("inline bucket %q is cut short", path))
			return nil
		}
		le := binary.LittleEndian
		flags, count := le.Uint16(inline[8:]), int(le.Uint16(inline[10:]))
		if flags != flagLeaf {
			w.fail(path, nil, nil, damagedf("inline bucket %q is not a leaf (flags %#x)", path, flags))
			return nil
		}
		return w.leaf(path, inline, count, nil, nil, depth)
	}
	return w.tree(path, root, nil, nil, depth)
}

// tree walks the subtree at page id, whose keys must lie in [lo, hi) (nil
// for open ends), as bbolt's own check requires.
func (w *walker) tree(path string, id uint64, lo, hi []byte, depth int) error {
	if depth > maxTreeDepth {
		w.fail(path, lo, hi, damagedf("bucket %q: the tree is deeper than %d levels (a loop of page pointers)", path, maxTreeDepth))
		return nil
	}
	if id < w.f.meta.hwm && w.reachable.has(id) {
		w.fail(path, lo, hi, damagedf("bucket %q: page %d is referenced twice", path, id))
		return nil
	}
	p, buf, err := w.f.readPage(id, w.bufs[depth])
	w.bufs[depth] = buf
	if err != nil {
		if !errors.Is(err, ErrDamaged) {
			return err // an I/O error, not damage
		}
		w.fail(path, lo, hi, fmt.Errorf("bucket %q: %w", path, err))
		return nil
	}
	w.pages++
	for i := uint64(0); i <= p.overflow; i++ {
		w.reachable.set(id + i)
	}
	switch p.flags {
	case flagLeaf:
		return w.leaf(path, p.data, p.count, lo, hi, depth)
	case flagBranch:
		return w.branch(path, p, lo, hi, depth)
	}
	w.fail(path, lo, hi, damagedf("bucket %q: page %d is a freelist page inside a tree", path, id))
	return nil
}

func (w *walker) branch(path string, p page, lo, hi []byte, depth int) error {
	if p.count == 0 {
		w.fail(path, lo, hi, damagedf("bucket %q: branch page %d is empty", path, p.id))
		return nil
	}
	n, packErr := checkPacked(p.data, false, p.count)
	prev := lo
	for i := 0; i < n; i++ {
		key, _, _, child, err := element(p.data, false, i)
		if err != nil {
			w.fail(path, prev, hi, fmt.Errorf("bucket %q: page %d: %w", path, p.id, err))
			return nil
		}
		if (i > 0 && bytes.Compare(prev, key) >= 0) || (i == 0 && lo != nil && bytes.Compare(key, lo) < 0) ||
			(hi != nil && bytes.Compare(key, hi) >= 0) {
			w.fail(path, prev, hi, damagedf("bucket %q: branch page %d: key %d is out of order", path, p.id, i))
			return nil
		}
		next := hi
		if i+1 < n {
			if k, _, _, _, err := element(p.data, false, i+1); err == nil {
				next = k
			}
		}
		// The child's page buffer is the next level's, so key and next
		// (slices of this page) stay valid while it is walked.
		if err := w.tree(path, child, key, next, depth+1); err != nil {
			return err
		}
		prev = key
	}
	if packErr != nil {
		// The children read are sound; what the damaged count hid lies
		// after the last of them.
		w.fail(path, prev, hi, fmt.Errorf("bucket %q: page %d: %w", path, p.id, packErr))
	}
	return nil
}

func (w *walker) leaf(path string, data []byte, count int, lo, hi []byte, depth int) error {
	n, packErr := checkPacked(data, true, count)
	var prev []byte
	for i := 0; i < n; i++ {
		key, value, flags, _, err := element(data, true, i)
		if err != nil {
			w.fail(path, orKey(prev, lo), hi, fmt.Errorf("bucket %q: %w", path, err))
			return nil
		}
		if (prev != nil && bytes.Compare(prev, key) >= 0) || (lo != nil && bytes.Compare(key, lo) < 0) ||
			(hi != nil && bytes.Compare(key, hi) >= 0) {
			w.fail(path, orKey(prev, lo), hi, damagedf("bucket %q: key %d of a leaf is out of order", path, i))
			return nil
		}
		prev = key
		if flags&leafBucket != 0 {
			sub := string(key)
			if path != "" {
				sub = path + "/" + sub
			}
			if w.visit != nil {
				if err := w.visit(path, key, nil); err != nil {
					return err
				}
			}
			// Copy: the nested walk reuses deeper buffers, not this one,
			// but an inline bucket's page is read from this value.
			if err := w.walkBucket(sub, append([]byte(nil), value...), depth+1); err != nil {
				return err
			}
			continue
		}
		if w.visit != nil {
			if err := w.visit(path, key, value); err != nil {
				return err
			}
		}
	}
	if packErr != nil {
		// The records read are sound; what the damaged count hid lies
		// after the last of them.
		w.fail(path, orKey(prev, lo), hi, fmt.Errorf("bucket %q: %w", path, packErr))
	}
	return nil
}

// orKey is k, or def when k is nil.
func orKey(k, def []byte) []byte {
	if k != nil {
		return k
	}
	return def
}

// freelist reads the free page ids, checking them.
func (f *pageFile) freelist(reachable *bitset) (bitset, []error) {
	free := newBitset(f.meta.hwm)
	if f.meta.freelist == noFreelist {
		return free, nil
	}
	p, _, err := f.readPage(f.meta.freelist, nil)
	if err != nil {
		return free, []error{fmt.Errorf("the freelist: %w", err)}
	}
	if p.flags != flagFreelist {
		return free, []error{damagedf("the freelist page %d is a %#x page", p.id, p.flags)}
	}
	for i := uint64(0); i <= p.overflow; i++ {
		reachable.set(p.id + i)
	}
	le := binary.LittleEndian
	body := p.data[pageHeaderSize:]
	count, first := uint64(p.count), 0
	if p.count == freelistOverflowCount {
		if len(body) < 8 {
			return free, []error{damagedf("the freelist page is cut short")}
		}
		count, first = le.Uint64(body), 1
	}
	if count > uint64(len(body)/8-first) {
		return free, []error{damagedf("the freelist claims %d pages but holds at most %d", count, len(body)/8-first)}
	}
	var problems []error
	for i := uint64(0); i < count; i++ {
		id := le.Uint64(body[(uint64(first)+i)*8:])
		switch {
		case id < 2 || id >= f.meta.hwm:
			problems = append(problems, damagedf("the freelist names page %d, outside the file's %d pages", id, f.meta.hwm))
		case free.has(id):
			problems = append(problems, damagedf("page %d is freed twice", id))
		default:
			free.set(id)
		}
		if len(problems) >= maxProblems {
			break
		}
	}
	return free, problems
}

// bitset is a set of page ids below a high water mark.
type bitset []uint64

func newBitset(n uint64) bitset { return make(bitset, (n+63)/64) }

func (b bitset) has(i uint64) bool {
	return i/64 < uint64(len(b)) && b[i/64]&(1<<(i%64)) != 0
}

func (b bitset) set(i uint64) {
	if i/64 < uint64(len(b)) {
		b[i/64] |= 1 << (i % 64)
	}
}

// countKeys counts the keys of a top-level bucket from its leaf pages'
// headers alone (a branch page is read whole, a leaf page's first 16
// bytes): what the backup rotation needs to compare backups, at a few
// hundred bytes per thousand records.
func (f *pageFile) countKeys(bucket []byte) (int, error) {
	v, isBucket, err := f.lookup(f.meta.root, nil, bucket, 0)
	if err != nil || v == nil {
		return 0, err
	}
	if !isBucket || len(v) < bucketHeader {
		return 0, damagedf("%q is not a bucket", bucket)
	}
	root := binary.LittleEndian.Uint64(v)
	if root == 0 {
		if len(v) < bucketHeader+pageHeaderSize {
			return 0, damagedf("inline bucket %q is cut short", bucket)
		}
		return int(binary.LittleEndian.Uint16(v[bucketHeader+10:])), nil
	}
	seen := newBitset(f.meta.hwm)
	return f.countTree(root, seen, 0)
}

func (f *pageFile) countTree(id uint64, seen bitset, depth int) (int, error) {
	if depth > maxTreeDepth || seen.has(id) {
		return 0, damagedf("a loop of page pointers at page %d", id)
	}
	seen.set(id)
	if id < 2 || id >= f.meta.hwm {
		return 0, damagedf("page %d is outside the file's %d pages", id, f.meta.hwm)
	}
	var hdr [pageHeaderSize]byte
	if _, err := f.r.ReadAt(hdr[:], int64(id)*int64(f.meta.pageSize)); err != nil {
		return 0, err
	}
	flags, count := binary.LittleEndian.Uint16(hdr[8:]), int(binary.LittleEndian.Uint16(hdr[10:]))
	if flags == flagLeaf {
		return count, nil
	}
	p, _, err := f.readPage(id, nil)
	if err != nil {
		return 0, err
	}
	if p.flags != flagBranch {
		return 0, damagedf("page %d is a %#x page inside a tree", id, p.flags)
	}
	n := 0
	for i := 0; i < p.count; i++ {
		_, _, _, child, err := element(p.data, false, i)
		if err != nil {
			return 0, err
		}
		c, err := f.countTree(child, seen, depth+1)
		if err != nil {
			return 0, err
		}
		n += c
	}
	return n, nil
}

// HasBoltHeader reports whether the file at path begins as a bbolt file (a
// library or a copy of one): its first meta page carries bbolt's magic
// number. It reads only that far and checks nothing else, so a damaged
// library still answers yes; a file too short for a page header answers
// no. The window's library chooser and the backup command's overwrite
// check ask it before treating a file as a library.
func HasBoltHeader(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, pageHeaderSize+4)
	if _, err := io.ReadFull(f, head); err != nil {
		return false, nil // shorter than a page header: no bbolt file
	}
	return binary.LittleEndian.Uint32(head[pageHeaderSize:]) == boltMagic, nil
}
