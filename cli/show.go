package cli

import "errors"

// runShow is not written yet; its owner replaces this file.
func runShow(e *Env, args []string) error {
	return errors.New("the show command is not available in this build yet")
}
