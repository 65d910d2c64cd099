//go:build !unix

package main

import "os"

// peakRSS is 0 where the system reports no peak resident set for a child
// (the benchmark then prints "–").
func peakRSS(*os.ProcessState) int64 { return 0 }
