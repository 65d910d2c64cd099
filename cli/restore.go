package cli

import "errors"

// runRestore is not written yet; its owner replaces this file.
func runRestore(e *Env, args []string) error {
	return errors.New("the restore command is not available in this build yet")
}
