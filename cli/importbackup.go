package cli

import "errors"

// runImportBackup is not written yet; its owner replaces this file.
func runImportBackup(e *Env, args []string) error {
	return errors.New("the import-backup command is not available in this build yet")
}
