//go:build !race

package storage

// raceEnabled: the race detector is on (long tests run shorter).
const raceEnabled = false
