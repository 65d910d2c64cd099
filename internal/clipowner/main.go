// Command clipowner holds the X11 clipboard the way a browser does after a
// copy: the copied text as UTF8_STRING (and STRING), the same selection as
// text/html and the page's address as chromium/x-source-url, until another
// program takes the clipboard or it is killed. scripts/smoke uses it to
// paste a page into the real window, as a reader pastes from Chromium.
//
//	clipowner -text copy.txt -html fragment.html -source https://…
//
// It prints "ready" once it owns the clipboard.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// maxPiece is the most one flavour may hold: each is written in one
// ChangeProperty request, and an X server without BIG-REQUESTS takes
// requests of up to 256 kB. A test page is far smaller.
const maxPiece = 200 << 10

func main() {
	textFile := flag.String("text", "", "file holding the copy's text")
	htmlFile := flag.String("html", "", "file holding the copy's HTML")
	source := flag.String("source", "", "the page's address")
	flag.Parse()
	xgb.Logger = log.New(io.Discard, "", 0) // its notes on ~/.Xauthority are no errors
	if err := run(*textFile, *htmlFile, *source); err != nil {
		fmt.Fprintln(os.Stderr, "clipowner:", err)
		os.Exit(1)
	}
}

// owner is the clipboard's owner: its connection, window, atoms and what
// it offers under each target.
type owner struct {
	conn    *xgb.Conn
	win     xproto.Window
	targets xproto.Atom
	atomT   xproto.Atom
	offers  map[xproto.Atom]offer
}

// offer is one flavour: its data and the type it is written with.
type offer struct {
	typ  xproto.Atom
	data []byte
}

func run(textFile, htmlFile, source string) error {
	text, err := readPiece(textFile)
	if err != nil {
		return err
	}
	html, err := readPiece(htmlFile)
	if err != nil {
		return err
	}
	conn, err := xgb.NewConn()
	if err != nil {
		return fmt.Errorf("cannot reach the X display: %w", err)
	}
	o := &owner{conn: conn, offers: map[xproto.Atom]offer{}}
	utf8 := o.atom("UTF8_STRING")
	o.targets, o.atomT = o.atom("TARGETS"), o.atom("ATOM")
	o.offers[utf8] = offer{utf8, text}
	o.offers[xproto.AtomString] = offer{utf8, text}
	o.offers[o.atom("text/html")] = offer{o.atom("text/html"), html}
	if source != "" {
		t := o.atom("chromium/x-source-url")
		o.offers[t] = offer{t, []byte(source)}
	}
	if o.win, err = xproto.NewWindowId(conn); err != nil {
		return err
	}
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	if err := xproto.CreateWindowChecked(conn, 0, o.win, root, 0, 0, 1, 1, 0, xproto.WindowClassInputOnly, 0, 0, nil).Check(); err != nil {
		return err
	}
	clipboard := o.atom("CLIPBOARD")
	xproto.SetSelectionOwner(conn, o.win, clipboard, xproto.TimeCurrentTime)
	if got, err := xproto.GetSelectionOwner(conn, clipboard).Reply(); err != nil || got.Owner != o.win {
		return errors.New("could not take the clipboard")
	}
	fmt.Println("ready")
	return o.serve()
}

// readPiece reads one flavour's file.
func readPiece(name string) ([]byte, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if len(data) > maxPiece {
		return nil, fmt.Errorf("%s is %d bytes; at most %d fit one request", name, len(data), maxPiece)
	}
	return data, nil
}

// atom interns name; the X server answers every intern.
func (o *owner) atom(name string) xproto.Atom {
	r, err := xproto.InternAtom(o.conn, false, uint16(len(name)), name).Reply()
	if err != nil {
		return xproto.AtomNone
	}
	return r.Atom
}

// serve answers requests until another program takes the clipboard.
func (o *owner) serve() error {
	for {
		ev, err := o.conn.WaitForEvent()
		switch e := ev.(type) {
		case xproto.SelectionRequestEvent:
			o.answer(e)
		case xproto.SelectionClearEvent:
			return nil
		case nil:
			if err == nil {
				return errors.New("the X connection ended")
			}
		}
	}
}

// answer writes what a request asks for into the requestor's property,
// or tells it the target is not offered.
func (o *owner) answer(e xproto.SelectionRequestEvent) {
	prop := e.Property
	if prop == xproto.AtomNone {
		prop = e.Target // an obsolete requestor (ICCCM 2.2)
	}
	if e.Target == o.targets {
		list := make([]byte, 4, 4*(len(o.offers)+1))
		xgb.Put32(list, uint32(o.targets))
		for t := range o.offers {
			list = append(list, 0, 0, 0, 0)
			xgb.Put32(list[len(list)-4:], uint32(t))
		}
		xproto.ChangeProperty(o.conn, xproto.PropModeReplace, e.Requestor, prop, o.atomT, 32, uint32(len(list)/4), list)
	} else if off, ok := o.offers[e.Target]; ok {
		xproto.ChangeProperty(o.conn, xproto.PropModeReplace, e.Requestor, prop, off.typ, 8, uint32(len(off.data)), off.data)
	} else {
		prop = xproto.AtomNone
	}
	ev := xproto.SelectionNotifyEvent{Time: e.Time, Requestor: e.Requestor, Selection: e.Selection, Target: e.Target, Property: prop}
	xproto.SendEvent(o.conn, false, e.Requestor, 0, string(ev.Bytes()))
}
