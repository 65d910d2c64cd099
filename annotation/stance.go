package annotation

import (
	"slices"
	"strings"
)

// Stance is the position an actor takes on a topic in a passage, as the
// Discourse Network Analyzer codes a statement's agreement. The empty
// stance is "unset": the passage ties the actor to the topic without
// saying for or against.
type Stance string

// The stances an actor can take on a topic.
const (
	StanceUnset    Stance = ""
	StanceSupports Stance = "supports"
	StanceOpposes  Stance = "opposes"
	StanceNeutral  Stance = "neutral"
)

// Stances lists every stance that says something, in the order the
// picker's keys give them (+, −, 0). Like Kinds and Roles it is the one
// source for the picker, the command line, exports and the library's
// checks.
var Stances = []Stance{StanceSupports, StanceOpposes, StanceNeutral}

// stanceSigns are the one-key spellings of Stances, in their order: what
// the picker takes and Sign shows.
var stanceSigns = []string{"+", "−", "0"}

// Valid reports whether s is one of Stances or unset.
func (s Stance) Valid() bool { return s == StanceUnset || slices.Contains(Stances, s) }

// Sign is the stance as one character (+, − or 0), "" when unset.
func (s Stance) Sign() string {
	if i := slices.Index(Stances, s); i >= 0 {
		return stanceSigns[i]
	}
	return ""
}

// StanceNames returns Stances as strings, for choosers.
func StanceNames() []string { return names(Stances) }

// StanceChoices lists Stances for a usage line or an error message.
func StanceChoices() string { return choices(StanceNames()) }

// ParseStance reads a stance as a reader types it: its name (any case), a
// prefix of it of at least three letters, or its sign (+, - or −, 0).
// "", "unset" and "none" are the unset stance. ok is false for anything
// else.
func ParseStance(s string) (Stance, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "", "unset", "none":
		return StanceUnset, true
	case "-", "–": // a hyphen or an en dash typed for the minus sign
		return StanceOpposes, true
	}
	for i, st := range Stances {
		if s == stanceSigns[i] || (len(s) >= 3 && strings.HasPrefix(string(st), s)) {
			return st, true
		}
	}
	return StanceUnset, false
}
