package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/storage"
)

// anyRole is the role choice that filters by actor alone; anyStance the
// stance choice that filters by topic alone.
const (
	anyRole   = "any role"
	anyStance = "any stance"
)

// filterBar holds the library pane's filters: an actor (by name or alias,
// in a role), a topic (by name or alias, with the topics under it, in a
// stance), the site, an author, a date range and whether the article has
// highlights or orphaned ones. They combine with the search words.
type filterBar struct {
	actor          *widget.SelectEntry
	role           *widget.Select
	topic          *widget.SelectEntry
	stance         *widget.Select
	site, author   *widget.Entry
	from, to       *widget.Entry
	highlighted    *widget.Check
	orphaned       *widget.Check
	clear          *widget.Button
	content        *fyne.Container
	changed        func()
	settingQuietly bool
}

func newFilterBar(changed func()) *filterBar {
	f := &filterBar{changed: changed, settingQuietly: true}
	defer func() { f.settingQuietly = false }()
	onChange := func(string) { f.notify() }
	f.actor = widget.NewSelectEntry(nil)
	f.actor.SetPlaceHolder("Actor or alias")
	f.actor.OnChanged = onChange
	roles := []string{anyRole}
	for _, r := range annotation.Roles {
		roles = append(roles, string(r))
	}
	f.role = widget.NewSelect(roles, onChange)
	f.role.SetSelected(anyRole)
	f.topic = widget.NewSelectEntry(nil)
	f.topic.SetPlaceHolder("Topic or alias")
	f.topic.OnChanged = onChange
	f.stance = widget.NewSelect(append([]string{anyStance}, annotation.StanceNames()...), onChange)
	f.stance.SetSelected(anyStance)
	f.site = widget.NewEntry()
	f.site.SetPlaceHolder("Site")
	f.site.OnChanged = onChange
	f.author = widget.NewEntry()
	f.author.SetPlaceHolder("Author")
	f.author.OnChanged = onChange
	f.from = dateEntry("From (2024-03)", false, onChange)
	f.to = dateEntry("To (2024-12-31)", true, onChange)
	f.highlighted = widget.NewCheck("With highlights", func(bool) { f.notify() })
	f.orphaned = widget.NewCheck("With orphaned", func(bool) { f.notify() })
	f.clear = widget.NewButton("Clear filters", f.reset)
	f.content = container.NewVBox(
		container.NewBorder(nil, nil, nil, f.role, f.actor),
		container.NewBorder(nil, nil, nil, f.stance, f.topic),
		container.NewGridWithColumns(2, f.site, f.author),
		container.NewGridWithColumns(2, f.from, f.to),
		container.NewHBox(f.highlighted, f.orphaned),
		container.NewHBox(f.clear),
	)
	f.content.Hide()
	return f
}

// dateEntry is a field for one end of the date range: a day, a month or a
// year, checked as the reader types.
func dateEntry(hint string, end bool, onChange func(string)) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(hint)
	e.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		_, err := storage.ParseDate(s, end)
		return err
	}
	e.OnChanged = onChange
	return e
}

// setActors offers the library's actor names in the actor field.
func (f *filterBar) setActors(names []string) {
	f.actor.SetOptions(names)
}

// setTopics offers the library's topic names in the topic field.
func (f *filterBar) setTopics(names []string) {
	f.topic.SetOptions(names)
}

func (f *filterBar) notify() {
	if !f.settingQuietly && f.changed != nil {
		f.changed()
	}
}

// reset clears every filter, with one reload.
func (f *filterBar) reset() {
	f.settingQuietly = true
	f.actor.SetText("")
	f.role.SetSelected(anyRole)
	f.topic.SetText("")
	f.stance.SetSelected(anyStance)
	for _, e := range []*widget.Entry{f.site, f.author, f.from, f.to} {
		e.SetText("")
	}
	f.highlighted.SetChecked(false)
	f.orphaned.SetChecked(false)
	f.settingQuietly = false
	f.notify()
}

// active reports whether any filter is set.
func (f *filterBar) active() bool {
	return f.actorName() != "" || f.topicName() != "" || strings.TrimSpace(f.site.Text+f.author.Text+f.from.Text+f.to.Text) != "" ||
		f.highlighted.Checked || f.orphaned.Checked
}

func (f *filterBar) actorName() string { return strings.TrimSpace(f.actor.Text) }

func (f *filterBar) topicName() string { return strings.TrimSpace(f.topic.Text) }

// statements reports whether a filter asks for statements (an actor or a
// topic): the search's hits are then the highlights that make them.
func (f *filterBar) statements() bool { return f.actorName() != "" || f.topicName() != "" }

// apply puts the filters into a search query (the actor and the topic,
// found by name, are the caller's: see listRequest). A date that does not parse is left
// out; its field says why.
func (f *filterBar) apply(q *storage.SearchQuery) {
	q.Site, q.Author = strings.TrimSpace(f.site.Text), strings.TrimSpace(f.author.Text)
	q.HasHighlights, q.HasOrphans = f.highlighted.Checked, f.orphaned.Checked
	if t, err := storage.ParseDate(f.from.Text, false); err == nil && strings.TrimSpace(f.from.Text) != "" {
		q.Since = t
	}
	if t, err := storage.ParseDate(f.to.Text, true); err == nil && strings.TrimSpace(f.to.Text) != "" {
		q.Before = t
	}
}

// role is the chosen role, "" for any.
func (f *filterBar) roleChosen() annotation.Role {
	if f.role.Selected == anyRole {
		return ""
	}
	return annotation.Role(f.role.Selected)
}

// stanceChosen is the chosen stance, unset for any.
func (f *filterBar) stanceChosen() annotation.Stance {
	if f.stance.Selected == anyStance {
		return annotation.StanceUnset
	}
	return annotation.Stance(f.stance.Selected)
}

// summary says in a few words which filters are on, for the button that
// shows and hides them.
func (f *filterBar) summary() string {
	n := 0
	for _, name := range []string{f.actorName(), f.topicName()} {
		if name != "" {
			n++
		}
	}
	for _, e := range []*widget.Entry{f.site, f.author, f.from, f.to} {
		if strings.TrimSpace(e.Text) != "" && e.Validate() == nil {
			n++
		}
	}
	for _, c := range []*widget.Check{f.highlighted, f.orphaned} {
		if c.Checked {
			n++
		}
	}
	if n == 0 {
		return "Filters"
	}
	return fmt.Sprintf("Filters (%d)", n)
}

// problem says which date the filter leaves out because it is not one,
// "" when both are fine.
func (f *filterBar) problem() string {
	for _, d := range []struct {
		e    *widget.Entry
		name string
	}{{f.from, "From"}, {f.to, "To"}} {
		if d.e.Validate() != nil {
			return d.name + ": not a date"
		}
	}
	return ""
}
