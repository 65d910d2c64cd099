//go:build unix && !darwin && !ios && !android

package clipboard

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// On Linux and the BSDs the clipboard is an X11 selection, and Wayland
// sessions serve it to X programs through XWayland, so one X client reads
// it everywhere. It speaks the protocol itself (github.com/jezek/xgb):
// no cgo, and no xclip needed on the reader's machine.

// x11Target is the target browsers offer a selection's HTML under.
const x11Target = "text/html"

// x11Property is the property on our window the owner writes into.
const x11Property = "DRAMATIS_CLIPBOARD"

// selection is what an owner handed over, and in how many chunks (1 for a
// single transfer; INCR's chunks otherwise), which tests check.
type selection struct {
	data   []byte
	chunks int
}

// x11Atoms are the atoms one read needs, interned once per connection.
type x11Atoms struct {
	clipboard, target, property, incr, targets xproto.Atom
}

// readHTML reads the clipboard's HTML from the X display in $DISPLAY.
func readHTML(ctx context.Context, limit int) ([]byte, error) {
	display := os.Getenv("DISPLAY")
	if display == "" {
		return nil, fmt.Errorf("%w: no X display to read the clipboard from ($DISPLAY is not set)", ErrUnsupported)
	}
	sel, err := readX11(ctx, display, limit)
	return sel.data, err
}

// readX11 asks the CLIPBOARD selection's owner on display for text/html.
// Every wait (for the owner's answer, each INCR chunk, a reply of the
// server) ends when ctx does: ctx's end closes the connection, which
// ends xgb's waits.
func readX11(ctx context.Context, display string, limit int) (selection, error) {
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		return selection{}, fmt.Errorf("%w: cannot reach the X display %s (%v)", ErrUnsupported, display, err)
	}
	stop := context.AfterFunc(ctx, conn.Close)
	defer func() {
		if stop() {
			conn.Close()
		}
	}()
	sel, err := convert(conn, limit)
	if ctx.Err() != nil {
		return selection{}, stopped(ctx)
	}
	return sel, err
}

// convert runs the ICCCM conversation: an unmapped window of our own to
// receive the data, ConvertSelection, the owner's SelectionNotify, then
// the property, in one piece or in INCR chunks.
func convert(conn *xgb.Conn, limit int) (selection, error) {
	atoms, err := internAtoms(conn)
	if err != nil {
		return selection{}, err
	}
	owner, err := xproto.GetSelectionOwner(conn, atoms.clipboard).Reply()
	if err != nil {
		return selection{}, xError("ask who owns the clipboard", err)
	}
	if owner.Owner == xproto.WindowNone {
		return selection{}, fmt.Errorf("%w: it is empty", ErrNoHTML)
	}
	win, err := receiver(conn)
	if err != nil {
		return selection{}, err
	}
	if !offers(conn, win, atoms, limit) {
		return selection{}, fmt.Errorf("%w: its owner offers no %s", ErrNoHTML, x11Target)
	}
	return request(conn, win, atoms, atoms.target, limit)
}

// request asks the owner for the selection as target and reads its
// answer; an owner that cannot convert to target answers with no property.
func request(conn *xgb.Conn, win xproto.Window, atoms x11Atoms, target xproto.Atom, limit int) (selection, error) {
	xproto.ConvertSelection(conn, win, atoms.clipboard, target, atoms.property, xproto.TimeCurrentTime)
	notify, err := waitSelectionNotify(conn, win, target)
	if err != nil {
		return selection{}, err
	}
	if notify.Property == xproto.AtomNone {
		return selection{}, fmt.Errorf("%w: its owner offers no %s", ErrNoHTML, x11Target)
	}
	return readProperty(conn, win, atoms, limit)
}

// offers reports whether the owner lists text/html among its TARGETS.
// An owner should refuse a target it does not have, but some answer every
// target with their text (xclip 0.13 given no -t does), which would pass a
// terminal's plain text off as HTML; TARGETS says what the owner really
// has. An owner that lists no targets (ICCCM asks every owner to) is
// asked for text/html all the same.
func offers(conn *xgb.Conn, win xproto.Window, atoms x11Atoms, limit int) bool {
	sel, err := request(conn, win, atoms, atoms.targets, limit)
	if err != nil || len(sel.data) < 4 {
		return true
	}
	for i := 0; i+4 <= len(sel.data); i += 4 {
		if xproto.Atom(xgb.Get32(sel.data[i:])) == atoms.target {
			return true
		}
	}
	return false
}

// internAtoms looks up the atoms of one read.
func internAtoms(conn *xgb.Conn) (x11Atoms, error) {
	names := []string{"CLIPBOARD", x11Target, x11Property, "INCR", "TARGETS"}
	cookies := make([]xproto.InternAtomCookie, len(names))
	for i, name := range names {
		cookies[i] = xproto.InternAtom(conn, false, uint16(len(name)), name)
	}
	atoms := make([]xproto.Atom, len(names))
	for i, c := range cookies {
		r, err := c.Reply()
		if err != nil {
			return x11Atoms{}, xError("look up the atom "+names[i], err)
		}
		atoms[i] = r.Atom
	}
	return x11Atoms{clipboard: atoms[0], target: atoms[1], property: atoms[2], incr: atoms[3], targets: atoms[4]}, nil
}

// receiver creates the window the owner writes the selection into:
// InputOnly and never mapped, so nothing appears on screen, and listening
// for property changes from the start, so no INCR chunk's notice can come
// before we listen.
func receiver(conn *xgb.Conn) (xproto.Window, error) {
	win, err := xproto.NewWindowId(conn)
	if err != nil {
		return 0, xError("make a window id", err)
	}
	screen := xproto.Setup(conn).DefaultScreen(conn)
	err = xproto.CreateWindowChecked(conn, 0, win, screen.Root, 0, 0, 1, 1, 0,
		xproto.WindowClassInputOnly, 0, xproto.CwEventMask,
		[]uint32{xproto.EventMaskPropertyChange}).Check()
	if err != nil {
		return 0, xError("create a window", err)
	}
	return win, nil
}

// waitSelectionNotify waits for the owner's answer to our request for
// target; other events (the notice of the property it set) pass.
func waitSelectionNotify(conn *xgb.Conn, win xproto.Window, target xproto.Atom) (xproto.SelectionNotifyEvent, error) {
	for {
		ev, err := nextEvent(conn)
		if err != nil {
			return xproto.SelectionNotifyEvent{}, err
		}
		if n, ok := ev.(xproto.SelectionNotifyEvent); ok && n.Requestor == win && n.Target == target {
			return n, nil
		}
	}
}

// waitNewValue waits until the owner has written the next INCR chunk.
func waitNewValue(conn *xgb.Conn, win xproto.Window, prop xproto.Atom) error {
	for {
		ev, err := nextEvent(conn)
		if err != nil {
			return err
		}
		if n, ok := ev.(xproto.PropertyNotifyEvent); ok && n.Window == win &&
			n.Atom == prop && n.State == xproto.PropertyNewValue {
			return nil
		}
	}
}

// nextEvent is xgb's WaitForEvent with its two kinds of failure told
// apart: an X error, and the connection's end (closed for ctx, or lost).
func nextEvent(conn *xgb.Conn) (xgb.Event, error) {
	ev, xerr := conn.WaitForEvent()
	switch {
	case xerr != nil:
		return nil, xError("read the clipboard", xerr)
	case ev == nil:
		return nil, errors.New("the connection to the X display ended")
	}
	return ev, nil
}

// readProperty reads and deletes the property the owner wrote. Deleting
// it is also what asks an INCR owner for the first chunk.
func readProperty(conn *xgb.Conn, win xproto.Window, atoms x11Atoms, limit int) (selection, error) {
	r, err := getDelete(conn, win, atoms.property, limit)
	if err != nil {
		return selection{}, err
	}
	if r.Type == atoms.incr {
		return readIncr(conn, win, atoms.property, r.Value, limit)
	}
	if r.Type == xproto.AtomNone {
		return selection{}, fmt.Errorf("%w: its owner said it sent the HTML but wrote none", ErrNoHTML)
	}
	if r.BytesAfter > 0 {
		return selection{}, tooLarge(len(r.Value) + int(r.BytesAfter))
	}
	return selection{data: r.Value, chunks: 1}, nil
}

// readIncr reads an INCR transfer: the owner writes a chunk, we read and
// delete it, it writes the next, until a chunk of zero length. A whole
// news page's HTML is often above the size the X server lets one request
// carry, and browsers switch to INCR well below that (Chromium at 256 kB).
// head is the INCR property's value, the owner's lower bound of the size.
func readIncr(conn *xgb.Conn, win xproto.Window, prop xproto.Atom, head []byte, limit int) (selection, error) {
	if len(head) >= 4 && int64(xgb.Get32(head)) > int64(limit) {
		return selection{}, tooLarge(int(xgb.Get32(head)))
	}
	sel := selection{}
	for {
		if err := waitNewValue(conn, win, prop); err != nil {
			return selection{}, err
		}
		r, err := getDelete(conn, win, prop, limit-len(sel.data))
		if err != nil {
			return selection{}, err
		}
		if len(r.Value) == 0 && r.BytesAfter == 0 {
			return sel, nil
		}
		if r.BytesAfter > 0 || len(sel.data)+len(r.Value) > limit {
			return selection{}, tooLargeStream()
		}
		sel.data = append(sel.data, r.Value...)
		sel.chunks++
	}
}

// getDelete reads prop of win, at most limit bytes and one more 32-bit
// unit (so BytesAfter tells a value above the limit), deleting it when it
// was read whole.
func getDelete(conn *xgb.Conn, win xproto.Window, prop xproto.Atom, limit int) (*xproto.GetPropertyReply, error) {
	units := uint32(max(limit, 0)/4 + 1)
	r, err := xproto.GetProperty(conn, true, win, prop, xproto.GetPropertyTypeAny, 0, units).Reply()
	if err != nil {
		return nil, xError("read the clipboard's data", err)
	}
	return r, nil
}

// xError words an X protocol failure while doing what.
func xError(what string, err error) error {
	return fmt.Errorf("could not %s on the X display: %w", what, err)
}
