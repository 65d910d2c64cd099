package annotation

import (
	"testing"
	"time"
)

func TestNewIDSortsByTime(t *testing.T) {
	base := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	prev := ""
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		id := newIDAt(base.Add(time.Duration(i) * time.Millisecond))
		if len(id) != 26 {
			t.Fatalf("len(%q) = %d", id, len(id))
		}
		if id <= prev {
			t.Fatalf("%q does not sort after %q", id, prev)
		}
		if seen[id] {
			t.Fatalf("duplicate id %q", id)
		}
		seen[id] = true
		prev = id
	}
}
