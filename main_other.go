//go:build !windows

package main

// attachConsole does nothing: elsewhere a program run from a terminal has
// its streams.
func attachConsole() {}
