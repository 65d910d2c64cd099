//go:build unix && !darwin && !ios && !android

package main

import (
	"io"
	"log"

	"github.com/jezek/xgb"
)

// quietX11 keeps the X11 protocol library from writing to stderr: it
// logs "Could not get authority info" at every clipboard read where no
// ~/.Xauthority exists (most desktops), while the clipboard reader
// reports every failure that matters as its error.
func quietX11() {
	xgb.Logger = log.New(io.Discard, "", 0)
}
