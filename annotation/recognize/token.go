package recognize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/internal/ascii"
)

// gap describes the characters between a token and the one before it, as
// bits: discovery needs to know whether two capitalised words are separated
// by a comma, a sentence end or only a space.
type gap uint16

const (
	gapComma  gap = 1 << iota // ,
	gapStop                   // . ! ?
	gapColon                  // : ;
	gapBreak                  // line break (block boundary)
	gapOpen                   // ( [
	gapClose                  // ) ]
	gapQuote                  // any quotation mark
	gapSlash                  // /
	gapDash                   // – — or a free-standing hyphen
	gapHyphen                 // joined to the previous token by a hyphen, no space
)

// hard reports whether the gap separates phrases (anything but a space or
// a joining hyphen), so that a name or an organisation cannot span it.
func (g gap) hard() bool { return g&^gapHyphen != 0 }

// token is one word of a text. Hyphenated compounds are split into their
// parts ("Nordkorea-Experte" → "Nordkorea", "Experte" with gapHyphen) so that
// an actor inside a compound is found, and discovery joins them back where a
// name needs it ("Kim Jong-un").
type token struct {
	text      string // as in the text
	fold      string // case-folded (see fold)
	start     int    // code point offset of the first rune
	end       int    // code point offset after the last rune
	bstart    int    // byte offset of the first rune
	bend      int    // byte offset after the last rune
	gap       gap    // what separates it from the previous token
	upper     bool   // starts with an upper-case letter
	allCaps   bool   // has at least two letters, all upper case
	sentStart bool   // first word of a sentence or block
}

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isHyphen reports whether r joins the parts of a compound.
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// isApostrophe reports whether r may stand inside a word (English
// possessives, O'Brien).
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// bytesPerToken sizes the token slice up front: a word and the space or
// punctuation after it take about six bytes in German and English news, so
// that the slice rarely grows and is not much too large.
const bytesPerToken = 6

// tokenize splits text into words with code point offsets. It never fails:
// anything that is not a word only shapes the gap of the next token.
func tokenize(text string) []token {
	return tokenizeInto(make([]token, 0, len(text)/bytesPerToken+1), text)
}

// tokenizeInto is tokenize appending to toks[:0], to reuse its memory.
func tokenizeInto(toks []token, text string) []token {
	toks = toks[:0]
	var g gap
	pos := 0 // code point offset of i
	sentStart := true
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			g |= gapOf(r, text[i+size:])
			if g&(gapStop|gapBreak|gapColon) != 0 {
				sentStart = true
			}
			i += size
			pos++
			continue
		}
		// "Mr. Smith", "Dr. Merkel": the dot of a title ends no sentence.
		if g == gapStop && len(toks) > 0 {
			if last := &toks[len(toks)-1]; titleAbbrev(last.fold) && text[last.bend] == '.' && strings.TrimSpace(text[last.bend+1:i]) == "" {
				g, sentStart = 0, false
			}
		}
		startByte, startPos := i, pos
		i, pos = scanWord(text, i, pos)
		w := text[startByte:i]
		toks = append(toks, token{
			text: w, fold: fold(w), start: startPos, end: pos, bstart: startByte, bend: i, gap: g,
			upper: startsUpper(w), allCaps: isAllCaps(w), sentStart: sentStart,
		})
		g, sentStart = 0, false
	}
	return toks
}

// scanWord advances over one word starting at byte i (code point pos) and
// returns the byte and code point offsets after it. Apostrophes and dots
// stay inside a word only where they belong to it ("China's", "U.S.").
func scanWord(text string, i, pos int) (int, int) {
	letters := 0
	dotted := false
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += size
			pos++
			letters++
			continue
		}
		next, nsize := utf8.DecodeRuneInString(text[i+size:])
		switch {
		case isApostrophe(r) && letters > 0 && unicode.IsLetter(next):
			i += size
			pos++
			continue
		case r == '.' && unicode.IsUpper(next) && (letters == 1 || dotted) && single(text[i+size:], nsize):
			// "U.S.", "J.D.": initials joined by dots.
			dotted = true
			i += size
			pos++
			letters = 0
			continue
		case r == '.' && dotted:
			// The final dot of "U.S.".
			return i + size, pos + 1
		}
		break
	}
	return i, pos
}

// single reports whether s begins with one letter (of nsize bytes) that is
// not followed by another letter, as in the "S." of "U.S.".
func single(s string, nsize int) bool {
	if len(s) <= nsize {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[nsize:])
	return !unicode.IsLetter(r)
}

// gapOf classifies one separating rune; rest is the text after it, used to
// tell a joining hyphen from a free-standing dash.
func gapOf(r rune, rest string) gap {
	switch r {
	case ',':
		return gapComma
	case '.', '!', '?', '…':
		return gapStop
	case ':', ';':
		return gapColon
	case '\n', '\r', '\u2028', '\u2029':
		return gapBreak
	case '(', '[', '{':
		return gapOpen
	case ')', ']', '}':
		return gapClose
	case '"', '\'', '\u201c', '\u201d', '\u201e', '\u201a', '\u2018', '\u2019', '\u00ab', '\u00bb', '\u2039', '\u203a':
		return gapQuote
	case '/':
		return gapSlash
	case '\u2013', '\u2014':
		return gapDash
	}
	if isHyphen(r) {
		next, _ := utf8.DecodeRuneInString(rest)
		if isWordRune(next) {
			return gapHyphen
		}
		return gapDash
	}
	return 0
}

// startsUpper reports whether the word starts with an upper-case letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// isAllCaps reports whether the word has at least two letters and none of
// them is lower case ("USA", "G7", "U.S.").
func isAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2 || (n == 1 && strings.ContainsAny(w, "0123456789"))
}

// fold is the case folding used for matching: lower case, ß as ss (Swiss
// spelling), typographic apostrophes as ASCII. Input is NFC already (the
// article text is, and aliases are normalised when the matcher is built).
func fold(s string) string {
	lowerASCII := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			lowerASCII = false
			break
		}
	}
	if lowerASCII {
		return s
	}
	if ascii.Is(s) {
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case 'ß', 'ẞ':
			b.WriteString("ss")
		case '\u2019':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// titleAbbrev reports whether a folded word is a title usually abbreviated
// with a dot before a name.
func titleAbbrev(f string) bool {
	switch f {
	case "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "st", "hr", "fr":
		return true
	}
	return false
}
