//go:build !linux

package export

import "os"

// syncFiles makes a batch of written files durable, one fsync each on
// systems without syncfs(2).
func syncFiles(dir string, names []string) error {
	return fsyncEach(names)
}

// syncDir fsyncs a folder where the system can (macOS, the BSDs);
// Windows cannot open a folder for syncing, and its renames are durable
// once done, so a failure here is no failure.
func syncDir(dir string) error {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
