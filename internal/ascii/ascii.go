// Package ascii holds the one test for plain ASCII text, which the hot
// paths of several packages take first: text that is ASCII needs no
// repair of misread encodings (article), is already NFC and folds in a
// byte loop (annotation/recognize).
package ascii

import "unicode/utf8"

// Is reports whether s is plain ASCII: no byte at or above
// utf8.RuneSelf. It is a byte loop, small enough for the compiler to
// inline at each call, because it runs on every text and name before
// anything slower.
func Is(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
