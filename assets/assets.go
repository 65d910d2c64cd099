// Package assets embeds the files Dramatis ships inside its binary: the
// icon, the demo article and the built-in actor knowledge.
package assets

import _ "embed"

// Icon is the application icon as PNG (512×512).
//
//go:embed icon.png
var Icon []byte
