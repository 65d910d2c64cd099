//go:build unix && !darwin && !ios && !android

package clipboard

import (
	"testing"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// ownerPlay is how a test's owner plays its part: the cases xclip cannot
// play (UTF-16, INCR in small chunks, silence, odd answers).
type ownerPlay struct {
	data       []byte // offered as text/html
	chunk      int    // INCR chunk size; 0 sends data in one piece
	announce   int    // the size the INCR head announces; 0 for len(data)
	stallAfter int    // INCR chunks sent before the owner falls silent; 0 for all
	silent     bool   // answers no request at all
	refuse     bool   // lists text/html, then refuses to convert to it
	noTargets  bool   // refuses TARGETS, converts to text/html all the same
	// source, when set, is offered under sourceTarget: the page's
	// address, as browsers offer it.
	source       []byte
	sourceTarget string
}

// testOwner holds the clipboard on a test's X server through xgb and
// answers requests as its play says.
type testOwner struct {
	conn      *xgb.Conn
	play      ownerPlay
	requested chan struct{} // gets a value when a request comes in
	atoms     struct{ clipboard, targets, target, incr, atom, source xproto.Atom }
	incr      incrTransfer
}

// incrTransfer is the INCR transfer under way: where its chunks go and
// how far it got.
type incrTransfer struct {
	active    bool
	win       xproto.Window
	prop      xproto.Atom
	off, sent int
}

// newOwner takes display's clipboard with play, until the test ends.
func newOwner(t testing.TB, display string, play ownerPlay) *testOwner {
	t.Helper()
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		t.Fatal(err)
	}
	o := &testOwner{conn: conn, play: play, requested: make(chan struct{}, 1)}
	o.atoms.clipboard = internAtom(t, conn, "CLIPBOARD")
	o.atoms.targets = internAtom(t, conn, "TARGETS")
	o.atoms.target = internAtom(t, conn, x11Target)
	o.atoms.incr = internAtom(t, conn, "INCR")
	o.atoms.atom = internAtom(t, conn, "ATOM")
	if play.sourceTarget != "" {
		o.atoms.source = internAtom(t, conn, play.sourceTarget)
	}
	win, err := xproto.NewWindowId(conn)
	if err != nil {
		t.Fatal(err)
	}
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	if err := xproto.CreateWindowChecked(conn, 0, win, root, 0, 0, 1, 1, 0, xproto.WindowClassInputOnly, 0, 0, nil).Check(); err != nil {
		t.Fatal(err)
	}
	watch := newWatcher(t, display)
	done := make(chan struct{})
	go func() { defer close(done); o.serve() }()
	t.Cleanup(func() { conn.Close(); <-done })
	xproto.SetSelectionOwner(conn, win, o.atoms.clipboard, xproto.TimeCurrentTime)
	watch.waitOwned(t)
	return o
}

// serve answers the owner's events until its connection closes. X errors
// (a chunk written to a reader's window that is gone) pass.
func (o *testOwner) serve() {
	for {
		ev, xerr := o.conn.WaitForEvent()
		if ev == nil && xerr == nil {
			return
		}
		switch e := ev.(type) {
		case xproto.SelectionRequestEvent:
			o.answer(e)
		case xproto.PropertyNotifyEvent:
			if e.State == xproto.PropertyDelete {
				o.nextChunk(e)
			}
		}
	}
}

// answer answers one request, as the play says.
func (o *testOwner) answer(e xproto.SelectionRequestEvent) {
	select {
	case o.requested <- struct{}{}:
	default:
	}
	o.incr = incrTransfer{} // a new request ends any transfer under way
	switch {
	case o.play.silent:
	case e.Target == o.atoms.targets && !o.play.noTargets:
		targets := []xproto.Atom{o.atoms.targets, o.atoms.target}
		if o.atoms.source != 0 {
			targets = append(targets, o.atoms.source)
		}
		list := make([]byte, 4*len(targets))
		for i, a := range targets {
			xgb.Put32(list[4*i:], uint32(a))
		}
		xproto.ChangeProperty(o.conn, xproto.PropModeReplace, e.Requestor, e.Property, o.atoms.atom, 32, uint32(len(targets)), list)
		o.notify(e, e.Property)
	case o.atoms.source != 0 && e.Target == o.atoms.source:
		xproto.ChangeProperty(o.conn, xproto.PropModeReplace, e.Requestor, e.Property, o.atoms.source, 8, uint32(len(o.play.source)), o.play.source)
		o.notify(e, e.Property)
	case e.Target == o.atoms.target && !o.play.refuse:
		o.send(e)
	default:
		o.notify(e, xproto.AtomNone)
	}
}

// send writes the data into the requestor's property: in one piece, or
// as an INCR head whose deletion asks for the first chunk.
func (o *testOwner) send(e xproto.SelectionRequestEvent) {
	data := o.play.data
	if o.play.chunk == 0 {
		xproto.ChangeProperty(o.conn, xproto.PropModeReplace, e.Requestor, e.Property, o.atoms.target, 8, uint32(len(data)), data)
		o.notify(e, e.Property)
		return
	}
	xproto.ChangeWindowAttributes(o.conn, e.Requestor, xproto.CwEventMask, []uint32{xproto.EventMaskPropertyChange})
	size := o.play.announce
	if size == 0 {
		size = len(data)
	}
	head := make([]byte, 4)
	xgb.Put32(head, uint32(size))
	xproto.ChangeProperty(o.conn, xproto.PropModeReplace, e.Requestor, e.Property, o.atoms.incr, 32, 1, head)
	o.incr = incrTransfer{active: true, win: e.Requestor, prop: e.Property}
	o.notify(e, e.Property)
}

// nextChunk writes the next INCR chunk once the reader deleted the last
// one; after the data, a zero-length chunk ends the transfer.
func (o *testOwner) nextChunk(e xproto.PropertyNotifyEvent) {
	s := &o.incr
	if !s.active || e.Window != s.win || e.Atom != s.prop {
		return
	}
	if o.play.stallAfter > 0 && s.sent == o.play.stallAfter {
		return
	}
	n := min(o.play.chunk, len(o.play.data)-s.off)
	xproto.ChangeProperty(o.conn, xproto.PropModeReplace, s.win, s.prop, o.atoms.target, 8, uint32(n), o.play.data[s.off:s.off+n])
	s.off += n
	s.sent++
	s.active = n > 0
}

// notify tells the requestor its request is answered: in prop, or not
// at all (AtomNone).
func (o *testOwner) notify(e xproto.SelectionRequestEvent, prop xproto.Atom) {
	ev := xproto.SelectionNotifyEvent{Time: e.Time, Requestor: e.Requestor, Selection: e.Selection, Target: e.Target, Property: prop}
	xproto.SendEvent(o.conn, false, e.Requestor, 0, string(ev.Bytes()))
}
