package annotation

import (
	"crypto/rand"
	"encoding/binary"
	"time"
)

// crockford is the ULID alphabet: sortable, no I, L, O, U.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// NewID returns a 26-character ULID-style identifier: 48 bits of milliseconds
// then 80 random bits, so ids sort by creation time and ids made on different
// machines can be merged without collisions (exports, backups).
func NewID() string {
	return newIDAt(time.Now())
}

func newIDAt(t time.Time) string {
	var raw [16]byte
	binary.BigEndian.PutUint64(raw[:8], uint64(t.UnixMilli())<<16)
	if _, err := rand.Read(raw[6:]); err != nil {
		panic("crypto/rand failed: " + err.Error()) // cannot happen on supported platforms
	}
	// Encode 128 bits as 26 base32 digits (the first digit carries 3 bits).
	var out [26]byte
	hi := binary.BigEndian.Uint64(raw[:8])
	lo := binary.BigEndian.Uint64(raw[8:])
	for i := 25; i >= 0; i-- {
		out[i] = crockford[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out[:])
}
