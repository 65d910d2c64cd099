package storage

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt's on-disk meta page, as far as checkFileSize needs it: a 16-byte
// page header, then magic, version, page size, flags, root bucket
// (pgid, sequence), freelist pgid, high water pgid, txid and an FNV-64a
// checksum of the fields before it.
const (
	boltMagic       = 0xED0CDAED
	boltVersion     = 2
	metaOffMagic    = 16
	metaOffVersion  = 20
	metaOffPageSize = 24
	metaOffPgid     = 56
	metaOffTxid     = 64
	metaOffChecksum = 72
	metaEnd         = 80
)

// checkFileSize refuses a file shorter than its own meta page says. bbolt
// memory-maps the file and would fault (SIGBUS, which no recover catches)
// on the first access past the end of a truncated file, so this must be
// known before any page is touched.
func checkFileSize(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot read the library %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	var best struct {
		ok         bool
		txid, need uint64
	}
	pageSize := int64(0)
	for i := 0; i < 2; i++ {
		buf := make([]byte, metaEnd)
		if _, err := f.ReadAt(buf, int64(i)*pageSize); err != nil && err != io.EOF {
			return err
		}
		magic := binary.LittleEndian.Uint32(buf[metaOffMagic:])
		version := binary.LittleEndian.Uint32(buf[metaOffVersion:])
		ps := binary.LittleEndian.Uint32(buf[metaOffPageSize:])
		h := fnv.New64a()
		h.Write(buf[metaOffMagic:metaOffChecksum])
		valid := magic == boltMagic && version == boltVersion && ps >= 512 && ps <= 1<<20 &&
			h.Sum64() == binary.LittleEndian.Uint64(buf[metaOffChecksum:])
		if i == 0 {
			if valid {
				pageSize = int64(ps)
			} else {
				pageSize = int64(os.Getpagesize())
			}
		}
		if !valid {
			continue
		}
		txid := binary.LittleEndian.Uint64(buf[metaOffTxid:])
		need := binary.LittleEndian.Uint64(buf[metaOffPgid:]) * uint64(ps)
		if !best.ok || txid > best.txid {
			best.ok, best.txid, best.need = true, txid, need
		}
	}
	if !best.ok {
		return fmt.Errorf("%w: %s is not a Dramatis library (no valid bbolt header)", ErrDamaged, path)
	}
	if best.need > uint64(st.Size()) {
		return fmt.Errorf("%w: %s is truncated (%d of %d bytes)", ErrDamaged, path, st.Size(), best.need)
	}
	return nil
}
