//go:build !unix

package storage

import (
	"errors"
	"os"
)

func isUnsupported(err error) bool { return errors.Is(err, errors.ErrUnsupported) }

func isNoSpace(err error) bool { return false }

func noSpaceCause(err error) string { return "" }

func isReadOnlyFS(err error) bool { return errors.Is(err, os.ErrPermission) }
