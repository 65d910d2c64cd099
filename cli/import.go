package cli

import "errors"

// runImport is not written yet; its owner replaces this file.
func runImport(e *Env, args []string) error {
	return errors.New("the import command is not available in this build yet")
}
