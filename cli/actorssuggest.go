package cli

import "errors"

// runActorsSuggest is not written yet; its owner replaces this file.
func runActorsSuggest(e *Env, args []string) error {
	return errors.New("actors suggest is not available in this build yet")
}
