package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The lines around a headline in a copy (its standfirst, the caption of
// the picture under it, a pull quote, the rows of a fact sheet) are
// headline-shaped too. These signs tell them apart by what each of them
// is: a caption carries its picture's credit, a standfirst is two
// sentences, a pull quote repeats a sentence of the text, a fact sheet is
// a run of "Label: value" rows or amounts.

// captionCredit reports a line that ends with a picture credit, as a
// caption copied with its credit does: "The Moulin Rouge cabaret in
// Paris Benoit Tessier/Reuters", "… gut getarnt. (mlharing /
// iStock.com)", "… 2009. (Saul Loeb/AFP/Getty Images)", "… Äste. Foto:
// dpa". A headline does not name its photographer.
func (pc *pageCopy) captionCredit(t string) bool {
	ps := phraseSet(pc.bps)
	if ps.CreditAt(t) >= 0 || endsWithCopyrightCredit(t) {
		return true
	}
	trimmed := strings.TrimRight(t, " .")
	if _, inner, ok := closingBracket(trimmed, '(', ')'); ok {
		return isPictureCredit(inner, ps) || countWords(inner) <= maxCreditWords && ps.namesAgency(inner)
	}
	// A credit glued without brackets is the line's last words, one of
	// them around a slash.
	fs := strings.Fields(trimmed)
	if len(fs) < minTitleWords+1 || !strings.Contains(fs[len(fs)-1], "/") {
		return false
	}
	for n := 1; n <= maxCreditWords && n < len(fs)-1; n++ {
		if isPictureCredit(strings.Join(fs[len(fs)-n:], " "), ps) {
			return true
		}
	}
	return false
}

// creditBelow reports a picture credit on the line right under line i,
// dropped as furniture or not ("Will Smith mit seinem ältesten Sohn Trey"
// / "Judy Eddy/WENN.com", "… / Foto: dpa"): line i is the picture's
// caption.
func (pc *pageCopy) creditBelow(i int) bool {
	if i+1 >= len(pc.lines) {
		return false
	}
	n := &pc.lines[i+1]
	return pc.isCredit(n) || isPictureCredit(n.text, phraseSet(pc.bps))
}

// innerSentenceEnd reports a line that ends one sentence and starts
// another ("One X is the ultimate video game system. It sports more …",
// "Workplace environment? Heute lernen wir, …"): a teaser or a
// paragraph, where a headline is one phrase. An abbreviation ("U.S.",
// "Dr.") or a number ("2.0") is not an end.
func innerSentenceEnd(t string) bool {
	fs := strings.Fields(t)
	for k := 0; k+1 < len(fs); k++ {
		w := strings.TrimRight(fs[k], "\"'“”»«’)")
		r, _ := utf8.DecodeLastRuneInString(w)
		if r != '.' && r != '?' && r != '!' {
			continue
		}
		if r == '.' && (utf8.RuneCountInString(w) <= minSentenceWordRunes || strings.Count(w, ".") > 1) {
			continue // "Dr.", "Nr.", "U.S."
		}
		if next, _ := utf8.DecodeRuneInString(strings.TrimLeft(fs[k+1], "\"'“„»«‘(")); unicode.IsUpper(next) {
			return true
		}
	}
	return false
}

// minSentenceWordRunes: a word of this many characters or fewer, its full
// stop included, is taken as an abbreviation ("Dr.", "Nr.", "St.").
const minSentenceWordRunes = 3

// echoedInText reports a line whose text recurs inside a longer line of
// prose with more words after it: a sentence of the text set apart as a
// pull quote or standfirst ("Coal has been in a slow-motion death spiral
// over the past ten years" / "Coal has been in a slow-motion death spiral
// over the past ten years. The country now generates …"), or the heading
// of a teaser glued to its text. The headline is not a sentence of its
// article.
func (pc *pageCopy) echoedInText(i int) bool {
	t := strings.TrimRight(pc.lines[i].key.lower, " .!?")
	if pc.lines[i].words < minEchoWords {
		return false
	}
	for j := range pc.lines {
		l := &pc.lines[j]
		if j == i || !l.prose || l.words <= pc.lines[i].words {
			continue
		}
		// At a line's end it is quoted (a breadcrumb's tail, "Teilen:
		// …"), which a headline is.
		if k := strings.Index(l.key.lower, t); k >= 0 && strings.TrimRight(l.key.lower[k+len(t):], " .!?\"'“”»«’") != "" {
			return true
		}
	}
	return false
}

// minEchoWords: a shorter line recurs in a sentence by chance ("Will
// Smith", "Tomaten richtig schneiden").
const minEchoWords = 6

// fieldRow reports a line of data, a field ("Verlag: Heyne", "Band 1:
// Verlangen") or an amount ("3 cubes MAGGI Chicken Stock"), with another
// one above or below it (dataLine): a fact sheet or a list of
// ingredients, not a headline (which may hold a colon, "Heizen mit
// Abfallholz: Mit dieser Erfindung …", but does not come in a run of
// them).
func (pc *pageCopy) fieldRow(i int) bool {
	t := pc.lines[i].text
	field, amount := dataLine(t) && !quantityLine(t), quantityLine(t)
	if !field && !amount {
		return false
	}
	for _, k := range []int{pc.prevKept(i, 0), pc.nextKept(i)} {
		if k < 0 {
			continue
		}
		n := pc.lines[k].text
		if amount && quantityLine(n) || field && dataLine(n) && !quantityLine(n) {
			return true
		}
	}
	return false
}
