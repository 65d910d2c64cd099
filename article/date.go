package article

import (
	"strings"
	"time"
)

// dateLayouts are the machine-readable date forms pages put into JSON-LD,
// <meta> and <time datetime>, most specific first.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.000Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"20060102T150405Z0700",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"02.01.2006, 15:04",
	"02.01.2006 15:04",
	"02.01.2006",
}

// parseDate reads a published date in any of dateLayouts; ok is false when
// the value is not a date we understand (then the article has no date rather
// than a wrong one). Times without a zone are taken as UTC.
func parseDate(s string) (time.Time, bool) {
	d, ok := parseDeclaredDate(s)
	return d.t, ok
}

// declaredDate is a date a page declares for machines, and what its
// layout told besides the moment: whether it named a zone (an offset,
// "Z", "GMT") and whether it gave a time of day.
type declaredDate struct {
	t                 time.Time
	hasZone, hasClock bool
}

// parseDeclaredDate is parseDate, telling also what the layout held.
func parseDeclaredDate(s string) (declaredDate, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return declaredDate{}, false
	}
	s = strings.Replace(s, " Uhr", "", 1)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Year() < 1900 || t.Year() > 2200 {
				return declaredDate{}, false
			}
			zoned := strings.Contains(l, "Z") || strings.Contains(l, "-0700") || strings.Contains(l, "MST")
			return declaredDate{t: t, hasZone: zoned, hasClock: strings.Contains(l, "15")}, true
		}
	}
	return declaredDate{}, false
}

// maxZoneOffset is the farthest a zone is from UTC (Kiribati's +14).
const maxZoneOffset = 14 * time.Hour

// zoneStep is the finest step of the world's zone offsets (Nepal's +5:45).
const zoneStep = 15 * time.Minute

// inPageZone returns t, a moment a page declares in UTC, in the page's own
// zone when another of its declarations gives the same moment in it: with
// an offset ("2022-04-21T22:11:44-06:00" beside "2022-04-22T04:11:44Z"), or
// as a wall time without one that is a zone's whole offset away to the
// second ("2023-01-16 16:30:41" beside "2023-01-17T00:30:41Z"). The day a
// reader of the page sees is its zone's day: a Californian article of the
// evening of the 16th is not dated the 17th.
func inPageZone(t time.Time, others []string) time.Time {
	if _, off := t.Zone(); off != 0 {
		return t
	}
	for _, s := range others {
		d, ok := parseDeclaredDate(s)
		if !ok || !d.hasClock {
			continue
		}
		if _, off := d.t.Zone(); d.hasZone && off != 0 && d.t.Equal(t) {
			return d.t
		}
		shift := d.t.Sub(t)
		if !d.hasZone && shift != 0 && shift.Abs() <= maxZoneOffset && shift%zoneStep == 0 {
			return t.In(time.FixedZone("", int(shift/time.Second)))
		}
	}
	return t
}
