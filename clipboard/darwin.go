//go:build darwin && !ios

package clipboard

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"
)

// On macOS the pasteboard's HTML is asked of osascript, which every Mac
// has: reading NSPasteboard directly would need cgo (and a Mac's SDK to
// build), for a read that happens once per paste.

// appleScriptHTML asks for the clipboard as HTML data; osascript prints it
// as a «data HTML…» literal (see applescript.go).
const appleScriptHTML = "the clipboard as «class HTML»"

// appleScriptOverhead is the most osascript prints around the hex digits:
// the guillemets, the type and a newline.
const appleScriptOverhead = 64

// osascriptWaitDelay bounds the wait for osascript's output to close after
// it was killed (for ctx's end), should a child of it hold the pipe.
const osascriptWaitDelay = 100 * time.Millisecond

// readHTML runs osascript and parses what it prints, calling progress as
// its output comes; reading stops, and osascript is killed, past limit
// bytes of HTML (twice as many digits) or at ctx's end. macOS's
// pasteboard keeps no page address beside the HTML that AppleScript reads.
func readHTML(ctx context.Context, limit int, progress func()) ([]byte, string, error) {
	html, err := readAppleScriptHTML(ctx, limit, progress)
	return html, "", err
}

// readAppleScriptHTML is readHTML's HTML.
func readAppleScriptHTML(ctx context.Context, limit int, progress func()) ([]byte, error) {
	path, err := exec.LookPath("osascript")
	if err != nil {
		return nil, fmt.Errorf("%w: osascript is missing (%v)", ErrNoHTML, err)
	}
	cmd := exec.CommandContext(ctx, path, "-e", appleScriptHTML)
	cmd.WaitDelay = osascriptWaitDelay
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%w: osascript did not start (%v)", ErrNoHTML, err)
	}
	maxOut := 2*limit + appleScriptOverhead
	out, readErr := io.ReadAll(io.LimitReader(progressReader{stdout, progress}, int64(maxOut)+1))
	if len(out) > maxOut {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, tooLargeStream()
	}
	err = errors.Join(readErr, cmd.Wait())
	switch {
	case ctx.Err() != nil:
		return nil, stopped(ctx)
	case err != nil:
		// "Can't make … into type «class HTML»": the clipboard holds no HTML.
		return nil, fmt.Errorf("%w: osascript said %q (%v)", ErrNoHTML, firstLine(stderr.String()), err)
	}
	return parseAppleScriptData(out)
}

// firstLine is s up to its first line end, for a one-line error.
func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

// progressReader calls progress whenever a read brought bytes.
type progressReader struct {
	r        io.Reader
	progress func()
}

// Read reads from the underlying reader.
func (p progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if n > 0 {
		p.progress()
	}
	return n, err
}
