package storage

import (
	"errors"
	"fmt"
	"strings"
)

// check runs the checks of an existing file before bbolt reads it (see
// OpenWith) and returns the schema version.
func (l *Library) check(o Options) (int, error) {
	fi, err := l.file.Stat()
	if err != nil {
		return 0, err
	}
	if fi.Size() == 0 {
		return 0, damagedFile(l.path, damagedf("the file is empty (0 bytes), so it holds no library"))
	}
	pf, err := openPageFile(l.file, fi.Size())
	if err != nil {
		return 0, damagedFile(l.path, err)
	}
	now, err := stateOf(l.file, pf.meta)
	if err != nil {
		return 0, err
	}
	if st, ok := readState(l.real); ok && st.sameFile(now) {
		l.state = st
		if st.Damage != "" && !o.Salvage {
			return 0, damagedFile(l.path, errors.New(st.Damage))
		}
		if st.Damage != "" {
			l.noteDamage(fmt.Errorf("%w: %s", ErrDamaged, st.Damage))
		}
		v, err := pf.schemaVersion()
		if errors.Is(err, ErrDamaged) {
			return 0, damagedFile(l.path, err)
		}
		return v, err
	}
	if o.CheckLater {
		// The window: check beside the reader (checkAfterOpen), writes
		// held until it is done. An upgrade is checked first, below.
		if v, err := pf.schemaVersion(); err == nil && v == SchemaVersion {
			l.unchecked = make(chan struct{})
			return v, nil
		}
	}
	l.checkedWhole = true
	rep, err := checkFile(l.file, fi.Size(), nil, nil)
	if err != nil {
		if errors.Is(err, ErrTooNew) {
			return 0, fmt.Errorf("%s: %w", l.path, err)
		}
		return 0, fmt.Errorf("cannot read the library %s: %w", l.path, err)
	}
	now.Checked = l.now().UTC()
	l.state = now
	if derr := rep.Err(); derr != nil {
		now.Damage = damageDetail(derr)
		_ = writeState(l.fs, l.real, now) // the next Open refuses at once
		if !o.Salvage {
			return 0, damagedFile(l.path, derr)
		}
		l.noteDamage(fmt.Errorf("%w: %s", ErrDamaged, now.Damage))
	}
	if l.readOnly != "" {
		_ = writeState(l.fs, l.real, now) // a writer removes it when it opens
	}
	return rep.Version, nil
}

// damagedFile is the one-line error for a damaged library file.
func damagedFile(path string, err error) error {
	return errorf(ErrDamaged, "the library %s is damaged: %s", path, damageDetail(err))
}

// damageDetail is what a damage error says without the words of
// ErrDamaged itself, nor those of damagedFile: the detail kept in the
// state file becomes a damagedFile error again at the next Open, which
// said "the library … is damaged" twice.
func damageDetail(err error) string {
	s := strings.TrimPrefix(err.Error(), ErrDamaged.Error()+": ")
	if rest, ok := strings.CutPrefix(s, "the library "); ok {
		if _, detail, found := strings.Cut(rest, " is damaged: "); found {
			return detail
		}
	}
	return s
}
