//go:build !race

package storage

// raceEnabled: the race detector is on (see race_test.go).
const raceEnabled = false
