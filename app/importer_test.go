package app

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestOpenURLCancel(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	arrived := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		<-r.Context().Done() // a slow site: answers only when the client gives up
	}))
	defer srv.Close()
	a.inline = false // the fetch must run in the background for Cancel to be pressed
	a.fetchURL(srv.URL + "/artikel")
	select {
	case <-arrived:
	case <-time.After(10 * time.Second):
		t.Fatal("the request never reached the server")
	}
	ov := a.win.Canvas().Overlays().Top()
	if ov == nil {
		t.Fatal("no progress dialog while fetching")
	}
	cancel := findButton(ov, "Cancel")
	if cancel == nil {
		t.Fatalf("progress dialog has no Cancel button: %q", renderedText(ov))
	}
	start := time.Now()
	cancel.OnTapped()
	a.pending.Wait()
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Cancel took %v to stop the download", d)
	}
	if infos, _ := lib.Articles(); len(infos) != 0 {
		t.Errorf("a cancelled download left %d article(s)", len(infos))
	}
	if a.status.Text != "Cancelled." {
		t.Errorf("status after cancel = %q", a.status.Text)
	}
}
