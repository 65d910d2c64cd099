package app

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/widgets"
)

// The filters' choices that keep every highlight.
const (
	allActors = "All actors"
	allTopics = "All topics"
)

// notesWindow is how many cards the pane builds at a time. A card costs a
// few milliseconds of text layout, so an article with 10,000 highlights
// shows a window of them around the selected one, with buttons for the
// cards before and after, instead of taking a minute to build them all.
const notesWindow = 50

// notesPane lists the current article's highlights in reading order as
// cards (quote, actor chips, note), filtered by actor, by the topic of a
// statement (with the topics under it) and by stance; tapping a card
// scrolls the reader to the passage.
type notesPane struct {
	sh     *shell
	do     notesActions
	filter *widget.Select
	// topicFilter and stanceFilter show once the article has statements
	// on topics (topicRow), so that readers who use none see one filter.
	topicFilter, stanceFilter *widget.Select
	topicRow                  *fyne.Container
	heading                   *widget.Label
	list                      *widgets.CardList
	scroll                    *container.Scroll // the list's
	content                   fyne.CanvasObject

	cards    map[string]*widgets.HighlightCard
	filterID string // actor id the list is filtered by; "" for all
	names    map[string]string
	// topicID and stance filter the statements ("" and unset for all);
	// topicNames maps the topic filter's choices to ids.
	topicID    string
	stance     annotation.Stance
	topicNames map[string]string

	// shown are the highlights that pass the filter, in reading order;
	// cards exist for shown[first:first+notesWindow].
	shown   []annotation.Highlight
	first   int
	article string // the article the window position belongs to

	// hls and actors are what show was given last: the current article's
	// highlights in reading order and the library's actors.
	hls    []annotation.Highlight
	actors actorSet
	// topics names the topics of statements (the controller sets it).
	topics topicSet
	// selected is the highlight whose card is marked.
	selected string
}

// notesActions are what the notes pane asks of the controller.
type notesActions struct {
	// selectHighlight selects a highlight and scrolls the reader to it.
	selectHighlight func(id string)
	// highlightMenu opens a highlight's context menu.
	highlightMenu func(id string, abs fyne.Position)
	// edit and remove act on a highlight from the keyboard (E, Delete).
	edit, remove func(id string)
	// letGo is Escape: no highlight stays selected.
	letGo func()
	// typedRune gets the letters the list does not use (H).
	typedRune func(r rune)
}

func newNotesPane(sh *shell, do notesActions) *notesPane {
	p := &notesPane{sh: sh, do: do, cards: map[string]*widgets.HighlightCard{}}
	p.heading = widget.NewLabel("Highlights")
	p.heading.TextStyle.Bold = true
	p.filter = widget.NewSelect([]string{allActors}, func(s string) {
		p.filterID = p.names[s]
		p.filtersChanged()
	})
	p.filter.Selected = allActors
	p.topicFilter = widget.NewSelect([]string{allTopics}, func(s string) {
		p.topicID = p.topicNames[s]
		p.filtersChanged()
	})
	p.topicFilter.Selected = allTopics
	p.stanceFilter = widget.NewSelect(append([]string{anyStance}, annotation.StanceNames()...), func(s string) {
		p.stance = annotation.StanceUnset
		if s != anyStance {
			p.stance = annotation.Stance(s)
		}
		p.filtersChanged()
	})
	p.stanceFilter.Selected = anyStance
	p.topicRow = container.NewGridWithColumns(2, p.topicFilter, p.stanceFilter)
	p.topicRow.Hide()
	p.list = widgets.NewCardList()
	p.scroll = p.list.Scroller()
	p.list.OnActivate = func(i int) { p.do.selectHighlight(p.cardID(i)) }
	p.list.OnEdit = func(i int) { p.do.edit(p.cardID(i)) }
	p.list.OnDelete = func(i int) { p.do.remove(p.cardID(i)) }
	p.list.OnEscape = do.letGo
	p.list.OnTypedRune = do.typedRune
	// The filter before the list in the tree, so that Tab goes from the
	// filter to the cards (container.NewBorder puts the centre first).
	top := container.NewVBox(p.heading, p.filter, p.topicRow)
	p.content = container.New(layout.NewBorderLayout(top, nil, nil, nil), top, p.list)
	return p
}

// filtersChanged shows the cards of another filter from the top (or at
// the selected card), not at the previous list's offset.
func (p *notesPane) filtersChanged() {
	p.first = 0
	p.scroll.Offset = fyne.Position{}
	p.render()
}

// filtering reports whether any filter hides highlights.
func (p *notesPane) filtering() bool {
	return p.filterID != "" || p.topicID != "" || p.stance != annotation.StanceUnset
}

// passes reports whether h makes a statement the filters ask for: one of
// its actors (the actor chosen) on the topic chosen or a topic under it,
// in the stance chosen.
func (p *notesPane) passes(h annotation.Highlight) bool {
	if !p.filtering() {
		return true
	}
	for _, r := range h.Actors {
		if (p.filterID == "" || r.ActorID == p.filterID) &&
			(p.topicID == "" || r.Topic != "" && (r.Topic == p.topicID || p.topics[r.Topic].Parent == p.topicID)) &&
			(p.stance == annotation.StanceUnset || r.Stance == p.stance) {
			return true
		}
	}
	return false
}

// cardID is the id of the highlight of the i-th card built.
func (p *notesPane) cardID(i int) string {
	if i < 0 || p.first+i >= len(p.shown) {
		return ""
	}
	return p.shown[p.first+i].ID
}

// show rebuilds the list from an article's highlights ("" and none when
// no article is open), keeping the actor filter when that actor still
// appears, and marks the selected highlight's card.
func (p *notesPane) show(articleID string, hls []annotation.Highlight, actors actorSet, selected string) {
	p.hls, p.actors, p.selected = hls, actors, selected
	seen := p.setFilterOptions()
	if !seen[p.filterID] {
		p.filterID = ""
	}
	if !p.setTopicOptions()[p.topicID] {
		p.topicID = ""
		p.topicFilter.Selected = allTopics
		p.topicFilter.Refresh()
	}
	if p.article != articleID {
		p.article, p.first = articleID, 0
	}
	p.render()
}

// setFilterOptions offers every actor of the highlights in the filter,
// keeping the one chosen; it returns the actor ids offered.
func (p *notesPane) setFilterOptions() map[string]bool {
	p.names = map[string]string{allActors: ""}
	opts := []string{allActors}
	seen := map[string]bool{}
	var ids []string
	for _, h := range p.hls {
		for _, ref := range h.Actors {
			if !seen[ref.ActorID] {
				seen[ref.ActorID] = true
				ids = append(ids, ref.ActorID)
			}
		}
	}
	var labels []string
	for _, id := range ids {
		name := p.actors.name(id)
		label := name
		if _, dup := p.names[label]; dup {
			label = fmt.Sprintf("%s (%d)", name, len(labels)+1) // two actors of one name
		}
		p.names[label] = id
		labels = append(labels, label)
	}
	sort.Slice(labels, func(i, j int) bool { return strings.ToLower(labels[i]) < strings.ToLower(labels[j]) })
	opts = append(opts, labels...)
	p.filter.Options = opts
	keep := allActors
	for l, id := range p.names {
		if id == p.filterID && id != "" {
			keep = l
		}
	}
	p.filter.Selected = keep
	p.filter.Refresh()
	return seen
}

// setTopicOptions offers the topics of the highlights' statements, and
// the topics they sit under, in the topic filter, keeping the one chosen;
// it returns the topic ids offered. The topic and stance filters show
// only when there is a topic to offer (or a stance is chosen).
func (p *notesPane) setTopicOptions() map[string]bool {
	seen := map[string]bool{}
	for _, h := range p.hls {
		for _, r := range h.Actors {
			if r.Topic == "" {
				continue
			}
			seen[r.Topic] = true
			if parent := p.topics[r.Topic].Parent; parent != "" {
				seen[parent] = true
			}
		}
	}
	p.topicNames = map[string]string{allTopics: ""}
	var labels []string
	keep := allTopics
	for id := range seen {
		label := p.topics.name(id)
		if _, dup := p.topicNames[label]; dup {
			label += " (" + id[len(id)-4:] + ")"
		}
		p.topicNames[label] = id
		labels = append(labels, label)
		if id == p.topicID {
			keep = label
		}
	}
	sort.Slice(labels, func(i, j int) bool { return strings.ToLower(labels[i]) < strings.ToLower(labels[j]) })
	p.topicFilter.Options = append([]string{allTopics}, labels...)
	p.topicFilter.Selected = keep
	p.topicFilter.Refresh()
	if len(seen) > 0 || p.stance != annotation.StanceUnset {
		p.topicRow.Show()
	} else {
		p.topicRow.Hide()
	}
	return seen
}

// render shows the cards that pass the filter, the window of them from
// p.first, with buttons for the ones before and after it.
func (p *notesPane) render() {
	p.cards = map[string]*widgets.HighlightCard{}
	p.shown = p.shown[:0]
	for _, h := range p.hls {
		if p.passes(h) {
			p.shown = append(p.shown, h)
		}
	}
	n := len(p.shown)
	p.first = max(0, min(p.first, n-notesWindow))
	end := min(n, p.first+notesWindow)
	var before, after []fyne.CanvasObject
	if p.first > 0 {
		before = append(before, p.pageButton(fmt.Sprintf("Show earlier highlights (%d before these)", p.first), -notesWindow))
	}
	cards := make([]*widgets.HighlightCard, 0, end-p.first)
	for _, h := range p.shown[p.first:end] {
		cards = append(cards, p.card(h))
	}
	if end < n {
		after = append(after, p.pageButton(fmt.Sprintf("Show later highlights (%d after these)", n-end), notesWindow))
	}
	switch {
	case len(p.hls) == 0 && p.article != "":
		after = append(after, dimWrapped("No highlights yet. Select a passage in the article and press H to highlight it and tag its actors."))
	case len(p.hls) > 0 && n == 0 && p.filterID != "" && p.topicID == "" && p.stance == annotation.StanceUnset:
		after = append(after, dimWrapped("No highlight with this actor."))
	case len(p.hls) > 0 && n == 0:
		after = append(after, dimWrapped("No statement of this kind here."))
	}
	switch {
	case p.filtering():
		p.heading.SetText(fmt.Sprintf("Highlights (%d of %d)", n, len(p.hls)))
	default:
		p.heading.SetText(fmt.Sprintf("Highlights (%d)", len(p.hls)))
	}
	p.list.SetContent(before, cards, after)
	p.list.ClampScroll()
	p.markSelected(p.selected)
}

// pageButton moves the window of cards by step and shows its new start.
func (p *notesPane) pageButton(label string, step int) *widget.Button {
	b := widget.NewButton(label, func() {
		p.first += step
		p.render()
		if step > 0 {
			p.scroll.ScrollToTop()
		} else {
			p.scroll.ScrollToBottom()
		}
	})
	b.Importance = widget.LowImportance
	return b
}

// showWindowAround moves the window of cards so that it holds the
// highlight with id, if it passes the filter; it reports whether it did.
func (p *notesPane) showWindowAround(id string) bool {
	for i, h := range p.shown {
		if h.ID == id {
			if i < p.first || i >= p.first+notesWindow {
				p.first = i - notesWindow/2
				p.render()
			}
			return true
		}
	}
	return false
}

// card builds the card of one highlight.
func (p *notesPane) card(h annotation.Highlight) *widgets.HighlightCard {
	c := widgets.NewHighlightCard()
	var chips []widgets.Chip
	for _, ref := range h.Actors {
		ch := widgets.Chip{Label: p.actors.name(ref.ActorID)}
		if ref.Role != annotation.RoleMentioned {
			ch.Role = string(ref.Role)
		}
		if col, ok := p.actors.color(ref.ActorID); ok {
			ch.Color = col
		}
		ch.Statement = p.topics.statement(ref)
		chips = append(chips, ch)
	}
	warn := orphanWarning(h.Orphaned)
	c.Set(h.Quote.Exact, chips, h.Note, p.actors.viewHighlight(h).Color, warn)
	id := h.ID
	c.OnTapped = func() { p.do.selectHighlight(id) }
	c.OnSecondaryTapped = func(abs fyne.Position) {
		p.do.selectHighlight(id)
		p.do.highlightMenu(id, abs)
	}
	p.cards[id] = c
	return c
}

// markSelected marks a highlight's card and scrolls the list to it.
func (p *notesPane) markSelected(id string) {
	p.selected = id
	for cid, c := range p.cards {
		c.SetSelected(cid == id)
	}
	if _, ok := p.cards[id]; !ok {
		if id != "" {
			p.showWindowAround(id) // its render marks the card
		}
		return
	}
	// The keyboard's mark follows, and the list scrolls to the card when
	// it is out of view.
	for i := range len(p.cards) {
		if p.cardID(i) == id {
			p.list.SetCursor(i)
			p.list.ShowCard(i)
		}
	}
}

// reveal makes sure a highlight the reader works on has a card: when the
// filters hide it, they go back to all actors, topics and stances, so that
// the card of a highlight clicked in the text, jumped to from the Actors
// window or just made is there to see and to edit.
func (p *notesPane) reveal(id string) {
	if id == "" || p.cards[id] != nil {
		return
	}
	if p.showWindowAround(id) {
		return
	}
	if !p.filtering() || !p.has(id) {
		return
	}
	p.filterID, p.topicID, p.stance = "", "", annotation.StanceUnset
	for sel, all := range map[*widget.Select]string{p.filter: allActors, p.topicFilter: allTopics, p.stanceFilter: anyStance} {
		sel.Selected = all
		sel.Refresh()
	}
	p.setTopicOptions()
	p.filtersChanged()
}

// Card returns the card shown for a highlight (nil if filtered out).
func (p *notesPane) Card(id string) *widgets.HighlightCard { return p.cards[id] }

// focusFilter gives the keyboard to the actor filter.
func (p *notesPane) focusFilter() {
	p.sh.focus(p.filter)
}

// setTopicFilter filters by a topic id ("" for all) and a stance.
func (p *notesPane) setTopicFilter(topicID string, stance annotation.Stance) {
	p.stanceFilter.SetSelected(anyStance)
	if stance != annotation.StanceUnset {
		p.stanceFilter.SetSelected(string(stance))
	}
	for l, id := range p.topicNames {
		if id == topicID {
			p.topicFilter.SetSelected(l)
			return
		}
	}
}

// setFilter filters by an actor id ("" for all).
func (p *notesPane) setFilter(actorID string) {
	for l, id := range p.names {
		if id == actorID {
			p.filter.SetSelected(l)
			return
		}
	}
}

// orphanWarning says in one sentence why a highlight has no place in the
// text, without repeating the anchorer's reason when it says the same
// (annotation.OrphanGone: "the quoted passage is no longer in the text").
func orphanWarning(reason string) string {
	const kept = "; it is kept here with its actors and note."
	switch {
	case reason == "":
		return ""
	case annotation.OrphanReasonOf(reason) == annotation.OrphanGone:
		return "This passage is no longer in the article's text" + kept
	}
	return "This passage is no longer in the article's text as it was (" + reason + ")" + kept
}

// has reports whether the article shown has a highlight with id.
func (p *notesPane) has(id string) bool {
	for _, h := range p.hls {
		if h.ID == id {
			return true
		}
	}
	return false
}

func hasActor(h annotation.Highlight, id string) bool {
	for _, r := range h.Actors {
		if r.ActorID == id {
			return true
		}
	}
	return false
}

func dimWrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}
