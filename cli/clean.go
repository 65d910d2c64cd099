package cli

import "errors"

// runClean is not written yet; its owner replaces this file.
func runClean(e *Env, args []string) error {
	return errors.New("the clean command is not available in this build yet")
}
