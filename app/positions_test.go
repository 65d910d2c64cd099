package app

import (
	"fmt"
	"testing"
)

func TestPositions(t *testing.T) {
	p := parsePositions([]byte("not json"))
	if p.of("a") != 0 {
		t.Fatal("damaged data gave a position")
	}
	for _, c := range []struct {
		id      string
		off     int
		changed bool
	}{
		{"a", 0, false}, // at the start: nothing to keep
		{"a", 120, true},
		{"a", 120, false},
		{"b", 40, true},
		{"a", 300, true},
		{"b", 0, true}, // back at the start: forgotten
	} {
		if got := p.set(c.id, c.off); got != c.changed {
			t.Errorf("set(%s, %d) changed = %v, want %v", c.id, c.off, got, c.changed)
		}
	}
	q := parsePositions(p.encode())
	if q.of("a") != 300 || q.of("b") != 0 || len(q.list) != 1 {
		t.Errorf("after a round trip: %+v", q.list)
	}
	for i := 0; i < maxPositions+10; i++ {
		q.set(fmt.Sprint(i), i+1)
	}
	if len(q.list) != maxPositions || q.of("a") != 0 || q.of(fmt.Sprint(maxPositions+9)) != maxPositions+10 {
		t.Errorf("%d positions kept; the oldest must go first", len(q.list))
	}
}
