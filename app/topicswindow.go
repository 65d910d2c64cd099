package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/plural"
)

// topicTop is the parent choice for a topic at the top level.
const topicTop = "(top level)"

// maxUsesInQuestion is how many highlights the delete and merge questions
// quote before saying how many more there are.
const maxUsesInQuestion = 5

// topicsWindow lists every topic with its colour, parent, aliases and
// number of highlights; the selected topic can be renamed, recoloured,
// moved under another, given aliases and a note, merged into another or
// deleted (the question quotes the highlights that use it), and the
// statements on it across the library are listed, each a click away from
// its place in the reader.
type topicsWindow struct {
	*namedEditor
	k *topicKind
}

// topicKind is what the Topics window edits: topics, with their parent as
// the form's own field.
type topicKind struct {
	c   *controller
	win func() fyne.Window
	// parent is the topic's parent in the form.
	parent *widget.Select
	// topics are the topics as listed.
	topics []annotation.Topic
}

// newTopicsWindow builds the Topics window (not yet shown).
func newTopicsWindow(c *controller) *topicsWindow {
	k := &topicKind{c: c, parent: widget.NewSelect(nil, nil)}
	w := &topicsWindow{k: k}
	k.win = func() fyne.Window { return w.win }
	w.namedEditor = newNamedEditor(c.sh.fa, k, namedLook{
		noun:      "topic",
		title:     "Topics — Dramatis",
		hint:      "Choose a topic on the left. New topics are made in the highlight picker: # after an actor.",
		passages:  "Statements",
		own:       widget.NewFormItem("Under", k.parent),
		aliasHint: "Other names, one per line (Sanctions, Strafmaßnahmen …)",
		noteHint:  "What the topic covers (optional)",
		aliasRows: 2,
		noteRows:  2,
	})
	return w
}

// selectTopic fills the form with a topic and lists the statements on it.
func (w *topicsWindow) selectTopic(id string) { w.choose(id) }

// hlLine is a highlight's line in the list of the selected topic.
func (w *topicsWindow) hlLine(h annotation.Highlight) string { return w.passageLine(h) }

// topicLine is the second line of a topic's row.
func (w *topicsWindow) topicLine(t annotation.Topic) string { return w.k.topicLine(t) }

// topicNamed is what the shared editor shows of a topic.
func (k *topicKind) topicNamed(t annotation.Topic) named {
	return named{ID: t.ID, Name: t.Name, Color: t.Color, Note: t.Note, Aliases: t.Aliases, Line: k.topicLine(t)}
}

// rows lists the topics by name.
func (k *topicKind) rows() []named {
	k.topics = k.c.topics.sorted()
	out := make([]named, len(k.topics))
	for i, t := range k.topics {
		out[i] = k.topicNamed(t)
	}
	return out
}

// record reads one topic.
func (k *topicKind) record(id string) (named, bool) {
	t, ok := k.c.topics[id]
	if !ok {
		return named{}, false
	}
	return k.topicNamed(t), true
}

// topicLine is the second line of a topic's row: parent, uses, aliases.
func (k *topicKind) topicLine(t annotation.Topic) string {
	var parts []string
	if t.Parent != "" {
		parts = append(parts, "in "+k.c.topics.name(t.Parent))
	}
	parts = append(parts, plural.Of(k.c.topicCounts[t.ID], "highlight"))
	if len(t.Aliases) > 0 {
		parts = append(parts, strings.Join(t.Aliases, ", "))
	}
	return strings.Join(parts, " · ")
}

// offerOwn offers the parents the selected topic may have: top-level
// topics other than itself, none when it has topics under it (one level
// of hierarchy).
func (k *topicKind) offerOwn(sel string) {
	hasChildren := false
	for _, t := range k.topics {
		hasChildren = hasChildren || t.Parent == sel
	}
	parents := []string{topicTop}
	for _, t := range k.topics {
		if t.ID != sel && t.Parent == "" && !hasChildren {
			parents = append(parents, t.Name)
		}
	}
	k.parent.Options = parents
}

// fillOwn shows the topic's parent.
func (k *topicKind) fillOwn(id string) {
	t := k.c.topics[id]
	if t.Parent != "" {
		k.parent.SetSelected(k.c.topics.name(t.Parent))
		return
	}
	k.parent.SetSelected(topicTop)
}

// save stores the topic with the form's fields and parent.
func (k *topicKind) save(n named) {
	t, ok := k.c.topics[n.ID]
	if !ok {
		return
	}
	t.Name, t.Color, t.Aliases, t.Note = n.Name, n.Color, n.Aliases, n.Note
	t.Parent = ""
	for _, o := range k.topics {
		if o.Name == k.parent.Selected && o.ID != t.ID {
			t.Parent = o.ID
		}
	}
	k.c.saveTopic(t, k.win())
}

// loadPassages reads the statements on a topic across the library.
func (k *topicKind) loadPassages(id string, then func([]annotation.Highlight, map[string]string, error)) {
	k.c.loadTopicHighlights(id, then)
}

// passageLine names a highlight's article and who says what on the topic:
// "Title · Kim Jong-un opposes".
func (k *topicKind) passageLine(sel string, h annotation.Highlight, titles map[string]string) string {
	t := titles[h.ArticleID]
	if t == "" {
		t = "Untitled"
	}
	parts := []string{t}
	for _, r := range h.Actors {
		if r.Topic != sel {
			continue
		}
		s := k.c.actors.name(r.ActorID)
		if r.Stance != annotation.StanceUnset {
			s += " " + string(r.Stance)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " · ")
}

// passagesHeading heads the list of statements on a topic.
func (k *topicKind) passagesHeading(id string, n int) string {
	return fmt.Sprintf("Statements on %s (%d) — click one to go there", k.c.topics.name(id), n)
}

// usesText quotes up to maxUsesInQuestion of the highlights listed for a
// topic, for a question about it.
func usesText(hls []annotation.Highlight, titles map[string]string) string {
	var b strings.Builder
	for i, h := range hls {
		if i == maxUsesInQuestion {
			fmt.Fprintf(&b, "\n… and %d more", len(hls)-i)
			break
		}
		fmt.Fprintf(&b, "\n“%s” (%s)", shortQuote(h.Quote.Exact, 60), titles[h.ArticleID])
	}
	return b.String()
}

// mergeQuestion asks before merging one topic into another, quoting its
// uses.
func (k *topicKind) mergeQuestion(fromID, intoID string, uses []annotation.Highlight, titles map[string]string) string {
	from, into := k.c.topics.name(fromID), k.c.topics.name(intoID)
	return fmt.Sprintf("Merge %s into %s? Its %s and its names become %s's.%s", from, into,
		plural.Of(len(uses), "highlight"), into, usesText(uses, titles))
}

// deleteQuestion asks before deleting a topic, quoting its uses.
func (k *topicKind) deleteQuestion(id string, uses []annotation.Highlight, titles map[string]string) string {
	name := k.c.topics.name(id)
	if len(uses) == 0 {
		return fmt.Sprintf("Delete %s? No highlight uses it.", name)
	}
	return fmt.Sprintf("Delete %s? %s %s it; %s actors stay:%s", name, plural.Of(len(uses), "highlight"), plural.Word(len(uses), "loses", "lose"),
		plural.Word(len(uses), "its", "their"), usesText(uses, titles))
}

// merge merges one topic into another.
func (k *topicKind) merge(fromID, intoID string, parent fyne.Window) {
	k.c.mergeTopics(fromID, intoID, parent)
}

// remove deletes a topic.
func (k *topicKind) remove(id string, parent fyne.Window) { k.c.deleteTopic(id, parent) }

// jumpToHighlight shows a highlight in the main window.
func (k *topicKind) jumpToHighlight(articleID, hlID string) { k.c.jumpToHighlight(articleID, hlID) }

// showError says what went wrong over a window.
func (k *topicKind) showError(win fyne.Window, title string, err error) {
	k.c.showError(win, title, err)
}
