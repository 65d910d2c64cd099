package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// showJSON is what 'dramatis show --json' prints: the article with its
// metadata, blocks, canonical text and highlights (actors by name).
type showJSON struct {
	ID          string              `json:"id"`
	Title       string              `json:"title"`
	Kicker      string              `json:"kicker"`
	Description string              `json:"description"`
	Authors     []string            `json:"authors"`
	Published   string              `json:"published"`
	Site        string              `json:"site"`
	URL         string              `json:"url"`
	Lang        string              `json:"lang"`
	Added       string              `json:"added"`
	Version     int                 `json:"version"`
	Blocks      []showBlockJSON     `json:"blocks"`
	Text        string              `json:"text"`
	Highlights  []showHighlightJSON `json:"highlights"`
}

type showBlockJSON struct {
	Type  string `json:"type"`
	Level int    `json:"level"`
	Text  string `json:"text"`
}

type showHighlightJSON struct {
	ID       string          `json:"id"`
	Start    int             `json:"start"`
	End      int             `json:"end"`
	Quote    string          `json:"quote"`
	Prefix   string          `json:"prefix"`
	Suffix   string          `json:"suffix"`
	Color    string          `json:"color,omitempty"`
	Note     string          `json:"note,omitempty"`
	Actors   []showActorJSON `json:"actors"`
	Created  string          `json:"created"`
	Updated  string          `json:"updated"`
	Orphaned string          `json:"orphaned,omitempty"`
	// NowReads is the text at the highlight's offsets when it is no
	// longer the quote highlighted (a re-import changed those words).
	NowReads string `json:"nowReads,omitempty"`
}

type showActorJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	Role string `json:"role"`
	// The statement, when the actor says something on a topic.
	Topic     string `json:"topic,omitempty"`
	TopicName string `json:"topicName,omitempty"`
	Stance    string `json:"stance,omitempty"`
}

// showTags are the library's actors and topics by id.
type showTags struct {
	actors map[string]annotation.Actor
	topics map[string]annotation.Topic
}

// statement says what an actor says on its topic: "opposes Sanktionen",
// "on Sanktionen" without a stance, "" without a topic.
func (t showTags) statement(r annotation.ActorRef) string {
	if r.Topic == "" {
		return ""
	}
	name := t.topics[r.Topic].Name
	if r.Stance == annotation.StanceUnset {
		return "on " + name
	}
	return string(r.Stance) + " " + name
}

// runShow prints one article (id or unique id prefix) with its highlights
// and their actors: readable text, or JSON with --json.
func runShow(e *Env, args []string) error {
	fs := newFlagSet(e, "show")
	asJSON := fs.Bool("json", false, "print JSON: metadata, blocks, text and highlights with actor names")
	libFlag := addLibraryFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one ARTICLE (an id or a unique id prefix), got %d", len(pos))
	}
	lib, id, err := openArticle(e, *libFlag, pos[0], openLibraryToRead)
	if err != nil {
		return err
	}
	defer lib.Close()
	a, info, err := lib.Article(id)
	if err != nil {
		return err
	}
	hs, err := lib.Highlights(id)
	if err != nil {
		return err
	}
	actors, err := libraryActorsByID(lib)
	if err != nil {
		return err
	}
	topics, err := lib.Topics()
	if err != nil {
		return err
	}
	tags := showTags{actors: actors, topics: map[string]annotation.Topic{}}
	for _, t := range topics {
		tags.topics[t.ID] = t
	}
	if *asJSON {
		return writeShowJSON(e.Stdout, a, info, hs, tags)
	}
	return writeShowText(e.Stdout, a, info, hs, tags)
}

func libraryActorsByID(lib *storage.Library) (map[string]annotation.Actor, error) {
	as, err := lib.Actors()
	if err != nil {
		return nil, err
	}
	m := make(map[string]annotation.Actor, len(as))
	for _, a := range as {
		m[a.ID] = a
	}
	return m, nil
}

func rfc3339OrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func writeShowJSON(w io.Writer, a *article.Article, info storage.ArticleInfo, hs []annotation.Highlight, tags showTags) error {
	out := showJSON{
		ID: info.ID, Title: a.Title, Kicker: a.Kicker, Description: a.Description,
		Authors: append([]string{}, a.Authors...), Published: rfc3339OrEmpty(a.Published),
		Site: a.Site, URL: a.URL, Lang: a.Lang, Added: rfc3339OrEmpty(info.Added), Version: info.Version,
		Blocks: make([]showBlockJSON, 0, len(a.Blocks)), Text: a.Text(),
		Highlights: make([]showHighlightJSON, 0, len(hs)),
	}
	for _, b := range a.Blocks {
		out.Blocks = append(out.Blocks, showBlockJSON{Type: string(b.Type), Level: b.Level, Text: b.Text})
	}
	anc := annotation.NewAnchorer(out.Text)
	for _, h := range hs {
		j := showHighlightJSON{
			ID: h.ID, Start: h.Start, End: h.End, Quote: h.Quote.Exact, Prefix: h.Quote.Prefix, Suffix: h.Quote.Suffix,
			Color: h.Color, Note: h.Note, Actors: []showActorJSON{},
			Created: rfc3339OrEmpty(h.Created), Updated: rfc3339OrEmpty(h.Updated), Orphaned: h.Orphaned,
		}
		j.NowReads, _ = nowReads(anc, h)
		for _, r := range h.Actors {
			act := tags.actors[r.ActorID]
			j.Actors = append(j.Actors, showActorJSON{ID: r.ActorID, Name: act.Name, Kind: string(act.Kind), Role: string(r.Role),
				Topic: r.Topic, TopicName: tags.topics[r.Topic].Name, Stance: string(r.Stance)})
		}
		out.Highlights = append(out.Highlights, j)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeShowText(w io.Writer, a *article.Article, info storage.ArticleInfo, hs []annotation.Highlight, tags showTags) error {
	var b strings.Builder
	if a.Kicker != "" {
		b.WriteString(a.Kicker + "\n")
	}
	b.WriteString(a.Title + "\n")
	var meta []string
	for _, s := range []string{a.Site, strings.Join(a.Authors, ", ")} {
		if s != "" {
			meta = append(meta, s)
		}
	}
	if !a.Published.IsZero() {
		meta = append(meta, a.Published.Format("2006-01-02"))
	}
	if len(meta) > 0 {
		b.WriteString(strings.Join(meta, " · ") + "\n")
	}
	if a.URL != "" {
		b.WriteString(a.URL + "\n")
	}
	fmt.Fprintf(&b, "id %s, added %s", info.ID, info.Added.Local().Format("2006-01-02 15:04"))
	if info.Version > 1 {
		fmt.Fprintf(&b, ", version %d (earlier ones: dramatis versions %s)", info.Version, info.ID)
	}
	b.WriteString("\n\n")
	b.WriteString(a.Text())
	b.WriteString("\n")
	if len(hs) > 0 {
		fmt.Fprintf(&b, "\nHighlights (%d):\n", len(hs))
	}
	anc := annotation.NewAnchorer(a.Text())
	for _, h := range hs {
		where := fmt.Sprintf("%d–%d", h.Start, h.End)
		if h.Orphaned != "" {
			where = "orphaned: " + h.Orphaned
		}
		if now, ok := nowReads(anc, h); ok {
			where += fmt.Sprintf("; quoted text changed, the page now reads „%s“", oneLine(now))
		}
		fmt.Fprintf(&b, "\n%s  [%s]\n  „%s“\n", h.ID, where, oneLine(h.Quote.Exact))
		var names []string
		for _, r := range h.Actors {
			n := tags.actors[r.ActorID].Name
			var parts []string
			if r.Role != annotation.RoleMentioned {
				parts = append(parts, string(r.Role))
			}
			if st := tags.statement(r); st != "" {
				parts = append(parts, st)
			}
			if len(parts) > 0 {
				n += " (" + strings.Join(parts, "; ") + ")"
			}
			names = append(names, n)
		}
		if len(names) > 0 {
			b.WriteString("  actors: " + strings.Join(names, ", ") + "\n")
		}
		if h.Note != "" {
			b.WriteString("  note: " + oneLine(h.Note) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// nowReads is what the text at h's offsets reads when that is no longer
// the quote the reader highlighted (a re-import changed the words); ok is
// false when the quote is still there.
func nowReads(anc *annotation.Anchorer, h annotation.Highlight) (string, bool) {
	if !anc.QuoteChanged(h) {
		return "", false
	}
	return anc.TextAt(h.Start, h.End), true
}
