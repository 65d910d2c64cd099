//go:build !unix && !windows

package cli

// lowerPriority does nothing where there is no priority to lower.
func lowerPriority() error { return nil }
