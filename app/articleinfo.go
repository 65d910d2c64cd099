package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// infoTimeLayout is how the Article Info dialog shows and reads the
// publication time; the date alone is accepted too, and an offset after
// the time ("2024-11-08 12:22 +01:00") sets the zone.
const infoTimeLayout = "2006-01-02 15:04"

// infoTimeText is how the form shows a stored publication time: the wall
// clock the page states, in the page's own zone (12:22 for a page stamped
// "12:22 Uhr" at +01:00, wherever the reader's computer is), as the
// Markdown notes cite it; "" for none.
func infoTimeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(infoTimeLayout)
}

// articleInfoForm is the Article Info dialog's fields. They are dialog
// entries: Escape in one closes the dialog, as it does elsewhere.
type articleInfoForm struct {
	title, site, url, authors, published, section, lang *dialogEntry
}

func newArticleInfoForm(sh *shell, a *article.Article) *articleInfoForm {
	entry := func(v, hint string) *dialogEntry {
		e := sh.newDialogEntry()
		e.SetText(v)
		e.SetPlaceHolder(hint)
		return e
	}
	pub := infoTimeText(a.Published)
	return &articleInfoForm{
		title: wrappedTitle(sh, entry(a.Title, "Title")), site: entry(a.Site, "Newspaper, site or source"),
		url: entry(a.URL, "https://…"), authors: entry(strings.Join(a.Authors, ", "), "Authors, separated by commas"),
		published: entry(pub, "2024-11-08 12:22 or 2024-11-08"), section: entry(a.Kicker, "Section or kicker"),
		lang: entry(a.Lang, "de, en, …"),
	}
}

// titleRows is how many lines the title field shows: most headlines fit
// in two at the dialog's width.
const titleRows = 2

// wrappedTitle makes the title field wrap over titleRows lines: a title
// is often wider than the field, which then scrolled sideways under a
// scroll bar with the end of the title out of sight. Enter still presses
// the default button; a title has one line (edit joins pasted lines).
func wrappedTitle(sh *shell, e *dialogEntry) *dialogEntry {
	e.MultiLine, e.Wrapping = true, fyne.TextWrapWord
	e.SetMinRowsVisible(titleRows)
	e.onEnter = func() { sh.dialogKey(fyne.KeyReturn) }
	return e
}

func (f *articleInfoForm) entries() []*dialogEntry {
	return []*dialogEntry{f.title, f.site, f.url, f.authors, f.published, f.section, f.lang}
}

func (f *articleInfoForm) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("Title", f.title), widget.NewFormItem("Site", f.site), widget.NewFormItem("Address", f.url),
		widget.NewFormItem("Authors", f.authors), widget.NewFormItem("Published", f.published),
		widget.NewFormItem("Section", f.section), widget.NewFormItem("Language", f.lang),
	}
}

// edit is what the reader changed against a, as a storage.ArticleEdit
// (fields left as they were are not set, so they keep following the
// page); an error for a date that does not read.
func (f *articleInfoForm) edit(a *article.Article) (storage.ArticleEdit, bool, error) {
	var e storage.ArticleEdit
	changed := false
	str := func(dst **string, entry *dialogEntry, was string) {
		if v := strings.TrimSpace(entry.Text); v != was {
			*dst, changed = &v, true
		}
	}
	if v := strings.Join(strings.Fields(f.title.Text), " "); v != strings.Join(strings.Fields(a.Title), " ") {
		e.Title, changed = &v, true
	}
	str(&e.Site, f.site, a.Site)
	str(&e.URL, f.url, a.URL)
	str(&e.Section, f.section, a.Kicker)
	str(&e.Lang, f.lang, a.Lang)
	var authors []string
	for _, s := range strings.Split(f.authors.Text, ",") {
		if s = strings.TrimSpace(s); s != "" {
			authors = append(authors, s)
		}
	}
	if strings.Join(authors, "\x00") != strings.Join(a.Authors, "\x00") {
		e.Authors, changed = &authors, true
	}
	if pub := strings.TrimSpace(f.published.Text); pub != infoTimeText(a.Published) {
		t, err := parseInfoTime(pub, infoTimeZone(a.Published))
		if err != nil {
			return e, false, err
		}
		e.Published, changed = &t, true
	}
	return e, changed, nil
}

// infoTimeZone is the zone a time typed without one is read in: the
// stored date's, because the form shows the page's wall clock in the
// page's zone and a reader correcting it (12:22 to 12:25) means the
// page's clock, not the computer's; the computer's zone only when there
// is no stored date to take one from.
func infoTimeZone(stored time.Time) *time.Location {
	if stored.IsZero() {
		return time.Local
	}
	return stored.Location()
}

// infoTimeLayouts are what the Published field reads, with an offset
// first so that one typed wins over the zone the time is read in.
var infoTimeLayouts = []string{infoTimeLayout + " Z07:00", infoTimeLayout, time.RFC3339, "2006-01-02T15:04", "2006-01-02"}

// parseInfoTime reads the Published field in loc (see infoTimeZone): empty
// clears it.
func parseInfoTime(s string, loc *time.Location) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, l := range infoTimeLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date: write it as 2024-11-08 12:22 or 2024-11-08", s)
}

// showArticleInfo lets the reader correct the current article's title,
// site, address, authors, date, section and language. What the reader
// sets is kept when the page is imported again.
func (c *controller) showArticleInfo() {
	if c.art == nil {
		c.sh.setStatus("Open an article first.")
		return
	}
	id, a := c.current, c.art
	f := newArticleInfoForm(c.sh, a)
	d := dialog.NewForm("Article Info", "Save", "Cancel", f.items(), c.saveInfoWhenConfirmed(id, f, a), c.sh.win)
	c.showInfoDialog(d, d.Submit, f, f.title)
}

// saveInfoWhenConfirmed is an info dialog's callback: when the reader
// confirmed, what the form changed is saved as corrections.
func (c *controller) saveInfoWhenConfirmed(id string, f *articleInfoForm, a *article.Article) func(bool) {
	return func(ok bool) {
		if !ok {
			return
		}
		e, changed, err := f.edit(a)
		if err != nil {
			c.sh.showError("Could not save the article's details", err)
			return
		}
		if changed {
			c.saveArticleInfo(id, e)
		}
	}
}

// articleInfoWidth is the info dialogs' width: room for a long title and
// address on one line.
const articleInfoWidth = 560

// showInfoDialog shows an info dialog with Enter in any field confirming
// it, as in the other dialogs, and the cursor in first.
func (c *controller) showInfoDialog(d dialog.Dialog, confirm func(), f *articleInfoForm, first fyne.Focusable) {
	for _, e := range f.entries() {
		e.OnSubmitted = func(string) { confirm() }
	}
	d.Resize(fyne.NewSize(articleInfoWidth, 0))
	d.Show()
	c.sh.win.Canvas().Focus(first)
}

// saveArticleInfo stores the corrections off the main goroutine and shows
// the article again with them.
func (c *controller) saveArticleInfo(id string, e storage.ArticleEdit) {
	var err error
	c.sh.run(func() { _, err = c.store.EditArticle(id, e) }, func() {
		if err != nil {
			c.sh.showError("Could not save the article's details", err)
			return
		}
		c.sh.setStatus("Saved the article's details; they stay when the page is imported again.")
		if id == c.current {
			c.openArticle(id)
		}
	})
}

// skipLabel is the button that leaves a new article's missing details
// empty; Escape presses it (dialogkeys.go).
const skipLabel = "Skip"

// askMissingDetails asks once, right after a page copied from the browser
// became a new article, for the site, address and date the copy did not
// state (most copies state none), in the Article Info form filled with
// what the cleaner found. What the reader enters is saved as corrections,
// as Article Info saves them; Skip (or Escape) leaves the article as it
// is, and Edit ▸ Article Info still reaches the form later. Another
// dialog already open (a question about another import) is not covered:
// the status line points to Article Info instead.
func (c *controller) askMissingDetails(id string, found *article.Article) {
	if c.sh.dialogOpen() {
		c.sh.setStatus("The new article names no site, address or date; Edit ▸ Article Info (Ctrl+I) adds them.")
		return
	}
	f := newArticleInfoForm(c.sh, found)
	intro := widget.NewLabel(missingDetailsText(found))
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(intro, widget.NewForm(f.items()...))
	d := dialog.NewCustomConfirm("Where is this article from?", "Save", skipLabel, content, c.saveInfoWhenConfirmed(id, f, found), c.sh.win)
	c.showInfoDialog(d, d.Confirm, f, firstMissing(f, found))
}

// missingDetailsText names what the copy did not say.
func missingDetailsText(a *article.Article) string {
	var missing []string
	if a.Site == "" {
		missing = append(missing, "site")
	}
	if a.URL == "" {
		missing = append(missing, "address")
	}
	if a.Published.IsZero() {
		missing = append(missing, "date")
	}
	what := strings.Join(missing, ", ")
	if n := len(missing); n > 1 {
		what = strings.Join(missing[:n-1], ", ") + " or " + missing[n-1]
	}
	return "The copied page names no " + what + ". Add what you know, for citing it later; " +
		"it stays when the page is imported again. Skip leaves the article as it is (Edit ▸ Article Info changes it later)."
}

// firstMissing is the field of the first detail the article lacks.
func firstMissing(f *articleInfoForm, a *article.Article) fyne.Focusable {
	switch {
	case a.Site == "":
		return f.site
	case a.URL == "":
		return f.url
	}
	return f.published
}
