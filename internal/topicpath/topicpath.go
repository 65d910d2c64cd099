// Package topicpath reads a topic typed under its parent, "Sanktionen/Finanzen",
// the one way the window's topic field and the command line's --topic both
// read it. It lives below widgets (which knows nothing of annotation) and
// cli, so the two cannot drift apart.
package topicpath

import "strings"

// Shown is how a topic under another is shown: "Sanktionen › Ölembargo".
const Shown = " › "

// Seps are what readers type between a parent and its topic:
// "Sanktionen/Wirtschaft", "Sanktionen › Wirtschaft", "Sanktionen > Wirtschaft".
var Seps = []string{"›", "/", ">"}

// Split splits a typed "Parent/Topic" at its first separator, trimming
// both parts; ok is false without a separator or without a parent before
// it ("/Finanzen" is no path). child may be empty ("Sanktionen/": the
// topics under Sanktionen).
func Split(q string) (parent, child string, ok bool) {
	at, n := -1, 0
	for _, sep := range Seps {
		if i := strings.Index(q, sep); i >= 0 && (at < 0 || i < at) {
			at, n = i, len(sep)
		}
	}
	if at < 0 {
		return "", "", false
	}
	parent, child = strings.TrimSpace(q[:at]), strings.TrimSpace(q[at+n:])
	return parent, child, parent != ""
}
