// Package testkit is the scaffolding the tests of storage, cli, export and
// backup (and the scale benchmarks) share, in one home instead of a copy
// in each: golden files rewritten with -update (Golden), the test binary
// run again as a child process and stopped with SIGKILL for the crash and
// kill tests (StartChild, RunUntilKilled), and generated libraries cached
// between benchmark runs (CachedLibrary).
//
// Only tests import it. It imports nothing of Dramatis, so that the
// in-package tests of any package (storage's among them) can use it
// without an import cycle.
package testkit
