package cli

import "errors"

// runActors is not written yet; its owner replaces this file.
func runActors(e *Env, args []string) error {
	return errors.New("the actors command is not available in this build yet")
}
