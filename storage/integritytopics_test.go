package storage

import (
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// checkReportOf runs the whole-file check on a closed library file and
// returns its problems as one string ("" for a sound file).
func checkReportOf(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := checkFile(f, fi.Size(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, p := range rep.Problems {
		all = append(all, p.Error())
	}
	return strings.Join(all, "; ")
}

// TestIntegrityCheckComparesTheTopicIndexWithTheStatements: the whole-file
// check finds a statement whose topic index entry is lost, and an entry
// that names a statement its highlight does not make (both topic and
// highlight exist, so no other check sees it); a sound library with
// statements passes.
func TestIntegrityCheckComparesTheTopicIndexWithTheStatements(t *testing.T) {
	const (
		lost  = "1 statements missing from their topics' index"
		extra = "1 topic index entries of statements the highlight does not make"
	)
	cases := []struct {
		name    string
		corrupt func(tx *bolt.Tx, f *topicFixture) error
		want    []string
	}{
		{"sound", nil, nil},
		{"an entry lost", func(tx *bolt.Tx, f *topicFixture) error {
			return tx.Bucket(bTopicIndex).Delete(topicIndexKey(f.atom.ID, f.koreaHL))
		}, []string{lost}},
		{"an entry left over", func(tx *bolt.Tx, f *topicFixture) error {
			return tx.Bucket(bTopicIndex).Put(topicIndexKey(f.zoll.ID, f.koreaHL), nil)
		}, []string{extra}},
		{"an entry moved to another topic", func(tx *bolt.Tx, f *topicFixture) error {
			if err := tx.Bucket(bTopicIndex).Delete(topicIndexKey(f.atom.ID, f.koreaHL)); err != nil {
				return err
			}
			return tx.Bucket(bTopicIndex).Put(topicIndexKey(f.abr.ID, f.koreaHL), nil)
		}, []string{lost, extra}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newTopicFixture(t)
			if c.corrupt != nil {
				if err := f.l.db.Update(func(tx *bolt.Tx) error { return c.corrupt(tx, f) }); err != nil {
					t.Fatal(err)
				}
			}
			path := f.l.Path()
			f.l.Close()
			report := checkReportOf(t, path)
			if c.want == nil && report != "" {
				t.Fatalf("a sound library: %s", report)
			}
			for _, w := range c.want {
				if !strings.Contains(report, w) {
					t.Errorf("the report %q does not say %q", report, w)
				}
			}
		})
	}
}
