package cli

import "errors"

// runList is not written yet; its owner replaces this file.
func runList(e *Env, args []string) error {
	return errors.New("the list command is not available in this build yet")
}
