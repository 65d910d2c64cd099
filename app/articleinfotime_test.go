package app

import (
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/storage"
)

// inZone runs the rest of a test as if the computer were in loc: the form
// must not depend on the zone the test process (or the reader) is in.
func inZone(t *testing.T, loc *time.Location) {
	t.Helper()
	was := time.Local
	time.Local = loc
	t.Cleanup(func() { time.Local = was })
}

// Article Info shows the publication time the page states, in the page's
// own zone, whatever zone the computer is in; saving the form unchanged
// leaves the stored instant and zone alone, and a time the reader corrects
// is read in the page's zone.
func TestArticleInfoKeepsThePagesClock(t *testing.T) {
	a, lib := newTestApp(t, Options{})
	id := a.ctl.current
	// The computer is far from every page below: +09:00.
	inZone(t, time.FixedZone("JST", 9*3600))
	for _, c := range []struct {
		name string
		zone *time.Location
	}{
		{"+01:00", time.FixedZone("", 3600)},
		{"UTC", time.UTC},
		{"-05:00", time.FixedZone("", -5*3600)},
		{"-03:30", time.FixedZone("", -(3*3600 + 1800))},
	} {
		t.Run(c.name, func(t *testing.T) {
			stamped := time.Date(2024, 11, 8, 12, 22, 0, 0, c.zone)
			if _, err := lib.EditArticle(id, storage.ArticleEdit{Published: &stamped}); err != nil {
				t.Fatal(err)
			}
			stored := storedPublished(t, lib, id)
			art, _, err := lib.Article(id)
			if err != nil {
				t.Fatal(err)
			}
			f := newArticleInfoForm(a.shell, art)
			if got := f.published.Text; got != "2024-11-08 12:22" {
				t.Errorf("the form shows %q for %v, want the page's 2024-11-08 12:22", got, stored)
			}
			// Saved as it stands (another field changed): the date is untouched.
			f.section.SetText("Politik " + c.name)
			e, changed, err := f.edit(art)
			if err != nil || !changed || e.Published != nil {
				t.Fatalf("edit of the section = %+v, %v, %v: the date must not be set", e, changed, err)
			}
			a.ctl.saveArticleInfo(id, e)
			if got := storedPublished(t, lib, id); !got.Equal(stored) || offset(got) != offset(stored) {
				t.Errorf("after saving the form: %v, want %v", got, stored)
			}
			// Corrected by the reader: the page's zone is kept.
			art, _, _ = lib.Article(id)
			f = newArticleInfoForm(a.shell, art)
			f.published.SetText("2024-11-08 12:25")
			if e, _, err = f.edit(art); err != nil || e.Published == nil {
				t.Fatalf("edit of the time = %+v, %v", e, err)
			}
			a.ctl.saveArticleInfo(id, e)
			want := time.Date(2024, 11, 8, 12, 25, 0, 0, c.zone)
			if got := storedPublished(t, lib, id); !got.Equal(want) || offset(got) != offset(want) {
				t.Errorf("a corrected time is stored as %v, want %v", got, want)
			}
		})
	}
}

// A time typed with an offset takes it; one without a stored date to take
// a zone from is the computer's.
func TestParseInfoTimeZones(t *testing.T) {
	inZone(t, time.FixedZone("JST", 9*3600))
	page := time.Date(2024, 11, 8, 12, 22, 0, 0, time.FixedZone("", 3600))
	for _, c := range []struct {
		typed  string
		stored time.Time
		want   time.Time
	}{
		{"2024-11-08 12:22", page, page},
		{"2024-11-08 12:22 -05:00", page, time.Date(2024, 11, 8, 12, 22, 0, 0, time.FixedZone("", -5*3600))},
		{"2024-11-08 12:22 Z", page, time.Date(2024, 11, 8, 12, 22, 0, 0, time.UTC)},
		{"2024-11-08", page, time.Date(2024, 11, 8, 0, 0, 0, 0, time.FixedZone("", 3600))},
		{"2024-11-08 12:22", time.Time{}, time.Date(2024, 11, 8, 12, 22, 0, 0, time.Local)},
	} {
		got, err := parseInfoTime(c.typed, infoTimeZone(c.stored))
		if err != nil || !got.Equal(c.want) || offset(got) != offset(c.want) {
			t.Errorf("parseInfoTime(%q) with stored %v = %v, %v; want %v", c.typed, c.stored, got, err, c.want)
		}
	}
}

// storedPublished is the article's publication time as the library keeps it.
func storedPublished(t *testing.T, lib *storage.Library, id string) time.Time {
	t.Helper()
	_, info, err := lib.Article(id)
	if err != nil {
		t.Fatal(err)
	}
	return info.Published
}

// offset is a time's offset from UTC in seconds.
func offset(t time.Time) int {
	_, off := t.Zone()
	return off
}
