package storage

import (
	"testing"

	"github.com/dramatis-app/dramatis/internal/testkit"
)

// TestFunctionsFit keeps the integrity check's functions short enough to
// read one step at a time.
func TestFunctionsFit(t *testing.T) {
	testkit.FunctionsFit(t, "integrity.go")
}
