package cli

import "errors"

// runExport is not written yet; its owner replaces this file.
func runExport(e *Env, args []string) error {
	return errors.New("the export command is not available in this build yet")
}
