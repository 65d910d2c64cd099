// Package words is the one home of the word lists that more than one
// package reads: the function words that tell a text's language, name
// particles and month names. The lists are data files embedded in the
// binary (stopwords/*.txt, particles.txt, months.txt); adding a language
// or a word needs no change to code.
package words

import (
	"embed"
	"fmt"
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
	months    map[string]time.Month
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
	l := &lists{stopWords: map[string][]int{}, particles: map[string]bool{}, months: map[string]time.Month{}}
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
	return l, eachLine("months.txt", func(fields []string) error {
		m, err := strconv.Atoi(fields[0])
		if err != nil || m < 1 || m > 12 || len(fields) < 2 {
			return fmt.Errorf("want a month's number and its names, got %q", strings.Join(fields, " "))
		}
		for _, name := range fields[1:] {
			l.months[name] = time.Month(m)
		}
		return nil
	})
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

// Month returns the month a name or abbreviation (lower-case, German or
// English: "märz", "sept", "december") stands for.
func Month(name string) (time.Month, bool) {
	m, ok := loaded().months[name]
	return m, ok
}
