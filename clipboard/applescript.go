package clipboard

import (
	"bytes"
	"encoding/hex"
	"fmt"
)

// On macOS the HTML is read by osascript, which prints the clipboard's
// public.html data as an AppleScript data literal: «data HTML3C68746D6C3E»,
// the bytes in hexadecimal after the four-letter type. The parser is built
// on every platform, so its tests and fuzzing run where the tests run.

// appleScriptHTMLType is the four-letter type osascript names the data by.
const appleScriptHTMLType = "data HTML"

// appleScriptOpen and appleScriptClose are the guillemets around a data
// literal as osascript may print them: UTF-8 (its output encoding on any
// current macOS), Mac Roman (its encoding where no locale says UTF-8) and
// the ASCII spelling AppleScript also accepts.
var (
	appleScriptOpen  = [][]byte{[]byte("«"), {0xC7}, []byte("<<")}
	appleScriptClose = [][]byte{[]byte("»"), {0xC8}, []byte(">>")}
)

// parseAppleScriptData returns the bytes of osascript's «data HTML…»
// output: surrounding white space allowed, the hex digits in either case,
// nothing else. Output of any other form means the clipboard held no HTML
// that osascript could give.
func parseAppleScriptData(out []byte) ([]byte, error) {
	out = bytes.TrimSpace(out)
	body, ok := trimAny(out, appleScriptOpen, bytes.CutPrefix)
	if ok {
		body, ok = bytes.CutPrefix(body, []byte(appleScriptHTMLType))
	}
	if ok {
		body, ok = trimAny(body, appleScriptClose, bytes.CutSuffix)
	}
	if !ok {
		return nil, fmt.Errorf("%w: osascript gave no HTML data (%.40q)", ErrNoHTML, out)
	}
	data := make([]byte, hex.DecodedLen(len(body)))
	if _, err := hex.Decode(data, body); err != nil {
		return nil, fmt.Errorf("%w: osascript's HTML data is not hexadecimal (%v)", ErrNoHTML, err)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("%w: its HTML is empty", ErrNoHTML)
	}
	return data, nil
}

// trimAny cuts the first of marks that cut finds at its end of b.
func trimAny(b []byte, marks [][]byte, cut func(b, mark []byte) ([]byte, bool)) ([]byte, bool) {
	for _, m := range marks {
		if rest, ok := cut(b, m); ok {
			return rest, true
		}
	}
	return b, false
}
