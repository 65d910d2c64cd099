package export

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// inlineSpecial holds the ASCII punctuation that means something inline in
// CommonMark or in Obsidian's dialect: emphasis (* _), code (`), links and
// wiki links ([ ] !), HTML and autolinks (< >), entities (&), tags and
// headings (#), tables (|), strike-through (~), maths ($), comments (%),
// highlights (=), templates ({ }), block ids and footnotes (^) and the
// escape character itself. Escaping each with a backslash makes a reader
// see the character, never its meaning.
const inlineSpecial = "\\`*_[]<>&#|~$%={}^!"

// isInlineSpecial reports whether c is one of inlineSpecial (a switch:
// this runs for every byte of every export).
func isInlineSpecial(c byte) bool {
	switch c {
	case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '#', '|', '~', '$', '%', '=', '{', '}', '^', '!':
		return true
	}
	return false
}

// lineStartSpecial are characters that only matter at the start of a line:
// list markers (- +), and the ) or . after digits of an ordered list.
const lineStartSpecial = "-+"

// escapeInline escapes one line of text so that Markdown (CommonMark and
// Obsidian) shows it literally, whatever it starts with or contains.
// Newlines must have been removed by the caller.
func escapeInline(b *strings.Builder, line string) {
	// Leading spaces and tabs would make a code block; a reader does not
	// see them in rendered text anyway.
	line = strings.TrimLeft(line, " \t")
	if line == "" {
		return
	}
	if strings.IndexByte(lineStartSpecial, line[0]) >= 0 {
		b.WriteByte('\\')
		b.WriteByte(line[0])
		line = line[1:]
	} else if d := leadingDigits(line); d > 0 && d < len(line) && (line[d] == '.' || line[d] == ')') {
		// "1." or "1)" would start an ordered list.
		b.WriteString(line[:d])
		b.WriteByte('\\')
		b.WriteByte(line[d])
		line = line[d+1:]
	}
	start := 0
	for j := 0; j < len(line); j++ {
		if isInlineSpecial(line[j]) {
			b.WriteString(line[start:j])
			b.WriteByte('\\')
			b.WriteByte(line[j])
			start = j + 1
		}
	}
	b.WriteString(line[start:])
}

// leadingDigits counts the ASCII digits at the start of s (up to 9, the
// longest ordered-list number CommonMark accepts).
func leadingDigits(s string) int {
	n := 0
	for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// cleanText makes user or article text safe to lay out as Markdown lines:
// valid UTF-8, line endings as "\n" (CommonMark also breaks lines at a lone
// "\r"), no control characters but tab, trailing spaces of lines removed
// (two of them would be a hard break) and no leading or trailing blank
// lines.
func cleanText(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		lines[i] = strings.TrimRightFunc(ln, unicode.IsSpace)
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// writeLines writes text as Markdown paragraphs, each line escaped and
// preceded by prefix ("> " inside a block quote, "" otherwise). Lines that
// are blank to a reader separate paragraphs.
func writeLines(b *strings.Builder, text, prefix string) {
	text = cleanText(text)
	blank := false
	for ln := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(ln) == "" {
			blank = true
			continue
		}
		if blank {
			b.WriteString(strings.TrimRight(prefix, " "))
			b.WriteByte('\n')
			blank = false
		}
		b.WriteString(prefix)
		escapeInline(b, ln)
		b.WriteByte('\n')
	}
}

// inline returns text on one line (newlines as spaces), escaped.
func inline(text string) string {
	var b strings.Builder
	escapeInline(&b, singleLine(text))
	return b.String()
}

// singleLine returns cleaned text on one line: whitespace runs (newlines
// too) as one space, no space at either end.
func singleLine(s string) string {
	if isClean(s) && !strings.Contains(s, "  ") && strings.IndexAny(s, "\n\t") < 0 && !strings.HasPrefix(s, " ") {
		return s
	}
	return strings.Join(strings.Fields(cleanText(s)), " ")
}

// wikiDisplay makes the shown text of an alias link safe: "]]" would end
// the link and "|" would split it, so brackets become parentheses and bars
// (and backslashes) slashes. The exact name stays in the actor note's
// title and aliases.
func wikiDisplay(s string) string {
	s = singleLine(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case '[':
			return '('
		case ']':
			return ')'
		case '|', '\\':
			return '/'
		}
		return r
	}, s)
}

// wikiLink returns [[target]] when the target shows the name unchanged,
// else [[target|display]].
func wikiLink(target, display string) string {
	display = wikiDisplay(display)
	if display == "" || display == target {
		return "[[" + target + "]]"
	}
	return "[[" + target + "|" + display + "]]"
}

// blockID is the Obsidian block id of a highlight: "hl-" and the id in
// lower case, reduced to the letters, digits and dashes Obsidian accepts.
func blockID(id string) string {
	var b strings.Builder
	b.WriteString("hl-")
	for _, r := range strings.ToLower(id) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean reports whether cleanText would return s unchanged, so that the
// common case (article text, already normalised) costs one scan.
func isClean(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == '\n' || s[len(s)-1] == '\n' {
		return false
	}
	prev := rune(0)
	for _, r := range s {
		switch {
		case r == '\n':
			if prev == ' ' || prev == '\t' {
				return false
			}
		case r == '\t':
		case r == utf8.RuneError || r == '\ufeff' || unicode.IsControl(r):
			return false
		case r >= 0x80 && unicode.IsSpace(r):
			return false
		}
		prev = r
	}
	return !unicode.IsSpace(prev)
}
