package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxCaptionWords bounds a picture caption; a longer line above a credit
// is article text.
const maxCaptionWords = 40

// dropCaptions drops the caption line right above a picture credit
// ("Nachts fehlt Personal." / "Bild: picture alliance / dpa"): caption and
// credit form one figure, which a copy writes without a blank line
// between, while a paragraph of text is set off by one.
func (pc *pageCopy) dropCaptions() {
	ls := pc.lines
	for i := 1; i < len(ls); i++ {
		if ls[i].para || !ls[i].drop || !pc.isCredit(&ls[i]) {
			continue
		}
		if c := &ls[i-1]; !c.drop && c.words <= maxCaptionWords && hasLetter(c.text) {
			c.drop = true
		}
	}
}

func (pc *pageCopy) isCredit(l *copyLine) bool {
	if isBracketCredit(l.text) || isSlashCreditLine(l.text) {
		return true
	}
	for _, bp := range pc.bps {
		if bp.isCredit(l.key) {
			return true
		}
	}
	return false
}

// maxBracketCreditWords bounds a credit in brackets: an agency or a
// photographer's name.
const maxBracketCreditWords = 4

// isBracketCredit reports a short line that is all in brackets, as
// British sites credit pictures: "(PA Archive)", "(Getty Images)".
func isBracketCredit(t string) bool {
	r, _ := utf8.DecodeRuneInString(t[min(1, len(t)):])
	return len(t) > 2 && t[0] == '(' && t[len(t)-1] == ')' && unicode.IsUpper(r) && countWords(t) <= maxBracketCreditWords && !strings.ContainsAny(t[1:len(t)-1], "()")
}

// maxCopyrightCreditWords bounds the credit after a copyright sign that
// closes a caption ("© Rike/pixelio.de", "© aremac / Clipdealer"): a
// photographer, an agency, a library.
const maxCopyrightCreditWords = 5

// endsWithCopyrightCredit reports a line of text that ends with a
// copyright sign and a short credit, glued or not: a picture's caption
// with its credit ("Stau © aremac / Clipdealer", "…wissen muss© Rike/
// pixelio.de"), which a copy writes as one line. A paragraph of the
// article does not end in one.
func endsWithCopyrightCredit(t string) bool {
	i := strings.LastIndex(t, "©")
	if i <= 0 {
		return false
	}
	credit := strings.TrimSpace(t[i+len("©"):])
	n := countWords(credit)
	return n >= 1 && n <= maxCopyrightCreditWords && hasLetter(credit) && hasLetter(t[:i])
}
