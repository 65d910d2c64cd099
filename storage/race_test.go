//go:build race

package storage

// raceEnabled: the race detector is on. The tests of durability (kills,
// faults, the corpus) then do a part of their work: they have no
// goroutines of their own for it to watch, and the run without it does
// all of it.
const raceEnabled = true
