package export

import (
	"slices"
	"sort"
	"strings"

	"github.com/dramatis-app/dramatis/annotation"
)

// Grouping says how Markdown notes are organised.
type Grouping int

const (
	// PerArticle: one note per article, highlights in reading order.
	PerArticle Grouping = iota
	// ByActor: one note per article, one section per actor.
	ByActor
	// PerActor: one note per actor across the library, every highlight
	// naming it, newest article first, linked back to the article notes.
	PerActor
)

// Note is one Markdown note: the file name it is meant for (without
// ".md"), the id of the article or actor it is about, its properties and
// the part Dramatis writes (heading and highlights).
type Note struct {
	Name  string
	ID    string
	front *frontMatter
	Body  []byte
}

// Bytes returns the whole note: front matter then body.
func (n Note) Bytes() []byte {
	fm := n.front.bytes()
	out := make([]byte, 0, len(fm)+1+len(n.Body))
	out = append(out, fm...)
	out = append(out, '\n')
	return append(out, n.Body...)
}

// Names maps articles and actors to the file names (without ".md") of
// their notes, which wiki links point at.
type Names struct {
	articles map[string]string
	actors   map[string]string
}

// NewNames assigns every article and actor of lib a unique, OS-safe file
// name from its title or name. existing keeps the names notes already
// have (id → name, e.g. found in a notes folder) and taken holds names in
// use by other files (folded with foldFileName); both may be nil. Older
// articles are named first so that a title shared later gets the suffix.
func NewNames(lib *Library, existing map[string]string, taken map[string]bool) *Names {
	return namesFor(headsOf(lib.Articles), lib.Actors, existing, taken)
}

// namesFor is NewNames for the heads of the articles (which it sorts).
func namesFor(arts []ArticleHead, actors []annotation.Actor, existing map[string]string, taken map[string]bool) *Names {
	if taken == nil {
		taken = map[string]bool{}
	}
	for _, n := range existing {
		taken[foldFileName(n)] = true
	}
	n := &Names{articles: make(map[string]string, len(arts)), actors: map[string]string{}}
	sort.SliceStable(arts, func(i, j int) bool {
		if !arts[i].Added.Equal(arts[j].Added) {
			return arts[i].Added.Before(arts[j].Added)
		}
		return arts[i].ID < arts[j].ID
	})
	for _, a := range arts {
		if e, ok := existing[a.ID]; ok {
			n.articles[a.ID] = e
			continue
		}
		n.articles[a.ID] = uniqueName(FileName(a.Title), a.ID, taken)
	}
	for _, a := range sortedActors(actors) {
		if e, ok := existing[a.ID]; ok {
			n.actors[a.ID] = e
			continue
		}
		n.actors[a.ID] = uniqueName(FileName(a.Name), a.ID, taken)
	}
	return n
}

// Article returns the note name of an article (from its title when the
// article was not named).
func (n *Names) Article(a *Article) string {
	if s, ok := n.articles[a.ID]; ok {
		return s
	}
	return FileName(a.Title)
}

// Actor returns the note name of an actor.
func (n *Names) Actor(a annotation.Actor) string {
	if s, ok := n.actors[a.ID]; ok {
		return s
	}
	return FileName(a.Name)
}

// renderer writes notes; it holds what links need: actors, topics and
// names.
type renderer struct {
	actors map[string]annotation.Actor
	topics map[string]annotation.Topic
	names  *Names
	// combined: notes are joined into one document, so each article
	// section says where it comes from (no front matter there).
	combined bool
	// links caches actorLink, keys sortKey, by actor id.
	links, keys map[string]string
}

// ArticleMarkdown returns the Markdown note of one article ("Copy as
// Markdown"): front matter, title, highlights with actors and notes, and
// orphaned highlights in their own section. Links use file names made
// from titles and actor names; topics name the statements' topics.
func ArticleMarkdown(a Article, actors map[string]annotation.Actor, topics map[string]annotation.Topic) []byte {
	r := &renderer{actors: actors, topics: topics, names: &Names{}}
	return r.articleNote(&a, PerArticle).Bytes()
}

// HighlightMarkdown returns one highlight as Markdown ("Copy as
// Markdown" on a highlight): the quote, its actors, its note and a link
// back to its place in the article's note.
func HighlightMarkdown(a Article, h annotation.Highlight, actors map[string]annotation.Actor, topics map[string]annotation.Topic) []byte {
	r := &renderer{actors: actors, topics: topics, names: &Names{}}
	var b strings.Builder
	r.quote(&b, h.Quote.Exact)
	b.WriteByte('\n')
	b.WriteString(r.backLink(&a, h, ""))
	b.WriteString("\n")
	r.tail(&b, h)
	return []byte(b.String())
}

// Markdown returns the library as one Markdown document: the single note
// as is, or several notes' bodies one after another (without front
// matter, which may only open a document).
func Markdown(lib *Library, g Grouping) []byte {
	notes := Notes(lib, g, NewNames(lib, nil, nil), g != PerActor && len(lib.Articles) > 1)
	if len(notes) == 1 {
		return notes[0].Bytes()
	}
	var b []byte
	for i, n := range notes {
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, n.Body...)
	}
	return b
}

// Notes renders the library's notes: one per article (PerArticle,
// ByActor) or one per actor with highlights (PerActor). combined adds a
// source line under each article title, for notes shown without their
// front matter.
func Notes(lib *Library, g Grouping, names *Names, combined bool) []Note {
	r := &renderer{actors: lib.ActorMap(), topics: lib.TopicMap(), names: names, combined: combined}
	if g == PerActor {
		return r.actorNotes(lib)
	}
	out := make([]Note, 0, len(lib.Articles))
	for i := range lib.Articles {
		out = append(out, r.articleNote(&lib.Articles[i], g))
	}
	return out
}

// articleNote renders one article's note.
func (r *renderer) articleNote(a *Article, g Grouping) Note {
	hs := inReadingOrder(a.Highlights)
	var b strings.Builder
	b.Grow(256 + 300*len(hs))
	b.WriteString("# ")
	b.WriteString(inline(orUntitled(a.Title)))
	b.WriteString("\n")
	if r.combined {
		r.sourceLine(&b, a)
	}
	if strings.TrimSpace(a.Description) != "" {
		// The standfirst, as the article shows it under its title.
		b.WriteString("\n")
		writeLines(&b, a.Description, "")
	}
	anchored, orphaned := splitOrphans(hs)
	if g == ByActor {
		r.byActor(&b, anchored)
	} else {
		for _, h := range anchored {
			b.WriteByte('\n')
			r.highlight(&b, h, true)
		}
	}
	if len(orphaned) > 0 {
		b.WriteString("\n## Orphaned highlights\n\nThese passages were not found again when the article's text changed; they are kept as they were.\n")
		for _, h := range orphaned {
			b.WriteByte('\n')
			r.highlight(&b, h, true)
			b.WriteString("\nNot found: ")
			b.WriteString(inline(h.Orphaned))
			b.WriteString("\n")
		}
	}
	return Note{Name: r.names.Article(a), ID: a.ID, front: articleFrontMatter(a, r.articleActorLinks(hs), r.articleTopics(hs)), Body: []byte(b.String())}
}

// byActor writes one section per actor (by name) with its highlights, then
// the highlights without actors. A highlight under several actors carries
// its block id only the first time: ids must be unique in a note.
func (r *renderer) byActor(b *strings.Builder, hs []annotation.Highlight) {
	groups := map[string][]annotation.Highlight{}
	var none []annotation.Highlight
	for _, h := range hs {
		named := false
		for _, ref := range h.Actors {
			if _, ok := r.actors[ref.ActorID]; ok && !containsHighlight(groups[ref.ActorID], h.ID) {
				groups[ref.ActorID] = append(groups[ref.ActorID], h)
				named = true
			}
		}
		if !named {
			none = append(none, h)
		}
	}
	var actors []annotation.Actor
	for id := range groups {
		actors = append(actors, r.actors[id])
	}
	seen := map[string]bool{}
	section := func(title string, hs []annotation.Highlight) {
		b.WriteString("\n## ")
		b.WriteString(title)
		b.WriteString("\n")
		for _, h := range hs {
			b.WriteByte('\n')
			r.highlight(b, h, !seen[h.ID])
			seen[h.ID] = true
		}
	}
	for _, a := range sortedActors(actors) {
		section(r.actorLink(a), groups[a.ID])
	}
	if len(none) > 0 {
		section("No actor", none)
	}
}

// containsHighlight reports whether hs holds the highlight id.
func containsHighlight(hs []annotation.Highlight, id string) bool {
	for _, h := range hs {
		if h.ID == id {
			return true
		}
	}
	return false
}

// splitOrphans separates anchored from orphaned highlights in reading
// order (orphans last).
func splitOrphans(hs []annotation.Highlight) (anchored, orphaned []annotation.Highlight) {
	n := len(hs)
	for n > 0 && hs[n-1].Orphaned != "" {
		n--
	}
	return hs[:n], hs[n:]
}

// inReadingOrder returns hs sorted as notes present them (see
// sortHighlights), copying only when the library did not already.
func inReadingOrder(hs []annotation.Highlight) []annotation.Highlight {
	if sort.SliceIsSorted(hs, func(i, j int) bool { return highlightLess(&hs[i], &hs[j]) }) {
		return hs
	}
	out := append([]annotation.Highlight(nil), hs...)
	sortHighlights(out)
	return out
}

// highlight writes a block quote, its block id (on its own line after a
// blank line, as Obsidian wants for quotes), its actors and its note.
func (r *renderer) highlight(b *strings.Builder, h annotation.Highlight, withID bool) {
	r.quote(b, h.Quote.Exact)
	if withID {
		b.WriteString("\n^")
		b.WriteString(blockID(h.ID))
		b.WriteString("\n")
	}
	r.tail(b, h)
}

// quote writes text as a block quote.
func (r *renderer) quote(b *strings.Builder, text string) {
	if strings.TrimSpace(cleanText(text)) == "" {
		b.WriteString("> (empty passage)\n")
		return
	}
	writeLines(b, text, "> ")
}

// tail writes a highlight's actor line and note, each after a blank line.
func (r *renderer) tail(b *strings.Builder, h annotation.Highlight) {
	r.actorLine(b, h.Actors)
	if strings.TrimSpace(cleanText(h.Note)) != "" {
		b.WriteString("\n")
		writeLines(b, h.Note, "")
	}
}

// actorLine writes a blank line and a highlight's actors as wiki links,
// each with its role where it is not "mentioned" and its statements on
// topics: "[[Kim Jong-un]] (speaker; opposes Sanktionen; on Atomprogramm)
// · [[China]]". Nothing when it has none.
func (r *renderer) actorLine(b *strings.Builder, refs []annotation.ActorRef) {
	n := 0
	for i, ref := range refs {
		a, ok := r.actors[ref.ActorID]
		if !ok || slices.ContainsFunc(refs[:i], func(o annotation.ActorRef) bool { return o.ActorID == ref.ActorID }) {
			continue
		}
		if n == 0 {
			b.WriteString("\n")
		} else {
			b.WriteString(" · ")
		}
		n++
		b.WriteString(r.actorLink(a))
		if parts := r.refParts(refs[i:], ref.ActorID); len(parts) > 0 {
			b.WriteString(" (")
			escapeInline(b, strings.Join(parts, "; "))
			b.WriteString(")")
		}
	}
	if n > 0 {
		b.WriteString("\n")
	}
}

// refParts says how the actor id takes part according to refs: its role
// where it is not "mentioned" (the first such), then its statements.
func (r *renderer) refParts(refs []annotation.ActorRef, id string) []string {
	var role string
	var parts []string
	for _, ref := range refs {
		if ref.ActorID != id {
			continue
		}
		if role == "" && ref.Role != "" && ref.Role != annotation.RoleMentioned {
			role = singleLine(string(ref.Role))
		}
		if st := r.statement(ref); st != "" {
			parts = append(parts, st)
		}
	}
	if role != "" {
		parts = append([]string{role}, parts...)
	}
	return parts
}

// statement says what an actor says on its topic, "opposes Sanktionen"
// or "on Sanktionen" without a stance; "" without a (known) topic.
func (r *renderer) statement(ref annotation.ActorRef) string {
	t, ok := r.topics[ref.Topic]
	if ref.Topic == "" || !ok {
		return ""
	}
	name := singleLine(t.Name)
	if ref.Stance == annotation.StanceUnset {
		return "on " + name
	}
	return string(ref.Stance) + " " + name
}

// articleTopics lists the names of the topics an article's highlights
// make statements on, by name.
func (r *renderer) articleTopics(hs []annotation.Highlight) []string {
	var names []string
	seen := map[string]bool{}
	for i := range hs {
		for _, ref := range hs[i].Actors {
			t, ok := r.topics[ref.Topic]
			if ref.Topic == "" || !ok || seen[t.ID] {
				continue
			}
			seen[t.ID] = true
			names = append(names, singleLine(t.Name))
		}
	}
	slices.SortFunc(names, func(x, y string) int { return strings.Compare(strings.ToLower(x), strings.ToLower(y)) })
	return names
}

// actorLink is the wiki link to an actor's note, showing its name. Links
// are made once per actor: a library names the same actors thousands of
// times.
func (r *renderer) actorLink(a annotation.Actor) string {
	if l, ok := r.links[a.ID]; ok {
		return l
	}
	l := wikiLink(r.names.Actor(a), a.Name)
	if r.links == nil {
		r.links = map[string]string{}
	}
	r.links[a.ID] = l
	return l
}

// articleActorLinks returns the links of every actor the highlights name,
// by actor name, for the article's front matter.
func (r *renderer) articleActorLinks(hs []annotation.Highlight) []string {
	var ids []string
	for i := range hs {
		for _, ref := range hs[i].Actors {
			if _, ok := r.actors[ref.ActorID]; ok && !slices.Contains(ids, ref.ActorID) {
				ids = append(ids, ref.ActorID)
			}
		}
	}
	slices.SortFunc(ids, func(a, b string) int {
		if c := strings.Compare(r.sortKey(a), r.sortKey(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	links := make([]string, len(ids))
	for i, id := range ids {
		links[i] = r.actorLink(r.actors[id])
	}
	return links
}

// sortKey is an actor's name in lower case, as sortedActors orders them,
// made once per actor.
func (r *renderer) sortKey(id string) string {
	if k, ok := r.keys[id]; ok {
		return k
	}
	if r.keys == nil {
		r.keys = map[string]string{}
	}
	k := strings.ToLower(r.actors[id].Name)
	r.keys[id] = k
	return k
}

// sourceLine writes where an article comes from under its title, for
// documents without front matter: site, date, authors and the URL.
func (r *renderer) sourceLine(b *strings.Builder, a *Article) {
	var parts []string
	if a.Site != "" {
		parts = append(parts, inline(a.Site))
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.Format("2006-01-02"))
	}
	if len(a.Authors) > 0 {
		parts = append(parts, inline(strings.Join(a.Authors, ", ")))
	}
	if a.URL != "" {
		parts = append(parts, urlText(a.URL))
	}
	if len(parts) > 0 {
		b.WriteString("\n")
		b.WriteString(strings.Join(parts, " · "))
		b.WriteString("\n")
	}
}

// urlText shows a URL as an autolink when it is a plain http(s) URL, else
// as escaped text.
func urlText(u string) string {
	if (strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) &&
		!strings.ContainsAny(u, " \t\n\r<>") && strings.IndexFunc(u, func(r rune) bool { return r < 0x20 || r == 0x7f }) < 0 {
		return "<" + u + ">"
	}
	return inline(u)
}

// backLink links to a highlight's block in its article note; role, when
// given and not "mentioned", follows it.
func (r *renderer) backLink(a *Article, h annotation.Highlight, actorID string) string {
	s := "[[" + r.names.Article(a) + "#^" + blockID(h.ID) + "|source]]"
	if !a.Published.IsZero() {
		s += " · " + a.Published.Format("2006-01-02")
	}
	if actorID != "" {
		for _, p := range r.refParts(h.Actors, actorID) {
			s += " · " + inline(p)
		}
	}
	return s
}

// orUntitled gives an article without a title a heading.
func orUntitled(t string) string {
	if singleLine(t) == "" {
		return "Untitled"
	}
	return t
}

// actorNotes renders one note per actor that has highlights: its note,
// then per article (newest first) the highlights naming it.
func (r *renderer) actorNotes(lib *Library) []Note {
	x := actorPassages{}
	for i := range lib.Articles {
		r.collectPassages(x, &lib.Articles[i], false)
	}
	return r.actorNotesOf(x, lib.Actors)
}

// actorPassages are the highlights naming each actor, by actor id and
// article: what the actors' notes are made of.
type actorPassages map[string]map[*Article][]actorPassage

// actorPassage is a highlight in an actor's note.
type actorPassage struct {
	h     annotation.Highlight
	actor string
}

// collectPassages adds a's highlights that name an actor to x. slim keeps
// a copy of only what an actor's note shows of the article and of each
// highlight (a folder export reads one article at a time and lets it go).
func (r *renderer) collectPassages(x actorPassages, a *Article, slim bool) {
	hs := append([]annotation.Highlight(nil), a.Highlights...)
	sortHighlights(hs)
	var kept *Article
	for _, h := range hs {
		for _, ref := range h.Actors {
			if _, ok := r.actors[ref.ActorID]; !ok {
				continue
			}
			if kept == nil {
				kept = a
				if slim {
					kept = &Article{ID: a.ID, Added: a.Added}
					kept.Title, kept.Published = a.Title, a.Published
				}
			}
			m := x[ref.ActorID]
			if m == nil {
				m = map[*Article][]actorPassage{}
				x[ref.ActorID] = m
			}
			if es := m[kept]; len(es) > 0 && es[len(es)-1].h.ID == h.ID {
				continue // the actor's second statement in the highlight
			}
			if slim {
				h = annotation.Highlight{ID: h.ID, Quote: annotation.TextQuote{Exact: h.Quote.Exact}, Note: h.Note, Actors: h.Actors, Orphaned: h.Orphaned}
			}
			m[kept] = append(m[kept], actorPassage{h, ref.ActorID})
		}
	}
}

// actorNotesOf renders the notes of actors (by name) from their passages.
func (r *renderer) actorNotesOf(byActor actorPassages, actors []annotation.Actor) []Note {
	var notes []Note
	for _, actor := range sortedActors(actors) {
		m := byActor[actor.ID]
		if len(m) == 0 {
			continue
		}
		arts := make([]*Article, 0, len(m))
		for a := range m {
			arts = append(arts, a)
		}
		newestFirst(arts)
		var b strings.Builder
		b.WriteString("# ")
		b.WriteString(inline(actor.Name))
		b.WriteString("\n")
		if strings.TrimSpace(actor.Note) != "" {
			b.WriteString("\n")
			writeLines(&b, actor.Note, "")
		}
		for _, a := range arts {
			b.WriteString("\n## ")
			b.WriteString(wikiLink(r.names.Article(a), orUntitled(a.Title)))
			b.WriteString("\n")
			for _, e := range m[a] {
				b.WriteByte('\n')
				r.quote(&b, e.h.Quote.Exact)
				b.WriteString("\n")
				b.WriteString(r.backLink(a, e.h, e.actor))
				if e.h.Orphaned != "" {
					b.WriteString(" · not found in the current text")
				}
				b.WriteString("\n")
				if strings.TrimSpace(cleanText(e.h.Note)) != "" {
					b.WriteString("\n")
					writeLines(&b, e.h.Note, "")
				}
			}
		}
		notes = append(notes, Note{Name: r.names.Actor(actor), ID: actor.ID, front: actorFrontMatter(actor), Body: []byte(b.String())})
	}
	return notes
}
