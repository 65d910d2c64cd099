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

// x11SourceTargets are the targets browsers offer the copied page's
// address under: Firefox's (UTF-16) and Chromium's (UTF-8).
var x11SourceTargets = []string{"text/x-moz-url-priv", "chromium/x-source-url"}

// selection is what an owner handed over, and in how many chunks (1 for a
// single transfer; INCR's chunks otherwise), which tests check; source is
// the page's address, when the owner offered it.
type selection struct {
	data   []byte
	chunks int
	source string
}

// x11Reader is one read: its connection, window and atoms, the most it
// takes, and what it calls when the owner answered.
type x11Reader struct {
	conn     *xgb.Conn
	win      xproto.Window
	atoms    x11Atoms
	limit    int
	progress func()
}

// x11Atoms are the atoms one read needs, interned once per connection.
type x11Atoms struct {
	clipboard, target, property, incr, targets xproto.Atom
	sources                                    []xproto.Atom // x11SourceTargets
}

// readHTML reads the clipboard's HTML from the X display in $DISPLAY,
// calling progress at each event, an owner's answer.
func readHTML(ctx context.Context, limit int, progress func()) ([]byte, string, error) {
	display := os.Getenv("DISPLAY")
	if display == "" {
		return nil, "", fmt.Errorf("%w: no X display to read the clipboard from ($DISPLAY is not set)", ErrUnsupported)
	}
	sel, err := readX11(ctx, display, limit, progress)
	return sel.data, sel.source, err
}

// readX11 asks the CLIPBOARD selection's owner on display for text/html.
// Every wait (for the owner's answer, each INCR chunk, a reply of the
// server) ends when ctx does: ctx's end closes the connection, which
// ends xgb's waits.
func readX11(ctx context.Context, display string, limit int, progress func()) (selection, error) {
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
	r := &x11Reader{conn: conn, limit: limit, progress: progress}
	sel, err := r.convert()
	if ctx.Err() != nil {
		return selection{}, stopped(ctx)
	}
	return sel, err
}

// convert runs the ICCCM conversation: an unmapped window of our own to
// receive the data, ConvertSelection, the owner's SelectionNotify, then
// the property, in one piece or in INCR chunks.
func (r *x11Reader) convert() (selection, error) {
	var err error
	if r.atoms, err = internAtoms(r.conn); err != nil {
		return selection{}, err
	}
	owner, err := xproto.GetSelectionOwner(r.conn, r.atoms.clipboard).Reply()
	if err != nil {
		return selection{}, xError("ask who owns the clipboard", err)
	}
	if owner.Owner == xproto.WindowNone {
		return selection{}, fmt.Errorf("%w: it is empty", ErrNoHTML)
	}
	if r.win, err = receiver(r.conn); err != nil {
		return selection{}, err
	}
	offered := r.offered()
	if offered != nil && !offered[r.atoms.target] {
		return selection{}, fmt.Errorf("%w: its owner offers no %s", ErrNoHTML, x11Target)
	}
	sel, err := r.request(r.atoms.target)
	if err != nil {
		return selection{}, err
	}
	sel.source = r.source(offered)
	return sel, nil
}

// source asks the owner for the page's address under the first of the
// browsers' targets it offers; "" when it offers none or gives none.
func (r *x11Reader) source(offered map[xproto.Atom]bool) string {
	for _, t := range r.atoms.sources {
		if !offered[t] {
			continue
		}
		short := *r
		short.limit = maxSourceBytes
		if sel, err := short.request(t); err == nil {
			return string(repairEncoding(sel.data))
		}
	}
	return ""
}

// request asks the owner for the selection as target and reads its
// answer; an owner that cannot convert to target answers with no property.
func (r *x11Reader) request(target xproto.Atom) (selection, error) {
	xproto.ConvertSelection(r.conn, r.win, r.atoms.clipboard, target, r.atoms.property, xproto.TimeCurrentTime)
	notify, err := r.waitSelectionNotify(target)
	if err != nil {
		return selection{}, err
	}
	if notify.Property == xproto.AtomNone {
		return selection{}, fmt.Errorf("%w: its owner offers no %s", ErrNoHTML, x11Target)
	}
	return r.readProperty()
}

// offered is the set of targets the owner lists in its TARGETS, or nil
// when it lists none (ICCCM asks every owner to; one that does not is
// asked for text/html all the same). An owner should refuse a target it
// does not have, but some answer every target with their text (xclip
// 0.13 given no -t does), which would pass a terminal's plain text off as
// HTML; TARGETS says what the owner really has.
func (r *x11Reader) offered() map[xproto.Atom]bool {
	sel, err := r.request(r.atoms.targets)
	if err != nil || len(sel.data) < 4 {
		return nil
	}
	set := map[xproto.Atom]bool{}
	for i := 0; i+4 <= len(sel.data); i += 4 {
		set[xproto.Atom(xgb.Get32(sel.data[i:]))] = true
	}
	return set
}

// internAtoms looks up the atoms of one read.
func internAtoms(conn *xgb.Conn) (x11Atoms, error) {
	names := append([]string{"CLIPBOARD", x11Target, x11Property, "INCR", "TARGETS"}, x11SourceTargets...)
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
	return x11Atoms{clipboard: atoms[0], target: atoms[1], property: atoms[2], incr: atoms[3], targets: atoms[4], sources: atoms[5:]}, nil
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
func (r *x11Reader) waitSelectionNotify(target xproto.Atom) (xproto.SelectionNotifyEvent, error) {
	for {
		ev, err := r.nextEvent()
		if err != nil {
			return xproto.SelectionNotifyEvent{}, err
		}
		if n, ok := ev.(xproto.SelectionNotifyEvent); ok && n.Requestor == r.win && n.Target == target {
			return n, nil
		}
	}
}

// waitNewValue waits until the owner has written the next INCR chunk.
func (r *x11Reader) waitNewValue() error {
	for {
		ev, err := r.nextEvent()
		if err != nil {
			return err
		}
		if n, ok := ev.(xproto.PropertyNotifyEvent); ok && n.Window == r.win &&
			n.Atom == r.atoms.property && n.State == xproto.PropertyNewValue {
			return nil
		}
	}
}

// nextEvent is xgb's WaitForEvent with its two kinds of failure told
// apart: an X error, and the connection's end (closed for ctx, or lost).
// An event is the owner's doing (an answer, a chunk written), so it
// restarts the wait for the owner.
func (r *x11Reader) nextEvent() (xgb.Event, error) {
	ev, xerr := r.conn.WaitForEvent()
	switch {
	case xerr != nil:
		return nil, xError("read the clipboard", xerr)
	case ev == nil:
		return nil, errors.New("the connection to the X display ended")
	}
	r.progress()
	return ev, nil
}

// readProperty reads and deletes the property the owner wrote. Deleting
// it is also what asks an INCR owner for the first chunk.
func (r *x11Reader) readProperty() (selection, error) {
	rep, err := r.getDelete(r.limit)
	if err != nil {
		return selection{}, err
	}
	if rep.Type == r.atoms.incr {
		return r.readIncr(rep.Value)
	}
	if rep.Type == xproto.AtomNone {
		return selection{}, fmt.Errorf("%w: its owner said it sent the HTML but wrote none", ErrNoHTML)
	}
	if rep.BytesAfter > 0 {
		return selection{}, tooLarge(len(rep.Value) + int(rep.BytesAfter))
	}
	return selection{data: rep.Value, chunks: 1}, nil
}

// readIncr reads an INCR transfer: the owner writes a chunk, we read and
// delete it, it writes the next, until a chunk of zero length. A whole
// news page's HTML is often above the size the X server lets one request
// carry, and browsers switch to INCR well below that (Chromium at 256 kB).
// head is the INCR property's value, the owner's lower bound of the size.
func (r *x11Reader) readIncr(head []byte) (selection, error) {
	if len(head) >= 4 && int64(xgb.Get32(head)) > int64(r.limit) {
		return selection{}, tooLarge(int(xgb.Get32(head)))
	}
	sel := selection{}
	for {
		if err := r.waitNewValue(); err != nil {
			return selection{}, err
		}
		rep, err := r.getDelete(r.limit - len(sel.data))
		if err != nil {
			return selection{}, err
		}
		if len(rep.Value) == 0 && rep.BytesAfter == 0 {
			return sel, nil
		}
		if rep.BytesAfter > 0 || len(sel.data)+len(rep.Value) > r.limit {
			return selection{}, tooLargeStream()
		}
		sel.data = append(sel.data, rep.Value...)
		sel.chunks++
	}
}

// getDelete reads our property, at most limit bytes and one more 32-bit
// unit (so BytesAfter tells a value above the limit), deleting it when it
// was read whole.
func (r *x11Reader) getDelete(limit int) (*xproto.GetPropertyReply, error) {
	units := uint32(max(limit, 0)/4 + 1)
	rep, err := xproto.GetProperty(r.conn, true, r.win, r.atoms.property, xproto.GetPropertyTypeAny, 0, units).Reply()
	if err != nil {
		return nil, xError("read the clipboard's data", err)
	}
	return rep, nil
}

// xError words an X protocol failure while doing what.
func xError(what string, err error) error {
	return fmt.Errorf("could not %s on the X display: %w", what, err)
}
