package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dramatis-app/dramatis/internal/words"
)

// Dates as news pages print them next to bylines, in German and English.
// The expressions are compiled once and never change (constant tables).
var (
	// 08.11.2024 - 12:22 Uhr, 8.11.2024, 12:22
	reDateDotted = regexp.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2}\b)`)
	// 2024-11-08, 2024-11-08T12:22
	reDateISO = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?`)
	// 8. November 2024, 8 Nov 2024, 3 Jan. 2019
	reDateDMY = regexp.MustCompile(`(?i)\b(\d{1,2})\.?\s+([a-zäöü]{3,9})\.?,?\s+(\d{4})\b`)
	// November 8, 2024; Nov. 8 2024; January 13th, 2017
	reDateMDY = regexp.MustCompile(`(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	// 12:22 Uhr, 2:05 p.m., 02.00 EST, 14:30 CET
	reTime = regexp.MustCompile(`(?i)\b(\d{1,2})[:.](\d{2})(?:\s*(a\.?m\.?|p\.?m\.?))?(?:\s*(uhr|utc|gmt|cet|cest|mez|mesz|est|edt|et|cst|cdt|pst|pdt|pt|bst))?\b`)
)

// zoneOffsets are the abbreviations a byline may end in, in hours from UTC.
var zoneOffsets = map[string]int{
	"utc": 0, "gmt": 0, "bst": 1, "cet": 1, "mez": 1, "cest": 2, "mesz": 2,
	"est": -5, "edt": -4, "et": -5, "cst": -6, "cdt": -5, "pst": -8, "pdt": -7, "pt": -8,
}

// maxDateLine is the longest line searched for a date: bylines and
// datelines are short, and the expressions are too slow to run over
// megabyte-long lines of a hostile input.
const maxDateLine = 400

// textDate is a date found in a line: the time and the byte span it covers.
type textDate struct {
	t          time.Time
	start, end int
}

// findTextDate returns the first plausible publication date in line. A time
// of day directly after the date is included. Without a zone in the text,
// German pages are read as Europe/Berlin wall time and all others as UTC.
func findTextDate(line, lang string) (textDate, bool) {
	if len(line) > maxDateLine || !strings.ContainsAny(line, "0123456789") {
		return textDate{}, false // every form has digits; skip the expressions
	}
	if d, ok := findTextDateExact(line, lang); ok {
		return d, true
	}
	// A copy glues a credit to the date ("Associated PressDecember 2,
	// 2016"); with the words apart the date is found, and it then stands
	// for the whole line.
	if g := unglueWords(line); g != line {
		if d, ok := findTextDateExact(g, lang); ok {
			return textDate{t: d.t, start: 0, end: len(line)}, true
		}
	}
	return textDate{}, false
}

// unglueWords puts a space where a lower-case letter is directly followed
// by an upper-case one.
func unglueWords(s string) string {
	var b strings.Builder
	var prev rune
	for _, r := range s {
		if unicode.IsLower(prev) && unicode.IsUpper(r) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// findTextDateExact is findTextDate without the unglued second try.
func findTextDateExact(line, lang string) (textDate, bool) {
	best, ok := firstDate(line)
	if !ok {
		return textDate{}, false
	}
	end := best.end
	ct, hasTime := clockAfter(line[best.end:])
	if hasTime {
		end = best.end + ct.end
	}
	var loc *time.Location
	switch {
	case ct.hasZone:
		loc = time.FixedZone(strings.ToUpper(zoneName(ct.zone)), ct.zone*3600)
	case lang == "de":
		loc = berlinZone(best.y, time.Month(best.m), best.d, ct.hour)
	default:
		loc = time.UTC
	}
	t := time.Date(best.y, time.Month(best.m), best.d, ct.hour, ct.min, 0, 0, loc)
	if t.Day() != best.d { // 31 February and friends
		return textDate{}, false
	}
	return textDate{t: t, start: best.start, end: end}, true
}

// The years a news date may have: two-digit years are 20xx.
const (
	minNewsYear = 1990
	maxNewsYear = 2100
)

// dateMatch is a calendar date found in a line and its byte span.
type dateMatch struct {
	y, m, d    int
	start, end int
}

// firstDate returns the leftmost plausible date in line in any of the
// four forms (ISO, dotted, day-month-year, month-day-year).
func firstDate(line string) (dateMatch, bool) {
	var best *dateMatch
	consider := func(c dateMatch) {
		if c.m < 1 || c.m > 12 || c.d < 1 || c.d > 31 || c.y < minNewsYear || c.y > maxNewsYear {
			return
		}
		if best == nil || c.start < best.start {
			best = &c
		}
	}
	if m := reDateISO.FindStringSubmatchIndex(line); m != nil {
		y, _ := strconv.Atoi(line[m[2]:m[3]])
		mo, _ := strconv.Atoi(line[m[4]:m[5]])
		d, _ := strconv.Atoi(line[m[6]:m[7]])
		consider(dateMatch{y, mo, d, m[0], m[7]})
	}
	if m := reDateDotted.FindStringSubmatchIndex(line); m != nil {
		d, _ := strconv.Atoi(line[m[2]:m[3]])
		mo, _ := strconv.Atoi(line[m[4]:m[5]])
		y, _ := strconv.Atoi(line[m[6]:m[7]])
		if y < 100 {
			y += 2000
		}
		consider(dateMatch{y, mo, d, m[0], m[1]})
	}
	if m := reDateDMY.FindStringSubmatchIndex(line); m != nil {
		if mo, ok := words.Month(strings.ToLower(line[m[4]:m[5]])); ok {
			d, _ := strconv.Atoi(line[m[2]:m[3]])
			y, _ := strconv.Atoi(line[m[6]:m[7]])
			consider(dateMatch{y, int(mo), d, m[0], m[1]})
		}
	}
	if m := reDateMDY.FindStringSubmatchIndex(line); m != nil {
		if mo, ok := words.Month(strings.ToLower(line[m[2]:m[3]])); ok {
			d, _ := strconv.Atoi(line[m[4]:m[5]])
			y, _ := strconv.Atoi(line[m[6]:m[7]])
			consider(dateMatch{y, int(mo), d, m[0], m[1]})
		}
	}
	if best == nil {
		return dateMatch{}, false
	}
	return *best, true
}

// clockTime is a time of day found after a date: hour and minute, the
// zone's offset in hours when one is named, and where it ends in rest.
type clockTime struct {
	hour, min int
	zone      int
	hasZone   bool
	end       int
}

// clockAfter reads the time of day that may follow a date, after a
// separator ("- 12:22 Uhr", ", 2:05 p.m."). A zone is kept even when the
// time itself is out of range (then the date stands alone).
func clockAfter(rest string) (clockTime, bool) {
	var ct clockTime
	m := reTime.FindStringSubmatchIndex(rest)
	if m == nil || len(strings.Trim(rest[:m[0]], " -–—|,·/atumAT")) != 0 {
		return ct, false
	}
	ct.hour, _ = strconv.Atoi(rest[m[2]:m[3]])
	ct.min, _ = strconv.Atoi(rest[m[4]:m[5]])
	if m[6] >= 0 {
		ap := strings.ToLower(rest[m[6]:m[7]])
		if strings.HasPrefix(ap, "p") && ct.hour < 12 {
			ct.hour += 12
		} else if strings.HasPrefix(ap, "a") && ct.hour == 12 {
			ct.hour = 0
		}
	}
	if m[8] >= 0 {
		if off, ok := zoneOffsets[strings.ToLower(rest[m[8]:m[9]])]; ok {
			ct.zone, ct.hasZone = off, true
		}
	}
	if ct.hour > 23 || ct.min > 59 {
		ct.hour, ct.min = 0, 0
		return ct, false
	}
	ct.end = m[1]
	return ct, true
}

func zoneName(off int) string {
	if off == 0 {
		return "UTC"
	}
	return "UTC" + strconv.Itoa(off)
}

// berlinZone returns Europe/Berlin's offset for a wall-clock time: CEST
// from the last Sunday of March to the last Sunday of October, CET
// otherwise. Computed rather than loaded so that cleaning does not depend
// on the machine's time zone database.
func berlinZone(y int, m time.Month, d, hour int) *time.Location {
	lastSunday := func(month time.Month) int {
		t := time.Date(y, month+1, 0, 0, 0, 0, 0, time.UTC) // last day of month
		return t.Day() - int(t.Weekday())
	}
	summer := false
	switch {
	case m > 3 && m < 10:
		summer = true
	case m == 3:
		ls := lastSunday(3)
		summer = d > ls || d == ls && hour >= 2
	case m == 10:
		ls := lastSunday(10)
		summer = d < ls || d == ls && hour < 3
	}
	if summer {
		return time.FixedZone("CEST", 2*3600)
	}
	return time.FixedZone("CET", 3600)
}
