// Package words is the one home of the word lists that more than one
// package reads: the function words that tell a text's language, name
// particles and month names. The lists are data files embedded in the
// binary (stopwords/*.txt, particles.txt, months.txt); adding a language
// or a word needs no change to code.
package words

import (
	"embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed stopwords/*.txt particles.txt months.txt
var files embed.FS

// lists are the parsed files. They are built once and never changed
// afterwards: constant tables, not mutable state.
type lists struct {
	langs     []string         // languages with a stop-word list, sorted
	stopWords map[string][]int // word -> indexes into langs
	particles map[string]bool  // particle -> also an everyday German word
	months    map[string]MonthName
}

var loaded = sync.OnceValue(func() *lists {
	l, err := parse()
	if err != nil {
		// The files are embedded and covered by tests: an error here is a
		// build defect.
		panic(err)
	}
	return l
})

// parse reads the embedded files.
func parse() (*lists, error) {
	l := &lists{stopWords: map[string][]int{}, particles: map[string]bool{}, months: map[string]MonthName{}}
	entries, err := files.ReadDir("stopwords")
	if err != nil {
		return nil, err
	}
	for _, e := range entries { // ReadDir sorts by name
		lang := strings.TrimSuffix(e.Name(), ".txt")
		li := len(l.langs)
		l.langs = append(l.langs, lang)
		if err := eachLine("stopwords/"+e.Name(), func(fields []string) error {
			for _, w := range fields {
				l.stopWords[w] = append(l.stopWords[w], li)
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	if err := eachLine("particles.txt", func(fields []string) error {
		for _, w := range fields {
			base, everyday := strings.CutSuffix(w, "*")
			l.particles[base] = everyday
		}
		return nil
	}); err != nil {
		return nil, err
	}
	return l, eachLine("months.txt", l.addMonths)
}

// addMonths reads a line of months.txt: a language, a month's number and
// its names in that language, "*" marking a name that is also a word of
// prose.
func (l *lists) addMonths(fields []string) error {
	if len(fields) < 3 {
		return fmt.Errorf("want a language, a month's number and its names, got %q", strings.Join(fields, " "))
	}
	lang := fields[0]
	m, err := strconv.Atoi(fields[1])
	if err != nil || m < 1 || m > 12 {
		return fmt.Errorf("want a month's number, got %q", fields[1])
	}
	for _, f := range fields[2:] {
		name, everyday := strings.CutSuffix(f, "*")
		mn, seen := l.months[name]
		if seen && mn.Month != time.Month(m) {
			return fmt.Errorf("%q is month %d and month %d", name, mn.Month, m)
		}
		mn.Month = time.Month(m)
		mn.Langs = append(mn.Langs, lang)
		mn.Everyday = mn.Everyday || everyday
		l.months[name] = mn
	}
	return nil
}

// eachLine calls f with the words of each line of an embedded file that is
// neither blank nor a "#" comment.
func eachLine(name string, f func(fields []string) error) error {
	data, err := files.ReadFile(name)
	if err != nil {
		return err
	}
	for i, ln := range strings.Split(string(data), "\n") {
		fields := strings.Fields(ln)
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		if err := f(fields); err != nil {
			return fmt.Errorf("%s line %d: %w", name, i+1, err)
		}
	}
	return nil
}

// Particle reports whether w (lower-case) is a name particle, and whether
// it is also an everyday German word (der, den, das, zu) that needs a name
// on both sides before German text reads it as one.
func Particle(w string) (particle, everyday bool) {
	everyday, particle = loaded().particles[w]
	return particle, everyday
}

// MonthName is what a month's name says: the month, the languages that
// write it so, and whether it is also a word of German or English prose
// ("mars", "set"; marked * in months.txt).
type MonthName struct {
	Month    time.Month
	Langs    []string
	Everyday bool
}

// In reports whether lang writes the month so.
func (m MonthName) In(lang string) bool {
	return slices.Contains(m.Langs, lang)
}

// OtherLangs reports whether a language besides the readers' (German,
// English) writes the month so.
func (m MonthName) OtherLangs() bool {
	for _, lang := range m.Langs {
		if !slices.Contains(readerLangs[:], lang) {
			return true
		}
	}
	return false
}

// readerLangs are the languages whose month names Month reads: the
// readers' own, German and English.
var readerLangs = [...]string{"de", "en"}

// Month returns the month a German or English name or abbreviation
// (lower-case: "märz", "sept", "december") stands for. A name only other
// languages write ("diciembre", "mars") is not one: read alone it is
// another word, and only a date's form tells it is a month (LookupMonth).
func Month(name string) (time.Month, bool) {
	m, ok := loaded().months[name]
	if !ok {
		return 0, false
	}
	for _, lang := range readerLangs {
		if m.In(lang) {
			return m.Month, true
		}
	}
	return 0, false
}

// LookupMonth returns what a month's name (lower-case) says in every
// language months.txt lists.
func LookupMonth(name string) (MonthName, bool) {
	m, ok := loaded().months[name]
	return m, ok
}
