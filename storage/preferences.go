package storage

import (
	bolt "go.etcd.io/bbolt"
)

// maxPreferenceLen bounds a preference value: settings, not documents.
const maxPreferenceLen = 64 << 10

// GetPreference returns a setting stored with the library (so that it is
// backed up with it), or nil when it was never set.
func (l *Library) GetPreference(key string) ([]byte, error) {
	var out []byte
	err := l.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bPrefs).Get([]byte(key)); v != nil {
			out = append([]byte(nil), v...)
		}
		return nil
	})
	return out, err
}

// SetPreference stores a setting; a nil value removes it.
func (l *Library) SetPreference(key string, value []byte) error {
	if key == "" || len(key) > 256 {
		return errorf(ErrInvalid, "a preference needs a short key")
	}
	if len(value) > maxPreferenceLen {
		return errorf(ErrInvalid, "the preference %q is too large (%d bytes)", key, len(value))
	}
	return l.db.Update(func(tx *bolt.Tx) error {
		if value == nil {
			return tx.Bucket(bPrefs).Delete([]byte(key))
		}
		return tx.Bucket(bPrefs).Put([]byte(key), value)
	})
}
