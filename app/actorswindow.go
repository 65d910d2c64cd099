package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/plural"
)

// actorEditor is what the Actors window asks of the controller: the actors
// it knows, their highlights across the library, and the changes to them.
// Every change is reported over parent, the window it was made in.
type actorEditor interface {
	// actorList lists the actors by name.
	actorList() []annotation.Actor
	// actorByID returns an actor the window knows.
	actorByID(id string) (annotation.Actor, bool)
	// actorName is an actor's name, or a placeholder for one deleted.
	actorName(id string) string
	// highlightCount is the number of highlights an actor is in.
	highlightCount(id string) int
	// loadActorHighlights reads an actor's highlights and the titles of
	// their articles off the main goroutine and hands them to then.
	loadActorHighlights(id string, then func(hls []annotation.Highlight, titles map[string]string, err error))
	// saveActor stores an edited actor.
	saveActor(act annotation.Actor, parent fyne.Window)
	// mergeActors merges one actor into another, which the window then shows.
	mergeActors(fromID, intoID string, parent fyne.Window)
	// deleteActor removes an actor from the library and its highlights.
	deleteActor(id string, parent fyne.Window)
	// jumpToHighlight shows a highlight in the main window.
	jumpToHighlight(articleID, hlID string)
	// showError says what went wrong over a window.
	showError(w fyne.Window, title string, err error)
}

// actorsWindow lists every actor with kind, colour, aliases and number of
// highlights; the selected actor can be renamed, recoloured, given another
// kind, aliases and a note, merged into another or deleted, and its
// highlights across the library are listed, each a click away from its
// place in the reader.
type actorsWindow struct {
	*namedEditor
	k *actorKind
}

// actorKind is what the Actors window edits: actors, with their kind as
// the form's own field.
type actorKind struct {
	ed  actorEditor
	win func() fyne.Window
	// kind is the actor's kind in the form.
	kind *widget.Select
	// actors are the actors as listed.
	actors []annotation.Actor
}

// newActorsWindow builds the Actors window (not yet shown).
func newActorsWindow(fa fyne.App, ed actorEditor) *actorsWindow {
	k := &actorKind{ed: ed, kind: widget.NewSelect(pickerKinds, nil)}
	w := &actorsWindow{k: k}
	k.win = func() fyne.Window { return w.win }
	w.namedEditor = newNamedEditor(fa, k, namedLook{
		noun:      "actor",
		title:     "Actors — Dramatis",
		hint:      "Choose an actor on the left.",
		passages:  "Highlights",
		own:       widget.NewFormItem("Kind", k.kind),
		aliasHint: "Other names, one per line (Pjöngjang, DVRK, Nordkoreas …)",
		noteHint:  "Note about this actor (optional)",
		aliasRows: 3,
	})
	return w
}

// selectActor fills the form with an actor and lists its highlights.
func (w *actorsWindow) selectActor(id string) { w.choose(id) }

// actorNamed is what the shared editor shows of an actor.
func (w *actorKind) actorNamed(act annotation.Actor) named {
	return named{ID: act.ID, Name: act.Name, Color: act.Color, Note: act.Note, Aliases: act.Aliases, Line: w.actorLine(act)}
}

// rows lists the actors by name.
func (w *actorKind) rows() []named {
	w.actors = w.ed.actorList()
	out := make([]named, len(w.actors))
	for i, act := range w.actors {
		out[i] = w.actorNamed(act)
	}
	return out
}

// record reads one actor.
func (w *actorKind) record(id string) (named, bool) {
	act, ok := w.ed.actorByID(id)
	if !ok {
		return named{}, false
	}
	return w.actorNamed(act), true
}

// fillOwn shows the actor's kind.
func (w *actorKind) fillOwn(id string) {
	if act, ok := w.ed.actorByID(id); ok {
		w.kind.SetSelected(string(act.Kind))
	}
}

// offerOwn has nothing to offer: every kind fits every actor.
func (w *actorKind) offerOwn(string) {}

// save stores the actor with the form's fields and kind.
func (w *actorKind) save(n named) {
	act, ok := w.ed.actorByID(n.ID)
	if !ok {
		return
	}
	act.Name, act.Color, act.Aliases, act.Note = n.Name, n.Color, n.Aliases, n.Note
	act.Kind = annotation.Kind(w.kind.Selected)
	w.ed.saveActor(act, w.win())
}

// actorLine is the second line of an actor's row: kind, count, aliases.
func (w *actorKind) actorLine(act annotation.Actor) string {
	parts := []string{string(act.Kind), plural.Of(w.ed.highlightCount(act.ID), "highlight")}
	if len(act.Aliases) > 0 {
		parts = append(parts, strings.Join(act.Aliases, ", "))
	}
	return strings.Join(parts, " · ")
}

// loadPassages reads the actor's highlights across the library.
func (w *actorKind) loadPassages(id string, then func([]annotation.Highlight, map[string]string, error)) {
	w.ed.loadActorHighlights(id, then)
}

// passageLine names the article a highlight is in, with the actor's role
// there.
func (w *actorKind) passageLine(sel string, h annotation.Highlight, titles map[string]string) string {
	t := titles[h.ArticleID]
	if t == "" {
		t = "Untitled"
	}
	for _, r := range h.Actors {
		if r.ActorID == sel && r.Role != annotation.RoleMentioned {
			return t + " · " + string(r.Role)
		}
	}
	return t
}

// hlLine is a highlight's line in the list of the selected actor.
func (w *actorsWindow) hlLine(h annotation.Highlight) string { return w.passageLine(h) }

// passagesHeading heads the list of the actor's highlights.
func (w *actorKind) passagesHeading(id string, n int) string {
	return fmt.Sprintf("Highlights with %s (%d) — click one to go there", w.ed.actorName(id), n)
}

// mergeQuestion asks before merging one actor into another.
func (w *actorKind) mergeQuestion(fromID, intoID string, _ []annotation.Highlight, _ map[string]string) string {
	from, into := w.ed.actorName(fromID), w.ed.actorName(intoID)
	return fmt.Sprintf("Merge %s into %s? Its %s and its names become %s's.", from, into, plural.Of(w.ed.highlightCount(fromID), "highlight"), into)
}

// deleteQuestion asks before deleting an actor.
func (w *actorKind) deleteQuestion(id string, _ []annotation.Highlight, _ map[string]string) string {
	return fmt.Sprintf("Delete %s? It is removed from its %s; the highlights stay.", w.ed.actorName(id), plural.Of(w.ed.highlightCount(id), "highlight"))
}

// merge merges one actor into another.
func (w *actorKind) merge(fromID, intoID string, parent fyne.Window) {
	w.ed.mergeActors(fromID, intoID, parent)
}

// remove deletes an actor.
func (w *actorKind) remove(id string, parent fyne.Window) { w.ed.deleteActor(id, parent) }

// jumpToHighlight shows a highlight in the main window.
func (w *actorKind) jumpToHighlight(articleID, hlID string) { w.ed.jumpToHighlight(articleID, hlID) }

// showError says what went wrong over a window.
func (w *actorKind) showError(win fyne.Window, title string, err error) {
	w.ed.showError(win, title, err)
}
