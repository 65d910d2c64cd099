package backup

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/storage"
)

// checker checks a backup as it is read, article by article, with the
// checks an import makes (article.MaxPageBytes for a text) and those the
// library makes when it stores records, so that an import refuses a
// damaged or tampered backup before writing anything, and cannot fail
// half-way for anything in the file. It keeps only ids.
type checker struct {
	articles, highlights map[string]bool
	// refs are the actors highlights name, each with one highlight that
	// names it (for the message); topicRefs the same for topics.
	refs, topicRefs map[string]string
	// count is how many articles were checked.
	count int
}

func newChecker() *checker {
	return &checker{articles: map[string]bool{}, highlights: map[string]bool{}, refs: map[string]string{}, topicRefs: map[string]string{}}
}

// article checks one article and its highlights, and fills in the
// article id a highlight leaves out.
func (c *checker) article(a *export.Article) error {
	c.count++
	if err := checkID("article", a.ID); err != nil {
		return err
	}
	if c.articles[a.ID] {
		return fmt.Errorf("the article id %s appears twice", a.ID)
	}
	c.articles[a.ID] = true
	if len(a.Blocks) == 0 {
		return fmt.Errorf("the article %s has no text", a.ID)
	}
	if n := textBytes(a); n > article.MaxPageBytes {
		return fmt.Errorf("the article %s has %s of text, more than any page Dramatis imports (%s)", a.ID, article.SizeString(int64(n)), article.SizeString(article.MaxPageBytes))
	}
	if err := storage.CheckCorrections(a.Corrected); err != nil {
		return fmt.Errorf("the article %s: %w", a.ID, err)
	}
	if err := storage.CheckSource(a.Source); err != nil {
		return fmt.Errorf("the article %s: %w", a.ID, err)
	}
	for j := range a.Highlights {
		if err := c.highlight(a.ID, &a.Highlights[j]); err != nil {
			return err
		}
	}
	return nil
}

// textBytes is the length of an article's text without building it.
func textBytes(a *export.Article) int {
	n := 0
	for _, b := range a.Blocks {
		n += len(b.Text) + 2
	}
	return n
}

// highlight checks one highlight of article id. Offsets are not checked
// here: offsets that do not hold the quote are placed by the quote when
// the highlight is imported (see place).
func (c *checker) highlight(articleID string, h *annotation.Highlight) error {
	if err := checkID("highlight", h.ID); err != nil {
		return err
	}
	if c.highlights[h.ID] {
		return fmt.Errorf("the highlight id %s appears twice", h.ID)
	}
	c.highlights[h.ID] = true
	if h.ArticleID == "" {
		h.ArticleID = articleID
	}
	if h.ArticleID != articleID {
		return fmt.Errorf("the highlight %s is filed under article %s but names article %s", h.ID, articleID, cut(h.ArticleID, 40))
	}
	for _, ref := range h.Actors {
		if ref.Role != "" && !ref.Role.Valid() {
			return fmt.Errorf("the highlight %s gives actor %s the role %q", h.ID, cut(ref.ActorID, 40), cut(string(ref.Role), 20))
		}
		if _, ok := c.refs[ref.ActorID]; !ok {
			c.refs[ref.ActorID] = h.ID
		}
		if err := c.statement(h.ID, ref); err != nil {
			return err
		}
	}
	return nil
}

// statement checks the topic and stance of one actor of highlight id: a
// known stance, and only on a topic.
func (c *checker) statement(id string, ref annotation.ActorRef) error {
	if !ref.Stance.Valid() {
		return fmt.Errorf("the highlight %s gives actor %s the stance %q, not one of %s", id, cut(ref.ActorID, 40), cut(string(ref.Stance), 20), annotation.StanceChoices())
	}
	if ref.Topic == "" {
		if ref.Stance != annotation.StanceUnset {
			return fmt.Errorf("the highlight %s gives actor %s a stance without a topic", id, cut(ref.ActorID, 40))
		}
		return nil
	}
	if _, ok := c.topicRefs[ref.Topic]; !ok {
		c.topicRefs[ref.Topic] = id
	}
	return nil
}

// finish checks the actors and preferences, and that every actor a
// highlight names is in the backup.
func (c *checker) finish(cont contents) error {
	actors := map[string]bool{}
	for _, a := range cont.actors {
		if err := checkID("actor", a.ID); err != nil {
			return err
		}
		if actors[a.ID] {
			return fmt.Errorf("the actor id %s appears twice", a.ID)
		}
		actors[a.ID] = true
		if article.CleanInline(a.Name) == "" {
			return fmt.Errorf("the actor %s has no name", a.ID)
		}
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if utf8.RuneCountInString(n) > storage.MaxNameRunes {
				return fmt.Errorf("the actor %s has a name or alias of %d characters, longer than any actor's", a.ID, utf8.RuneCountInString(n))
			}
		}
	}
	for id, h := range c.refs {
		if !actors[id] {
			return fmt.Errorf("the highlight %s names actor %s, which the backup does not hold", h, cut(id, 40))
		}
	}
	if err := c.finishTopics(cont.topics); err != nil {
		return err
	}
	for k, v := range cont.prefs {
		if k == "" || len(k) > storage.MaxPreferenceKeyBytes || len(v) > storage.MaxPreferenceBytes {
			return fmt.Errorf("the preference %q is not a setting Dramatis keeps", cut(k, 40))
		}
	}
	return checkDeletions(cont.deleted)
}

// checkDeletions checks the records of deletions as the library would
// store them: a known kind, an id, a time it can keep, the id merged
// into only for an actor or topic, each record once. (How many there
// may be is bounded by maxValueBytes, as the actors are.)
func checkDeletions(dels []Deletion) error {
	seen := make(map[Deletion]bool, len(dels))
	for i, d := range dels {
		kind, ok := deletionKind(d.Kind)
		if !ok {
			return fmt.Errorf("deletion record %d is of the kind %q, not highlight, actor, topic or article", i+1, cut(d.Kind, 20))
		}
		if err := checkID("deletion", d.ID); err != nil {
			return err
		}
		if d.At.UnixMilli() <= 0 {
			return fmt.Errorf("the deletion record of %s %s has no time, or one before 1970", d.Kind, d.ID)
		}
		if d.Into != "" {
			if kind != storage.DeletedActor && kind != storage.DeletedTopic {
				return fmt.Errorf("the deletion record of %s %s names one it was merged into, which only an actor or topic can be", d.Kind, d.ID)
			}
			if err := checkID("merged-into", d.Into); err != nil {
				return err
			}
		}
		k := Deletion{Kind: d.Kind, ID: d.ID}
		if seen[k] {
			return fmt.Errorf("the deletion record of %s %s appears twice", d.Kind, d.ID)
		}
		seen[k] = true
	}
	return nil
}

// finishTopics checks the topics as the library would store them (an
// id, a name unique case-insensitively, bounded names and note, a parent
// in the backup that has no parent itself), and that every topic a
// highlight names is in the backup.
func (c *checker) finishTopics(topics []annotation.Topic) error {
	byID := map[string]annotation.Topic{}
	names := map[string]string{}
	for _, t := range topics {
		if err := checkID("topic", t.ID); err != nil {
			return err
		}
		if _, ok := byID[t.ID]; ok {
			return fmt.Errorf("the topic id %s appears twice", t.ID)
		}
		byID[t.ID] = t
		if article.CleanInline(t.Name) == "" {
			return fmt.Errorf("the topic %s has no name", t.ID)
		}
		if other, ok := names[annotation.NameKey(t.Name)]; ok {
			return fmt.Errorf("the topics %s and %s have the same name %q", other, t.ID, cut(t.Name, 40))
		}
		names[annotation.NameKey(t.Name)] = t.ID
		for _, n := range append([]string{t.Name}, t.Aliases...) {
			if utf8.RuneCountInString(n) > storage.MaxNameRunes {
				return fmt.Errorf("the topic %s has a name or alias of %d characters, longer than any topic's", t.ID, utf8.RuneCountInString(n))
			}
		}
		if len(t.Note) > storage.MaxTopicNoteBytes {
			return fmt.Errorf("the topic %s has a note of %d bytes, longer than any topic's", t.ID, len(t.Note))
		}
	}
	for _, t := range topics {
		if t.Parent == "" {
			continue
		}
		p, ok := byID[t.Parent]
		switch {
		case !ok:
			return fmt.Errorf("the topic %s is under topic %s, which the backup does not hold", t.ID, cut(t.Parent, 40))
		case p.Parent != "" || p.ID == t.ID:
			return fmt.Errorf("the topic %s is under topic %s, which is not a top-level topic (topics go one level deep)", t.ID, p.ID)
		}
	}
	for id, h := range c.topicRefs {
		if _, ok := byID[id]; !ok {
			return fmt.Errorf("the highlight %s names topic %s, which the backup does not hold", h, cut(id, 40))
		}
	}
	return nil
}

// checkID accepts the ids Dramatis makes: letters, digits, '-' and '_',
// at most storage.MaxIDBytes long. Anything else (a path such as
// "../../x", a control character) is not an id of Dramatis's.
func checkID(what, id string) error {
	ok := id != "" && len(id) <= storage.MaxIDBytes
	for i := 0; ok && i < len(id); i++ {
		c := id[i]
		ok = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_'
	}
	if !ok {
		return fmt.Errorf("the %s record has the malformed id %q (Dramatis's ids are letters, digits, '-' and '_')", what, cut(strings.ToValidUTF8(id, "\uFFFD"), 40))
	}
	return nil
}

// placement counts what placing highlights did.
type placement struct {
	reanchored, orphaned int
}

// placeAll puts highlights into text: a highlight stays where it is when
// its quote is there, else it goes where its quote is found
// (annotation.Anchorer), else it is orphaned. Orphans are looked for only
// when the text is not the one they were orphaned in (reanchorOrphans);
// their stale offsets are kept inside the text, as the library stores
// them. The anchorer (the text as code points) is only built when a
// highlight is not where it says.
func placeAll(text string, hs []annotation.Highlight, reanchorOrphans bool, p *placement) {
	if len(hs) == 0 {
		return
	}
	inPlace := quotesInPlace(text, hs)
	n := utf8.RuneCountInString(text)
	var anc *annotation.Anchorer
	for i := range hs {
		h := &hs[i]
		if h.Orphaned == "" && inPlace[i] && !reanchorOrphans {
			continue
		}
		if h.Orphaned == "" || reanchorOrphans {
			if anc == nil {
				anc = annotation.NewAnchorer(text)
			}
			was := h.Orphaned
			var m annotation.AnchorMethod
			*h, m = anc.Reanchor(*h)
			switch {
			case m == annotation.AnchorOrphaned && was == "":
				p.orphaned++
			case m != annotation.AnchorOrphaned && m != annotation.AnchorPosition:
				p.reanchored++
			}
		}
		h.Start = max(0, min(h.Start, n))
		h.End = max(h.Start, min(h.End, n))
	}
}

// quotesInPlace reports, for each highlight, whether the text holds its
// quote, non-empty, at its offsets (code points). It walks the text once,
// in the order of the highlights' starts.
func quotesInPlace(text string, hs []annotation.Highlight) []bool {
	order := make([]int, len(hs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(hs[a].Start, hs[b].Start) })
	ok := make([]bool, len(hs))
	r, b := 0, 0 // code point r is at byte b
	advance := func(to int) int {
		for r < to && b < len(text) {
			_, size := utf8.DecodeRuneInString(text[b:])
			b += size
			r++
		}
		return b
	}
	for _, i := range order {
		h := &hs[i]
		if h.Start < 0 || h.End <= h.Start || h.End-h.Start > len(h.Quote.Exact) {
			continue
		}
		bs := advance(h.Start)
		if r != h.Start {
			break // past the end of the text; so are the rest
		}
		be := advance(h.End)
		ok[i] = r == h.End && text[bs:be] == h.Quote.Exact
		r, b = h.Start, bs // the next highlight starts here or later
	}
	return ok
}

// placeInOwnText places an article's highlights in its own text (a new
// article from the backup).
func placeInOwnText(a *export.Article, p *placement) {
	if p == nil {
		p = &placement{}
	}
	placeAll(a.Text(), a.Highlights, false, p)
}
