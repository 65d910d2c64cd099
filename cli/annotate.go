package cli

import "errors"

// runAnnotate is not written yet; its owner replaces this file.
func runAnnotate(e *Env, args []string) error {
	return errors.New("the annotate command is not available in this build yet")
}
