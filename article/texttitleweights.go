package article

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// The signs of a headline in a page copy. Each candidate line is measured
// by these features (most 0 or 1, the rest scaled to [0, 1]); its score is
// their sum weighted by titleweights.txt, which a conditional logistic
// model fitted on the corpus's pages wrote (TestFitTitleWeights): the
// weights are learnt from which line of each copy is the page's own <h1>,
// not tuned by hand.
const (
	tfBias              = iota // every candidate: the score of "no headline" is zero
	tfTopical                  // share of its content words the body uses: a headline names what the text is about
	tfSharedWords              // how many of them (up to maxSharedWords): a longer headline that names more
	tfMetaNext                 // the next kept line is a byline or date: the header of an article
	tfMetaNear                 // a byline or date within metaReach lines below
	tfMetaAbove                // a byline or date within metaReach lines above (some sites date first)
	tfTextBelow                // the next kept line is prose: the text or its teaser follows
	tfTeaserBelow              // the next kept line reads as a teaser (long, or a sentence)
	tfRepeated                 // its text recurs in another line (breadcrumb, share text)
	tfHeadlineLen              // headlineLenMin to headlineLenMax words
	tfShort                    // fewer words than a headline has: a menu item or rubric
	tfDistance                 // kept lines between it and the body, on a log scale
	tfInBody                   // it stands inside the body's first lines
	tfSkippedProse             // prose lines of the body above it, which the body would lose
	tfProse                    // it reads as a sentence of prose
	tfProseAbove               // prose above the body with no byline under it: a paragraph of another text
	tfQuestion                 // a headline-length question or exclamation
	tfPersonName               // a person's name in title case, not named by the body
	tfParagraph                // a blank line above it
	tfCapitals                 // all in capitals: a rubric or kicker
	tfBoxed                    // a line of a box of links
	tfCandidatesBetween        // headline-shaped lines between it and the body (up to maxCandidatesBetween)
	tfDated                    // it holds a date: a dateline, or an event's headline
	tfHeadlineBelow            // the next kept line is headline-shaped too: a headline over its subtitle
	tfLongerBelow              // the next kept line is longer: a headline over its teaser
	tfHeadlineAbove            // the kept line above is a headline-shaped line: a subtitle under its headline
	tfRubricAbove              // a short line above: the rubric or kicker over a headline
	tfAfterFurniture           // the line right above is furniture (a menu, share buttons) or none
	tfFirstLines               // among the copy's firstLines lines: a page without a menu
	tfMenuRow                  // menuRow: a row of capitalised link words
	tfListed                   // inHeadlineList: one of a list of headline-shaped lines
	tfQuoted                   // a longer line quotes it: a breadcrumb's tail, a share text
	tfMetaLine                 // it is itself a byline or date line
	tfAboveNamesMore           // the kept line above is headline-shaped and names the subject as well: this is its subtitle
	tfBelowNamesMore           // the kept line below is headline-shaped and names the subject better: this is its kicker
	tfMetaUnderSubtitle        // a byline or date under the next line, which is a subtitle or teaser
	tfRepeatedLabel            // a short line that recurs: a menu item or section label
	tfLeadShared               // share of its content words the lead under it uses
	tfCaptionCredit            // it ends with a picture credit: a caption
	tfCreditBelow              // a picture credit right under it: a caption
	tfTwoSentences             // it ends one sentence and starts another: a teaser
	tfEchoedInText             // its text recurs inside a longer prose line: a pull quote
	tfFieldRow                 // a "Label: value" row or an amount next to another: a fact sheet
	numTitleFeatures
)

// titleFeatureNames are the features' names in titleweights.txt, in the
// order above.
var titleFeatureNames = [numTitleFeatures]string{
	"bias", "topical", "shared_words", "meta_next", "meta_near", "meta_above",
	"text_below", "teaser_below", "repeated", "headline_length", "short",
	"distance", "in_body", "skipped_prose", "prose", "prose_above",
	"question", "person_name",
	"paragraph", "capitals", "boxed", "candidates_between", "dated",
	"headline_below", "longer_below", "headline_above", "rubric_above",
	"after_furniture", "first_lines", "menu_row", "listed", "quoted", "meta_line", "above_names_more", "below_names_more", "meta_under_subtitle", "repeated_label", "lead_shared",
	"caption_credit", "credit_below", "two_sentences", "echoed_in_text", "field_row",
}

// titleFeatures are one candidate line's measures.
type titleFeatures [numTitleFeatures]float64

// titleWeights are the fitted weights of the features.
type titleWeights [numTitleFeatures]float64

// score is the weighted sum of f.
func (w *titleWeights) score(f *titleFeatures) float64 {
	sc := 0.0
	for k, v := range f {
		sc += w[k] * v
	}
	return sc
}

//go:embed titleweights.txt
var titleWeightsFile string

// titleWeightsList returns the headline model's weights, parsed once; a
// malformed file is a build defect, which TestTitleWeightsFile catches.
var titleWeightsList = parsedOnce(titleWeightsFile, parseTitleWeights)

// parseTitleWeights reads "name weight" lines; # starts a comment. Every
// feature must have its weight, once.
func parseTitleWeights(src string) (*titleWeights, error) {
	index := map[string]int{}
	for k, n := range titleFeatureNames {
		index[n] = k
	}
	var w titleWeights
	seen := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fs := strings.Fields(line)
		if len(fs) == 0 {
			continue
		}
		k, known := index[fs[0]]
		if len(fs) != 2 || !known || seen[fs[0]] {
			return nil, fmt.Errorf("titleweights.txt line %d: want \"feature weight\" for a known feature, once; got %q", n, sc.Text())
		}
		v, err := strconv.ParseFloat(fs[1], 64)
		if err != nil {
			return nil, fmt.Errorf("titleweights.txt line %d: %w", n, err)
		}
		w[k], seen[fs[0]] = v, true
	}
	if len(seen) != int(numTitleFeatures) {
		return nil, fmt.Errorf("titleweights.txt: %d of %d features have a weight", len(seen), numTitleFeatures)
	}
	return &w, sc.Err()
}
