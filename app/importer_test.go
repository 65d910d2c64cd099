package app

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

func TestOpenURLCancel(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	arrived := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		<-r.Context().Done() // a slow site: answers only when the client gives up
	}))
	defer srv.Close()
	a.shell.jobs.inline = false // the fetch must run in the background for Cancel to be pressed
	a.importer.fetchURL(srv.URL + "/artikel")
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
	a.shell.jobs.pending.Wait()
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Cancel took %v to stop the download", d)
	}
	if infos, _ := lib.Articles(); len(infos) != 0 {
		t.Errorf("a cancelled download left %d article(s)", len(infos))
	}
	if a.shell.status.Text != "Cancelled." {
		t.Errorf("status after cancel = %q", a.shell.status.Text)
	}
}

// The progress dialog counts what has arrived, so a slow site can be told
// from a dead one (it used to show only an endless bar).
func TestOpenURLCountsBytesReceived(t *testing.T) {
	a, lib := newTestApp(t, Options{NoDemo: true})
	body := "<html><head><title>Seoul und Peking</title></head><body><article><h1>Seoul und Peking</h1>" +
		strings.Repeat("<p>Seoul und Peking verhandeln weiter über die Lage auf der Halbinsel, sagte ein Sprecher.</p>\n", 600) +
		"</article></body></html>"
	// The handler looks at the dialog while the request is open; the
	// request is the only thing the app waits for then.
	dialogs := make(chan fyne.CanvasObject, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		dialogs <- a.win.Canvas().Overlays().Top()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(body))
	}))
	defer srv.Close()
	a.importer.fetchURL(srv.URL + "/seoul") // background work runs inline in tests
	ov := <-dialogs
	if infos, _ := lib.Articles(); len(infos) != 1 {
		t.Fatalf("the download imported %d articles", len(infos))
	}
	want := receivedText(int64(len(body)))
	if txt := renderedText(ov); !strings.Contains(txt, want) {
		t.Errorf("the progress dialog says %q, want %q", txt, want)
	}
}

func TestReceivedText(t *testing.T) {
	for n, want := range map[int64]string{
		512:           "512 bytes received",
		40 << 10:      "40 kB received",
		3 << 20:       "3.0 MB received",
		(5 << 20) / 2: "2.5 MB received",
	} {
		if got := receivedText(n); got != want {
			t.Errorf("receivedText(%d) = %q, want %q", n, got, want)
		}
	}
}
