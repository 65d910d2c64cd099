package article

import "time"

// Corrections are a reader's corrections of an article's metadata (the
// Article Info dialog, 'dramatis edit'): each field that is not nil was
// set by the reader (an empty string or list: cleared; a zero time: no
// date). An Article's fields already show them; they are kept apart so
// that importing the page again, restoring a backup or salvaging a
// library does not let the page's own metadata win over the reader's.
type Corrections struct {
	Title     *string    `json:"title,omitempty"`
	Site      *string    `json:"site,omitempty"`
	URL       *string    `json:"url,omitempty"`
	Section   *string    `json:"section,omitempty"`
	Lang      *string    `json:"lang,omitempty"`
	Authors   *[]string  `json:"authors,omitempty"`
	Published *time.Time `json:"published,omitempty"`
	// PageURL is the address the page itself gave when the reader
	// corrected the URL, so that importing the page again finds the
	// article.
	PageURL string `json:"pageURL,omitempty"`
}

// Apply puts the corrections over a's metadata (Section is the Kicker).
func (c *Corrections) Apply(a *Article) {
	if c == nil {
		return
	}
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&a.Title, c.Title)
	set(&a.Site, c.Site)
	set(&a.URL, c.URL)
	set(&a.Kicker, c.Section)
	set(&a.Lang, c.Lang)
	if c.Authors != nil {
		a.Authors = append([]string(nil), (*c.Authors)...)
	}
	if c.Published != nil {
		a.Published = *c.Published
	}
}

// Clone returns a deep copy (nil for nil).
func (c *Corrections) Clone() *Corrections {
	if c == nil {
		return nil
	}
	out := *c
	clone := func(p *string) *string {
		if p == nil {
			return nil
		}
		s := *p
		return &s
	}
	out.Title, out.Site, out.URL, out.Section, out.Lang = clone(c.Title), clone(c.Site), clone(c.URL), clone(c.Section), clone(c.Lang)
	if c.Authors != nil {
		as := append([]string{}, (*c.Authors)...)
		out.Authors = &as
	}
	if c.Published != nil {
		t := *c.Published
		out.Published = &t
	}
	return &out
}
