// Package plural writes counts of things in English the way the window and
// the commands say them, "1 highlight" and "3 highlights", with the verb
// that agrees ("1 highlight loses it", "3 highlights lose it"): one helper
// for every message, so none says "1 highlights" or hedges with
// "highlight(s)".
package plural

import "strconv"

// Of says n of the thing named by the singular noun: "1 highlight",
// "0 highlights", "3 highlights". The nouns Dramatis counts (highlights,
// articles, actors, topics, notes, edges, nodes, records, …) take "s";
// one that does not is written with Irregular.
func Of(n int, noun string) string {
	return Irregular(n, noun, noun+"s")
}

// Irregular is Of for a noun whose plural is not the singular with "s"
// ("1 entry", "3 entries").
func Irregular(n int, one, many string) string {
	return strconv.Itoa(n) + " " + Word(n, one, many)
}

// Word is the form that agrees with a count of n, without the count: a
// verb ("loses"/"lose", "is"/"are") or a noun standing apart from its
// number ("the strongest 5 of 1 edge").
func Word(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
