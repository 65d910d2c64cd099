package export

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// lcsLen is the length of a longest common subsequence, by dynamic
// programming: the reference for myers.
func lcsLen(a, b []uint64) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// checkPairs fails unless pairs is a common subsequence of a and b.
func checkPairs(t *testing.T, a, b []uint64, pairs []linePair) {
	t.Helper()
	for i, p := range pairs {
		if p.a < 0 || p.a >= len(a) || p.b < 0 || p.b >= len(b) || a[p.a] != b[p.b] {
			t.Fatalf("pair %v does not match lines (%v, %v)", p, a, b)
		}
		if i > 0 && (p.a <= pairs[i-1].a || p.b <= pairs[i-1].b) {
			t.Fatalf("pairs not increasing: %v", pairs)
		}
	}
}

func TestMatchLinesRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		a := make([]uint64, rng.IntN(30))
		b := make([]uint64, rng.IntN(30))
		alphabet := 1 + rng.IntN(8)
		for i := range a {
			a[i] = uint64(rng.IntN(alphabet))
		}
		for i := range b {
			b[i] = uint64(rng.IntN(alphabet))
		}
		checkPairs(t, a, b, matchLines(a, b))
		for name, f := range map[string]func(a, b []uint64) []linePair{"myers": myers, "earliestLCS": earliestLCS} {
			m := f(a, b)
			checkPairs(t, a, b, m)
			if len(m) != lcsLen(a, b) {
				t.Fatalf("%s found %d common lines, the longest is %d: %v %v", name, len(m), lcsLen(a, b), a, b)
			}
		}
	}
}

// TestMatchLinesAnchorsUniqueLines: a reader's blank line is not matched
// with a far-away blank line when unique lines say where things are.
func TestMatchLinesAnchorsUniqueLines(t *testing.T) {
	a := lineHashes(strings.Split("# T||> one|^hl-1||> two|^hl-2|", "|"))
	b := lineHashes(strings.Split("# T||> one|^hl-1||mine||> two|^hl-2|", "|"))
	pairs := matchLines(a, b)
	if len(pairs) != len(a) {
		t.Fatalf("%d of %d lines matched: %v", len(pairs), len(a), pairs)
	}
	var inserted []int
	j := 0
	for _, p := range pairs {
		for ; j < p.b; j++ {
			inserted = append(inserted, j)
		}
		j = p.b + 1
	}
	if !slices.Equal(inserted, []int{5, 6}) && !slices.Equal(inserted, []int{4, 5}) {
		t.Errorf("inserted lines %v", inserted)
	}
}

// TestMyersGivesUpOnHugeEdits: a stretch with no unique lines and more
// edits than maxDiffEdits counts as replaced, quickly.
func TestMyersGivesUpOnHugeEdits(t *testing.T) {
	n := 3 * maxDiffEdits
	a, b := make([]uint64, n), make([]uint64, n)
	for i := range a {
		a[i], b[i] = uint64(i%2), uint64(2+i%2)
	}
	if m := myers(a, b); m != nil {
		t.Errorf("%d pairs", len(m))
	}
}
