package export

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// The record of the last export lives beside the notes, in a folder
// Obsidian and most note tools hide (a leading dot).
const (
	stateDir   = ".dramatis"
	stateName  = "export-state"
	stateMagic = "dramatis-export-state 1\n"
)

// maxStateBytes bounds the record read back: a line hash is 8 bytes, so
// this covers a hundred million lines of notes.
const maxStateBytes = 1 << 30

// exportState is what Dramatis last wrote into each note of a notes
// folder: the hashes of the lines of the note's managed part, by
// dramatis_id. The note's end marker carries the hash of those lines, so
// a record that is older than the note (an export killed between writing
// the notes and the record) is recognised and not used.
type exportState struct {
	notes map[string][]uint64
}

// statePath is where a notes folder's record is kept.
func statePath(dir string) string {
	return filepath.Join(dir, stateDir, stateName)
}

// checkStateDir makes sure the record's folder in the notes folder dir
// is a folder of its own, or not there yet: a link there (or any other
// file) is refused, never followed, so that neither reading the record
// nor writing it reaches out of the notes folder (a link to another
// folder had the record written there). With create, a missing folder is
// made.
func checkStateDir(dir string, create bool) error {
	path := filepath.Join(dir, stateDir)
	fi, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		if !create {
			return nil
		}
		// Mkdir, not MkdirAll: a link put there since is not followed.
		if err := os.Mkdir(path, 0o755); err != nil {
			return fmt.Errorf("creating the folder for the record of the export: %w", err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading the folder for the record of the export: %w", err)
	}
	switch {
	case fi.Mode()&os.ModeSymlink != 0:
		target, _ := os.Readlink(path)
		return fmt.Errorf("%s is a link to %s, which Dramatis does not follow (it keeps its record of the export there): nothing was written; remove the link and export again", path, target)
	case !fi.IsDir():
		return fmt.Errorf("%s is not a folder (Dramatis keeps its record of the export there): nothing was written; move it away and export again", path)
	}
	return nil
}

// loadState reads a notes folder's record. A missing record is an empty
// one; a damaged one is empty too, with the error (the export goes on and
// keeps every line it cannot place).
func loadState(dir string) (*exportState, error) {
	s := &exportState{notes: map[string][]uint64{}}
	f, err := os.Open(statePath(dir))
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxStateBytes+1))
	if err != nil {
		return s, err
	}
	if len(data) > maxStateBytes {
		return s, fmt.Errorf("%s is larger than any record of an export", stateName)
	}
	notes, err := decodeState(data)
	if err != nil {
		return s, fmt.Errorf("%s is damaged (%w)", filepath.Join(stateDir, stateName), err)
	}
	s.notes = notes
	return s, nil
}

// decodeState reads the record: the magic line, then per note the id's
// length and bytes, the number of lines and their hashes.
func decodeState(data []byte) (map[string][]uint64, error) {
	rest, ok := bytes.CutPrefix(data, []byte(stateMagic))
	if !ok {
		return nil, errors.New("not a record of an export")
	}
	notes := map[string][]uint64{}
	for len(rest) > 0 {
		idLen, n := binary.Uvarint(rest)
		if n <= 0 || idLen == 0 || idLen > maxIDBytes || uint64(len(rest)-n) < idLen {
			return nil, errors.New("a note id is cut off")
		}
		id := string(rest[n : n+int(idLen)])
		rest = rest[n+int(idLen):]
		count, n := binary.Uvarint(rest)
		if n <= 0 || count > uint64(len(rest)-n)/8 {
			return nil, fmt.Errorf("the lines of note %.40q are cut off", id)
		}
		rest = rest[n:]
		lines := make([]uint64, count)
		for i := range lines {
			lines[i] = binary.LittleEndian.Uint64(rest[8*i:])
		}
		rest = rest[8*count:]
		notes[id] = lines
	}
	return notes, nil
}

// maxIDBytes bounds a note id in the record (the library's ids are at
// most 64 bytes).
const maxIDBytes = 256

// encode writes the record, notes by id so that the same state gives the
// same bytes.
func (s *exportState) encode() []byte {
	ids := make([]string, 0, len(s.notes))
	size := len(stateMagic)
	for id, lines := range s.notes {
		ids = append(ids, id)
		size += 2*binary.MaxVarintLen64 + len(id) + 8*len(lines)
	}
	slices.Sort(ids)
	b := make([]byte, 0, size)
	b = append(b, stateMagic...)
	for _, id := range ids {
		b = binary.AppendUvarint(b, uint64(len(id)))
		b = append(b, id...)
		b = binary.AppendUvarint(b, uint64(len(s.notes[id])))
		for _, h := range s.notes[id] {
			b = binary.LittleEndian.AppendUint64(b, h)
		}
	}
	return b
}

// noteLines returns the hashes of the lines Dramatis last wrote into the
// managed part of note id, or nil. A merge uses them only when they are
// what the note's end marker says was written.
func (s *exportState) noteLines(id string) []uint64 {
	if s == nil {
		return nil
	}
	return s.notes[id]
}

// keepOnly forgets the notes not in keep (notes the reader deleted).
func (s *exportState) keepOnly(keep map[string]bool) {
	for id := range s.notes {
		if !keep[id] {
			delete(s.notes, id)
		}
	}
}
