//go:build !unix || darwin || ios || android

package main

// quietX11 does nothing where the clipboard is not read through X11.
func quietX11() {}
