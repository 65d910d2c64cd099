package backup

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dramatis-app/dramatis/export"
	"github.com/dramatis-app/dramatis/internal/testkit"
)

// killChildEnv names the file the kill test's child writes backups to,
// over and over; with it set, the test binary is that child.
const killChildEnv = "DRAMATIS_BACKUP_KILL_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(killChildEnv); path != "" {
		writeBackupsForever(path)
	}
	os.Exit(m.Run())
}

// writeBackupsForever is the child: it writes a backup of 2,000 articles
// the way 'export --format backup --out' does, until it is killed.
func writeBackupsForever(path string) {
	src := Memory(manyArticles(2000))
	for {
		f, err := export.CreateAtomic(path)
		if err == nil {
			if err = Write(f, src); err != nil {
				f.Abort()
			} else {
				err = f.Commit()
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "backup:", err)
			os.Exit(3)
		}
	}
}

// TestKilledBackupExportLeavesWholeFile kills a process writing backups
// with SIGKILL at random moments: the backup file is always a whole
// backup that passes every check.
func TestKilledBackupExportLeavesWholeFile(t *testing.T) {
	rounds := 6
	if testing.Short() {
		rounds = 2
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "dramatis-backup.json")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	for round := range rounds {
		child := testkit.StartChild(t, "^$", killChildEnv+"="+path)
		// The first round waits for a whole backup, so that every round
		// has one to check.
		for deadline := time.Now().Add(time.Minute); round == 0 && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if _, err := os.Stat(path); err == nil {
				break
			}
		}
		time.Sleep(time.Duration(100+rng.IntN(1500)) * time.Millisecond)
		child.Kill(t)
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		c, err := Check(f)
		f.Close()
		if err != nil || c.Articles() != 2000 {
			t.Fatalf("round %d: the backup is not whole: %v", round, err)
		}
	}
	temps := 0
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".dramatis-") {
			temps++
		}
	}
	t.Logf("%d kills, %d temporary files left for the next export to clear", rounds, temps)
}
