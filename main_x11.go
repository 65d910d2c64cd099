//go:build unix && !darwin && !ios && !android

package main

import (
	"io"
	"log"

	"fyne.io/fyne/v2"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// quietX11 keeps the X11 protocol library from writing to stderr: it
// logs "Could not get authority info" at every clipboard read where no
// ~/.Xauthority exists (most desktops), while the clipboard reader
// reports every failure that matters as its error.
func quietX11() {
	xgb.Logger = log.New(io.Discard, "", 0)
}

// screenSize is the X screen's size in pixels, zero when the X server
// cannot be asked (app.Options.ScreenSize: Fyne does not tell it). The
// root window spans every monitor, so this bounds the window, not fits it.
func screenSize() fyne.Size {
	c, err := xgb.NewConn()
	if err != nil {
		return fyne.Size{}
	}
	defer c.Close()
	s := xproto.Setup(c).DefaultScreen(c)
	return fyne.NewSize(float32(s.WidthInPixels), float32(s.HeightInPixels))
}
