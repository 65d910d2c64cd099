//go:build !(unix && !ios && !android) && !windows

package clipboard

import (
	"context"
	"fmt"
	"runtime"
)

// readHTML has no clipboard to read on systems without a reader here
// (Android, iOS, Plan 9, WebAssembly): Dramatis runs on none of them,
// and the paste falls back to plain text.
func readHTML(context.Context, int, func()) ([]byte, string, error) {
	return nil, "", fmt.Errorf("%w: no clipboard reader for %s", ErrUnsupported, runtime.GOOS)
}
