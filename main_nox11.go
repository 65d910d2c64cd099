//go:build !unix || darwin || ios || android

package main

import "fyne.io/fyne/v2"

// quietX11 does nothing where the clipboard is not read through X11.
func quietX11() {}

// screenSize is unknown where the X server is not asked (zero).
func screenSize() fyne.Size { return fyne.Size{} }
