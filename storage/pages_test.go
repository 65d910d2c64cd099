package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestCheckFindsADamagedElementCount lowers and raises the element count
// of every tree page of a real library, one page at a time: a lower count
// leaves the page's keys in order and inside it, so only the packing of
// keys after the element array shows that records went missing. The check
// and the record lookup must both call the file damaged.
func TestCheckFindsADamagedElementCount(t *testing.T) {
	p := filepath.Join(t.TempDir(), "library.db")
	buildCorruptionTarget(t, p)
	pristine, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := openPageFile(bytes.NewReader(pristine), int64(len(pristine)))
	if err != nil {
		t.Fatal(err)
	}
	ps := int(pf.meta.pageSize)
	tried := 0
	for id := 2; id*ps < len(pristine); id++ {
		pg, _, err := pf.readPage(uint64(id), nil)
		if err != nil || (pg.flags != flagLeaf && pg.flags != flagBranch) || pg.count < 2 {
			continue // free pages and overflow pages are not trees' pages
		}
		for _, tc := range []struct {
			name  string
			count int
		}{
			{"one fewer", pg.count - 1},
			{"half", pg.count / 2},
			{"one more", pg.count + 1},
		} {
			d := append([]byte(nil), pristine...)
			binary.LittleEndian.PutUint16(d[id*ps+10:], uint16(tc.count))
			rep, err := checkFile(bytes.NewReader(d), int64(len(d)), nil, nil)
			if err != nil {
				t.Fatalf("page %d, %s: %v", id, tc.name, err)
			}
			tried++
			if rep.Err() == nil && !unreachable(pristine, pf, uint64(id)) {
				t.Errorf("page %d (%d elements), count %s (%d): the check finds the file sound", id, pg.count, tc.name, tc.count)
			}
		}
	}
	if tried < 30 {
		t.Fatalf("only %d damaged pages tried: the library is too small to test anything", tried)
	}
	t.Logf("%d damaged counts tried", tried)
}

// unreachable reports whether page id is outside every tree of the file
// (a page freed but not yet reused keeps its old header), where no count
// matters.
func unreachable(d []byte, pf *pageFile, id uint64) bool {
	w := &walker{f: pf, reachable: newBitset(pf.meta.hwm)}
	if err := w.tree("", pf.meta.root, nil, nil, 0); err != nil {
		return false
	}
	return !w.reachable.has(id)
}

// TestCheckPacked is the packing rule on hand-made pages.
func TestCheckPacked(t *testing.T) {
	leafPage := func(keys ...string) []byte {
		d := make([]byte, pageHeaderSize+len(keys)*elementSize)
		for i, k := range keys {
			e := d[pageHeaderSize+i*elementSize:]
			binary.LittleEndian.PutUint32(e[4:], uint32(len(d)-(pageHeaderSize+i*elementSize)))
			binary.LittleEndian.PutUint32(e[8:], uint32(len(k)))
			d = append(d, k...)
		}
		return d
	}
	page := leafPage("a", "bb", "ccc", "dddd")
	for _, tc := range []struct {
		name     string
		count    int
		readable int // elements that can still be read
		ok       bool
	}{
		{"as written", 4, 4, true},
		{"empty", 0, 0, true},
		{"one fewer", 3, 3, false},
		{"one", 1, 1, false},
		{"one more (key bytes read as an element)", 5, 4, false},
	} {
		n, err := checkPacked(page, true, tc.count)
		if (err == nil) != tc.ok || n != tc.readable {
			t.Errorf("%s: %d readable, %v; want %d", tc.name, n, err, tc.readable)
		}
		if err != nil && !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: %v is not ErrDamaged", tc.name, err)
		}
	}
}
