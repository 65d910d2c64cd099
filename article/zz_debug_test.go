package article

import (
	"os"
	"testing"
)

func TestZZDebugCuts(t *testing.T) {
	data, _ := os.ReadFile(os.Getenv("COPY"))
	pc := newPageCopy(string(data))
	w := pc.weights()
	bestSum, bestS, bestE := 0, 0, 0
	sum, s := 0, 0
	for i := range pc.lines {
		if sum <= 0 {
			sum, s = 0, i
		}
		sum += w[i]
		if sum > bestSum {
			bestSum, bestS, bestE = sum, s, i+1
		}
	}
	show := func(name string, e int) {
		if e < len(pc.lines) {
			t.Logf("%s: %d %q", name, e, pc.lines[e].text)
		} else {
			t.Logf("%s: %d (end)", name, e)
		}
	}
	t.Logf("kadane %d..%d sum %d", bestS, bestE, bestSum)
	show("kadane end", bestE)
	e1 := pc.cutAtTail(bestS, bestE, min(bestSum/2, tailAfter), w)
	show("tail", e1)
	e2 := pc.cutIslands(bestS, e1, w)
	show("islands", e2)
	e3 := pc.cutTeaserCards(bestS, e2, w)
	show("cards", e3)
	show("promos", pc.cutEndPromos(bestS, e3))
}
