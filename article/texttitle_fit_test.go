package article

import (
	"flag"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"strings"
	"testing"
)

var fitTitles = flag.Bool("fit", false, "refit titleweights.txt from the corpora in ../shared (held-out pages excluded)")

// heldOutShare: one page in heldOutEvery (by a hash of its name) never
// takes part in fitting the headline model, so that its accuracy there
// says how it does on pages it has not seen.
const heldOutEvery = 3

// heldOutPage reports a page kept out of fitting.
func heldOutPage(name string) bool {
	h := fnv.New32a()
	h.Write([]byte(name))
	return h.Sum32()%heldOutEvery == 0
}

// titleExample is one copy's headline candidates and which of them are
// the page's headline.
type titleExample struct {
	name, lang string
	cands      []titleCandidate
	right      []bool
}

// reachable reports an example whose headline is among the candidates.
func (ex *titleExample) reachable() bool {
	for _, r := range ex.right {
		if r {
			return true
		}
	}
	return false
}

// titleExamples measures the candidates of every copy that shows its
// page's headline.
func titleExamples(cases []copyTitleCase) []titleExample {
	var out []titleExample
	for _, c := range cases {
		refs := titleRefs(c.html)
		if len(c.copy) == 0 || !headlineInCopy(c.copy, refs) {
			continue
		}
		text, err := decodePageCopy(c.copy, c.name)
		if err != nil {
			continue
		}
		pc := newPageCopy(text)
		s, e, ok := pc.bodyRange()
		if !ok {
			s, e = 0, len(pc.lines)
		}
		ex := titleExample{name: c.name, lang: firstNonEmpty(c.lang, pc.lang), cands: pc.titleCandidates(s, e)}
		for _, cand := range ex.cands {
			ex.right = append(ex.right, matchesRef(pc.lines[cand.line].text, refs))
		}
		out = append(out, ex)
	}
	return out
}

// choose returns the index of the candidate w picks, or -1 for none.
func (w *titleWeights) choose(cands []titleCandidate) int {
	best, bestScore := -1, 0.0
	for j := range cands {
		if sc := w.score(&cands[j].f); sc > bestScore {
			best, bestScore = j, sc
		}
	}
	return best
}

// The fit: a conditional logit over each copy's candidates and "none"
// (score 0), maximising the probability of the candidates that are the
// headline (of "none" when no candidate is), with an L2 penalty of
// fitL2 on the weights, by fitSteps steps of Adam (Kingma and Ba 2015)
// at fitRate.
const (
	fitL2    = 0.001
	fitSteps = 6000
	fitRate  = 0.05
)

// fitUnreachable: copies whose headline is no candidate teach "none".
const fitUnreachable = false

// Adam's decay rates, as its authors set them.
const (
	adamBeta1 = 0.9
	adamBeta2 = 0.999
)

// fitTitleWeights fits the weights on examples.
func fitTitleWeights(examples []titleExample) titleWeights {
	var w, m, v titleWeights
	step := 0.0
	for range fitSteps {
		var grad titleWeights
		for i := range examples {
			ex := &examples[i]
			reach := ex.reachable()
			if !reach && !fitUnreachable {
				continue
			}
			// p over all options, q over the right ones; "none" has score 0.
			max0 := 0.0
			scores := make([]float64, len(ex.cands))
			for j := range ex.cands {
				scores[j] = w.score(&ex.cands[j].f)
				max0 = math.Max(max0, scores[j])
			}
			z, zr := math.Exp(-max0), 0.0
			if !reach {
				zr = z
			}
			for j, sc := range scores {
				e := math.Exp(sc - max0)
				z += e
				if ex.right[j] {
					zr += e
				}
			}
			for j, sc := range scores {
				e := math.Exp(sc - max0)
				coef := -e / z
				if ex.right[j] {
					coef += e / zr
				}
				for k, v := range ex.cands[j].f {
					grad[k] += coef * v
				}
			}
		}
		n := float64(len(examples))
		step++
		for k := range w {
			g := grad[k] / n
			if k != tfBias {
				g -= fitL2 * w[k]
			}
			m[k] = adamBeta1*m[k] + (1-adamBeta1)*g
			v[k] = adamBeta2*v[k] + (1-adamBeta2)*g*g
			mh := m[k] / (1 - math.Pow(adamBeta1, step))
			vh := v[k] / (1 - math.Pow(adamBeta2, step))
			w[k] += fitRate * mh / (math.Sqrt(vh) + 1e-8)
		}
	}
	return w
}

// titleAccuracy counts the examples where w picks a right candidate.
func titleAccuracy(w *titleWeights, examples []titleExample) (right, reach int) {
	for i := range examples {
		ex := &examples[i]
		if ex.reachable() {
			reach++
		}
		if j := w.choose(ex.cands); j >= 0 && ex.right[j] {
			right++
		}
	}
	return right, reach
}

// formatTitleWeights writes w as titleweights.txt.
func formatTitleWeights(w *titleWeights, train, heldOut int, trainAcc, heldAcc float64) string {
	var b strings.Builder
	fmt.Fprintf(&b, `# The headline model of page copies: one weight per feature of a candidate
# line (the features and why each is a sign are in texttitleweights.go).
# Written by "go test ./article -run TestFitTitleWeights -fit": a conditional
# logit fitted on %d copies of ../shared/corpus that show their headline,
# with one page in %d (by name hash) held out. Candidate-level accuracy:
# fitted pages %.3f, held-out pages %.3f. Refit after a feature changes;
# do not edit by hand.
`, train, heldOutEvery, trainAcc, heldAcc)
	for k, n := range titleFeatureNames {
		fmt.Fprintf(&b, "%-20s %8.4f\n", n, w[k])
	}
	return b.String()
}

// minHeldOutTitleShare is the floor for the shipped weights' accuracy on
// the held-out pages' candidates, a little under the measured result.
const minHeldOutTitleShare = 0.80

// TestFitTitleWeights fits the headline model on the corpora's copies
// (held-out pages apart), logs both the fitted and the shipped weights'
// accuracy on the fitted and held-out pages, and with -fit writes the
// fitted weights to titleweights.txt.
func TestFitTitleWeights(t *testing.T) {
	var train, held []titleExample
	for _, ex := range titleExamples(corpusTitleCases(t)) {
		if heldOutPage(ex.name) {
			held = append(held, ex)
		} else {
			train = append(train, ex)
		}
	}
	fitted := fitTitleWeights(train)
	shipped := titleWeightsList()
	rate := func(w *titleWeights, exs []titleExample) float64 {
		r, _ := titleAccuracy(w, exs)
		return float64(r) / float64(max(len(exs), 1))
	}
	_, reachTrain := titleAccuracy(shipped, train)
	_, reachHeld := titleAccuracy(shipped, held)
	t.Logf("fitted on %d copies (headline among candidates: %d), held out %d (%d)", len(train), reachTrain, len(held), reachHeld)
	t.Logf("fitted weights:  fitted pages %.3f, held-out %.3f", rate(&fitted, train), rate(&fitted, held))
	t.Logf("shipped weights: fitted pages %.3f, held-out %.3f", rate(shipped, train), rate(shipped, held))
	for k, n := range titleFeatureNames {
		t.Logf("  %-20s fitted %8.4f shipped %8.4f", n, fitted[k], shipped[k])
	}
	if *fitTitles {
		out := formatTitleWeights(&fitted, len(train), len(held), rate(&fitted, train), rate(&fitted, held))
		if err := os.WriteFile("titleweights.txt", []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if r := rate(shipped, held); r < minHeldOutTitleShare {
		t.Errorf("shipped weights pick the headline on %.3f of held-out copies; floor %.3f", r, minHeldOutTitleShare)
	}
}

// TestTitleWeightsFile: the shipped weights parse, and a damaged file is
// refused with its line.
func TestTitleWeightsFile(t *testing.T) {
	if _, err := parseTitleWeights(titleWeightsFile); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"bias x", "nosuch 1", "bias 1\nbias 2", "bias 1"} {
		if _, err := parseTitleWeights(bad); err == nil {
			t.Errorf("parseTitleWeights(%q) = nil error", bad)
		}
	}
}
