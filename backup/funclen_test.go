package backup

import (
	"testing"

	"github.com/dramatis-app/dramatis/internal/testkit"
)

// TestFunctionsFit keeps the backup writer's and reader's functions short
// enough to read one step at a time.
func TestFunctionsFit(t *testing.T) {
	testkit.FunctionsFit(t, "backup.go", "read.go", "check.go", "importer.go")
}
