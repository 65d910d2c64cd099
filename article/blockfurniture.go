package article

import (
	"strings"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/internal/words"
)

// The furniture pass over the tree (furniture.go) judges elements; text
// that sits loose beside other blocks ("<hr><strong>War der Artikel
// nützlich?</strong> <img>…") is no element of its own and only becomes a
// block when the tree is turned into blocks. tidyBlocks judges the blocks
// themselves with the same phrase lists, cuts credits off captions and
// drops the labels that a page leaves dangling at the article's end.

// tidyBlocks applies the block rules and returns the blocks kept.
func tidyBlocks(blocks []Block, bp phraseSet) []Block {
	out := blocks[:0]
	for _, b := range blocks {
		if b.Type == Preformatted {
			out = append(out, b)
			continue
		}
		text := strings.Join(strings.Fields(b.Text), " ")
		if isFurnitureBlock(text, bp) || b.Type != Heading && isPictureCredit(text, bp) ||
			isContactLine(text, bp) || isSlideCounter(text) || b.Type != Heading && bp.IsDisclosure(text) {
			continue
		}
		if b.Type == Caption || utf8.RuneCountInString(text) <= captionChars {
			b.Text = cutCredit(b.Text, bp)
		}
		out = append(out, b)
	}
	return dropDanglingLabels(out)
}

// isFurnitureBlock applies the phrase lists to a block's text, with the
// limits of the tree pass: a listed line of two or more words or a
// credit-like prefix on a short block, a "contains" phrase by its own word
// limits. A single word ("Photo", "Video") may label the picture beside it
// for screen readers, as article extractors keep it; where it is a block
// of its own, the tree pass has judged it already.
func isFurnitureBlock(text string, bp phraseSet) bool {
	n := utf8.RuneCountInString(text)
	return n <= furnitureMaxChars && strings.Contains(text, " ") && bp.IsLine(text) ||
		n <= creditMaxChars && bp.HasPrefix(text) ||
		bp.Contains(text, len(strings.Fields(text)))
}

// maxContactWords bounds an author's contact line.
const maxContactWords = 40

// isContactLine reports the line that gives the author's address: opened
// by a contact phrase ("Email", "Follow", "Kontakt") and holding an e-mail
// address or a social-media handle.
func isContactLine(text string, bp phraseSet) bool {
	if countWords(text) > maxContactWords || !bp.opensContact(text) {
		return false
	}
	for _, w := range strings.Fields(text) {
		w = strings.Trim(w, ".,;:()")
		if at := strings.IndexByte(w, '@'); at == 0 && len(w) > 1 || at > 0 && strings.Contains(w[at:], ".") {
			return true
		}
	}
	return false
}

// captionChars is the longest paragraph that may be a caption with a
// credit at its end; longer ones are prose.
const captionChars = 300

// cutCredit cuts a photo credit off the end of a caption: a credit phrase
// after the last sentence ("… in Pjöngjang. Foto: AP", "… | © Getty
// Images") or a credit in brackets ("… getarnt. (mlharing / iStock.com)").
func cutCredit(s string, bp phraseSet) string {
	if at := bp.CreditAt(s); at > 0 {
		return strings.TrimRight(s[:at], " |–—-(/")
	}
	t := strings.TrimSpace(s)
	if !strings.HasSuffix(t, ")") {
		return s
	}
	open := strings.LastIndexByte(t, '(')
	if open <= 0 || !isPictureCredit(t[open+1:len(t)-1], bp) {
		return s
	}
	if before := strings.TrimSpace(t[:open]); before != "" && endsSentence(before) {
		return before
	}
	return s
}

// maxCreditWords bounds a photographer's or agency's credit.
const maxCreditWords = 6

// isPictureCredit reports text that is only a picture credit: names
// around a slash or dash, at most maxCreditWords words, no sentence, one of
// them a listed picture agency or a web address ("Judy Eddy/WENN.com",
// "iStock/cjp", "Sergey Nivens – stock.adobe.com"). Other names around a
// slash are headings and table labels ("Add-ons / Web Extensions", "N/A").
func isPictureCredit(t string, bp phraseSet) bool {
	if t == "" || countWords(t) > maxCreditWords || strings.ContainsAny(t, "!?:;,\"„“") {
		return false
	}
	if !strings.ContainsAny(t, "/–—") {
		return false
	}
	if strings.HasSuffix(t, ".") && !strings.Contains(t[strings.LastIndexByte(t, ' ')+1:], "/") {
		return false // a sentence, unless it ends in a web address
	}
	if bp.namesAgency(t) {
		return true
	}
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '/' }) {
		if isDomain(w) {
			return true
		}
	}
	return false
}

// isDomain reports a bare host name ("WENN.com", "imagebank.sweden.se").
func isDomain(w string) bool {
	dot := strings.LastIndexByte(w, '.')
	if dot <= 0 || dot+3 > len(w) || dot+7 < len(w) {
		return false
	}
	for _, r := range w[dot+1:] {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// isNameParticle reports a lower-case particle of a personal name.
func isNameParticle(w string) bool {
	p, _ := words.Particle(w)
	return p
}

// dropDanglingLabels drops the headings and colon-ended labels that end
// the blocks with no text of theirs after them: what opened a box of
// links, a map or a form that the cleaning removed ("Weitere
// Informationen:", "Mehr aus dem Channel", "Entdecke weitere Homestorys").
func dropDanglingLabels(blocks []Block) []Block {
	for len(blocks) > 1 {
		b := blocks[len(blocks)-1]
		t := strings.TrimSpace(b.Text)
		// A heading that ends a sentence is a statement (a pull quote),
		// not a label.
		statement := strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!")
		label := b.Type == Heading && !statement || countWords(t) <= maxLabelWords && strings.HasSuffix(t, ":")
		if !label {
			break
		}
		blocks = blocks[:len(blocks)-1]
	}
	return blocks
}

// maxLabelWords bounds a label that introduces what follows it.
const maxLabelWords = 6
