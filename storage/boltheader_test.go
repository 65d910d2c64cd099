package storage

import (
	"os"
	"path/filepath"
	"testing"
)

func TestHasBoltHeader(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	l, err := Open(lib)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, path string
		want       bool
	}{
		{"a library", lib, true},
		{"a text file", write("thesis.txt", "Kapitel 1: Einleitung und Fragestellung der Arbeit\n"), false},
		{"shorter than a page header", write("short", "bolt"), false},
		{"empty", write("empty", ""), false},
	}
	for _, tt := range tests {
		if got, err := HasBoltHeader(tt.path); err != nil || got != tt.want {
			t.Errorf("%s: HasBoltHeader = %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
	if _, err := HasBoltHeader(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing file gives no error")
	}
}
