package cli

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/internal/grapheme"
	"github.com/dramatis-app/dramatis/internal/plural"
	"github.com/dramatis-app/dramatis/storage"
)

// repeatedFlag collects a flag given several times (--actor A --actor B).
type repeatedFlag []string

func (r *repeatedFlag) String() string     { return strings.Join(*r, ", ") }
func (r *repeatedFlag) Set(v string) error { *r = append(*r, v); return nil }

// runAnnotate highlights a passage given by its words and tags it with
// actors, printing the new highlight's id. Everything is checked before
// anything is written; unknown actor names are created with the highlight
// in the same transaction, so a failed command leaves the library as it was.
func runAnnotate(e *Env, args []string) error {
	fs := newFlagSet(e, "annotate")
	quote := fs.String("quote", "", "the exact `TEXT` to highlight (whitespace and Unicode forms may differ)")
	occurrence := fs.Int("occurrence", 0, "which occurrence `N` (1, 2, …) when the quote appears more than once")
	var order statementFlags
	fs.Var(order.kind("actor"), "actor", "tag with actor `NAME[:ROLE]` (role "+annotation.RoleChoices()+"; repeatable; unknown names are created)")
	fs.Var(order.kind("topic"), "topic", "the actor before it makes a statement on `TOPIC[:STANCE]` (stance "+annotation.StanceChoices()+", or + - 0; repeatable; unknown topics are created; "+topicPathHelp+")")
	note := fs.String("note", "", "a note on the highlight")
	color := fs.String("color", "", "highlight colour: "+strings.Join(storage.HighlightColorNames, ", ")+" or #rrggbb")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one ARTICLE (an id or a unique id prefix), got %d", len(pos))
	}
	if strings.TrimSpace(*quote) == "" {
		return usagef("--quote is empty: give the words to highlight")
	}
	if *occurrence < 0 {
		return usagef("--occurrence must be 1 or more, not %d", *occurrence)
	}
	colour := ""
	if *color != "" {
		if colour, err = highlightColour(*color); err != nil {
			return err
		}
	}
	wanted, err := order.parse()
	if err != nil {
		return err
	}

	lib, id, err := openArticle(e, *libFlag, pos[0], openLibrary)
	if err != nil {
		return err
	}
	defer lib.Close()
	a, _, err := lib.Article(id)
	if err != nil {
		return err
	}
	start, end, err := locateQuote(a.Text(), *quote, *occurrence, id)
	if err != nil {
		return err
	}
	h := annotation.Highlight{ArticleID: id, Start: start, End: end, Note: *note, Color: colour}
	var created storage.NewTags
	if h.Actors, err = resolveStatements(lib, a.Lang, wanted, &created); err != nil {
		return err
	}
	h, added, err := lib.AddHighlightWith(h, created)
	if err != nil {
		return err
	}
	reportCreated(e.Stderr, "annotate", added)
	fmt.Fprintln(e.Stdout, h.ID)
	return nil
}

// pendingActor finds an actor created earlier in the same command (two
// --actor flags naming the same new actor), or the zero Actor.
func pendingActor(created []annotation.Actor, name string) annotation.Actor {
	for _, a := range created {
		if strings.EqualFold(a.Name, article.CleanInline(name)) {
			return a
		}
	}
	return annotation.Actor{}
}

// locateQuote finds the code point range of a quote in the text. The quote
// is matched as typed (NFC), then with whitespace collapsed as the cleaner
// does. Several matches need --occurrence. Matches are whole characters as
// readers see them (grapheme clusters, see quoteRanges).
func locateQuote(text, quote string, occurrence int, articleID string) (int, int, error) {
	candidates := []string{norm.NFC.String(quote), article.CleanInline(quote)}
	textLen := utf8.RuneCountInString(text)
	var q string
	var offsets []int
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if offsets = occurrencesOf(text, c); len(offsets) > 0 {
			q = c
			break
		}
	}
	if len(offsets) == 0 {
		// Typed quotation marks are straight; the article's are „…“,
		// “…”, «…» or ‚…‘. One rune for one, so offsets stay.
		ft := quoteFolder.Replace(text)
		for _, c := range candidates {
			if c = quoteFolder.Replace(c); c != "" {
				if offsets = occurrencesOf(ft, c); len(offsets) > 0 {
					q, text = c, ft
					break
				}
			}
		}
	}
	qLen := utf8.RuneCountInString(candidates[1])
	var ranges [][2]int
	if len(offsets) > 0 {
		ranges = quoteRanges([]rune(text), offsets, utf8.RuneCountInString(q))
	}
	switch {
	case len(ranges) == 0 && qLen > textLen:
		return 0, 0, fmt.Errorf("the quote (%d characters) is longer than article %s (%d characters)", qLen, articleID, textLen)
	case len(ranges) == 0:
		return 0, 0, fmt.Errorf("the quote %s is not in article %s", shortQuote(quote), articleID)
	case occurrence > len(ranges):
		return 0, 0, fmt.Errorf("the quote %s occurs %s in article %s, so --occurrence %d does not exist", shortQuote(quote), plural.Of(len(ranges), "time"), articleID, occurrence)
	case occurrence == 0 && len(ranges) > 1:
		return 0, 0, fmt.Errorf("the quote %s occurs %d times in article %s; choose one with --occurrence 1 to %d", shortQuote(quote), len(ranges), articleID, len(ranges))
	}
	r := ranges[max(occurrence, 1)-1]
	return r[0], r[1], nil
}

// quoteFolder makes every quotation mark straight, one rune for one.
var quoteFolder = strings.NewReplacer("„", `"`, "“", `"`, "”", `"`, "‟", `"`, "«", `"`, "»", `"`, "″", `"`,
	"‚", "'", "‘", "'", "’", "'", "‛", "'", "‹", "'", "›", "'", "′", "'")

// quoteRanges turns the match offsets of a quote of n code points into
// highlight ranges on grapheme cluster boundaries. Matches that begin and
// end on boundaries are the occurrences; a quote found only inside
// clusters (a flag's half, a letter without its combining mark, one member
// of a family emoji) is widened to the whole clusters, and matches that
// widen to the same range count once.
func quoteRanges(text []rune, offsets []int, n int) [][2]int {
	var whole, widened [][2]int
	for _, o := range offsets {
		if grapheme.IsBoundary(text, o) && grapheme.IsBoundary(text, o+n) {
			whole = append(whole, [2]int{o, o + n})
			continue
		}
		a, b := grapheme.Snap(text, o, o+n)
		if len(widened) == 0 || widened[len(widened)-1] != [2]int{a, b} {
			widened = append(widened, [2]int{a, b})
		}
	}
	if len(whole) > 0 {
		return whole
	}
	return widened
}

// occurrencesOf returns the code point offsets of every occurrence of s.
func occurrencesOf(text, s string) []int {
	var out []int
	bytePos, runePos := 0, 0
	for {
		i := strings.Index(text[bytePos:], s)
		if i < 0 {
			return out
		}
		runePos += utf8.RuneCountInString(text[bytePos : bytePos+i])
		out = append(out, runePos)
		_, size := utf8.DecodeRuneInString(text[bytePos+i:])
		bytePos += i + size
		runePos++
	}
}

// shortQuote shows a quote in an error message, shortened when long.
func shortQuote(q string) string {
	q = oneLine(q)
	if r := []rune(q); len(r) > 40 {
		q = string(r[:grapheme.Floor(r, 37)]) + "…"
	}
	return "„" + q + "“"
}
