package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dramatis-app/dramatis/article"
)

// cleanedJSON is the JSON form of a cleaned article printed by
// 'dramatis clean --format json'. Every field is always present, so that
// scripts can rely on the shape; Source is set only for JSON Lines output.
type cleanedJSON struct {
	Source      string      `json:"source,omitempty"`
	Title       string      `json:"title"`
	Kicker      string      `json:"kicker"`
	Description string      `json:"description"`
	Authors     []string    `json:"authors"`
	Published   string      `json:"published"`
	Site        string      `json:"site"`
	URL         string      `json:"url"`
	Lang        string      `json:"lang"`
	Blocks      []blockJSON `json:"blocks"`
	Text        string      `json:"text"`
}

type blockJSON struct {
	Type  string `json:"type"`
	Level int    `json:"level"`
	Text  string `json:"text"`
}

// runClean prints the cleaned article of each SOURCE. A source that fails
// prints its one-line error and the others still run; the exit status is 1
// when any failed. Nothing is stored and no window opens. Ctrl-C stops it
// before the next source (exit 130).
func runClean(e *Env, args []string) error {
	fs := newFlagSet(e, "clean")
	format := fs.String("format", "text", "output format: text, json or md")
	timeout := addTimeoutFlag(fs)
	sources, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch *format {
	case "text", "json", "md":
	default:
		return usagef("unknown format %q (want text, json or md)", *format)
	}
	if len(sources) == 0 {
		return usagef("no SOURCE given (a file, an http(s) URL or - for stdin)")
	}
	if err := stdinOnce(sources); err != nil {
		return err
	}
	fetcher, ctx, stop, err := newSourceFetcher(*timeout)
	if err != nil {
		return err
	}
	defer stop()
	failed := 0
	for i, src := range sources {
		if ctx.Err() != nil {
			fmt.Fprintf(e.Stderr, "dramatis clean: interrupted: %d of %d sources cleaned\n", i, len(sources))
			return errInterrupted
		}
		a, err := loadSource(ctx, e, fetcher, src)
		if err != nil {
			failed++
			fmt.Fprintf(e.Stderr, "dramatis clean: %s\n", oneLine(err.Error()))
			continue
		}
		var werr error
		switch *format {
		case "json":
			werr = writeCleanJSON(e.Stdout, a, src, len(sources) > 1)
		case "md":
			werr = writeCleanMarkdown(e.Stdout, a, src, i, len(sources) > 1)
		default:
			werr = writeCleanText(e.Stdout, a, src, i, len(sources) > 1)
		}
		if werr != nil {
			return fmt.Errorf("writing the output: %w", werr)
		}
	}
	if ctx.Err() != nil {
		// Ctrl-C during the last source (a download it cut short).
		fmt.Fprintf(e.Stderr, "dramatis clean: interrupted: %d of %d sources cleaned\n", len(sources)-failed, len(sources))
		return errInterrupted
	}
	if failed > 0 {
		return errReported
	}
	return nil
}

// toJSON converts an article to the printed JSON shape.
func toJSON(a *article.Article) cleanedJSON {
	out := cleanedJSON{
		Title: a.Title, Kicker: a.Kicker, Description: a.Description,
		Authors: append([]string{}, a.Authors...), Site: a.Site, URL: a.URL, Lang: a.Lang,
		Blocks: make([]blockJSON, 0, len(a.Blocks)), Text: a.Text(),
	}
	if !a.Published.IsZero() {
		out.Published = a.Published.Format(time.RFC3339)
	}
	for _, b := range a.Blocks {
		out.Blocks = append(out.Blocks, blockJSON{Type: string(b.Type), Level: b.Level, Text: b.Text})
	}
	return out
}

// writeCleanJSON prints one article: indented when it is the only one,
// as one line with its source when several make JSON Lines.
func writeCleanJSON(w io.Writer, a *article.Article, src string, lines bool) error {
	j := toJSON(a)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if lines {
		j.Source = src
	} else {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(j)
}

// writeCleanText prints the title, then the canonical text. Several
// articles are introduced by "==> SOURCE <==" lines, as head(1) does.
func writeCleanText(w io.Writer, a *article.Article, src string, i int, several bool) error {
	var b strings.Builder
	if several {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "==> %s <==\n", src)
	}
	if a.Title != "" {
		b.WriteString(a.Title)
		b.WriteString("\n\n")
	}
	b.WriteString(a.Text())
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeCleanMarkdown prints a readable Markdown article: title, a line of
// kicker, site, authors and date, the teaser as a quote, the source link,
// then the blocks. Article text is escaped so that it cannot turn into
// markup by accident.
func writeCleanMarkdown(w io.Writer, a *article.Article, src string, i int, several bool) error {
	var b strings.Builder
	if several && i > 0 {
		b.WriteString("\n---\n\n")
	}
	title := a.Title
	if title == "" {
		title = src
	}
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(title))
	var meta []string
	if a.Kicker != "" {
		meta = append(meta, "**"+mdEscape(a.Kicker)+"**")
	}
	if a.Site != "" {
		meta = append(meta, mdEscape(a.Site))
	}
	if len(a.Authors) > 0 {
		meta = append(meta, mdEscape(strings.Join(a.Authors, ", ")))
	}
	if !a.Published.IsZero() {
		meta = append(meta, a.Published.Format("2006-01-02 15:04"))
	}
	if len(meta) > 0 {
		b.WriteString(strings.Join(meta, " · ") + "\n\n")
	}
	if a.Description != "" {
		fmt.Fprintf(&b, "> %s\n\n", mdEscape(a.Description))
	}
	if a.URL != "" {
		fmt.Fprintf(&b, "<%s>\n\n", strings.ReplaceAll(a.URL, ">", "%3E"))
	}
	for _, bl := range a.Blocks {
		switch bl.Type {
		case article.Heading:
			fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", min(max(bl.Level, 2), 6)), mdEscape(bl.Text))
		case article.Quote:
			fmt.Fprintf(&b, "> %s\n\n", mdEscape(bl.Text))
		case article.ListItem:
			fmt.Fprintf(&b, "%s- %s\n\n", strings.Repeat("  ", max(bl.Level-1, 0)), mdEscape(bl.Text))
		case article.Caption:
			fmt.Fprintf(&b, "*%s*\n\n", mdEscape(bl.Text))
		case article.Preformatted:
			fence := "```"
			for strings.Contains(bl.Text, fence) {
				fence += "`"
			}
			fmt.Fprintf(&b, "%s\n%s\n%s\n\n", fence, bl.Text, fence)
		default:
			fmt.Fprintf(&b, "%s\n\n", mdEscape(bl.Text))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEscape backslash-escapes the characters that Markdown reads as markup
// inside a line, and a leading marker ("1. ", "- ", "#") that would start a
// list or heading.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if strings.HasPrefix(out, "- ") || strings.HasPrefix(out, "+ ") || strings.HasPrefix(out, "=") {
		out = "\\" + out
	}
	if i := strings.IndexAny(out, ".)"); i > 0 && i < 10 && strings.Trim(out[:i], "0123456789") == "" && (len(out) == i+1 || out[i+1] == ' ') {
		out = out[:i] + "\\" + out[i:]
	}
	return out
}
